package io.github.recordingbot.recording;

import java.util.List;

import io.github.recordingbot.recording.Outcome.Result;
import io.github.recordingbot.webex.WebexException;
import io.github.recordingbot.webex.WebexNotAuthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from a failed officer call to the user's reply and what the outcome
 * says about it, for every request that asks Webex for meetings or recordings.
 */
final class UpstreamErrors {

	private static final Logger logger = LoggerFactory.getLogger(UpstreamErrors.class);

	private final RecordingReplies replies;

	UpstreamErrors(RecordingReplies replies) {
		this.replies = replies;
	}

	/**
	 * The outcome of a request that failed on this Webex error.
	 * @param ex what the officer client threw
	 * @param meetingIds the meetings the request had found by then
	 * @return the reply and what failed
	 */
	Outcome outcome(WebexException ex, List<String> meetingIds) {
		if (ex instanceof WebexNotAuthorizedException) {
			// no token at all: Webex was not asked
			return Outcome.of(this.replies.notAuthorized(), Result.OFFICER_NOT_AUTHORIZED, List.of());
		}
		if (ex.status() == 401) {
			// refused even after the officer client's one refresh, or a token given by
			// hand
			logger.warn("Webex refused the officer token (trackingId {})", ex.trackingId());
			return Outcome.of(this.replies.notAuthorized(), Result.OFFICER_TOKEN_REJECTED, meetingIds);
		}
		if (ex.status() == 403) {
			// The authorization lacks a role or scope for this call: the status page says
			// which, and no retry will help.
			logger.warn("Webex refused an officer call with 403 (trackingId {})", ex.trackingId());
			return Outcome.of(this.replies.notAllowed(), Result.OFFICER_FORBIDDEN, meetingIds);
		}
		if (ex.status() == 429) {
			return Outcome.webexFailed(this.replies.busy(), 429, meetingIds);
		}
		return Outcome.webexFailed(this.replies.webexDown(), ex.status(), meetingIds);
	}

}
