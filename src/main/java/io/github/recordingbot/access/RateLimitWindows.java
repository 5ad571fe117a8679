package io.github.recordingbot.access;

import java.time.Instant;

/**
 * Where the {@link RateLimiter} keeps each sender's recent requests: in this process
 * ({@link InMemoryRateLimitWindows}) or in PostgreSQL, shared by the replicas
 * ({@link JdbcRateLimitWindows}). Either one checks and counts a request in one step, so
 * that concurrent requests of one sender never pass the limit together.
 */
interface RateLimitWindows {

	/**
	 * Counts the request if the sender is within the limits at {@code now}; a refused
	 * request counts nothing.
	 * @param sender the sender's Webex person id
	 * @param meeting the meeting asked for, or {@code null}
	 * @param limits the limits of the current config
	 * @param now the time of the request
	 * @return whether the request may go on, and if not, why and from when it would
	 */
	RateLimiter.Admission admit(String sender, String meeting, AccessConfig.RateLimit limits, Instant now);

}
