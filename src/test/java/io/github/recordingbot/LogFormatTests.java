package io.github.recordingbot;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LogFormatTests {

	@Test
	void jsonSwitchesTheConsoleToElasticCommonSchema() {
		MockEnvironment environment = new MockEnvironment().withProperty("bot.log-format", "JSON");

		new LogFormat().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(LogFormat.PROPERTY)).isEqualTo("ecs");
	}

	@Test
	void textOrNothingKeepsPlainLogs() {
		MockEnvironment environment = new MockEnvironment().withProperty("bot.log-format", "text");

		new LogFormat().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.containsProperty(LogFormat.PROPERTY)).isFalse();
		assertThat(LogFormat.structuredFormat(null)).isNull();
		assertThat(LogFormat.structuredFormat("logstash")).isEqualTo("logstash");
	}

	@Test
	void anExplicitSpringSettingWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("bot.log-format", "json")
			.withProperty(LogFormat.PROPERTY, "logstash");

		new LogFormat().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(LogFormat.PROPERTY)).isEqualTo("logstash");
	}

}
