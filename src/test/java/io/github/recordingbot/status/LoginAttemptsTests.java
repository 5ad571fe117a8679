package io.github.recordingbot.status;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins per address on a clock the tests move by hand: five within ten minutes
 * lock the address for ten minutes, and the log stays readable and bounded.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginAttemptsTests {

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	final MutableClock clock = new MutableClock(START);

	final LoginAttempts attempts = new LoginAttempts(this.clock, BotProperties.defaults());

	@Test
	void fifthFailureWithinTheWindowLocksTheAddressForTheLockout() {
		fail("203.0.113.1", 4);
		assertThat(this.attempts.lockedUntil("203.0.113.1")).isNull();

		fail("203.0.113.1", 1);

		assertThat(this.attempts.lockedUntil("203.0.113.1")).isEqualTo(START.plus(Duration.ofMinutes(10)));
		assertThat(this.attempts.lockedUntil("203.0.113.2")).isNull();
	}

	@Test
	void lockoutEndsAfterItsTimeAndCountingStartsAgain() {
		fail("203.0.113.1", 5);
		this.clock.advance(Duration.ofMinutes(10).minusMillis(1));
		assertThat(this.attempts.lockedUntil("203.0.113.1")).isNotNull();
		this.clock.advance(Duration.ofMillis(1));

		assertThat(this.attempts.lockedUntil("203.0.113.1")).isNull();
		fail("203.0.113.1", 4);
		assertThat(this.attempts.lockedUntil("203.0.113.1")).isNull();
	}

	@Test
	void failuresFurtherApartThanTheWindowNeverLock() {
		for (int i = 0; i < 10; i++) {
			fail("203.0.113.1", 2);
			this.clock.advance(Duration.ofMinutes(6));
		}

		assertThat(this.attempts.lockedUntil("203.0.113.1")).isNull();
	}

	@Test
	void successfulLoginForgetsEarlierFailures() {
		fail("203.0.113.1", 4);

		this.attempts.onSuccess(new AuthenticationSuccessEvent(authentication("203.0.113.1")));
		fail("203.0.113.1", 4);

		assertThat(this.attempts.lockedUntil("203.0.113.1")).isNull();
	}

	@Test
	void failuresAreLoggedWithAddressAndCountButNoPasswordOrUserName(CapturedOutput output) {
		fail("203.0.113.1", 5);

		assertThat(output).contains("Status page login failed from 203.0.113.1 (1 of 5 allowed within PT10M)")
			.contains("Status page login failed from 203.0.113.1: 5 failures within PT10M, further attempts are "
					+ "refused until 2026-11-25T12:10:00Z")
			.doesNotContain("typed-password")
			.doesNotContain("typed-user");
	}

	@Test
	void atMostTwentyLinesAMinuteAndTheNextSaysHowManyWereLeftOut(CapturedOutput output) {
		IntStream.range(0, 25).forEach((i) -> fail("198.51.100." + i, 1));
		assertThat(output.getOut().lines().filter((l) -> l.contains("Status page login failed"))).hasSize(20);

		this.clock.advance(Duration.ofMinutes(1));
		fail("192.0.2.1", 1);

		assertThat(output).contains("Status page login failed from 192.0.2.1 (1 of 5 allowed within PT10M) "
				+ "(5 earlier failed login(s) not logged)");
	}

	void fail(String address, int times) {
		for (int i = 0; i < times; i++) {
			this.attempts.onFailure(new AuthenticationFailureBadCredentialsEvent(authentication(address),
					new BadCredentialsException("Bad credentials")));
		}
	}

	static UsernamePasswordAuthenticationToken authentication(String address) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated("typed-user",
				"typed-password");
		token.setDetails(new WebAuthenticationDetails(address, null));
		return token;
	}

}
