package io.github.recordingbot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FirstRunTests {

	static final String[] NO_ARGS = {};

	@TempDir
	Path dir;

	@Test
	void nothingConfiguredStartsTheDemoAndSaysSo() {
		FirstRun.Decision decision = FirstRun.decide(Map.of(), new Properties(), NO_ARGS, this.dir);

		assertThat(decision.demo()).isTrue();
		assertThat(decision.reason()).startsWith("Starting the demo").contains("127.0.0.1");
	}

	@Test
	void blankSettingsAndUnrelatedOnesStillStartTheDemo() {
		// the README's first command sets CFG_FILE_PATH; docker compose used to pass
		// empty
		// values
		Map<String, String> env = Map.of("BOT_ACCESS_TOKEN", " ", "WEBHOOK_SECRET", "", "CFG_FILE_PATH",
				"config/config.json", "SERVER_PORT", "8081", "LOG_DIR", "log");

		assertThat(FirstRun.decide(env, new Properties(), NO_ARGS, this.dir).demo()).isTrue();
	}

	@Nested
	class EachDeploymentSettingAlonePreventsTheDemo {

		@ParameterizedTest
		@ValueSource(strings = { "BOT_ACCESS_TOKEN", "WEBHOOK_SECRET", "PUBLIC_BASE_URL", "WEBEX_INTEGRATION_CLIENT_ID",
				"WEBEX_INTEGRATION_CLIENT_SECRET", "WEBEX_INTEGRATION_ACCESS_TOKEN", "WEBEX_API_BASE_URL",
				"SPRING_DATASOURCE_URL", "TOKEN_ENCRYPTION_KEY", "SPRING_PROFILES_ACTIVE", "SPRING_CONFIG_IMPORT" })
		void asAnEnvironmentVariable(String name) {
			FirstRun.Decision decision = FirstRun.decide(Map.of(name, "x"), new Properties(), NO_ARGS, dir);

			assertThat(decision.demo()).isFalse();
			assertThat(decision.reason()).startsWith("Not starting the demo").contains(name + " is set");
		}

		@ParameterizedTest
		@ValueSource(strings = { "webex.bot-access-token", "webhook.secret", "bot.public-base-url", "officer.client-id",
				"spring.datasource.url", "WEBHOOK_SECRET", "PUBLIC_BASE_URL" })
		void asASystemProperty(String name) {
			Properties system = new Properties();
			system.setProperty(name, "x");

			assertThat(FirstRun.decide(Map.of(), system, NO_ARGS, dir).demo()).isFalse();
		}

		@ParameterizedTest
		@ValueSource(strings = { "webex.bot-access-token", "webhook.secret", "bot.public-base-url", "officer.client-id",
				"spring.datasource.url", "spring.profiles.active", "WEBEX_INTEGRATION_CLIENT_ID" })
		void asACommandLineArgument(String name) {
			assertThat(FirstRun.decide(Map.of(), new Properties(), new String[] { "--" + name + "=x" }, dir).demo())
				.isFalse();
		}

		@ParameterizedTest
		@ValueSource(strings = { "WEBHOOK_SECRET", "BOT_PUBLICBASEURL", "BOT_PUBLIC_BASE_URL", "OFFICER_CLIENTID",
				"OFFICER_CLIENT_ID", "WEBEX_BOTACCESSTOKEN", "SPRING_DATASOURCE_URL" })
		void asTheEnvironmentFormOfItsProperty(String name) {
			assertThat(FirstRun.decide(Map.of(name, "x"), new Properties(), NO_ARGS, dir).demo()).isFalse();
		}

	}

	@Nested
	class AStoredAuthorizationPreventsTheDemo {

		@ParameterizedTest
		@ValueSource(strings = { "recording-bot.mv.db", "token-encryption.key" })
		void inTheDefaultDataDirectory(String file) throws IOException {
			Files.createDirectories(dir.resolve("data"));
			Files.writeString(dir.resolve("data").resolve(file), "x");

			FirstRun.Decision decision = FirstRun.decide(Map.of(), new Properties(), NO_ARGS, dir);

			assertThat(decision.demo()).isFalse();
			assertThat(decision.reason()).contains("a stored authorization is in " + dir.resolve("data"))
				.contains("BOT_ACCESS_TOKEN is not set");
		}

		@Test
		void inTheDataDirectoryTokenStoragePathNames() throws IOException {
			Path elsewhere = Files.createDirectories(dir.resolve("token_storage"));
			Files.writeString(elsewhere.resolve("recording-bot.mv.db"), "x");

			assertThat(FirstRun.decide(Map.of(), new Properties(), NO_ARGS, dir).demo()).isTrue();
			assertThat(
					FirstRun.decide(Map.of("TOKEN_STORAGE_PATH", elsewhere.toString()), new Properties(), NO_ARGS, dir)
						.demo())
				.isFalse();
			assertThat(FirstRun
				.decide(Map.of(), new Properties(), new String[] { "--officer.token-storage-path=token_storage" }, dir)
				.demo()).isFalse();
		}

	}

	@Test
	void aConfigurationFileInTheWorkingDirectoryPreventsTheDemo() throws IOException {
		Files.createDirectories(this.dir.resolve("config"));
		Files.writeString(this.dir.resolve("config").resolve("config.json"), "{}");
		assertThat(FirstRun.decide(Map.of(), new Properties(), NO_ARGS, this.dir).demo()).isTrue();

		Files.writeString(this.dir.resolve("config").resolve("application-prod.yml"), "webhook:\n  secret: x\n");

		FirstRun.Decision decision = FirstRun.decide(Map.of(), new Properties(), NO_ARGS, this.dir);
		assertThat(decision.demo()).isFalse();
		assertThat(decision.reason()).contains("application-prod.yml");
	}

	@Test
	void theReasonNamesSettingsButNeverTheirValues() {
		FirstRun.Decision decision = FirstRun.decide(
				Map.of("WEBHOOK_SECRET", "s3cr3t-webhook", "PUBLIC_BASE_URL", "https://bot.example.com"),
				new Properties(), NO_ARGS, this.dir);

		assertThat(decision.reason()).contains("WEBHOOK_SECRET is set", "PUBLIC_BASE_URL is set")
			.doesNotContain("s3cr3t-webhook", "bot.example.com");
	}

	@Test
	void theBuildsAotProcessingNeverPreparesTheDemo() {
		Properties system = new Properties();
		system.setProperty("spring.aot.processing", "true");

		assertThat(FirstRun.decide(Map.of(), system, NO_ARGS, this.dir).demo()).isFalse();
	}

}
