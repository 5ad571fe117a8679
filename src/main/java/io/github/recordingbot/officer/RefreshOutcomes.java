package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.OAuth2AuthorizationSuccessHandler;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * What happens after a refresh: success stores the new tokens and when the refresh token
 * now expires; failure keeps the old tokens, records why (no secrets), and alerts once
 * per streak; {@code invalid_grant} drops the dead tokens and asks for a new
 * authorization.
 */
class RefreshOutcomes implements OAuth2AuthorizationSuccessHandler, OAuth2AuthorizationFailureHandler {

	private static final Logger logger = LoggerFactory.getLogger(RefreshOutcomes.class);

	private final OAuth2AuthorizedClientService clients;

	private final AuthorizationRecords records;

	private final HeldAuthorization held;

	private final Clock clock;

	// set by the token call and read by the success handler; both run under the refresh
	// lock
	private final AtomicReference<Instant> refreshTokenExpiresAt = new AtomicReference<>();

	RefreshOutcomes(OAuth2AuthorizedClientService clients, AuthorizationRecords records, HeldAuthorization held,
			Clock clock) {
		this.clients = clients;
		this.records = records;
		this.held = held;
		this.clock = clock;
	}

	/**
	 * Wraps the token endpoint client to catch Webex's {@code refresh_token_expires_in}.
	 */
	OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> capturing(
			OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> delegate) {
		return (request) -> {
			OAuth2AccessTokenResponse response = delegate.getTokenResponse(request);
			this.refreshTokenExpiresAt.set(refreshTokenExpiresAt(response, this.clock.instant()));
			return response;
		};
	}

	@Override
	public void onAuthorizationSuccess(OAuth2AuthorizedClient client, Authentication principal,
			Map<String, Object> attributes) {
		Instant now = this.clock.instant();
		OAuth2AuthorizedClient stored = new OAuth2AuthorizedClient(client.getClientRegistration(),
				client.getPrincipalName(), onClock(client.getAccessToken(), now, client.getAccessToken().getScopes()),
				client.getRefreshToken());
		this.clients.saveAuthorizedClient(stored, principal);
		this.records.refreshed(now, this.refreshTokenExpiresAt.getAndSet(null));
		this.held.stored(stored);
		logger.info("Refreshed the Compliance Officer's access token; it now expires at {}",
				client.getAccessToken().getExpiresAt());
	}

	@Override
	public void onAuthorizationFailure(OAuth2AuthorizationException ex, Authentication principal,
			Map<String, Object> attributes) {
		String code = ex.getError().getErrorCode();
		boolean dead = OAuth2ErrorCodes.INVALID_GRANT.equals(code);
		boolean firstInStreak = this.records.find().map((d) -> d.refreshFailures() == 0).orElse(true);
		this.records.refreshFailed(this.clock.instant(), reason(ex), dead);
		if (dead) {
			// a refused refresh token is useless; keeping it would only keep a secret
			// around
			this.clients.removeAuthorizedClient(OfficerTokenSource.REGISTRATION, principal.getName());
			this.held.removed();
			logger.error("ALERT: Webex refused the Compliance Officer's refresh token ({}). Recording lookups are "
					+ "paused until the officer authorizes again at /webex/authorize", code);
		}
		else if (firstInStreak) {
			logger.error("ALERT: refreshing the Compliance Officer's token failed ({}); the old token stays in use "
					+ "while it is valid, and the refresh is retried with backoff", code);
		}
		else {
			logger.warn("Refreshing the Compliance Officer's token failed again ({})", code);
		}
	}

	/**
	 * The token with issue and expiry times on the bot's clock: Spring Security stamps
	 * them with the system time, and every refresh decision must use one clock.
	 */
	static OAuth2AccessToken onClock(OAuth2AccessToken token, Instant now, java.util.Set<String> scopes) {
		Duration lifetime = (token.getIssuedAt() != null && token.getExpiresAt() != null)
				? Duration.between(token.getIssuedAt(), token.getExpiresAt()) : Duration.ZERO;
		return new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), now, now.plus(lifetime), scopes);
	}

	static @Nullable Instant refreshTokenExpiresAt(OAuth2AccessTokenResponse response, Instant now) {
		Object seconds = response.getAdditionalParameters().get("refresh_token_expires_in");
		try {
			return (seconds != null) ? now.plusSeconds(Long.parseLong(seconds.toString())) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String reason(OAuth2AuthorizationException ex) {
		String description = ex.getError().getDescription();
		String code = ex.getError().getErrorCode();
		if (description == null) {
			return code;
		}
		// descriptions of transport errors quote the token endpoint's answer; keep them
		// short
		String text = code + ": " + description;
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

}
