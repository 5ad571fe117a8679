package io.github.recordingbot.recording;

import java.util.List;
import java.util.Objects;

import io.github.recordingbot.access.AccessPolicy.Refusal;
import io.github.recordingbot.card.Reply;

/**
 * What a request for recordings came to: the reply, what was found or why nothing was
 * given, and the ids it is about. The caller decides what to audit.
 *
 * @param reply what to post
 * @param result what was found, or why nothing was given
 * @param refusal the policy's refusal when {@link Result#REFUSED}, else {@code null}
 * @param webexStatus the HTTP status Webex answered with when {@link Result#WEBEX_FAILED}
 * ({@code 0}: no answer at all), else {@code 0}
 * @param meetingIds meetings the answer is about
 * @param recordingIds recordings whose links the reply carries
 */
public record Outcome(Reply reply, Result result, Refusal refusal, int webexStatus, List<String> meetingIds,
		List<String> recordingIds) {

	public Outcome {
		Objects.requireNonNull(reply, "reply");
		Objects.requireNonNull(result, "result");
		meetingIds = List.copyOf(meetingIds);
		recordingIds = List.copyOf(recordingIds);
	}

	/** The recordings and their links. */
	static Outcome found(Reply reply, List<String> meetingIds, List<String> recordingIds) {
		return new Outcome(reply, Result.RECORDINGS, null, 0, meetingIds, recordingIds);
	}

	/** Anything but recordings, a refusal or a Webex failure. */
	static Outcome of(Reply reply, Result result, List<String> meetingIds) {
		return new Outcome(reply, result, null, 0, meetingIds, List.of());
	}

	/** The access policy's refusal. */
	static Outcome refused(Reply reply, Refusal refusal, List<String> meetingIds) {
		return new Outcome(reply, Result.REFUSED, Objects.requireNonNull(refusal, "refusal"), 0, meetingIds, List.of());
	}

	/** Webex failed (after the clients' retries) or did not answer. */
	static Outcome webexFailed(Reply reply, int status, List<String> meetingIds) {
		return new Outcome(reply, Result.WEBEX_FAILED, null, status, meetingIds, List.of());
	}

	/** Whether the reply carries download links. */
	public boolean carriesLinks() {
		return this.result == Result.RECORDINGS && !this.recordingIds.isEmpty();
	}

	/** What was found, or why nothing was given. */
	public enum Result {

		/** The meeting's recordings, with their links. */
		RECORDINGS,

		/** The sender's recent recordings, offered to pick from (no links). */
		RECENT_RECORDINGS_OFFERED,

		/** No meeting with that number, link or id for that host. */
		NO_MEETING,

		/** The meeting has no available recordings in the window. */
		NO_RECORDINGS,

		/** The sender hosted no meeting with recordings in the window. */
		NO_RECENT_RECORDINGS,

		/** The access policy refuses: see {@link Outcome#refusal()}. */
		REFUSED,

		/** No Compliance Officer has authorized the bot: Webex was not asked. */
		OFFICER_NOT_AUTHORIZED,

		/** Webex refused the officer's token. */
		OFFICER_TOKEN_REJECTED,

		/** The authorization lacks a role or scope for the call. */
		OFFICER_FORBIDDEN,

		/**
		 * Webex answered with an error or not at all: see {@link Outcome#webexStatus()}.
		 */
		WEBEX_FAILED

	}

}
