package io.github.recordingbot.conversation;

import java.util.List;

import io.github.recordingbot.access.AccessPolicy.Refusal;
import io.github.recordingbot.card.Reply;
import io.github.recordingbot.recording.Outcome;

/**
 * What the conversation answers to one event, and why.
 *
 * @param reply what to post; {@code null} when there is no room to post in
 * @param reason why
 * @param webexStatus for {@link Reason#UPSTREAM}, the status Webex answered with
 * ({@code 0}: none); else {@code 0}
 * @param meetingIds meetings the answer is about
 * @param recordingIds recordings whose links the reply carries
 */
record Answer(Reply reply, Reason reason, int webexStatus, List<String> meetingIds, List<String> recordingIds) {

	Answer {
		meetingIds = List.copyOf(meetingIds);
		recordingIds = List.copyOf(recordingIds);
	}

	static Answer of(Reply reply, Reason reason) {
		return new Answer(reply, reason, 0, List.of(), List.of());
	}

	/** What a request for recordings came to. */
	static Answer of(Outcome outcome) {
		Reason reason = switch (outcome.result()) {
			case RECORDINGS -> Reason.OK;
			case RECENT_RECORDINGS_OFFERED -> Reason.RECENT_RECORDINGS_OFFERED;
			case NO_MEETING -> Reason.NO_MEETING;
			case NO_RECORDINGS -> Reason.NO_RECORDINGS;
			case NO_RECENT_RECORDINGS -> Reason.NO_RECENT_RECORDINGS;
			case REFUSED -> refused(outcome.refusal());
			case OFFICER_NOT_AUTHORIZED -> Reason.OFFICER_NOT_AUTHORIZED;
			case OFFICER_TOKEN_REJECTED -> Reason.OFFICER_TOKEN_REJECTED;
			case OFFICER_FORBIDDEN -> Reason.OFFICER_FORBIDDEN;
			case WEBEX_FAILED -> Reason.UPSTREAM;
		};
		return new Answer(outcome.reply(), reason, outcome.webexStatus(), outcome.meetingIds(), outcome.recordingIds());
	}

	/** A refusal of the access policy. */
	static Reason refused(Refusal refusal) {
		return switch (refusal) {
			case NOT_APPROVED -> Reason.NOT_APPROVED;
			case GROUP_ROOM -> Reason.GROUP_ROOM;
			case HOST_ONLY -> Reason.HOST_ONLY;
			case PMR_OWNER_ONLY -> Reason.PMR_OWNER_ONLY;
			case PMR_CHECK_FAILED -> Reason.PMR_CHECK_FAILED;
			case PMR_NOT_CHECKABLE -> Reason.PMR_NOT_CHECKABLE;
		};
	}

	/** Whether the reply carries download links. */
	boolean carriesLinks() {
		return this.reason == Reason.OK && !this.recordingIds.isEmpty();
	}

	/** The reason code as the audit line writes it. */
	String code() {
		return this.reason.code(this.webexStatus);
	}

}
