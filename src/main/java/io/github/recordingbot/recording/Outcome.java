package io.github.recordingbot.recording;

import java.util.List;

import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.card.Reply;

/**
 * What answering a request came to: the reply and what the audit line says about it.
 *
 * @param reply what to post
 * @param decision the audit decision
 * @param reason the audit reason code
 * @param meetingIds meetings the answer is about
 * @param recordingIds recordings whose links the reply carries
 */
public record Outcome(Reply reply, Decision decision, String reason, List<String> meetingIds,
		List<String> recordingIds) {

	public Outcome {
		meetingIds = List.copyOf(meetingIds);
		recordingIds = List.copyOf(recordingIds);
	}

	public static Outcome of(Reply reply, Decision decision, String reason) {
		return new Outcome(reply, decision, reason, List.of(), List.of());
	}

	/** Whether the reply carries download links. */
	public boolean carriesLinks() {
		return this.decision == Decision.PERMITTED && !this.recordingIds.isEmpty();
	}

}
