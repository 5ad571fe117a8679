package io.github.recordingbot.sim;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's knobs answer only a client on the same machine: a slower simulator
 * slows the demo for everyone.
 */
class SimControlControllerTests {

	final SimCalls calls = new SimCalls(Duration.ZERO);

	final MockMvcTester mvc = MockMvcTester.of(new SimControlController(this.calls));

	@Nested
	class FromAnotherMachine {

		@Test
		void latencyIsRefusedAndUnchanged() {
			assertThat(mvc.put().uri("/sim/latency?millis=5000").with((request) -> {
				request.setRemoteAddr("203.0.113.7");
				return request;
			})).hasStatus(403);
			assertThat(calls.latency()).isZero();
		}

		@Test
		void callsAreNeitherShownNorReset() {
			calls.record("GET /people/me");

			assertThat(mvc.get().uri("/sim/calls").with((request) -> {
				request.setRemoteAddr("192.168.1.20");
				return request;
			})).hasStatus(403);
			assertThat(mvc.delete().uri("/sim/calls").with((request) -> {
				request.setRemoteAddr("2001:db8::1");
				return request;
			})).hasStatus(403);
			assertThat(calls.total()).isOne();
		}

		@Test
		void aForwardedHeaderDoesNotMakeItLocal() {
			assertThat(
					mvc.put().uri("/sim/latency?millis=5000").header("X-Forwarded-For", "127.0.0.1").with((request) -> {
						request.setRemoteAddr("203.0.113.7");
						return request;
					}))
				.hasStatus(403);
		}

	}

	@Test
	void fromLoopbackTheKnobsWork() {
		assertThat(this.mvc.put().uri("/sim/latency?millis=50").with((request) -> {
			request.setRemoteAddr("127.0.0.1");
			return request;
		})).hasStatus(204);
		assertThat(this.calls.latency()).isEqualTo(Duration.ofMillis(50));
		assertThat(this.mvc.get().uri("/sim/calls").with((request) -> {
			request.setRemoteAddr("::1");
			return request;
		})).hasStatusOk();
	}

	@Test
	void onlyLiteralLoopbackAddressesCount() {
		assertThat(SimControlController.isLoopback("127.0.0.1")).isTrue();
		assertThat(SimControlController.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(SimControlController.isLoopback("localhost")).isFalse();
		assertThat(SimControlController.isLoopback("10.0.0.1")).isFalse();
		assertThat(SimControlController.isLoopback(null)).isFalse();
	}

}
