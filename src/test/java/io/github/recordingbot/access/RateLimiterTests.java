package io.github.recordingbot.access;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.recordingbot.support.MutableClock;
import io.github.recordingbot.access.AccessConfig.RateLimit;
import io.github.recordingbot.access.RateLimiter.Admission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-sender limits, on a clock the tests move by hand, with the windows in memory
 * (one bot on H2); {@link PostgreSqlRateLimiterTests} runs the same rules on PostgreSQL.
 */
class RateLimiterTests {

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	static final RateLimit DEFAULTS = RateLimit.DEFAULTS;

	final MutableClock clock = new MutableClock(START);

	final RateLimiter limiter = limiter(this.clock);

	RateLimiter limiter(MutableClock clock) {
		return new RateLimiter(clock);
	}

	@Test
	void eleventhRequestInAMinuteIsRefusedUntilTheFirstIsAMinuteOld() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.limiter.admit("alice", "123456789", DEFAULTS).allowed()).isTrue();
			this.clock.advance(Duration.ofSeconds(1));
		}

		Admission eleventh = this.limiter.admit("alice", "123456789", DEFAULTS);

		assertThat(eleventh.allowed()).isFalse();
		assertThat(eleventh.reason()).isEqualTo("requests_per_minute");
		assertThat(eleventh.retryAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
	}

	@Test
	void requestsAreAdmittedAgainOnceTheWindowSlides() {
		fill("alice", 10);
		assertThat(this.limiter.admit("alice", "123456789", DEFAULTS).allowed()).isFalse();

		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.limiter.admit("alice", "123456789", DEFAULTS).allowed()).isFalse();
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.limiter.admit("alice", "123456789", DEFAULTS).allowed()).isTrue();
	}

	@Test
	void refusedRequestsUseUpNothing() {
		fill("alice", 10);
		for (int i = 0; i < 50; i++) {
			assertThat(this.limiter.admit("alice", "123456789", DEFAULTS).allowed()).isFalse();
		}

		this.clock.advance(Duration.ofMinutes(1));

		for (int i = 0; i < 10; i++) {
			assertThat(this.limiter.admit("alice", "123456789", DEFAULTS).allowed()).isTrue();
		}
	}

	@Test
	void sendersAreCountedApart() {
		fill("alice", 10);

		assertThat(this.limiter.admit("bob", "123456789", DEFAULTS).allowed()).isTrue();
		assertThat(this.limiter.admit("alice", "123456789", DEFAULTS).allowed()).isFalse();
	}

	@Test
	void twentyFirstDistinctMeetingInADayIsRefusedButKnownMeetingsStayAllowed() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.limiter.admit("alice", meeting(i), DEFAULTS).allowed()).isTrue();
			this.clock.advance(Duration.ofMinutes(10));
		}

		Admission twentyFirst = this.limiter.admit("alice", meeting(20), DEFAULTS);

		assertThat(twentyFirst.allowed()).isFalse();
		assertThat(twentyFirst.reason()).isEqualTo("meetings_per_day");
		assertThat(twentyFirst.retryAt()).isEqualTo(START.plus(Duration.ofDays(1)));
		assertThat(this.limiter.admit("alice", meeting(3), DEFAULTS).allowed()).isTrue();
	}

	@Test
	void distinctMeetingsAreAdmittedAgainADayAfterTheFirst() {
		for (int i = 0; i < 20; i++) {
			this.limiter.admit("alice", meeting(i), DEFAULTS);
			this.clock.advance(Duration.ofMinutes(10));
		}
		this.clock.set(START.plus(Duration.ofDays(1)).minusMillis(1));
		assertThat(this.limiter.admit("alice", meeting(20), DEFAULTS).allowed()).isFalse();

		this.clock.set(START.plus(Duration.ofDays(1)));

		assertThat(this.limiter.admit("alice", meeting(20), DEFAULTS).allowed()).isTrue();
		assertThat(this.limiter.admit("alice", meeting(21), DEFAULTS).allowed()).isFalse();
	}

	@Test
	void aLowerLimitFromAReloadAppliesAtOnce() {
		for (int i = 0; i < 5; i++) {
			this.limiter.admit("alice", "123456789", DEFAULTS);
			this.clock.advance(Duration.ofSeconds(1));
		}

		Admission refused = this.limiter.admit("alice", "123456789", new RateLimit(3, 20));

		assertThat(refused.allowed()).isFalse();
		// Three of the five must age out: the third oldest was at START + 2 s.
		assertThat(refused.retryAt()).isEqualTo(START.plusSeconds(2).plus(Duration.ofMinutes(1)));
		assertThat(this.limiter.admit("alice", "123456789", new RateLimit(6, 20)).allowed()).isTrue();
	}

	@Test
	void concurrentRequestsOfOneSenderNeverExceedTheLimit() throws Exception {
		AtomicInteger admitted = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 200; i++) {
			pool.execute(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				if (this.limiter.admit("alice", "123456789", DEFAULTS).allowed()) {
					admitted.incrementAndGet();
				}
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		assertThat(admitted).hasValue(10);
	}

	private void fill(String sender, int requests) {
		for (int i = 0; i < requests; i++) {
			assertThat(this.limiter.admit(sender, "123456789", DEFAULTS).allowed()).isTrue();
		}
	}

	private static String meeting(int i) {
		return String.valueOf(100_000_000 + i);
	}

}
