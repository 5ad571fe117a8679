package io.github.recordingbot.access;

import java.time.Clock;
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

import io.github.recordingbot.access.RateLimiter.Admission;

/**
 * Rate-limit windows in this process: enough for one bot on its embedded H2 file, which
 * no other process can open. A restart forgets them.
 */
class InMemoryRateLimitWindows implements RateLimitWindows {

	private final Cache<String, Window> senders;

	InMemoryRateLimitWindows(Clock clock) {
		// The ticker follows the injected clock, so that tests move expiry with it
		// instead of waiting.
		Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
		this.senders = Caffeine.newBuilder()
			.ticker(ticker)
			.expireAfterAccess(RateLimiter.DAY)
			.maximumSize(100_000)
			.build();
	}

	@Override
	public Admission admit(String sender, String meeting, AccessConfig.RateLimit limits, Instant now) {
		return this.senders.get(sender, (key) -> new Window()).admit(now, meeting, limits);
	}

	/** What one sender did recently. */
	private static final class Window {

		private final Deque<Instant> requests = new ArrayDeque<>();

		// Meeting number -> when it was first asked for within the last day, oldest
		// first.
		private final Map<String, Instant> meetings = new LinkedHashMap<>();

		synchronized Admission admit(Instant now, String meeting, AccessConfig.RateLimit limits) {
			while (!this.requests.isEmpty() && !this.requests.peekFirst().plus(RateLimiter.MINUTE).isAfter(now)) {
				this.requests.pollFirst();
			}
			Iterator<Instant> firstAsked = this.meetings.values().iterator();
			while (firstAsked.hasNext()) {
				if (firstAsked.next().plus(RateLimiter.DAY).isAfter(now)) {
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
				return new Admission(false, RateLimiter.REQUESTS_PER_MINUTE, freed.plus(RateLimiter.MINUTE));
			}
			if (meeting != null && !this.meetings.containsKey(meeting)
					&& this.meetings.size() >= limits.meetingsPerDay()) {
				Instant freed = this.meetings.values()
					.stream()
					.skip(this.meetings.size() - limits.meetingsPerDay())
					.findFirst()
					.orElseThrow();
				return new Admission(false, RateLimiter.MEETINGS_PER_DAY, freed.plus(RateLimiter.DAY));
			}
			this.requests.addLast(now);
			if (meeting != null) {
				this.meetings.putIfAbsent(meeting, now);
			}
			return Admission.ALLOWED;
		}

	}

}
