package io.github.recordingbot.officer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.webex.OfficerTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The officer's authorization against a fake Webex: the code exchange with the matching
 * PKCE verifier, the stored token, and the stored authorization kept when a new one falls
 * short. How the controller answers (login, state, error pages) is specified in
 * {@link AuthorizationControllerTests}.
 */
class AuthorizationFlowTests extends OfficerContextTests {

	static final String REDIRECT_URI = OfficerTestSupport.PUBLIC_URL + "/webex/redirect";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OfficerTokenSource officerTokens;

	@Autowired
	OfficerTokens tokens;

	@Autowired
	AccessConfigStore config;

	@BeforeEach
	void reset() {
		OfficerTestSupport.reset(this.jdbc, this.officerTokens);
	}

	@AfterEach
	void restoreConfig() {
		OfficerTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG);
		this.config.reloadNow();
	}

	@Test
	void theOfficerAuthorizesAndTheTokenIsUsedWithTheMatchingVerifier() throws Exception {
		MockHttpSession session = new MockHttpSession();
		Started started = start(session);

		MvcResult result = this.mvc
			.perform(get("/webex/redirect").session(session)
				.header("Host", "evil.example")
				.param("code", "code-from-webex")
				.param("state", started.state()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("Olga Officer").contains("olga@example.com");
		LoggedRequest exchange = tokenRequests().get(0);
		String body = exchange.getBodyAsString();
		assertThat(body).contains("grant_type=authorization_code").contains("code=code-from-webex");
		assertThat(decode(param(body, "redirect_uri"))).isEqualTo(REDIRECT_URI);
		String verifier = param(body, "code_verifier");
		assertThat(s256(verifier)).isEqualTo(started.challenge());
		assertThat(exchange.getHeader("Authorization")).startsWith("Basic ");
		assertThat(this.tokens.accessToken()).contains("officer-access-1");
	}

	@Test
	void aComplianceOfficerWhoIsNoAdminIsAcceptedAndTheResultPageSaysWhatTheGrantedScopesAllow() throws Exception {
		OfficerTestSupport.tokenEndpointGrants("officer-access-1", "spark-compliance:meetings_read spark:people_read");
		BotTestSupport.WEBEX.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/admin/recordings"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"items\":[]}")));
		MockHttpSession session = new MockHttpSession();
		Started started = start(session);

		MvcResult result = this.mvc
			.perform(get("/webex/redirect").session(session).param("code", "c").param("state", started.state()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("Scopes Webex granted")
			.contains("spark-compliance:meetings_read: find meetings, list their recordings")
			.contains("List recordings and fetch download links: allowed")
			.contains("Check personal rooms: refused")
			.contains("protect_pmr")
			.doesNotContain("meeting:admin_schedule_read:");
		assertThat(this.tokens.grantedScopes()).containsExactlyInAnyOrder("spark-compliance:meetings_read",
				"spark:people_read");
		BotTestSupport.WEBEX.server.verify(com.github.tomakehurst.wiremock.client.WireMock
			.getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/admin/recordings"))
			.withHeader("Authorization",
					com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer officer-access-1")));
	}

	@Nested
	class AStoredAuthorizationIsKept {

		@Test
		void whenAScopeIsMissing() throws Exception {
			authorizeSuccessfully();
			OfficerTestSupport.tokenEndpointGrants("officer-access-2", "spark:people_read meeting:admin_schedule_read");

			MockHttpSession session = new MockHttpSession();
			Started started = start(session);
			MvcResult result = this.mvcResult(session, started);

			assertThat(result.getResponse().getStatus()).isEqualTo(403);
			assertThat(result.getResponse().getContentAsString()).contains("spark-compliance:meetings_read");
			assertThat(AuthorizationFlowTests.this.tokens.accessToken()).contains("officer-access-1");
		}

		@Test
		void whenTheOfficerIsNotListed() throws Exception {
			authorizeSuccessfully();
			OfficerTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG.replace("\"language\"",
					"\"compliance_officers\": [\"someone.else@example.com\"], \"language\""));
			AuthorizationFlowTests.this.config.reloadNow();
			OfficerTestSupport.tokenEndpointGrants("officer-access-1", null);

			MockHttpSession session = new MockHttpSession();
			MvcResult result = this.mvcResult(session, start(session));

			assertThat(result.getResponse().getStatus()).isEqualTo(403);
			assertThat(result.getResponse().getContentAsString()).contains("not listed");
			assertThat(AuthorizationFlowTests.this.jdbc.queryForObject("SELECT email FROM officer_authorization",
					String.class))
				.isEqualTo("olga@example.com");
		}

		private MvcResult mvcResult(MockHttpSession session, Started started) throws Exception {
			return AuthorizationFlowTests.this.mvc
				.perform(get("/webex/redirect").session(session).param("code", "c2").param("state", started.state()))
				.andReturn();
		}

		private void authorizeSuccessfully() throws Exception {
			MockHttpSession session = new MockHttpSession();
			Started started = start(session);
			assertThat(
					status(get("/webex/redirect").session(session).param("code", "c1").param("state", started.state())))
				.isEqualTo(200);
			assertThat(AuthorizationFlowTests.this.tokens.accessToken()).contains("officer-access-1");
		}

	}

	// helpers
	// -----------------------------------------------------------------------------------

	Started start(MockHttpSession session) throws Exception {
		MvcResult result = this.mvc
			.perform(get("/webex/authorize").session(session).with(httpBasic("admin", "test-admin-password")))
			.andReturn();
		var query = UriComponentsBuilder.fromUriString(result.getResponse().getHeader("Location"))
			.build(true)
			.getQueryParams();
		return new Started(decode(query.getFirst("state")), query.getFirst("code_challenge"));
	}

	int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	static java.util.List<LoggedRequest> tokenRequests() {
		return BotTestSupport.WEBEX.server.findAll(postRequestedFor(urlEqualTo("/v1/access_token")));
	}

	static String param(String formBody, String name) {
		for (String pair : formBody.split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return null;
	}

	static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	static String s256(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	record Started(String state, String challenge) {
	}

}
