package io.github.recordingbot.webex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The bot's one backoff: the sequence each caller waits (Webex retries with full jitter,
 * websocket reconnects and scheduled refreshes without).
 */
class BackoffTests {

	@Nested
	class Plain {

		@Test
		void waitsDoubleFromTheFirstUpToTheCeiling() {
			Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(32));

			assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 100, Integer.MAX_VALUE).stream().map(backoff::delay))
				.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
						Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(32),
						Duration.ofSeconds(32), Duration.ofSeconds(32));
		}

		@Test
		void aCeilingBetweenTwoDoublingsIsReachedExactly() {
			Backoff backoff = Backoff.exponential(Duration.ofMinutes(15), Duration.ofHours(12));

			assertThat(backoff.delay(5)).isEqualTo(Duration.ofHours(8));
			assertThat(backoff.delay(6)).isEqualTo(Duration.ofHours(12));
		}

		@Test
		void aCeilingBelowTheFirstWaitCapsEveryWait() {
			Backoff backoff = Backoff.exponential(Duration.ofSeconds(5), Duration.ofSeconds(2));

			assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(2));
			assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(2));
		}

		@Test
		void aFirstWaitOfZeroNeverWaits() {
			Backoff backoff = Backoff.exponential(Duration.ZERO, Duration.ofSeconds(2));

			assertThat(backoff.delay(0)).isZero();
			assertThat(backoff.delay(1_000_000)).isZero();
		}

		@Test
		void eachStartBeginsTheSequenceAgain() {
			Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(32));
			BackOffExecution first = backoff.start();
			List<Long> waits = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				waits.add(first.nextBackOff());
			}
			BackOffExecution again = backoff.start();

			assertThat(waits).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 32000L);
			assertThat(again.nextBackOff()).isEqualTo(1000L);
			assertThat(first.nextBackOff()).isEqualTo(32000L);
		}

		@Test
		void aNegativeWaitIsRefused() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(-1), Duration.ofSeconds(2)))
				.withMessageContaining("PT-1S");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(-2)))
				.withMessageContaining("PT-2S");
		}

	}

	@Nested
	class FullJitter {

		@Test
		void backoffGrowsExponentiallyUpToTheCeiling() {
			Backoff backoff = Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(2))
				.withFullJitter(new SplittableRandom(42));

			for (int attempt = 0; attempt < 30; attempt++) {
				long ceiling = Math.min(2000, 200L << Math.min(attempt, 20));
				for (int i = 0; i < 100; i++) {
					assertThat(backoff.delay(attempt)).isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
				}
			}
		}

		@Test
		void waitsSpreadOverTheWholeRangeFromZeroToTheCeiling() {
			Backoff backoff = Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(2))
				.withFullJitter(new SplittableRandom(7));
			List<Duration> waits = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				waits.add(backoff.delay(4));
			}

			assertThat(waits).allSatisfy((wait) -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(2)))
				.anySatisfy((wait) -> assertThat(wait).isLessThan(Duration.ofMillis(200)))
				.anySatisfy((wait) -> assertThat(wait).isGreaterThan(Duration.ofMillis(1800)));
		}

		@Test
		void aFirstWaitOfZeroWaitsZero() {
			Backoff backoff = Backoff.exponential(Duration.ZERO, Duration.ofSeconds(2))
				.withFullJitter(new SplittableRandom(1));

			assertThat(backoff.delay(3)).isZero();
		}

	}

}
