package io.github.recordingbot.webex;

import java.util.Optional;

/**
 * Where recording lookups get the Compliance Officer's access token from.
 */
public interface OfficerTokens {

	/** A usable access token, or empty when the bot is not authorized (yet, or any more). */
	Optional<String> accessToken();

}
