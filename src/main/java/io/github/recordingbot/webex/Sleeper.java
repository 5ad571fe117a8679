package io.github.recordingbot.webex;

import java.time.Duration;

/**
 * Waits between two attempts of a Webex call or websocket connection, as long as the
 * {@link Backoff} (or a {@code Retry-After}) says; the bot's one sleeping seam, so tests
 * pass one that only records the waits.
 */
@FunctionalInterface
public interface Sleeper {

	/** Sleeps on the calling thread with {@link Thread#sleep(long)}. */
	Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

	/**
	 * Waits for the given time.
	 * @param duration how long
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	void sleep(Duration duration) throws InterruptedException;

}
