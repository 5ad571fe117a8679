package io.github.recordingbot.officer;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.status.OperatorSecurity;
import io.github.recordingbot.support.TestClock;
import io.github.recordingbot.webex.WebexProperties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The Compliance Officer's browser flow as the controller answers it: operator login for
 * the start, the one-time {@code state}, and answer pages that carry no one else's words.
 * The token endpoint, the token store and the capability check are mocks; the flow
 * against a fake Webex is in {@link AuthorizationFlowTests}.
 */
@WebMvcTest(controllers = AuthorizationController.class,
		properties = { "bot.admin-password=" + OperatorSecurity.PASSWORD,
				"bot.public-base-url=" + AuthorizationControllerTests.PUBLIC_URL,
				"webex.api-base-url=" + AuthorizationControllerTests.WEBEX, "officer.client-id=integration-client-id",
				"officer.client-secret=integration-client-secret" })
@OperatorSecurity
@Import(AuthorizationControllerTests.Registration.class)
@MockitoBean(types = { RestClientAuthorizationCodeTokenResponseClient.class, NewAuthorization.class,
		OfficerCapabilities.class })
class AuthorizationControllerTests {

	static final String PUBLIC_URL = "https://bot.example.com";

	static final String WEBEX = "https://webex.example.com/v1";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RestClientAuthorizationCodeTokenResponseClient codeExchange;

	@Autowired
	NewAuthorization newAuthorization;

	@Autowired
	OfficerCapabilities capabilities;

	@Test
	void authorizeWithoutOperatorLoginIsRefused() {
		assertThat(this.mvc.get().uri("/webex/authorize")).hasStatus(401);
	}

	@Test
	void authorizeSendsStatePkceS256AndTheConfiguredRedirectUriWhateverTheHostHeaders() {
		MvcTestResult result = this.mvc.get()
			.uri("/webex/authorize")
			.with(httpBasic("admin", OperatorSecurity.PASSWORD))
			.header("Host", "evil.example")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.exchange();

		assertThat(result).hasStatus(302);
		URI location = URI.create(result.getResponse().getHeader("Location"));
		var query = UriComponentsBuilder.fromUri(location).build(true).getQueryParams();
		assertThat(location.toString()).startsWith(WEBEX + "/authorize?");
		assertThat(AuthorizationFlowTests.decode(query.getFirst("redirect_uri")))
			.isEqualTo(PUBLIC_URL + "/webex/redirect");
		assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
		assertThat(query.getFirst("code_challenge")).hasSizeGreaterThanOrEqualTo(43);
		assertThat(query.getFirst("state")).hasSizeGreaterThanOrEqualTo(16);
		assertThat(AuthorizationFlowTests.decode(query.getFirst("scope"))).contains("spark-compliance:meetings_read");
	}

	@Test
	void theAuthorizationPagesHaveThePolicyAndAreNeitherCachedNorSentAsReferer() {
		MvcTestResult answer = this.mvc.get().uri("/webex/redirect?error=access_denied").exchange();

		assertThat(answer).hasStatus(400);
		assertThat(answer.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'none'")
			.doesNotContain("script-src");
		assertThat(answer).headers().hasValue("Referrer-Policy", "no-referrer").hasValue("Cache-Control", "no-store");
		assertThat(answer).bodyText()
			.contains("<link rel=\"stylesheet\" href=\"/css/bot.css\">")
			.doesNotContain("<style", "style=", "<script");
	}

	@Test
	void anAcceptedAuthorizationSaysWhoAndUntilWhenAndWhatItAllows() {
		authorizes();
		MockHttpSession session = new MockHttpSession();
		String state = start(session);

		MvcTestResult result = redirect(session, "c", state);

		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("The bot is authorized")
			.contains("Authorized by Olga Officer (olga@example.com)");
		then(this.codeExchange).should().getTokenResponse(any());
	}

	@Test
	void aRefusedAuthorizationIs403AndSaysWhy() {
		given(this.codeExchange.getTokenResponse(any())).willReturn(tokens());
		given(this.newAuthorization.accept(any(), any()))
			.willReturn(NewAuthorization.Result.rejected("Webex did not grant spark-compliance:meetings_read."));
		MockHttpSession session = new MockHttpSession();

		assertThat(redirect(session, "c", start(session))).hasStatus(403)
			.bodyText()
			.contains("Authorization not stored")
			.contains("spark-compliance:meetings_read")
			.contains("The authorization stored before, if any, is unchanged.");
		then(this.capabilities).shouldHaveNoInteractions();
	}

	@Nested
	class AnErrorAnswerShowsOnlyAFixedText {

		@Test
		void aKnownCodeGetsItsTextAndNeverTheDescription() {
			MvcTestResult result = AuthorizationControllerTests.this.mvc.get()
				.uri("/webex/redirect")
				.param("error", "access_denied")
				.param("error_description", "Your account is locked. Call +1 555 0100 or visit evil.example.net")
				.exchange();

			assertThat(result).hasStatus(400)
				.bodyText()
				.contains("The Compliance Officer declined, or may not grant what the bot asks for. (access_denied)")
				.doesNotContain("locked", "555", "evil.example.net");
			then(AuthorizationControllerTests.this.codeExchange).shouldHaveNoInteractions();
		}

		@Test
		void anUnknownCodeGetsAGenericTextAndIsNotEchoed() {
			MvcTestResult result = AuthorizationControllerTests.this.mvc.get()
				.uri("/webex/redirect")
				.param("error", "Call_the_helpdesk_at_evil.example.net")
				.param("error_description", "<script>alert(1)</script>")
				.exchange();

			assertThat(result).hasStatus(400)
				.bodyText()
				.contains("Webex answered with an error.")
				.doesNotContain("helpdesk", "evil.example.net", "script", "alert");
			then(AuthorizationControllerTests.this.codeExchange).shouldHaveNoInteractions();
		}

		@Test
		void everyCodeOfRfc6749IsKnown() {
			for (String code : new String[] { "access_denied", "invalid_request", "unauthorized_client",
					"unsupported_response_type", "invalid_scope", "server_error", "temporarily_unavailable" }) {
				assertThat(AuthorizationPage.OAuthError.of(code).text()).endsWith("(" + code + ")");
			}
			assertThat(AuthorizationPage.OAuthError.of("ACCESS_DENIED"))
				.isEqualTo(AuthorizationPage.OAuthError.UNKNOWN);
		}

	}

	@Nested
	class StateIsChecked {

		@Test
		void missingStateIsRefusedWithoutTokenRequest() {
			MockHttpSession session = new MockHttpSession();
			start(session);

			assertThat(AuthorizationControllerTests.this.mvc.get()
				.uri("/webex/redirect")
				.session(session)
				.param("code", "c")).hasStatus(400);
			then(AuthorizationControllerTests.this.codeExchange).shouldHaveNoInteractions();
		}

		@Test
		void wrongStateIsRefusedWithoutTokenRequest() {
			MockHttpSession session = new MockHttpSession();
			start(session);

			assertThat(redirect(session, "c", "forged")).hasStatus(400);
			then(AuthorizationControllerTests.this.codeExchange).shouldHaveNoInteractions();
		}

		@Test
		void stateFromAnotherSessionIsRefusedWithoutTokenRequest() {
			String state = start(new MockHttpSession());

			assertThat(redirect(new MockHttpSession(), "c", state)).hasStatus(400);
			then(AuthorizationControllerTests.this.codeExchange).shouldHaveNoInteractions();
		}

		@Test
		void replayedAnswerIsRefused() {
			authorizes();
			MockHttpSession session = new MockHttpSession();
			String state = start(session);
			assertThat(redirect(session, "c", state)).hasStatusOk();

			assertThat(redirect(session, "c", state)).hasStatus(400);
			then(AuthorizationControllerTests.this.codeExchange).should(times(1)).getTokenResponse(any());
		}

	}

	/** Starts an authorization as the operator; returns the state sent to Webex. */
	String start(MockHttpSession session) {
		MvcTestResult result = this.mvc.get()
			.uri("/webex/authorize")
			.session(session)
			.with(httpBasic("admin", OperatorSecurity.PASSWORD))
			.exchange();
		assertThat(result).hasStatus(302);
		var query = UriComponentsBuilder.fromUriString(result.getResponse().getHeader("Location"))
			.build(true)
			.getQueryParams();
		return AuthorizationFlowTests.decode(query.getFirst("state"));
	}

	MvcTestResult redirect(MockHttpSession session, String code, String state) {
		return this.mvc.get()
			.uri("/webex/redirect")
			.session(session)
			.param("code", code)
			.param("state", state)
			.exchange();
	}

	void authorizes() {
		given(this.codeExchange.getTokenResponse(any())).willReturn(tokens());
		given(this.newAuthorization.accept(any(), any())).willReturn(NewAuthorization.Result.accepted("Olga Officer",
				"olga@example.com", TestClock.START.plusSeconds(3600), null, Set.of("spark-compliance:meetings_read")));
		given(this.capabilities.check()).willReturn(new OfficerCapabilities.Report(TestClock.START, List.of()));
	}

	static OAuth2AccessTokenResponse tokens() {
		return OAuth2AccessTokenResponse.withToken("officer-access")
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(3600)
			.build();
	}

	/** The registration the bot builds from its settings, as in production. */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ OfficerProperties.class, WebexProperties.class, BotProperties.class })
	static class Registration {

		@Bean
		ClientRegistrationRepository webexRegistration(OfficerProperties officer, WebexProperties webex,
				BotProperties bot) {
			ClientRegistration registration = OfficerConfiguration.registration(officer, webex, bot);
			return (id) -> registration.getRegistrationId().equals(id) ? registration : null;
		}

	}

}
