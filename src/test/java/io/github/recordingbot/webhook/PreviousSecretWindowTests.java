package io.github.recordingbot.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.github.recordingbot.support.MutableClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The previous webhook secret is accepted until the webhooks are registered again with
 * the current one, plus a grace period; after a start without a known registration, for
 * one grace period from the start. Time comes from a clock the tests move.
 */
class PreviousSecretWindowTests {

	static final String CURRENT = "the-current-secret-of-at-least-32-chars";

	static final String PREVIOUS = "the-previous-secret-of-at-least-32-chars";

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	static final byte[] BODY = "{\"resource\":\"messages\"}".getBytes(StandardCharsets.UTF_8);

	final MutableClock clock = new MutableClock(START);

	final PreviousSecretWindow window = new PreviousSecretWindow(properties(PREVIOUS, Duration.ofHours(1)), this.clock);

	final SignatureVerifier verifier = new SignatureVerifier(CURRENT, PREVIOUS, this.window::accepted);

	@Test
	void previousSecretIsAcceptedBeforeTheWebhooksAreRegisteredAgain() {
		this.clock.advance(Duration.ofMinutes(30));

		assertThat(previousVerifies()).isTrue();
		assertThat(this.window.status())
			.isEqualTo(new PreviousSecretWindow.Status(true, true, null, START.plus(Duration.ofHours(1))));
	}

	@Test
	void previousSecretIsAcceptedWithinTheGracePeriodAfterRegistration() {
		this.clock.advance(Duration.ofMinutes(30));
		this.window.webhooksRegistered();
		this.clock.advance(Duration.ofMinutes(59));

		assertThat(previousVerifies()).isTrue();
		assertThat(this.window.status().registered()).isEqualTo(START.plus(Duration.ofMinutes(30)));
		assertThat(this.window.status().until()).isEqualTo(START.plus(Duration.ofMinutes(90)));
	}

	@Test
	void previousSecretGets401OnceTheGracePeriodAfterRegistrationIsOver() {
		this.clock.advance(Duration.ofMinutes(30));
		this.window.webhooksRegistered();
		this.clock.advance(Duration.ofHours(1));

		assertThat(previousVerifies()).isFalse();
		assertThat(currentVerifies()).isTrue();
		assertThat(this.window.status().accepted()).isFalse();
	}

	@Test
	void registeringAgainLaterDoesNotExtendTheGracePeriod() {
		this.window.webhooksRegistered();
		this.clock.advance(Duration.ofMinutes(50));
		this.window.webhooksRegistered();
		this.clock.advance(Duration.ofMinutes(20));

		assertThat(previousVerifies()).isFalse();
	}

	@Nested
	class AfterAStartWithoutAKnownRegistration {

		@Test
		void previousSecretGets401OneGracePeriodAfterTheStart() {
			PreviousSecretWindowTests.this.clock.advance(Duration.ofHours(1));

			assertThat(previousVerifies()).isFalse();
			assertThat(PreviousSecretWindowTests.this.window.status())
				.isEqualTo(new PreviousSecretWindow.Status(true, false, null, START.plus(Duration.ofHours(1))));
		}

		@Test
		void aRegistrationAfterTheWindowClosedDoesNotOpenItAgain() {
			PreviousSecretWindowTests.this.clock.advance(Duration.ofHours(2));
			PreviousSecretWindowTests.this.window.webhooksRegistered();

			assertThat(previousVerifies()).isFalse();
			assertThat(PreviousSecretWindowTests.this.window.status().registered()).isNull();
		}

	}

	@Test
	void withoutAPreviousSecretNothingIsAcceptedButTheCurrentOne() {
		PreviousSecretWindow none = new PreviousSecretWindow(properties(null, Duration.ofHours(1)), this.clock);
		none.webhooksRegistered();

		assertThat(none.status()).isEqualTo(new PreviousSecretWindow.Status(false, false, null, null));
		assertThat(new SignatureVerifier(CURRENT, null, none::accepted).verify(BODY,
				SignatureVerifier.sign(CURRENT, BODY)))
			.isTrue();
	}

	@Test
	void gracePeriodMustBePositiveAndAtMostADay() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(PREVIOUS, Duration.ZERO))
			.withMessageContaining("webhook.previous-secret-grace");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(PREVIOUS, Duration.ofDays(2)))
			.withMessageContaining("webhook.previous-secret-grace");
	}

	boolean previousVerifies() {
		return this.verifier.verify(BODY, SignatureVerifier.sign(PREVIOUS, BODY));
	}

	boolean currentVerifies() {
		return this.verifier.verify(BODY, SignatureVerifier.sign(CURRENT, BODY));
	}

	static WebhookProperties properties(String previous, Duration grace) {
		return new WebhookProperties(CURRENT, previous, 65536, Duration.ofMinutes(10), Duration.ofSeconds(5), grace);
	}

}
