package io.github.recordingbot.replicas;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas on PostgreSQL get an instance id of their own, a single bot on H2 none, and
 * the operator's id always wins.
 */
class InstanceIdDefaultTests {

	final InstanceIdDefault postProcessor = new InstanceIdDefault();

	@Test
	void onPostgreSqlWithoutAnIdTheHostNameIsTheId() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/bot")
			.withProperty(InstanceIdDefault.KEY, "");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(InstanceIdDefault.KEY)).isNotBlank().matches("[a-z0-9_-]{1,63}");
	}

	@Test
	void onH2TheIdStaysUnsetSoTheAuditFileKeepsItsName() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:h2:file:./data/recording-bot");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(InstanceIdDefault.KEY)).isNull();
	}

	@Test
	void anIdSetByTheOperatorWins() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/bot")
			.withProperty(InstanceIdDefault.KEY, "blue");

		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(InstanceIdDefault.KEY)).isEqualTo("blue");
	}

	@Test
	void aHostNameBecomesItsFirstLabelInAllowedCharacters() {
		assertThat(InstanceIdDefault.fromHostName("Bot-7d9f8c-x2k4p.pods.cluster.local")).isEqualTo("bot-7d9f8c-x2k4p");
		assertThat(InstanceIdDefault.fromHostName("weird host!")).isEqualTo("weird-host-");
	}

}
