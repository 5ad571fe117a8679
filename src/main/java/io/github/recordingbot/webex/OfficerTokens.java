package io.github.recordingbot.webex;

import java.util.Optional;
import java.util.Set;

/**
 * Where {@link WebexOfficerClient}'s interceptor gets the Compliance Officer's access
 * token from; {@code officer/} implements it over Spring Security's authorized client.
 * Business code never sees it: it calls the officer client, which carries the token.
 */
public interface OfficerTokens {

	/**
	 * A usable access token, or empty when the bot is not authorized (yet, or any more).
	 */
	Optional<String> accessToken();

	/**
	 * The scopes the authorization holds, as far as the bot knows them; empty when not
	 * authorized.
	 */
	default Set<String> grantedScopes() {
		return Set.of();
	}

	/**
	 * Webex answered 401 to this token although it had not expired: refresh once, if the
	 * token is one that can be refreshed.
	 * @param rejected the token Webex refused
	 * @return a different token to retry with, or empty when there is none
	 */
	default Optional<String> refreshRejected(String rejected) {
		return Optional.empty();
	}

}
