package io.github.recordingbot.webex;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bot treats a slow, rate-limiting or failing Webex: retries, waits and the
 * bulkhead. Bound under {@code webex.*} beside {@link WebexProperties}, which says where
 * Webex is.
 *
 * @param maxConcurrentCalls Webex calls in flight at once, across all requests; more wait
 * for a free slot, so that a burst of requests does not become a burst of 429s
 * @param bulkheadWait how long a call waits for a free slot before it fails as "no
 * answer"
 * @param maxRetries retries of a GET after a 5xx, a network fault or a short 429 (so at
 * most {@code maxRetries + 1} calls); a POST is never retried
 * @param maxRetryAfter the longest {@code Retry-After} the bot waits out; a longer one
 * fails the call at once and the user is told Webex is busy
 * @param retryBackoff the first backoff after a 5xx or a network fault; it doubles per
 * retry, and each wait is a random time up to it ("full jitter")
 * @param retryBackoffMax the ceiling of the backoff
 */
@ConfigurationProperties("webex")
record WebexResilienceProperties(@DefaultValue("32") int maxConcurrentCalls, @DefaultValue("10s") Duration bulkheadWait,
		@DefaultValue("3") int maxRetries, @DefaultValue("10s") Duration maxRetryAfter,
		@DefaultValue("200ms") Duration retryBackoff, @DefaultValue("2s") Duration retryBackoffMax) {

	WebexResilienceProperties {
		if (maxConcurrentCalls < 1) {
			throw new IllegalArgumentException(
					"webex.max-concurrent-calls must be at least 1, got " + maxConcurrentCalls);
		}
		if (maxRetries < 0) {
			throw new IllegalArgumentException("webex.max-retries must not be negative, got " + maxRetries);
		}
		requireNotNegative("webex.bulkhead-wait", bulkheadWait);
		requireNotNegative("webex.max-retry-after", maxRetryAfter);
		requireNotNegative("webex.retry-backoff", retryBackoff);
		requireNotNegative("webex.retry-backoff-max", retryBackoffMax);
	}

	/** The defaults, for code that builds a client without Spring. */
	static WebexResilienceProperties defaults() {
		return new WebexResilienceProperties(32, Duration.ofSeconds(10), 3, Duration.ofSeconds(10),
				Duration.ofMillis(200), Duration.ofSeconds(2));
	}

	private static void requireNotNegative(String key, Duration value) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(key + " must be a duration of zero or more, got " + value);
		}
	}

}
