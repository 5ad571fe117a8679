package io.github.recordingbot.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replicas on PostgreSQL finish the events a replica acknowledged and did not answer
 * (it died, or was stopped, mid-request).
 *
 * @param lease how long the replica that took an event holds it; after that another
 * replica may take it over. Longer than the longest request (the Webex client's retries
 * are bounded well below it), or a slow request is answered twice; shorter is quicker to
 * recover
 * @param maxAttempts how many times an event is taken (the first time included) before
 * the bot gives up on it with an audit line: an event that kills every replica that takes
 * it is not taken for ever
 * @param recoveryInterval how often each replica looks for events to take over
 */
@ConfigurationProperties("bot.inbox")
record SeenEventsProperties(@DefaultValue("2m") Duration lease, @DefaultValue("3") int maxAttempts,
		@DefaultValue("30s") Duration recoveryInterval) {

	SeenEventsProperties {
		if (lease == null || lease.compareTo(Duration.ofSeconds(10)) < 0
				|| lease.compareTo(SeenEventsConfiguration.WINDOW) >= 0) {
			throw new IllegalArgumentException(
					"bot.inbox.lease must be at least 10s and less than 1h (the de-duplication window), got " + lease);
		}
		if (maxAttempts < 1 || maxAttempts > 10) {
			throw new IllegalArgumentException("bot.inbox.max-attempts must be 1 to 10, got " + maxAttempts);
		}
		if (recoveryInterval == null || recoveryInterval.isNegative() || recoveryInterval.isZero()) {
			throw new IllegalArgumentException(
					"bot.inbox.recovery-interval must be more than 0, got " + recoveryInterval);
		}
	}

}
