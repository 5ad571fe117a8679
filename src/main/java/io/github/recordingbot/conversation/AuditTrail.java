package io.github.recordingbot.conversation;

import io.github.recordingbot.audit.AuditRecord.Decision;

/**
 * The one mapping from the conversation's reasons to the audit's decisions, used where
 * the audit lines are written ({@link Conversation}, {@link RefusalSummaries}) and by the
 * request metrics.
 */
final class AuditTrail {

	private AuditTrail() {
	}

	static Decision decision(Reason reason) {
		return switch (reason) {
			case HELP, OK, RECENT_RECORDINGS_OFFERED -> Decision.PERMITTED;
			case NO_MEETING, NO_RECORDINGS, NO_RECENT_RECORDINGS -> Decision.NODATA;
			case NOT_APPROVED, GROUP_ROOM, HOST_ONLY, PMR_OWNER_ONLY, PMR_CHECK_FAILED, PMR_NOT_CHECKABLE ->
				Decision.DENIED;
			case REQUESTS_PER_MINUTE, MEETINGS_PER_DAY -> Decision.RATE_LIMITED;
			case DAYS_OUT_OF_RANGE, DAY_OUT_OF_RANGE, TOO_LONG, LINE_BREAK, EXTRA_WORDS, NO_INPUTS, BAD_CARD_INPUT,
					BAD_MEETING_ID, BAD_MEETING_LINK, BAD_MEETING_NUMBER, BAD_HOST_EMAIL, BAD_DAY, BAD_DAYS_BACK,
					BAD_RECENT_DAYS ->
				Decision.INVALID;
			case OFFICER_NOT_AUTHORIZED, OFFICER_TOKEN_REJECTED, OFFICER_FORBIDDEN -> Decision.UNAUTHORIZED;
			case FETCH_FAILED, UPSTREAM -> Decision.UPSTREAM_ERROR;
		};
	}

}
