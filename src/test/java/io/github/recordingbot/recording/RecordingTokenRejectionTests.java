package io.github.recordingbot.recording;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessPolicy;
import io.github.recordingbot.support.TestClock;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.webex.OfficerTokens;
import io.github.recordingbot.webex.WebexClientFixture;
import io.github.recordingbot.webex.WebexOfficerClient;
import io.github.recordingbot.recording.Outcome.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 401 from Webex on the officer token, on every path that asks Webex for recordings (a
 * {@code rec}, a forwarded recording, the sender's recent recordings): the officer client
 * refreshes once and retries once, never more, and whatever still fails gets one answer
 * everywhere. The recording code itself never sees a token.
 */
class RecordingTokenRejectionTests {

	static final RecordingRequest REQUEST = new RecordingRequest("alice", "alice@example.com", "123456789",
			"alice@example.com", 10);

	static final String INSTANCE = "5eri35_I_1";

	static final WebexFake webex = new WebexFake();

	final AccessConfig config = new AccessConfig(List.of(), List.of("example.com"), false, false, "en_US", 30,
			List.of(), AccessConfig.RateLimit.DEFAULTS);

	final ExecutorService executor = Executors.newSingleThreadExecutor();

	final Clock clock = TestClock.CLOCK;

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

	@AfterEach
	void stopExecutor() {
		this.executor.shutdownNow();
	}

	@Nested
	class ARecRequest {

		@Test
		void rejectedTokenIsRefreshedAndTheRequestRetriedOnce() {
			Tokens tokens = refreshingTo("fresh");
			refuse("old");
			webex.noMeetings("123456789");

			Outcome outcome = lookup(tokens).find(REQUEST);

			assertThat(outcome.result()).isEqualTo(Result.NO_MEETING);
			assertThat(tokens.refused).hasValue(1);
			webex.server.verify(getRequestedFor(urlPathEqualTo("/v1/admin/meetings"))
				.withQueryParam("meetingNumber", equalTo("123456789"))
				.withHeader("Authorization", equalTo("Bearer fresh")));
		}

		@Test
		void secondRejectionAnswersNotAuthorized() {
			Tokens tokens = refreshingTo("fresh");
			webex.failWith("/v1/admin/meetings", 401);

			Outcome outcome = lookup(tokens).find(REQUEST);

			assertThat(outcome.result()).isEqualTo(Result.OFFICER_TOKEN_REJECTED);
			assertThat(outcome.reply().markdown()).contains("not authorized");
			assertThat(tokens.refused).hasValue(1);
			webex.server.verify(2, getRequestedFor(urlPathEqualTo("/v1/admin/meetings")));
		}

		@Test
		void tokenThatCannotBeRefreshedAnswersNotAuthorized() {
			Tokens pasted = new Tokens(Optional.of("pasted"), Optional.empty());
			webex.failWith("/v1/admin/meetings", 401);

			assertThat(lookup(pasted).find(REQUEST).result()).isEqualTo(Result.OFFICER_TOKEN_REJECTED);
			webex.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/admin/meetings")));
		}

	}

	@Nested
	class AForwardedRecording {

		@Test
		void rejectedTokenIsRefreshedOnceAndTheLookupGoesOn() {
			Tokens tokens = refreshingTo("fresh");
			refuse("old");
			webex.meetingInstance(INSTANCE, "5eri35", "host-id", "alice@example.com", "Weekly");
			webex.recordingList(INSTANCE, List.of());

			Outcome outcome = lookup(tokens).findForMeetingId(REQUEST, INSTANCE);

			assertThat(outcome.result()).isEqualTo(Result.NO_RECORDINGS);
			assertThat(tokens.refused).hasValue(1);
			webex.server.verify(getRequestedFor(urlPathEqualTo("/v1/admin/meetings/" + INSTANCE))
				.withHeader("Authorization", equalTo("Bearer fresh")));
			webex.server.verify(getRequestedFor(urlPathEqualTo("/v1/admin/recordings")).withHeader("Authorization",
					equalTo("Bearer fresh")));
		}

		@Test
		void secondRejectionAnswersNotAuthorizedAboutThatMeeting() {
			Tokens tokens = refreshingTo("fresh");
			webex.failWith("/v1/admin/meetings/" + INSTANCE, 401);

			Outcome outcome = lookup(tokens).findForMeetingId(REQUEST, INSTANCE);

			assertThat(outcome.result()).isEqualTo(Result.OFFICER_TOKEN_REJECTED);
			assertThat(outcome.meetingIds()).containsExactly(INSTANCE);
			webex.server.verify(2, getRequestedFor(urlPathEqualTo("/v1/admin/meetings/" + INSTANCE)));
		}

	}

	@Nested
	class TheRecentRecordingsOffer {

		@Test
		void rejectedTokenIsRefreshedOnceAndTheListRetried() {
			Tokens tokens = refreshingTo("fresh");
			refuse("old");
			webex.recordingsOfHost("alice@example.com", List.of());

			Outcome outcome = recent(tokens).offer("alice@example.com");

			assertThat(outcome.result()).isEqualTo(Result.NO_RECENT_RECORDINGS);
			assertThat(tokens.refused).hasValue(1);
			webex.server.verify(getRequestedFor(urlPathEqualTo("/v1/admin/recordings")).withHeader("Authorization",
					equalTo("Bearer fresh")));
		}

		@Test
		void secondRejectionAnswersNotAuthorizedAndNotThatWebexIsDown() {
			webex.failWith("/v1/admin/recordings", 401);

			Outcome outcome = recent(refreshingTo("fresh")).offer("alice@example.com");

			assertThat(outcome.result()).isEqualTo(Result.OFFICER_TOKEN_REJECTED);
			assertThat(outcome.reply().markdown()).contains("not authorized");
		}

		@Test
		void a403AnswersNotAllowedAsARecRequestDoes() {
			webex.failWith("/v1/admin/recordings", 403);
			webex.failWith("/v1/admin/meetings", 403);

			Outcome offer = recent(refreshingTo("fresh")).offer("alice@example.com");
			Outcome rec = lookup(refreshingTo("fresh")).find(REQUEST);

			assertThat(offer.result()).isEqualTo(Result.OFFICER_FORBIDDEN);
			assertThat(offer.reply()).isEqualTo(rec.reply());
			assertThat(rec.result()).isEqualTo(Result.OFFICER_FORBIDDEN);
		}

	}

	@Nested
	class WithoutAnAuthorization {

		final Tokens none = new Tokens(Optional.empty(), Optional.empty());

		@Test
		void everyPathAnswersNotAuthorizedAndWebexIsNotAsked() {
			RecordingRequest byLink = new RecordingRequest(REQUEST.requesterPersonId(), REQUEST.requesterEmail(), null,
					REQUEST.hostEmail(), 10, MeetingLink.parse("https://acme.webex.com/meet/alice").orElseThrow(),
					null);
			List<Outcome> outcomes = List.of(lookup(this.none).find(REQUEST), lookup(this.none).find(byLink),
					lookup(this.none).findForMeetingId(REQUEST, INSTANCE), recent(this.none).offer("alice@example.com"),
					recent(this.none).mine("alice@example.com", 7));

			assertThat(outcomes).allSatisfy((outcome) -> {
				assertThat(outcome.result()).isEqualTo(Result.OFFICER_NOT_AUTHORIZED);
				assertThat(outcome.reply().markdown()).contains("not authorized");
				assertThat(outcome.meetingIds()).isEmpty();
			});
			webex.server.verify(0, anyRequestedFor(anyUrl()));
		}

	}

	RecordingLookup lookup(OfficerTokens tokens) {
		WebexOfficerClient client = client(tokens);
		return new RecordingLookup(client, new AccessPolicy(() -> this.config), new PersonalRoomCheck(client),
				replies(), this.executor, this.clock, (personId) -> RequesterZones.RequesterZone.UTC);
	}

	RecentRecordings recent(OfficerTokens tokens) {
		return new RecentRecordings(client(tokens), replies(), RecordingRepliesTests.texts(), this.clock);
	}

	static RecordingReplies replies() {
		return new RecordingReplies(RecordingRepliesTests.texts(),
				BotProperties.defaults().withPublicBaseUrl("https://bot"));
	}

	static WebexOfficerClient client(OfficerTokens tokens) {
		return WebexClientFixture
			.officerWithoutRetries(WebexClientFixture.properties(webex.baseUrl(), null, Duration.ofSeconds(5)), tokens);
	}

	static Tokens refreshingTo(String fresh) {
		return new Tokens(Optional.of("old"), Optional.of(fresh));
	}

	/** Every GET with this token is refused, before any other stub is asked. */
	static void refuse(String token) {
		webex.server.stubFor(get(anyUrl()).atPriority(1)
			.withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(aResponse().withStatus(401)));
	}

	/**
	 * The officer token source: one token, replaced by what a forced refresh gives, as
	 * the stored authorization is.
	 */
	static final class Tokens implements OfficerTokens {

		final AtomicInteger refused = new AtomicInteger();

		private final AtomicReference<Optional<String>> token;

		private final Optional<String> fresh;

		Tokens(Optional<String> token, Optional<String> fresh) {
			this.token = new AtomicReference<>(token);
			this.fresh = fresh;
		}

		@Override
		public Optional<String> accessToken() {
			return this.token.get();
		}

		@Override
		public Optional<String> refreshRejected(String rejected) {
			assertThat(rejected).isEqualTo(this.token.get().orElseThrow());
			this.refused.incrementAndGet();
			this.fresh.ifPresent((f) -> this.token.set(Optional.of(f)));
			return this.fresh;
		}

	}

}
