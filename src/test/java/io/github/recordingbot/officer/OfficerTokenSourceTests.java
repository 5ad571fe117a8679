package io.github.recordingbot.officer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class OfficerTokenSourceTests {

	static final WireMockServer WEBEX = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		WEBEX.start();
	}

	@AfterAll
	static void stop() {
		WEBEX.stop();
	}

	@BeforeEach
	void reset() {
		WEBEX.resetAll();
	}

	OfficerFixture fixture(String pasted) {
		return new OfficerFixture(WEBEX, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", this.dir, pasted);
	}

	@Test
	void storedAuthorizationWinsOverThePastedToken() {
		OfficerFixture officer = fixture("pasted-token");
		officer.store("stored-access", "stored-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)));

		assertThat(officer.tokens.accessToken()).contains("stored-access");
		assertThat(WEBEX.getAllServeEvents()).isEmpty();
	}

	@Test
	void withoutStoredAuthorizationThePastedTokenIsUsed() {
		assertThat(fixture("pasted-token").tokens.accessToken()).contains("pasted-token");
		assertThat(fixture(null).tokens.accessToken()).isEmpty();
	}

	@Test
	void fiftyThreadsWithAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
		OfficerFixture officer = fixture(null);
		officer.store("old-access", "old-refresh", OfficerFixture.NOW.minus(Duration.ofMinutes(1)));
		OfficerFixture.tokenEndpointAnswers(WEBEX, "new-access", "new-refresh", 300);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Optional<String>>> results = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return officer.tokens.accessToken();
			}));
		}
		start.countDown();
		List<Optional<String>> tokens = new ArrayList<>();
		for (Future<Optional<String>> result : results) {
			tokens.add(result.get());
		}
		pool.shutdown();

		assertThat(tokens).hasSize(50).allSatisfy((t) -> assertThat(t).contains("new-access"));
		WEBEX.verify(1, postRequestedFor(urlEqualTo("/v1/access_token")));
		WEBEX.verify(
				postRequestedFor(urlEqualTo("/v1/access_token")).withRequestBody(containing("grant_type=refresh_token"))
					.withRequestBody(containing("refresh_token=old-refresh")));
		assertThat(officer.records.find().orElseThrow().refreshTokenExpiresAt())
			.isEqualTo(OfficerFixture.NOW.plusSeconds(7775999));
	}

	@Test
	void aRejectedTokenIsRefreshedOnceEvenBeforeItExpires() {
		OfficerFixture officer = fixture(null);
		officer.store("revoked-access", "good-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)));
		OfficerFixture.tokenEndpointAnswers(WEBEX, "fresh-access", "fresh-refresh", 0);

		assertThat(officer.tokens.refreshRejected("revoked-access")).contains("fresh-access");
		// a second worker that still holds the old token gets the new one without another
		// refresh
		assertThat(officer.tokens.refreshRejected("revoked-access")).contains("fresh-access");
		assertThat(officer.tokens.accessToken()).contains("fresh-access");
		WEBEX.verify(1, postRequestedFor(urlEqualTo("/v1/access_token")));
	}

	@Test
	void aRejectedPastedTokenCannotBeRefreshed() {
		assertThat(fixture("pasted-token").tokens.refreshRejected("pasted-token")).isEmpty();
		WEBEX.verify(0, postRequestedFor(urlEqualTo("/v1/access_token")));
	}

	@Test
	void theScheduledJobRefreshesSevenDaysBeforeExpiryButNotEarlier() {
		OfficerFixture officer = fixture(null);
		officer.store("old-access", "old-refresh", OfficerFixture.NOW.plus(Duration.ofDays(8)));
		OfficerFixture.tokenEndpointAnswers(WEBEX, "new-access", "new-refresh", 0);

		officer.tokens.refreshIfDue();
		WEBEX.verify(0, postRequestedFor(urlEqualTo("/v1/access_token")));

		officer.clock.advance(Duration.ofDays(1).plusMinutes(1));
		officer.tokens.refreshIfDue();
		WEBEX.verify(1, postRequestedFor(urlEqualTo("/v1/access_token")));
		assertThat(officer.tokens.accessToken()).contains("new-access");
	}

	@Test
	void idleForEightyDaysTheScheduledJobKeepsTheAuthorizationAlive() {
		OfficerFixture officer = fixture(null);
		officer.store("access-0", "refresh-0", OfficerFixture.NOW.plus(Duration.ofDays(14)));
		for (int day = 1; day <= 80; day++) {
			OfficerFixture.tokenEndpointAnswers(WEBEX, "access-" + day, "refresh-" + day, 0);
			officer.clock.advance(Duration.ofDays(1));
			officer.tokens.refreshIfDue();
		}
		assertThat(officer.tokens.accessToken()).hasValueSatisfying((t) -> assertThat(t).startsWith("access-"));
		assertThat(officer.tokens.current().orElseThrow().getAccessToken().getExpiresAt())
			.isAfter(officer.clock.instant().plus(Duration.ofDays(6)));
		assertThat(WEBEX.findAll(postRequestedFor(urlEqualTo("/v1/access_token")))).hasSizeBetween(9, 12);
	}

	@Test
	void theDatabaseFileNeverContainsATokenString() throws Exception {
		OfficerFixture officer = new OfficerFixture(WEBEX, "jdbc:h2:file:" + this.dir.resolve("tokens"), this.dir,
				null);
		officer.store("plain-access-token-value", "plain-refresh-token-value",
				OfficerFixture.NOW.minus(Duration.ofMinutes(1)));
		OfficerFixture.tokenEndpointAnswers(WEBEX, "refreshed-access-token-value", "refreshed-refresh-token-value", 0);
		assertThat(officer.tokens.accessToken()).contains("refreshed-access-token-value");
		officer.jdbc.execute("SHUTDOWN");

		List<String> secrets = List.of("plain-access-token-value", "plain-refresh-token-value",
				"refreshed-access-token-value", "refreshed-refresh-token-value", "client-secret");
		try (Stream<Path> files = Files.walk(this.dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				assertThat(secrets).as(file.toString()).noneMatch(content::contains);
			}
		}
	}

	@Nested
	class WhenRefreshFails {

		@Test
		void aServerErrorKeepsTheOldTokenWhileItIsValidAndRecordsTheFailure() {
			OfficerFixture officer = fixture(null);
			officer.store("old-access", "old-refresh", OfficerFixture.NOW.plus(Duration.ofHours(2)));
			OfficerFixture.tokenEndpointFails(WEBEX, 503, null);

			assertThat(officer.tokens.accessToken()).contains("old-access");

			AuthorizationRecords.Details details = officer.records.find().orElseThrow();
			assertThat(details.refreshFailures()).isEqualTo(1);
			assertThat(details.lastRefreshError()).isNotBlank().doesNotContain("old-refresh");
			assertThat(details.reauthorizationNeeded()).isFalse();
			assertThat(officer.tokens.current()).isPresent();
		}

		@Test
		void invalidGrantAsksForReauthorizationAndFallsBackToThePastedToken() {
			OfficerFixture officer = fixture("pasted-token");
			officer.store("old-access", "old-refresh", OfficerFixture.NOW.plus(Duration.ofHours(2)));
			OfficerFixture.tokenEndpointFails(WEBEX, 400, "invalid_grant");

			assertThat(officer.tokens.accessToken()).contains("pasted-token");

			assertThat(officer.records.find().orElseThrow().reauthorizationNeeded()).isTrue();
			assertThat(officer.tokens.current()).isEmpty();
			WEBEX.verify(1, postRequestedFor(urlEqualTo("/v1/access_token")));
		}

		@Test
		void invalidGrantWithoutPastedTokenLeavesNoToken() {
			OfficerFixture officer = fixture(null);
			officer.store("old-access", "old-refresh", OfficerFixture.NOW.plus(Duration.ofHours(2)));
			OfficerFixture.tokenEndpointFails(WEBEX, 400, "invalid_grant");

			assertThat(officer.tokens.accessToken()).isEmpty();
			assertThat(officer.tokens.accessToken()).isEmpty();
			WEBEX.verify(1, postRequestedFor(urlEqualTo("/v1/access_token")));
		}

		@Test
		void backoffDoublesUpToTheMaximum() {
			OfficerFixture officer = fixture(null);
			ScheduledRefresh job = new ScheduledRefresh(officer.tokens, officer.records, officer.properties,
					officer.clock);

			assertThat(job.backoff(1)).isEqualTo(Duration.ofMinutes(15));
			assertThat(job.backoff(3)).isEqualTo(Duration.ofHours(1));
			assertThat(job.backoff(30)).isEqualTo(Duration.ofHours(12));
		}

	}

}
