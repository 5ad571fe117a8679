package io.github.recordingbot.websocket;

import java.time.Duration;

/**
 * Waits between reconnects; injected so that tests never sleep for real.
 */
@FunctionalInterface
interface Sleeper {

	Sleeper REAL = (duration) -> Thread.sleep(duration.toMillis());

	void sleep(Duration duration) throws InterruptedException;

}
