package io.github.recordingbot.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessPolicy;
import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.access.RateLimiter;
import io.github.recordingbot.access.RefusalThrottle;
import io.github.recordingbot.audit.AuditLog;
import io.github.recordingbot.audit.AuditRecord;
import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.audit.AuditUnavailableException;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.recording.Outcome;
import io.github.recordingbot.recording.Outcome.Result;
import io.github.recordingbot.recording.RecordingLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

/**
 * The audit line comes before the reply, and when it cannot be written no link leaves the
 * bot.
 */
class ConversationAuditTests {

	static final ChatEvent EVENT = new ChatEvent(ChatEvent.Kind.MESSAGE, "event-1", "alice-id", "alice@example.com",
			null, Instant.parse("2026-11-25T12:00:00Z"));

	static final Reply LINKS = Reply.text("[Video](https://example.webex.com/nbr/download?recordid=1)");

	static final Reply TRY_LATER = Reply.text("reply.auditUnavailable");

	final InboundResolver resolver = mock();

	final AccessRules rules = mock();

	final RecordingLookup recordings = mock();

	final ConversationReplies replies = mock();

	final ReplySender sender = mock();

	final AuditLog audit = mock();

	final BotIdentity identity = mock();

	final Conversation conversation = new Conversation(this.resolver, this.rules, new AccessPolicy(this.rules),
			this.recordings, this.replies, this.sender, this.audit, this.identity, Clock.systemUTC(),
			mock(ForwardedRecordings.class), new RateLimiter(Clock.systemUTC()),
			new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), mock(RefusalThrottle.class));

	@BeforeEach
	void approveAlice() {
		given(this.rules.current()).willReturn(new AccessConfig(List.of(), List.of("example.com"), false, false,
				"en_US", 30, List.of(), AccessConfig.RateLimit.DEFAULTS));
		given(this.replies.auditUnavailable()).willReturn(TRY_LATER);
	}

	@Test
	void recWhenAuditCannotBeWrittenThenSendsNoLinksAndAsksToTryAgain() {
		asks("rec 123456789");
		given(this.recordings.find(any()))
			.willReturn(new Outcome(LINKS, Result.RECORDINGS, null, 0, List.of("series"), List.of("recording-1")));
		willThrow(new AuditUnavailableException("disk full", null)).given(this.audit).write(any());

		this.conversation.handle(EVENT);

		then(this.sender).should().send(eq("room-1"), eq(TRY_LATER), anyString());
		then(this.sender).shouldHaveNoMoreInteractions();
	}

	@Test
	void recWritesTheAuditLineBeforeSendingTheLinks() {
		asks("rec 123456789");
		given(this.recordings.find(any()))
			.willReturn(new Outcome(LINKS, Result.RECORDINGS, null, 0, List.of("series"), List.of("recording-1")));

		this.conversation.handle(EVENT);

		InOrder order = inOrder(this.audit, this.sender);
		ArgumentCaptor<AuditRecord> record = ArgumentCaptor.forClass(AuditRecord.class);
		order.verify(this.audit).write(record.capture());
		order.verify(this.sender).send(eq("room-1"), eq(LINKS), anyString());
		assertThat(record.getValue().decision()).isEqualTo(Decision.PERMITTED);
		assertThat(record.getValue().recordingIds()).containsExactly("recording-1");
	}

	@Test
	void replyWithoutLinksStillGoesOutWhenAuditCannotBeWritten() {
		asks("rec abc");
		Reply usage = Reply.text("usage");
		given(this.replies.usage()).willReturn(usage);
		willThrow(new AuditUnavailableException("disk full", null)).given(this.audit).write(any());

		this.conversation.handle(EVENT);

		then(this.sender).should().send(eq("room-1"), eq(usage), anyString());
	}

	private void asks(String text) {
		given(this.resolver.resolve(EVENT))
			.willReturn(new Inbound(EVENT, "alice-id", "alice@example.com", "room-1", "direct", text, null, false));
	}

}
