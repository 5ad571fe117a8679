package io.github.recordingbot.recording;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessPolicy;
import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.webex.OfficerTokens;
import io.github.recordingbot.webex.WebexClient;
import io.github.recordingbot.webex.WebexException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * A 401 from Webex on the officer token: one forced refresh and one retry, never more.
 */
class RecordingLookupTokenRejectionTests {

	static final RecordingRequest REQUEST = new RecordingRequest("alice", "alice@example.com", "123456789",
			"alice@example.com", 10);

	final WebexClient webex = mock(WebexClient.class);

	final OfficerTokens tokens = mock(OfficerTokens.class);

	final AccessConfig config = new AccessConfig(List.of(), List.of("example.com"), false, false, "en_US", 30,
			List.of(), AccessConfig.RateLimit.DEFAULTS);

	final RecordingLookup lookup = new RecordingLookup(this.webex, this.tokens, new AccessPolicy(() -> this.config),
			new PersonalRoomCheck(this.webex, this.tokens),
			new RecordingReplies(RecordingRepliesTests.texts(), "https://bot"), Executors.newSingleThreadExecutor(),
			Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void rejectedTokenIsRefreshedAndTheRequestRetriedOnce() {
		given(this.tokens.accessToken()).willReturn(Optional.of("old"));
		given(this.webex.adminMeetingsByNumber(eq("old"), any())).willThrow(unauthorized());
		given(this.tokens.refreshRejected("old")).willReturn(Optional.of("fresh"));
		given(this.webex.adminMeetingsByNumber(eq("fresh"), any())).willReturn(List.of());

		Outcome outcome = this.lookup.find(REQUEST);

		assertThat(outcome.decision()).isEqualTo(Decision.NODATA);
		then(this.webex).should().adminMeetingsByNumber("fresh", "123456789");
	}

	@Test
	void secondRejectionAnswersNotAuthorized() {
		given(this.tokens.accessToken()).willReturn(Optional.of("old"));
		given(this.webex.adminMeetingsByNumber(any(), any())).willThrow(unauthorized());
		given(this.tokens.refreshRejected("old")).willReturn(Optional.of("fresh"));

		Outcome outcome = this.lookup.find(REQUEST);

		assertThat(outcome.decision()).isEqualTo(Decision.UNAUTHORIZED);
		assertThat(outcome.reply().markdown()).contains("not authorized");
		then(this.tokens).should().refreshRejected("old");
		then(this.tokens).should(never()).refreshRejected("fresh");
	}

	@Test
	void tokenThatCannotBeRefreshedAnswersNotAuthorized() {
		given(this.tokens.accessToken()).willReturn(Optional.of("pasted"));
		given(this.webex.adminMeetingsByNumber(any(), any())).willThrow(unauthorized());
		given(this.tokens.refreshRejected("pasted")).willReturn(Optional.empty());

		assertThat(this.lookup.find(REQUEST).decision()).isEqualTo(Decision.UNAUTHORIZED);
	}

	static WebexException unauthorized() {
		return new WebexException("401", 401, "tracking", null, null);
	}

}
