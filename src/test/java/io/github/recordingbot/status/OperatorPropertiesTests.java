package io.github.recordingbot.status;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's password and login throttling settings, as bound at startup.
 */
class OperatorPropertiesTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(OperatorConfiguration.class);

	@Test
	void adminPasswordUnderTwelveCharactersRefusesToStartNamingTheKey() {
		this.runner.withPropertyValues("bot.admin-password=elevenchars")
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
		this.runner.withPropertyValues("bot.admin-password=twelve-chars")
			.run((context) -> assertThat(context.getBean(OperatorProperties.class).adminPassword())
				.isEqualTo("twelve-chars"));
	}

	@Test
	void blankAdminPasswordMeansGenerateOneIntoTheDataDirectory() {
		this.runner.withPropertyValues("bot.admin-password= ").run((context) -> {
			OperatorProperties properties = context.getBean(OperatorProperties.class);
			assertThat(properties.adminPassword()).isNull();
			assertThat(properties.adminPasswordFile().normalize()).isEqualTo(Path.of("data", "admin-password"));
		});
	}

	@Test
	void loginThrottlingDefaultsToFiveFailuresInTenMinutesThenTenMinutesLockout() {
		this.runner.run((context) -> assertThat(context.getBean(OperatorProperties.class).login())
			.isEqualTo(new OperatorProperties.Login(5, Duration.ofMinutes(10), Duration.ofMinutes(10))));
	}

	@Test
	void zeroMaxFailuresRefusesToStartNamingTheKey() {
		this.runner.withPropertyValues("bot.login.max-failures=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bot.login.max-failures"));
	}

	@Test
	void toStringNeverShowsThePassword() {
		OperatorProperties properties = new OperatorProperties("correct-horse-battery", Path.of("x"),
				new OperatorProperties.Login(5, Duration.ofMinutes(10), Duration.ofMinutes(10)), true);

		assertThat(properties.toString()).doesNotContain("correct-horse-battery");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OperatorProperties.class)
	static class OperatorConfiguration {

	}

}
