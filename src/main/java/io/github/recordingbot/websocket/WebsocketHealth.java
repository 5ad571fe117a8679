package io.github.recordingbot.websocket;

import java.util.Locale;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The websocket transport for {@code /actuator/health} details: its state and, with
 * replicas, which one holds the websocket. Always up: a standby replica is where it
 * should be, and a websocket that reconnects must not take the bot out of service (the
 * status page raises the alarm).
 */
class WebsocketHealth implements HealthIndicator {

	private final WebsocketMonitor monitor;

	WebsocketHealth(WebsocketMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		WebsocketStatus status = this.monitor.status();
		Health.Builder health = Health.up().withDetail("state", status.state().name().toLowerCase(Locale.ROOT));
		if (status.holder() != null) {
			health.withDetail("holder", status.holder());
		}
		if (status.lastClose() != null) {
			health.withDetail("lastClose", status.lastClose());
		}
		return health.build();
	}

}
