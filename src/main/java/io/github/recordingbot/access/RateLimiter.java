package io.github.recordingbot.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.stereotype.Component;

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
 * limits are read on every call, so a config reload applies at once. Counters live in
 * memory: a restart forgets them, and each replica counts on its own.
 */
@Component
public class RateLimiter {

	static final Duration MINUTE = Duration.ofMinutes(1);

	static final Duration DAY = Duration.ofDays(1);

	private final Clock clock;

	private final Cache<String, Window> senders;

	public RateLimiter(Clock clock) {
		this.clock = clock;
		// The ticker follows the injected clock, so that tests move expiry with it
		// instead of waiting.
		Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
		this.senders = Caffeine.newBuilder().ticker(ticker).expireAfterAccess(DAY).maximumSize(100_000).build();
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
		Window window = this.senders.get((sender != null) ? sender : "", (key) -> new Window());
		return window.admit(this.clock.instant(), meeting, limits);
	}

	/**
	 * The answer of the limiter.
	 *
	 * @param allowed whether the request may go on
	 * @param reason the audit reason when refused: {@code requests_per_minute} or
	 * {@code meetings_per_day}
	 * @param retryAt from when the same request would be admitted, when refused
	 */
	public record Admission(boolean allowed, String reason, Instant retryAt) {

		static final Admission ALLOWED = new Admission(true, null, null);

	}

	/** What one sender did recently. */
	private static final class Window {

		private final Deque<Instant> requests = new ArrayDeque<>();

		// Meeting number -> when it was first asked for within the last day, oldest
		// first.
		private final Map<String, Instant> meetings = new LinkedHashMap<>();

		synchronized Admission admit(Instant now, String meeting, AccessConfig.RateLimit limits) {
			while (!this.requests.isEmpty() && !this.requests.peekFirst().plus(MINUTE).isAfter(now)) {
				this.requests.pollFirst();
			}
			Iterator<Instant> firstAsked = this.meetings.values().iterator();
			while (firstAsked.hasNext()) {
				if (firstAsked.next().plus(DAY).isAfter(now)) {
					break;
				}
				firstAsked.remove();
			}
			if (this.requests.size() >= limits.requestsPerMinute()) {
				// After a lower limit is loaded, the sender waits until enough old
				// requests age out.
				Instant freed = this.requests.stream()
					.skip(this.requests.size() - limits.requestsPerMinute())
					.findFirst()
					.orElseThrow();
				return new Admission(false, "requests_per_minute", freed.plus(MINUTE));
			}
			if (meeting != null && !this.meetings.containsKey(meeting)
					&& this.meetings.size() >= limits.meetingsPerDay()) {
				Instant freed = this.meetings.values()
					.stream()
					.skip(this.meetings.size() - limits.meetingsPerDay())
					.findFirst()
					.orElseThrow();
				return new Admission(false, "meetings_per_day", freed.plus(DAY));
			}
			this.requests.addLast(now);
			if (meeting != null) {
				this.meetings.putIfAbsent(meeting, now);
			}
			return Admission.ALLOWED;
		}

	}

}
