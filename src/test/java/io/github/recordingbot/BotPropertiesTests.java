package io.github.recordingbot;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class BotPropertiesTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class);

	@Test
	void defaultsNeedNothingSet() {
		this.runner.run((context) -> {
			BotProperties bot = context.getBean(BotProperties.class);
			assertThat(bot.hasPublicBaseUrl()).isFalse();
			assertThat(bot.publicUrl("/webex/authorize")).isEqualTo("<PUBLIC_BASE_URL>/webex/authorize");
			assertThat(bot.mode()).isEqualTo(BotProperties.Mode.WEBHOOK);
			assertThat(bot.configFile()).isEqualTo(Path.of("/config/config.json"));
			assertThat(bot.logDir().normalize()).isEqualTo(Path.of("log"));
		});
	}

	@Test
	void publicBaseUrlLosesItsTrailingSlashesAndModeBindsFromLowercase() {
		this.runner.withPropertyValues("bot.public-base-url=https://bot.example.com//", "bot.mode=websocket")
			.run((context) -> {
				BotProperties bot = context.getBean(BotProperties.class);
				assertThat(bot.publicBaseUrl()).isEqualTo(URI.create("https://bot.example.com"));
				assertThat(bot.publicUrl("/webhook")).isEqualTo("https://bot.example.com/webhook");
				assertThat(bot.isHttps()).isTrue();
				assertThat(bot.mode()).isEqualTo(BotProperties.Mode.WEBSOCKET);
			});
	}

	@Test
	void anEmptyPublicBaseUrlMeansNotSet() {
		this.runner.withPropertyValues("bot.public-base-url=")
			.run((context) -> assertThat(context.getBean(BotProperties.class).hasPublicBaseUrl()).isFalse());
	}

	@Test
	void aPublicBaseUrlWithoutSchemeStopsTheStartNamingTheKey() {
		this.runner.withPropertyValues("bot.public-base-url=bot.example.com")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bot.public-base-url (PUBLIC_BASE_URL) must be an absolute http(s) URL"));
	}

	@Test
	void anUnknownModeStopsTheStartNamingTheKey() {
		this.runner.withPropertyValues("bot.mode=carrier-pigeon")
			.run((context) -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("bot.mode"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BotProperties.class)
	static class Config {

	}

}
