package io.github.recordingbot.webex;

/**
 * There is no token to call Webex with: the bot token is not set, or the Compliance
 * Officer has not authorized the bot (yet, or any more). Webex was not asked. Its status
 * is 401, like a token Webex refused, so that callers that do not care which treat both
 * alike.
 */
public class WebexNotAuthorizedException extends WebexException {

	public WebexNotAuthorizedException(String message) {
		super(message, 401, null, null, null);
	}

}
