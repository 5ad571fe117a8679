package io.github.recordingbot;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstRunTests {

	static final String[] NO_ARGS = {};

	@Test
	void noTokenAndNoProfileStartsTheDemo() {
		assertThat(FirstRun.wantsDemo(Map.of(), new Properties(), NO_ARGS)).isTrue();
		assertThat(FirstRun.wantsDemo(Map.of("BOT_ACCESS_TOKEN", " "), new Properties(), NO_ARGS)).isTrue();
	}

	@Test
	void aTokenFromTheEnvironmentPropertiesOrArgumentsRunsForReal() {
		Properties system = new Properties();
		system.setProperty("webex.bot-access-token", "t");

		assertThat(FirstRun.wantsDemo(Map.of("BOT_ACCESS_TOKEN", "t"), new Properties(), NO_ARGS)).isFalse();
		assertThat(FirstRun.wantsDemo(Map.of(), system, NO_ARGS)).isFalse();
		assertThat(FirstRun.wantsDemo(Map.of(), new Properties(), new String[] { "--webex.bot-access-token=t" }))
			.isFalse();
	}

	@Test
	void aChosenProfileIsLeftAlone() {
		assertThat(FirstRun.wantsDemo(Map.of("SPRING_PROFILES_ACTIVE", "prod"), new Properties(), NO_ARGS)).isFalse();
		assertThat(FirstRun.wantsDemo(Map.of(), new Properties(), new String[] { "--spring.profiles.active=demo" }))
			.isFalse();
	}

	@Test
	void theBuildsAotProcessingNeverPreparesTheDemo() {
		Properties system = new Properties();
		system.setProperty("spring.aot.processing", "true");

		assertThat(FirstRun.wantsDemo(Map.of(), system, NO_ARGS)).isFalse();
	}

}
