package io.github.recordingbot.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Limits how fast one sender may ask for recordings, so that nobody can guess meeting
 * numbers: at most {@code requests_per_minute} requests in any sixty seconds and
 * {@code meetings_per_day} distinct meetings in any twenty-four hours (config.json
 * {@code rate_limit}). A meeting is counted by what the request names: the number of a
 * {@code rec}, or the meeting id of a pick from the recent-recordings card or of a
 * forwarded recording. The same meeting asked for once by number and once by id counts
 * twice, which errs on the safe side.
 *
 * <p>
 * Both windows slide, so there is no burst at a minute or day boundary. A refused request
 * uses up nothing, so a sender who waits until the time the refusal names is served. The
 * limits are read on every call, so a config reload applies at once. On the embedded H2
 * file the windows live in memory (a restart forgets them); on PostgreSQL they are one
 * row per sender that every replica checks and counts in one statement
 * ({@link JdbcRateLimitWindows}). When that database does not answer, the request is
 * refused (fail closed) with the same reply as a limit, for a minute.
 */
public class RateLimiter {

	private static final Logger logger = LoggerFactory.getLogger(RateLimiter.class);

	static final Duration MINUTE = Duration.ofMinutes(1);

	static final Duration DAY = Duration.ofDays(1);

	static final String REQUESTS_PER_MINUTE = "requests_per_minute";

	static final String MEETINGS_PER_DAY = "meetings_per_day";

	/** The audit reason of a request refused because the shared windows are unknown. */
	static final String UNAVAILABLE = "rate_limit_unavailable";

	private final Clock clock;

	private final RateLimitWindows windows;

	/**
	 * A limiter that keeps its windows in this process.
	 * @param clock the time of each request
	 */
	public RateLimiter(Clock clock) {
		this(clock, new InMemoryRateLimitWindows(clock));
	}

	RateLimiter(Clock clock, RateLimitWindows windows) {
		this.clock = clock;
		this.windows = windows;
	}

	/**
	 * Counts a request if the sender is within the limits.
	 * @param sender the sender's Webex person id (from the API)
	 * @param meeting the meeting asked for: its number, or its id when the request names
	 * it by id; {@code null} when the request names no meeting
	 * @param limits the limits of the current config
	 * @return whether the request may go on, and if not, why and from when it would
	 */
	public Admission admit(String sender, String meeting, AccessConfig.RateLimit limits) {
		Instant now = this.clock.instant();
		try {
			return this.windows.admit((sender != null) ? sender : "", meeting, limits, now);
		}
		catch (DataAccessException ex) {
			// Fail closed, as every rule check: the limit guards against guessing
			// meeting numbers, and the sender is told to try again shortly.
			logger.warn("Rate-limit windows unavailable, refusing the request of person {}: {}", sender,
					ex.getMostSpecificCause().getClass().getSimpleName());
			return new Admission(false, UNAVAILABLE, now.plus(MINUTE));
		}
	}

	/**
	 * The answer of the limiter.
	 *
	 * @param allowed whether the request may go on
	 * @param reason the audit reason when refused: {@code requests_per_minute},
	 * {@code meetings_per_day}, or {@code rate_limit_unavailable} when the shared windows
	 * could not be read
	 * @param retryAt from when the same request would be admitted, when refused
	 */
	public record Admission(boolean allowed, String reason, Instant retryAt) {

		static final Admission ALLOWED = new Admission(true, null, null);

	}

}
