package io.github.recordingbot.conversation;

import java.util.List;

import io.github.recordingbot.access.AccessPolicy.Refusal;
import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.recording.Outcome;
import io.github.recordingbot.recording.Outcome.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation's answers as the audit line writes them: reason codes and decisions.
 */
class AnswerTests {

	static final Reply DOWN = Reply.text("reply.webexDown");

	@Test
	void webexFailureIsAuditedWithItsStatusOrAsUnreachable() {
		assertThat(Answer.of(new Outcome(DOWN, Result.WEBEX_FAILED, null, 502, List.of("m"), List.of())).code())
			.isEqualTo("upstream_502");
		assertThat(Answer.of(new Outcome(DOWN, Result.WEBEX_FAILED, null, 429, List.of(), List.of())).code())
			.isEqualTo("upstream_429");
		assertThat(Answer.of(new Outcome(DOWN, Result.WEBEX_FAILED, null, 0, List.of(), List.of())).code())
			.isEqualTo("upstream_unreachable");
		assertThat(AuditTrail.decision(Reason.UPSTREAM)).isEqualTo(Decision.UPSTREAM_ERROR);
	}

	@Test
	void policyRefusalIsAuditedAsDeniedWithItsReason() {
		Answer answer = Answer
			.of(new Outcome(DOWN, Result.REFUSED, Refusal.PMR_CHECK_FAILED, 0, List.of("m"), List.of()));

		assertThat(answer.code()).isEqualTo("pmr_check_failed");
		assertThat(AuditTrail.decision(answer.reason())).isEqualTo(Decision.DENIED);
		assertThat(answer.meetingIds()).containsExactly("m");
	}

	@Test
	void onlyFoundRecordingsCarryLinks() {
		Answer found = Answer.of(new Outcome(DOWN, Result.RECORDINGS, null, 0, List.of("m"), List.of("r")));
		Answer offered = Answer
			.of(new Outcome(DOWN, Result.RECENT_RECORDINGS_OFFERED, null, 0, List.of("m"), List.of()));

		assertThat(found.carriesLinks()).isTrue();
		assertThat(found.code()).isEqualTo("ok");
		assertThat(offered.carriesLinks()).isFalse();
		assertThat(AuditTrail.decision(offered.reason())).isEqualTo(Decision.PERMITTED);
	}

	@Test
	void parserReasonsAreWrittenAsBefore() {
		assertThat(CommandParser.parseText("rec 123456789 extra words here")).isInstanceOf(Command.Invalid.class);
		assertThat(Reason.BAD_RECENT_DAYS.code(0)).isEqualTo("bad_recent_days");
		assertThat(AuditTrail.decision(Reason.BAD_RECENT_DAYS)).isEqualTo(Decision.INVALID);
	}

}
