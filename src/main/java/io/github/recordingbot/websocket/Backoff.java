package io.github.recordingbot.websocket;

import java.time.Duration;

/**
 * Exponential wait between reconnects, from a minimum to a maximum, reset once a
 * connection has worked (webex-js-sdk's Mercury: 1 s doubling up to 32 s).
 */
final class Backoff {

	private final Duration min;

	private final Duration max;

	private Duration next;

	Backoff(Duration min, Duration max) {
		this.min = min;
		this.max = max;
		this.next = min;
	}

	/**
	 * The wait before the next attempt; each call doubles the following one up to the
	 * maximum.
	 */
	synchronized Duration next() {
		Duration current = this.next;
		Duration doubled = current.multipliedBy(2);
		this.next = (doubled.compareTo(this.max) > 0) ? this.max : doubled;
		return current;
	}

	/** Starts again from the minimum. */
	synchronized void reset() {
		this.next = this.min;
	}

}
