package io.github.recordingbot.replicas;

import java.time.Duration;
import java.time.Instant;

/**
 * What one replica last said about itself in the shared store.
 *
 * @param instanceId the replica's instance id ({@code BOT_INSTANCE_ID}, or its host name)
 * @param startedAt when it started
 * @param lastSeen when it last wrote its heartbeat, on its own clock
 * @param mode how it gets chat: webhook, websocket or demo
 * @param version the bot's version
 * @param health a few words: {@code ok}, or what needs the operator; {@code stopped}
 * after a graceful shutdown
 */
public record Heartbeat(String instanceId, Instant startedAt, Instant lastSeen, String mode, String version,
		String health) {

	/** A replica that wrote nothing for this long is marked stale. */
	public static final Duration STALE_AFTER = Duration.ofMinutes(1);

	/** The health of a replica that shut down gracefully. */
	public static final String STOPPED = "stopped";

	/** Whether the replica has not written for longer than {@link #STALE_AFTER}. */
	public boolean stale(Instant now) {
		return !STOPPED.equals(this.health) && this.lastSeen.plus(STALE_AFTER).isBefore(now);
	}

	/** How long ago the replica last wrote its heartbeat, never negative. */
	public Duration age(Instant now) {
		Duration age = Duration.between(this.lastSeen, now);
		return age.isNegative() ? Duration.ZERO : age;
	}

}
