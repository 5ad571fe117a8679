package io.github.recordingbot.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often config.json is checked for edits, and how often a sender outside the
 * allow-list is answered ({@code bot.access.*}); the file's path itself is
 * {@code bot.config-file}, kept where the original deployment put it.
 *
 * @param pollInterval time between two looks at the file
 * @param quietPeriod how long new content must stay unchanged before it is applied, so
 * that a half-written file is not parsed
 * @param refusalInterval a sender outside the allow-list gets at most one refusal per
 * this time; the refusals in between are counted, not answered (zero answers every one)
 */
@ConfigurationProperties("bot.access")
record AccessProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("500ms") Duration quietPeriod,
		@DefaultValue("10m") Duration refusalInterval) {

	static final AccessProperties DEFAULTS = new AccessProperties(Duration.ofSeconds(1), Duration.ofMillis(500),
			Duration.ofMinutes(10));

	AccessProperties {
		if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("bot.access.poll-interval must be positive, got " + pollInterval);
		}
		if (quietPeriod == null || quietPeriod.isNegative()) {
			throw new IllegalArgumentException("bot.access.quiet-period must not be negative, got " + quietPeriod);
		}
		if (refusalInterval == null || refusalInterval.isNegative()) {
			throw new IllegalArgumentException(
					"bot.access.refusal-interval must not be negative, got " + refusalInterval);
		}
	}

}
