package io.github.recordingbot.webex;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The officer client carries the Compliance Officer's token itself: a refused token is
 * refreshed once and the GET retried once with the new one, a token that cannot be
 * refreshed keeps its 401, a POST is never repeated, and without an authorization Webex
 * is not asked.
 */
class OfficerAuthorizationTests {

	static final WebexFake webex = new WebexFake();

	final RefreshingTokens tokens = new RefreshingTokens("old-access", Optional.of("fresh-access"));

	@BeforeAll
	static void startWebex() {
		webex.start();
	}

	@AfterAll
	static void stopWebex() {
		webex.stop();
	}

	@BeforeEach
	void resetWebex() {
		webex.reset();
	}

	@Test
	void getWhenWebexRefusesTheTokenThenRefreshesOnceAndRetriesWithTheNewToken() {
		refuse("old-access");
		webex.noMeetings("123456789");

		List<WebexModels.Meeting> meetings = client(this.tokens).adminMeetingsByNumber("123456789");

		assertThat(meetings).isEmpty();
		assertThat(this.tokens.refused).hasValue(1);
		webex.server.verify(2, getRequestedFor(urlPathEqualTo("/v1/admin/meetings")));
		webex.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/admin/meetings")).withHeader("Authorization",
				equalTo("Bearer old-access")));
		webex.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/admin/meetings")).withHeader("Authorization",
				equalTo("Bearer fresh-access")));
	}

	@Test
	void everyCallCarriesTheOfficerTokenAndNoneTheBotToken() {
		webex.noMeetings("123456789");

		client(this.tokens).adminMeetingsByNumber("123456789");

		webex.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/admin/meetings")).withHeader("Authorization",
				equalTo("Bearer old-access")));
		assertThat(this.tokens.refused).hasValue(0);
	}

	@Nested
	class The401Stands {

		@Test
		void whenTheRefreshedTokenIsRefusedTooAfterExactlyTwoCalls() {
			webex.failWith("/v1/admin/meetings", 401);
			RefreshingTokens tokens = OfficerAuthorizationTests.this.tokens;

			assertThatExceptionOfType(WebexException.class)
				.isThrownBy(() -> client(tokens).adminMeetingsByNumber("123456789"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
				.isNotInstanceOf(WebexNotAuthorizedException.class);
			assertThat(tokens.refused).hasValue(1);
			webex.server.verify(2, getRequestedFor(urlPathEqualTo("/v1/admin/meetings")));
		}

		@Test
		void whenTheTokenWasGivenByHandAndCannotBeRefreshed() {
			webex.failWith("/v1/admin/meetings", 401);
			RefreshingTokens pasted = new RefreshingTokens("pasted-token", Optional.empty());

			assertThatExceptionOfType(WebexException.class)
				.isThrownBy(() -> client(pasted).adminMeetingsByNumber("123456789"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
			assertThat(pasted.refused).hasValue(1);
			webex.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/admin/meetings")));
		}

		@Test
		void a403IsNotATokenProblemAndIsNeitherRefreshedNorRetried() {
			webex.failWith("/v1/admin/meetings", 403);

			assertThatExceptionOfType(WebexException.class)
				.isThrownBy(() -> client(OfficerAuthorizationTests.this.tokens).adminMeetingsByNumber("123456789"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403));
			assertThat(OfficerAuthorizationTests.this.tokens.refused).hasValue(0);
			webex.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/admin/meetings")));
		}

		@Test
		void aPostIsNeverRepeatedNorIsTheTokenRefreshedForIt() {
			webex.server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401)));
			RestClient rest = RestClient.builder()
				.baseUrl(webex.baseUrl())
				.requestInterceptor(new OfficerAuthorization(OfficerAuthorizationTests.this.tokens))
				.build();

			assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class).isThrownBy(() -> rest.post()
				.uri("/messages")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"toPersonEmail\":\"host@example.com\",\"markdown\":\"hello\"}")
				.retrieve()
				.toBodilessEntity());
			assertThat(OfficerAuthorizationTests.this.tokens.refused).hasValue(0);
			webex.server.verify(1, postRequestedFor(urlPathEqualTo("/v1/messages")));
		}

	}

	@Test
	void withoutAnAuthorizationEveryCallFailsAsNotAuthorizedAndWebexIsNotAsked() {
		OfficerTokens none = Optional::empty;

		assertThatExceptionOfType(WebexNotAuthorizedException.class)
			.isThrownBy(() -> client(none).adminMeetingsByNumber("123456789"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
		webex.server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theGrantedScopesComeFromTheTokenSource() {
		OfficerTokens source = new RefreshingTokens("t", Optional.empty()) {

			@Override
			public java.util.Set<String> grantedScopes() {
				return java.util.Set.of("spark-compliance:meetings_read");
			}

		};

		assertThat(client(source).grantedScopes()).containsExactly("spark-compliance:meetings_read");
	}

	static WebexOfficerClient client(OfficerTokens tokens) {
		return WebexClientFixture
			.officerWithoutRetries(WebexClientFixture.properties(webex.baseUrl(), null, Duration.ofSeconds(5)), tokens);
	}

	/** Every GET with this token is refused, before any other stub is asked. */
	static void refuse(String token) {
		webex.server.stubFor(get(anyUrl()).atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(aResponse().withStatus(401)));
	}

	/** A token source whose token a forced refresh replaces with the given one. */
	static class RefreshingTokens implements OfficerTokens {

		final AtomicInteger refused = new AtomicInteger();

		private final AtomicReference<String> token;

		private final Optional<String> fresh;

		RefreshingTokens(String token, Optional<String> fresh) {
			this.token = new AtomicReference<>(token);
			this.fresh = fresh;
		}

		@Override
		public Optional<String> accessToken() {
			return Optional.of(this.token.get());
		}

		@Override
		public Optional<String> refreshRejected(String rejected) {
			assertThat(rejected).isEqualTo(this.token.get());
			this.refused.incrementAndGet();
			this.fresh.ifPresent(this.token::set);
			return this.fresh;
		}

	}

}
