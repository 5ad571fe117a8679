package io.github.recordingbot.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The clock every test context runs on: it reads {@link #START} when the test JVM starts
 * and ticks in real time from there, so fixtures written as fixed dates stay inside the
 * bot's windows whatever day the tests run.
 */
public final class TestClock {

	/** What the clock reads when the test JVM starts. */
	public static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	/** The clock the test contexts inject in place of the system clock. */
	public static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));

	private TestClock() {
	}

	/** The clock, as a factory method for {@code @TestBean}. */
	public static Clock clock() {
		return CLOCK;
	}

	/** Now, on the test clock. */
	public static Instant now() {
		return CLOCK.instant();
	}

}
