package io.github.recordingbot.webhook;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The webhook endpoint's settings.
 *
 * @param secret the secret the bot's webhooks are registered with
 * ({@code WEBHOOK_SECRET})
 * @param secretPrevious the secret before the last rotation
 * ({@code WEBHOOK_SECRET_PREVIOUS}), accepted too until {@code previousSecretGrace} after
 * the webhooks are registered again with the current secret (see
 * {@link PreviousSecretWindow})
 * @param maxBodyBytes the largest body read; Webex envelopes are 1–2 KB
 * @param maxAge older deliveries (by {@code data.created}) are ignored: the signature
 * carries no timestamp, so this and the one-hour deduplication together stop replays
 * @param bodyTimeout how long the whole body may take to arrive once the headers are in;
 * a slower sender gets 408 and its connection is closed. Webex sends 1–2 KB at once.
 * @param previousSecretGrace how long the previous secret stays accepted after the
 * webhooks were registered with the current one (or, when the bot does not know of a
 * registration since it started, after the start): deliveries signed before the
 * registration may still be on their way
 */
@ConfigurationProperties("webhook")
public record WebhookProperties(@Nullable String secret, @Nullable String secretPrevious,
		@DefaultValue("65536") int maxBodyBytes, @DefaultValue("10m") Duration maxAge,
		@DefaultValue("5s") Duration bodyTimeout, @DefaultValue("1h") Duration previousSecretGrace) {

	public WebhookProperties {
		secret = StringUtils.hasText(secret) ? secret : null;
		secretPrevious = StringUtils.hasText(secretPrevious) ? secretPrevious : null;
		if (maxAge == null || maxAge.isNegative() || maxAge.isZero() || maxAge.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException(
					"webhook.max-age must be more than 0 and at most 1h (the deduplication window), got " + maxAge);
		}
		if (bodyTimeout == null || bodyTimeout.toMillis() < 1 || bodyTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException(
					"webhook.body-timeout must be at least 1ms and at most 1m, got " + bodyTimeout);
		}
		if (previousSecretGrace == null || previousSecretGrace.isNegative() || previousSecretGrace.isZero()
				|| previousSecretGrace.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException(
					"webhook.previous-secret-grace must be more than 0 and at most 1d, got " + previousSecretGrace);
		}
		if (maxBodyBytes < 1024) {
			throw new IllegalArgumentException("webhook.max-body-bytes must be at least 1024, got " + maxBodyBytes);
		}
	}

	/** Whether a secret is configured; without one every delivery is refused. */
	public boolean hasSecret() {
		return this.secret != null;
	}

	@Override
	public String toString() {
		return "WebhookProperties[secret=" + (hasSecret() ? "***" : "none") + ", secretPrevious="
				+ ((this.secretPrevious != null) ? "***" : "none") + ", maxBodyBytes=" + this.maxBodyBytes
				+ ", bodyTimeout=" + this.bodyTimeout + ", previousSecretGrace=" + this.previousSecretGrace + "]";
	}

}
