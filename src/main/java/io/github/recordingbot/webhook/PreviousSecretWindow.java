package io.github.recordingbot.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * How long the previous webhook secret ({@code WEBHOOK_SECRET_PREVIOUS}) is still
 * accepted. It is needed only until the webhooks are registered again with the current
 * secret, plus a grace period for deliveries already signed with the old one; after that
 * it gets 401 like any wrong secret.
 *
 * <p>
 * The registration time is kept in memory. After a start the bot cannot know whether the
 * webhooks already carry the current secret, so it accepts the previous one for at most
 * one grace period from the start, or until one grace period after a registration made
 * within that time. A registration after the window closed does not open it again.
 */
@Component
public class PreviousSecretWindow {

	private static final Logger logger = LoggerFactory.getLogger(PreviousSecretWindow.class);

	private final boolean configured;

	private final Duration grace;

	private final Clock clock;

	private final Instant started;

	private final AtomicReference<Instant> registered = new AtomicReference<>();

	PreviousSecretWindow(WebhookProperties properties, Clock clock) {
		this.configured = properties.secretPrevious() != null;
		this.grace = properties.previousSecretGrace();
		this.clock = clock;
		this.started = clock.instant();
		if (this.configured) {
			logger.info(
					"WEBHOOK_SECRET_PREVIOUS is accepted until {} at the latest: register the webhooks "
							+ "(status page) to move them to WEBHOOK_SECRET, then remove WEBHOOK_SECRET_PREVIOUS",
					status().until());
		}
	}

	/** Whether a delivery signed with the previous secret is accepted now. */
	boolean accepted() {
		return status().accepted();
	}

	/**
	 * Records that every webhook of the bot was just registered with the current secret:
	 * the previous secret stays accepted for one grace period from now. Only the first
	 * registration while it is still accepted counts.
	 */
	public void webhooksRegistered() {
		if (!this.configured) {
			return;
		}
		Instant now = this.clock.instant();
		if (status().accepted() && this.registered.compareAndSet(null, now)) {
			logger.info("Webhooks registered with the current secret; the previous secret is accepted until {}",
					now.plus(this.grace));
		}
	}

	/** What the status page shows. */
	public Status status() {
		if (!this.configured) {
			return new Status(false, false, null, null);
		}
		Instant registeredAt = this.registered.get();
		Instant until = ((registeredAt != null) ? registeredAt : this.started).plus(this.grace);
		return new Status(true, this.clock.instant().isBefore(until), registeredAt, until);
	}

	/**
	 * Where the previous secret stands.
	 *
	 * @param configured whether {@code WEBHOOK_SECRET_PREVIOUS} is set
	 * @param accepted whether a delivery signed with it is accepted now
	 * @param registered when the webhooks were registered with the current secret since
	 * the start, or {@code null} when unknown
	 * @param until when it stops (or stopped) being accepted; {@code null} when not
	 * configured
	 */
	public record Status(boolean configured, boolean accepted, @Nullable Instant registered, @Nullable Instant until) {
	}

}
