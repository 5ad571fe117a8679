package io.github.recordingbot;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AotFallbackTests {

	@Test
	void webhookModeWithoutProfilesUsesTheGraphBuiltAheadOfTime() {
		assertThat(AotFallback.reason(new MockEnvironment())).isEmpty();
		assertThat(AotFallback.reason(new MockEnvironment().withProperty("bot.mode", "webhook"))).isEmpty();
	}

	@Test
	void demoProfileStartsWithoutIt() {
		MockEnvironment demo = new MockEnvironment();
		demo.setActiveProfiles(FirstRun.DEMO_PROFILE);

		assertThat(AotFallback.reason(demo)).hasValueSatisfying((reason) -> assertThat(reason).contains("demo"));
	}

	@Test
	void websocketModeStartsWithoutIt() {
		assertThat(AotFallback.reason(new MockEnvironment().withProperty("bot.mode", "websocket")))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("websocket"));
	}

}
