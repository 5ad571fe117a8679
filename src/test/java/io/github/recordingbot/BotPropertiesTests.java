package io.github.recordingbot;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BotPropertiesTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

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

	@Test
	void settingsBuiltWithoutAModeOrPathsAreRefusedNamingTheKey() {
		BotProperties defaults = BotProperties.defaults();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMode(null))
			.withMessage("bot.mode (BOT_MODE) must be set; leave it out for its default");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withConfigFile(null))
			.withMessage("bot.config-file (CFG_FILE_PATH) must be set; leave it out for its default");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withLogDir(null))
			.withMessage("bot.log-dir (LOG_DIR) must be set; leave it out for its default");
	}

	@Test
	void anInstanceIdIsTrimmedAndEmptyWhenNotSet() {
		this.runner.withPropertyValues("bot.instance-id= bot-7d9f8-a1 ")
			.run((context) -> assertThat(context.getBean(BotProperties.class).instanceId()).isEqualTo("bot-7d9f8-a1"));
		this.runner.run((context) -> assertThat(context.getBean(BotProperties.class).instanceId()).isEmpty());
	}

	/**
	 * The operator's password and login throttling settings, as bound at startup.
	 */
	@Nested
	class StatusPageLogin {

		@Test
		void adminPasswordUnderTwelveCharactersRefusesToStartNamingTheKey() {
			BotPropertiesTests.this.runner.withPropertyValues("bot.admin-password=elevenchars")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("BOT_ADMIN_PASSWORD")
					.hasMessageContaining("bot.admin-password")
					.hasMessageContaining("12")
					.hasMessageNotContaining("elevenchars"));
		}

		@Test
		void adminPasswordOfTwelveCharactersIsAccepted() {
			BotPropertiesTests.this.runner.withPropertyValues("bot.admin-password=twelve-chars")
				.run((context) -> assertThat(context.getBean(BotProperties.class).adminPassword())
					.isEqualTo("twelve-chars"));
		}

		@Test
		void blankAdminPasswordMeansGenerateOneIntoTheDataDirectory() {
			BotPropertiesTests.this.runner.withPropertyValues("bot.admin-password= ").run((context) -> {
				BotProperties properties = context.getBean(BotProperties.class);
				assertThat(properties.adminPassword()).isNull();
				assertThat(properties.adminPasswordFile().normalize()).isEqualTo(Path.of("data", "admin-password"));
			});
		}

		@Test
		void loginThrottlingDefaultsToFiveFailuresInTenMinutesThenTenMinutesLockout() {
			BotPropertiesTests.this.runner.run((context) -> assertThat(context.getBean(BotProperties.class).login())
				.isEqualTo(new BotProperties.Login(5, Duration.ofMinutes(10), Duration.ofMinutes(10))));
		}

		@Test
		void zeroMaxFailuresRefusesToStartNamingTheKey() {
			BotPropertiesTests.this.runner.withPropertyValues("bot.login.max-failures=0")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("bot.login.max-failures"));
		}

		@Test
		void listingWebhooksAtStartupIsOnByDefault() {
			BotPropertiesTests.this.runner
				.run((context) -> assertThat(context.getBean(BotProperties.class).listWebhooksAtStartup()).isTrue());
			BotPropertiesTests.this.runner.withPropertyValues("bot.list-webhooks-at-startup=false")
				.run((context) -> assertThat(context.getBean(BotProperties.class).listWebhooksAtStartup()).isFalse());
		}

		@Test
		void toStringNeverShowsThePassword() {
			BotProperties properties = BotProperties.defaults()
				.withAdminPassword("correct-horse-battery", Path.of("x"));

			assertThat(properties.toString()).doesNotContain("correct-horse-battery");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BotProperties.class)
	static class Config {

	}

}
