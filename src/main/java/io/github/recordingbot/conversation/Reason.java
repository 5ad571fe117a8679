package io.github.recordingbot.conversation;

import java.util.Locale;

/**
 * Why the conversation answered as it did: the reason codes of the audit log, one
 * constant each, written as the constant's name in lower case. {@link AuditTrail} maps
 * each to the audit's decision.
 */
enum Reason {

	// Answered

	/** The help card. */
	HELP,

	/** A meeting's recordings, with links. */
	OK,

	/** The sender's recent recordings, offered to pick from. */
	RECENT_RECORDINGS_OFFERED,

	// Nothing to give

	NO_MEETING, NO_RECORDINGS, NO_RECENT_RECORDINGS,

	// Refused by the access policy

	NOT_APPROVED, GROUP_ROOM, HOST_ONLY, PMR_OWNER_ONLY, PMR_CHECK_FAILED, PMR_NOT_CHECKABLE,

	// Refused by the rate limits

	REQUESTS_PER_MINUTE, MEETINGS_PER_DAY,

	// Not a valid request

	/** More days than the rules allow, or fewer than one. */
	DAYS_OUT_OF_RANGE,

	/** A day outside the allowed window. */
	DAY_OUT_OF_RANGE,

	TOO_LONG, LINE_BREAK, EXTRA_WORDS, NO_INPUTS, BAD_CARD_INPUT, BAD_MEETING_ID, BAD_MEETING_LINK, BAD_MEETING_NUMBER,
	BAD_HOST_EMAIL, BAD_DAY, BAD_DAYS_BACK, BAD_RECENT_DAYS,

	// The Compliance Officer's authorization

	OFFICER_NOT_AUTHORIZED, OFFICER_TOKEN_REJECTED, OFFICER_FORBIDDEN,

	// Webex

	/** The message or card action could not be fetched: no room to answer in. */
	FETCH_FAILED,

	/**
	 * Webex failed a meeting or recording call: written {@code upstream_<status>}, or
	 * {@code upstream_unreachable} when Webex did not answer.
	 */
	UPSTREAM;

	/**
	 * The code written to the audit line.
	 * @param webexStatus for {@link #UPSTREAM}, the status Webex answered with
	 * ({@code 0}: none); ignored otherwise
	 * @return the code
	 */
	String code(int webexStatus) {
		if (this == UPSTREAM) {
			return (webexStatus == 0) ? "upstream_unreachable" : "upstream_" + webexStatus;
		}
		return name().toLowerCase(Locale.ROOT);
	}

}
