package io.github.recordingbot.officer;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.github.recordingbot.webex.WebexProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Component;

/**
 * What the status page shows about the Compliance Officer's authorization. Never a token.
 */
@Component
public class OfficerOverview {

	private final OfficerTokenSource tokens;

	private final AuthorizationRecords records;

	private final OfficerProperties officer;

	private final TokenCipher cipher;

	private final WebexProperties webex;

	OfficerOverview(OfficerTokenSource tokens, AuthorizationRecords records, OfficerProperties officer,
			TokenCipher cipher, WebexProperties webex) {
		this.tokens = tokens;
		this.records = records;
		this.officer = officer;
		this.cipher = cipher;
		this.webex = webex;
	}

	/** The current state. */
	public Status status() {
		Optional<OAuth2AuthorizedClient> client = this.tokens.current();
		Optional<AuthorizationRecords.Details> details = this.records.find();
		return new Status(this.officer.hasClient(), client.isPresent(),
				details.map(AuthorizationRecords.Details::reauthorizationNeeded).orElse(false),
				details.map(AuthorizationRecords.Details::displayName).orElse(null),
				details.map(AuthorizationRecords.Details::email).orElse(null),
				details.map(AuthorizationRecords.Details::authorizedAt).orElse(null),
				client.map((c) -> c.getAccessToken().getScopes()).orElse(Set.of()),
				client.map((c) -> c.getAccessToken().getExpiresAt()).orElse(null),
				details.map(AuthorizationRecords.Details::refreshTokenExpiresAt).orElse(null),
				details.map(AuthorizationRecords.Details::lastRefreshAt).orElse(null),
				details.map(AuthorizationRecords.Details::lastRefreshError).orElse(null), this.cipher.fromKeyFile(),
				this.webex.integrationAccessToken() != null);
	}

	/**
	 * The officer authorization as the operator sees it.
	 *
	 * @param clientConfigured whether client id and secret are set
	 * @param authorized whether tokens are stored
	 * @param reauthorizationNeeded whether Webex refused the refresh token, so the
	 * officer must authorize again
	 * @param officerName who authorized
	 * @param officerEmail their e-mail
	 * @param authorizedAt when
	 * @param scopes the granted scopes
	 * @param accessTokenExpiresAt when the access token expires
	 * @param refreshTokenExpiresAt when the refresh token expires
	 * @param lastRefreshAt when the last refresh was attempted
	 * @param lastRefreshError why it failed, or {@code null}
	 * @param keyFileInUse whether tokens are encrypted with a generated key file instead
	 * of {@code TOKEN_ENCRYPTION_KEY}
	 * @param pastedToken whether {@code WEBEX_INTEGRATION_ACCESS_TOKEN} is set
	 */
	public record Status(boolean clientConfigured, boolean authorized, boolean reauthorizationNeeded,
			@Nullable String officerName, @Nullable String officerEmail, @Nullable Instant authorizedAt,
			Set<String> scopes, @Nullable Instant accessTokenExpiresAt, @Nullable Instant refreshTokenExpiresAt,
			@Nullable Instant lastRefreshAt, @Nullable String lastRefreshError, boolean keyFileInUse,
			boolean pastedToken) {
	}

}
