package io.github.recordingbot.officer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The Webex Integration the Compliance Officer authorizes, and where and how its tokens
 * are kept.
 *
 * @param clientId the integration's client id ({@code WEBEX_INTEGRATION_CLIENT_ID})
 * @param clientSecret the integration's client secret
 * ({@code WEBEX_INTEGRATION_CLIENT_SECRET})
 * @param scopes the scopes requested; a new authorization is accepted when the granted
 * ones let the bot find meetings and recordings (see {@link OfficerScopes})
 * @param tokenStoragePath the data directory: H2 database and generated key file
 * ({@code TOKEN_STORAGE_PATH})
 * @param tokenEncryptionKey the secret the tokens are encrypted with at rest
 * ({@code TOKEN_ENCRYPTION_KEY})
 * @param clockSkew a request refreshes the access token when it has less than this left
 * @param refreshBefore the scheduled job refreshes the access token when it has less than
 * this left
 * @param maxRetryDelay the longest wait between two failed scheduled refreshes
 * @param checkAtStartup whether to check what the authorization can do once the bot is
 * ready
 * @param rereadInterval how long the authorization held in memory is used before it is
 * read from the store again, so that a refresh by another replica is picked up
 */
@ConfigurationProperties("officer")
record OfficerProperties(String clientId, String clientSecret, @DefaultValue( {
		"meeting:admin_schedule_read", "meeting:admin_preferences_read", "spark-compliance:meetings_read",
		"spark:people_read" }) List<String> scopes, @DefaultValue("./data") Path tokenStoragePath,
		String tokenEncryptionKey, @DefaultValue("P1D") Duration clockSkew, @DefaultValue("P7D") Duration refreshBefore,
		@DefaultValue("PT12H") Duration maxRetryDelay, @DefaultValue("true") boolean checkAtStartup,
		@DefaultValue("PT60S") Duration rereadInterval){

	OfficerProperties {
		clientId = StringUtils.hasText(clientId) ? clientId.trim() : null;
		clientSecret = StringUtils.hasText(clientSecret) ? clientSecret.trim() : null;
		tokenEncryptionKey = StringUtils.hasText(tokenEncryptionKey) ? tokenEncryptionKey.trim() : null;
		scopes = List.copyOf(scopes);
		if (scopes.isEmpty()) {
			throw new IllegalArgumentException("officer.scopes must name at least one scope");
		}
		if (tokenEncryptionKey != null && tokenEncryptionKey.length() < 32) {
			throw new IllegalArgumentException(
					"officer.token-encryption-key (TOKEN_ENCRYPTION_KEY) must have at least 32 characters, "
							+ "e.g. the output of: openssl rand -base64 32");
		}
		if (rereadInterval.isNegative()) {
			throw new IllegalArgumentException("officer.reread-interval must not be negative");
		}
		if (refreshBefore.compareTo(clockSkew) < 0) {
			throw new IllegalArgumentException("officer.refresh-before must not be shorter than officer.clock-skew");
		}
	}

	/**
	 * Whether client id and secret are both set, so the officer can authorize in a
	 * browser.
	 */
	boolean hasClient() {
		return this.clientId != null && this.clientSecret != null;
	}

	@Override
	public String toString() {
		return "OfficerProperties[clientId=" + this.clientId + ", clientSecret="
				+ ((this.clientSecret != null) ? "***" : "none") + ", scopes=" + this.scopes + ", tokenStoragePath="
				+ this.tokenStoragePath + ", tokenEncryptionKey=" + ((this.tokenEncryptionKey != null) ? "***" : "none")
				+ ", checkAtStartup=" + this.checkAtStartup + "]";
	}

}
