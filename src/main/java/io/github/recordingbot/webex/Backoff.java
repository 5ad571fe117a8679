package io.github.recordingbot.webex;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The bot's one rule for waiting between attempts: exponential backoff, the first wait
 * doubling with every retry up to a ceiling, and optionally full jitter (a random wait
 * between zero and that). Webex calls retry with full jitter, so that callers that failed
 * together do not come back together; websocket reconnects and scheduled token refreshes
 * wait the plain sequence.
 *
 * <p>
 * It is Spring's {@link BackOff}: {@link #start()} begins a sequence, and starting again
 * is how a caller resets it after a success. Callers that count their failures themselves
 * (a count kept in the database, say) ask {@link #delay(int)} directly. The waiting
 * itself is the caller's, through a {@link Sleeper}, so tests never wait.
 *
 * @see <a href=
 * "https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/">Full
 * jitter</a>
 */
public final class Backoff implements BackOff {

	private final Duration first;

	private final Duration max;

	private final RandomGenerator jitter;

	private Backoff(Duration first, Duration max, RandomGenerator jitter) {
		if (first == null || first.isNegative() || max == null || max.isNegative()) {
			throw new IllegalArgumentException(
					"A backoff needs a first wait and a ceiling of zero or more, got " + first + " and " + max);
		}
		this.first = first;
		this.max = max;
		this.jitter = jitter;
	}

	/**
	 * Waits of {@code first}, {@code 2 × first}, {@code 4 × first} … never longer than
	 * {@code max}, without jitter.
	 * @param first the wait before the first retry
	 * @param max the ceiling
	 * @return the backoff
	 */
	public static Backoff exponential(Duration first, Duration max) {
		return new Backoff(first, max, null);
	}

	/**
	 * This backoff with full jitter: each wait is a random whole number of milliseconds
	 * from zero up to the plain sequence's wait.
	 * @param random where the randomness comes from
	 * @return the backoff
	 */
	public Backoff withFullJitter(RandomGenerator random) {
		return new Backoff(this.first, this.max, random);
	}

	/**
	 * The wait before a retry.
	 * @param retry how many retries came before this one: 0 for the first
	 * @return the wait, never negative
	 */
	public Duration delay(int retry) {
		Duration ceiling = ceiling(retry);
		if (this.jitter == null) {
			return ceiling;
		}
		long millis = ceiling.toMillis();
		return Duration.ofMillis((millis > 0) ? this.jitter.nextLong(millis + 1) : 0);
	}

	/**
	 * {@code first × 2^retry}, or {@code max} when that is longer.
	 */
	private Duration ceiling(int retry) {
		Duration wait = this.first;
		for (int i = 0; i < retry && !wait.isZero(); i++) {
			if (wait.compareTo(this.max.dividedBy(2)) > 0) {
				return this.max;
			}
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.max) > 0) ? this.max : wait;
	}

	/**
	 * A new sequence: {@link #delay(int) delay(0)}, {@code delay(1)} … in milliseconds,
	 * without end.
	 */
	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private int retry;

			@Override
			public long nextBackOff() {
				Duration wait = delay(this.retry);
				if (this.retry < Integer.MAX_VALUE) {
					this.retry++;
				}
				return wait.toMillis();
			}

		};
	}

	@Override
	public String toString() {
		return "Backoff[first=" + this.first + ", max=" + this.max + ", jitter="
				+ ((this.jitter != null) ? "full" : "none") + "]";
	}

}
