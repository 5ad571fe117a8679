package io.github.recordingbot.webex;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Retry-After} in both of its forms.
 */
class RetryAfterTests {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	@Test
	void secondsForm() {
		assertThat(RetryAfter.parse("2", NOW)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void httpDateForm() {
		assertThat(RetryAfter.parse("Wed, 25 Nov 2026 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void dateInThePastMeansNoWait() {
		assertThat(RetryAfter.parse("Wed, 25 Nov 2026 11:00:00 GMT", NOW)).isZero();
	}

	@Test
	void garbageOrMissingMeansUnknown() {
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
		assertThat(RetryAfter.parse("-5", NOW)).isNull();
		assertThat(RetryAfter.parse("99999999999999999999", NOW)).isNull();
		assertThat(RetryAfter.parse(null, NOW)).isNull();
	}

}
