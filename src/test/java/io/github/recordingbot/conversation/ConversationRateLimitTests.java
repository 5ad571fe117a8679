package io.github.recordingbot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessPolicy;
import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.access.RateLimiter;
import io.github.recordingbot.access.RefusalThrottle;
import io.github.recordingbot.audit.AuditLog;
import io.github.recordingbot.audit.AuditRecord;
import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.recording.Outcome;
import io.github.recordingbot.recording.Outcome.Result;
import io.github.recordingbot.recording.RecentRecordings;
import io.github.recordingbot.recording.RecordingLookup;
import io.github.recordingbot.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

/**
 * Picks from the recent-recordings card and forwarded recordings count toward
 * {@code meetings_per_day} like {@code rec}, so the card cannot be used to walk around
 * the limit.
 */
class ConversationRateLimitTests {

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	static final Reply RATE_LIMITED = Reply.text("reply.rateLimited");

	static final AccessConfig.RateLimit TWO_MEETINGS_A_DAY = new AccessConfig.RateLimit(100, 2);

	final MutableClock clock = new MutableClock(START);

	final InboundResolver resolver = mock();

	final AccessRules rules = mock();

	final RecordingLookup recordings = mock();

	final ConversationReplies replies = mock();

	final ReplySender sender = mock();

	final AuditLog audit = mock();

	final ForwardedRecordings forwards = new ForwardedRecordings(this.recordings, mock(RecentRecordings.class));

	final Conversation conversation = new Conversation(this.resolver, this.rules, new AccessPolicy(this.rules),
			this.recordings, this.replies, this.sender, this.audit, mock(BotIdentity.class), this.clock, this.forwards,
			new RateLimiter(this.clock), new SimpleMeterRegistry(), mock(RefusalThrottle.class));

	int events;

	@BeforeEach
	void approveAliceWithTwoMeetingsADay() {
		given(this.rules.current()).willReturn(new AccessConfig(List.of(), List.of("example.com"), false, false,
				"en_US", 30, List.of(), TWO_MEETINGS_A_DAY));
		given(this.replies.rateLimited(any())).willReturn(RATE_LIMITED);
		Outcome found = new Outcome(Reply.text("links"), Result.RECORDINGS, null, 0, List.of("m"), List.of("r"));
		given(this.recordings.find(any())).willReturn(found);
		given(this.recordings.findForMeetingId(any(), anyString())).willReturn(found);
	}

	@Test
	void thirdDistinctPickInADayIsRateLimitedWithoutALookup() {
		pick("meeting-id-1");
		pick("meeting-id-2");

		pick("meeting-id-3");

		assertThat(lastAudit().decision()).isEqualTo(Decision.RATE_LIMITED);
		assertThat(lastAudit().reason()).isEqualTo("meetings_per_day");
		assertThat(lastAudit().command()).isEqualTo("pick");
		then(this.recordings).should(times(2)).findForMeetingId(any(), anyString());
	}

	@Test
	void picksAndRecShareOneDailyBudget() {
		text("rec 123456789");
		pick("meeting-id-1");

		pick("meeting-id-2");
		text("rec 987654321");

		then(this.sender).should(times(2)).send(anyString(), eq(RATE_LIMITED), anyString());
		assertThat(audited()).extracting(AuditRecord::decision)
			.containsExactly(Decision.PERMITTED, Decision.PERMITTED, Decision.RATE_LIMITED, Decision.RATE_LIMITED);
	}

	@Test
	void pickingTheSameMeetingAgainDoesNotCountTwice() {
		pick("meeting-id-1");
		pick("meeting-id-2");

		pick("meeting-id-1");

		assertThat(lastAudit().decision()).isEqualTo(Decision.PERMITTED);
	}

	@Test
	void thirdDistinctForwardedRecordingInADayIsRateLimitedAsShare() {
		share("instance-1");
		share("instance-2");

		share("instance-3");

		assertThat(lastAudit().decision()).isEqualTo(Decision.RATE_LIMITED);
		assertThat(lastAudit().reason()).isEqualTo("meetings_per_day");
		assertThat(lastAudit().command()).isEqualTo("share");
		then(this.recordings).should(times(2)).findForMeetingId(any(), anyString());
	}

	@Test
	void pickedMeetingsAreAdmittedAgainADayAfterTheFirst() {
		pick("meeting-id-1");
		this.clock.advance(Duration.ofHours(1));
		pick("meeting-id-2");
		pick("meeting-id-3");
		assertThat(lastAudit().decision()).isEqualTo(Decision.RATE_LIMITED);

		this.clock.set(START.plus(Duration.ofDays(1)));
		pick("meeting-id-3");

		assertThat(lastAudit().decision()).isEqualTo(Decision.PERMITTED);
	}

	private void pick(String meetingId) {
		handle(ChatEvent.Kind.CARD_ACTION, null, null, Map.of(RecentRecordings.MEETING_ID, meetingId));
	}

	private void text(String text) {
		handle(ChatEvent.Kind.MESSAGE, null, text, null);
	}

	private void share(String instanceId) {
		handle(ChatEvent.Kind.SHARE, instanceId, null, null);
	}

	private void handle(ChatEvent.Kind kind, String instanceId, String text, Map<String, Object> inputs) {
		ChatEvent event = new ChatEvent(kind, "event-" + (++this.events), "alice-id", "alice@example.com", instanceId,
				this.clock.instant());
		given(this.resolver.resolve(event))
			.willReturn(new Inbound(event, "alice-id", "alice@example.com", "room-1", "direct", text, inputs, false));
		this.conversation.handle(event);
	}

	private List<AuditRecord> audited() {
		ArgumentCaptor<AuditRecord> records = ArgumentCaptor.forClass(AuditRecord.class);
		then(this.audit).should(atLeastOnce()).write(records.capture());
		return records.getAllValues();
	}

	private AuditRecord lastAudit() {
		List<AuditRecord> all = audited();
		return all.get(all.size() - 1);
	}

}
