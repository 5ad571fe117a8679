package io.github.recordingbot.websocket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replicas on one PostgreSQL choose the one that holds the websocket.
 *
 * @param checkInterval how often a standby tries to take the websocket over, and the
 * holder checks that it still holds it
 * @param timeout how long the holder's check may take before it closes its websocket (the
 * database went away)
 */
@ConfigurationProperties("bot.websocket.leader")
public record WebsocketLeaderProperties(@DefaultValue("1s") Duration checkInterval,
		@DefaultValue("2s") Duration timeout) {

	public WebsocketLeaderProperties {
		if (checkInterval.isNegative() || checkInterval.isZero()
				|| checkInterval.compareTo(Duration.ofSeconds(5)) > 0) {
			throw new IllegalArgumentException(
					"bot.websocket.leader.check-interval must be between 1ms and 5s, got " + checkInterval);
		}
		if (timeout.toMillis() < 100 || timeout.compareTo(Duration.ofSeconds(5)) > 0) {
			throw new IllegalArgumentException(
					"bot.websocket.leader.timeout must be between 100ms and 5s, got " + timeout);
		}
	}

}
