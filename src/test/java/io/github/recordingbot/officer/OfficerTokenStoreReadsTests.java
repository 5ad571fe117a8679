package io.github.recordingbot.officer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How often the officer token is read from the store (a query and two AES-GCM
 * decryptions) and its record (a query): once per {@code officer.reread-interval}, not
 * once per officer call.
 */
class OfficerTokenStoreReadsTests {

	static final WireMockServer WEBEX = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	/**
	 * The officer calls of a {@code rec} with three recordings: the meeting lookups (2)
	 * and one per recording (R).
	 */
	static final int OFFICER_CALLS_PER_REC = 2 + 3;

	@TempDir
	Path dir;

	OfficerFixture officer;

	@BeforeAll
	static void start() {
		WEBEX.start();
	}

	@AfterAll
	static void stop() {
		WEBEX.stop();
	}

	@BeforeEach
	void setUp() {
		WEBEX.resetAll();
		this.officer = new OfficerFixture(WEBEX, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", this.dir,
				null);
	}

	@Test
	void recRequestsWithinTheIntervalReadTheStoreOnceInAll() {
		this.officer.store("stored-access", "stored-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)));

		assertThat(rec()).containsOnly(Optional.of("stored-access"));
		assertThat(rec()).containsOnly(Optional.of("stored-access"));
		this.officer.clock.advance(this.officer.properties.rereadInterval().minusSeconds(1));
		assertThat(rec()).containsOnly(Optional.of("stored-access"));

		assertThat(this.officer.storeReads).hasValue(1);
		assertThat(this.officer.recordReads).hasValue(1);
	}

	@Test
	void afterTheRereadIntervalTheStoreIsReadOnceMore() {
		this.officer.store("stored-access", "stored-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)));
		rec();

		this.officer.clock.advance(this.officer.properties.rereadInterval());
		rec();

		assertThat(this.officer.storeReads).hasValue(2);
		assertThat(this.officer.recordReads).hasValue(2);
	}

	@Test
	void aTokenAnotherReplicaStoredIsUsedAfterTheRereadInterval() {
		this.officer.store("first-access", "first-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)));
		assertThat(this.officer.tokens.accessToken()).contains("first-access");

		this.officer.store("other-replica-access", "other-replica-refresh",
				OfficerFixture.NOW.plus(Duration.ofDays(14)));
		assertThat(this.officer.tokens.accessToken()).contains("first-access");

		this.officer.clock.advance(this.officer.properties.rereadInterval());
		assertThat(this.officer.tokens.accessToken()).contains("other-replica-access");
	}

	@Test
	void aHeldTokenAboutToExpireIsReadAgainAndAnotherReplicasRefreshIsUsedWithoutRefreshing() {
		this.officer.store("old-access", "old-refresh", OfficerFixture.NOW.plus(Duration.ofDays(1)).plusSeconds(10));
		assertThat(this.officer.tokens.accessToken()).contains("old-access");
		this.officer.store("other-replica-access", "other-replica-refresh",
				OfficerFixture.NOW.plus(Duration.ofDays(14)));

		// now within officer.clock-skew (a day) of expiry, before the re-read interval is
		// up
		this.officer.clock.advance(Duration.ofSeconds(30));
		assertThat(this.officer.tokens.accessToken()).contains("other-replica-access");

		WEBEX.verify(0, postRequestedFor(urlEqualTo("/v1/access_token")));
	}

	@Test
	void aRefreshByThisProcessIsUsedWithoutReadingTheStoreAgain() {
		this.officer.store("old-access", "old-refresh", OfficerFixture.NOW.minus(Duration.ofMinutes(1)));
		OfficerFixture.tokenEndpointAnswers(WEBEX, "new-access", "new-refresh", 0);
		assertThat(this.officer.tokens.accessToken()).contains("new-access");
		this.officer.storeReads.set(0);
		this.officer.recordReads.set(0);

		assertThat(rec()).containsOnly(Optional.of("new-access"));

		assertThat(this.officer.storeReads).hasValue(0);
		assertThat(this.officer.recordReads).hasValue(0);
		WEBEX.verify(1, postRequestedFor(urlEqualTo("/v1/access_token")));
	}

	@Test
	void aRejectedTokenIsCheckedAgainstTheStoreUnderTheLock() {
		this.officer.store("revoked-access", "good-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)));
		assertThat(this.officer.tokens.accessToken()).contains("revoked-access");
		this.officer.store("other-replica-access", "other-replica-refresh",
				OfficerFixture.NOW.plus(Duration.ofDays(14)));

		assertThat(this.officer.tokens.refreshRejected("revoked-access")).contains("other-replica-access");
		assertThat(this.officer.tokens.accessToken()).contains("other-replica-access");

		WEBEX.verify(0, postRequestedFor(urlEqualTo("/v1/access_token")));
	}

	@Test
	void aDeadRefreshTokenIsForgottenWithoutReadingTheStore() {
		this.officer.store("old-access", "old-refresh", OfficerFixture.NOW.minus(Duration.ofMinutes(1)));
		OfficerFixture.tokenEndpointFails(WEBEX, 400, "invalid_grant");
		assertThat(this.officer.tokens.accessToken()).isEmpty();
		this.officer.storeReads.set(0);

		assertThat(rec()).containsOnly(Optional.empty());

		assertThat(this.officer.storeReads).hasValue(0);
	}

	private List<Optional<String>> rec() {
		List<Optional<String>> tokens = new ArrayList<>();
		for (int call = 0; call < OFFICER_CALLS_PER_REC; call++) {
			tokens.add(this.officer.tokens.accessToken());
		}
		return tokens;
	}

}
