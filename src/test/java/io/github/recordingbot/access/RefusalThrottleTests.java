package io.github.recordingbot.access;

import java.time.Duration;
import java.time.Instant;

import io.github.recordingbot.access.RefusalThrottle.Notice;
import io.github.recordingbot.access.RefusalThrottle.Sender;
import io.github.recordingbot.access.RefusalThrottle.Summary;
import io.github.recordingbot.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals to senders outside the allow-list, on a clock the tests move by hand: one
 * answer per window, every other refusal counted exactly once.
 */
class RefusalThrottleTests {

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	static final Sender MALLORY = new Sender("mallory-id", "mallory@evil.example", "direct");

	static final Sender TRUDY = new Sender("trudy-id", "trudy@evil.example", "direct");

	final MutableClock clock = new MutableClock(START);

	final RefusalThrottle throttle = new RefusalThrottle(this.clock, AccessProperties.DEFAULTS);

	@Test
	void firstRefusalIsAnsweredAndTheNextFiftyNineInTenMinutesAreNot() {
		assertThat(this.throttle.refuse(MALLORY)).isEqualTo(new Notice(true, 0));

		for (int i = 0; i < 59; i++) {
			this.clock.advance(Duration.ofSeconds(10));
			assertThat(this.throttle.refuse(MALLORY).answer()).isFalse();
		}
	}

	@Test
	void firstRefusalAfterTheWindowIsAnsweredAndCarriesTheSuppressedCount() {
		this.throttle.refuse(MALLORY);
		for (int i = 0; i < 59; i++) {
			this.throttle.refuse(MALLORY);
		}
		this.clock.advance(Duration.ofMinutes(10).minusMillis(1));
		assertThat(this.throttle.refuse(MALLORY).answer()).isFalse();
		this.clock.advance(Duration.ofMillis(1));

		assertThat(this.throttle.refuse(MALLORY)).isEqualTo(new Notice(true, 60));
		assertThat(this.throttle.refuse(MALLORY)).isEqualTo(new Notice(false, 0));
	}

	@Test
	void closedWindowWithSuppressedRefusalsGivesOneSummaryOnce() {
		this.throttle.refuse(MALLORY);
		this.throttle.refuse(MALLORY);
		this.throttle.refuse(MALLORY);
		assertThat(this.throttle.closedWindows()).isEmpty();

		this.clock.advance(Duration.ofMinutes(10));

		assertThat(this.throttle.closedWindows()).containsExactly(new Summary(MALLORY, 2, START));
		assertThat(this.throttle.closedWindows()).isEmpty();
		assertThat(this.throttle.refuse(MALLORY)).isEqualTo(new Notice(true, 0));
	}

	@Test
	void closedWindowWithoutSuppressedRefusalsGivesNoSummary() {
		this.throttle.refuse(MALLORY);
		this.clock.advance(Duration.ofMinutes(10));

		assertThat(this.throttle.closedWindows()).isEmpty();
	}

	@Test
	void drainTakesOpenWindowsToo() {
		this.throttle.refuse(MALLORY);
		this.throttle.refuse(MALLORY);
		this.throttle.refuse(TRUDY);

		assertThat(this.throttle.drain()).containsExactly(new Summary(MALLORY, 1, START));
		assertThat(this.throttle.drain()).isEmpty();
	}

	@Test
	void sendersAreCountedApart() {
		this.throttle.refuse(MALLORY);
		this.throttle.refuse(MALLORY);

		assertThat(this.throttle.refuse(TRUDY)).isEqualTo(new Notice(true, 0));
	}

	@Test
	void zeroIntervalAnswersEveryRefusal() {
		RefusalThrottle everyTime = new RefusalThrottle(this.clock,
				new AccessProperties(Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO));

		assertThat(everyTime.refuse(MALLORY)).isEqualTo(new Notice(true, 0));
		assertThat(everyTime.refuse(MALLORY)).isEqualTo(new Notice(true, 0));
	}

}
