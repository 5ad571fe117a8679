package io.github.recordingbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import io.github.recordingbot.webex.WebexProperties;
import io.github.recordingbot.webhook.WebhookProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo is sealed: started with a real deployment's environment variables, it still
 * talks only to its own simulator with its own sample settings, keeps its token store in
 * memory (nothing in {@code TOKEN_STORAGE_PATH}), and listens on loopback only.
 */
class DemoSealTests {

	@TempDir
	static Path dir;

	static Path data;

	static int port;

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void startTheDemoWithAProductionEnvironment() throws IOException {
		data = dir.resolve("token_storage");
		port = freePort();
		Map<String, Object> productionEnvironment = Map.ofEntries(
				Map.entry("WEBEX_API_BASE_URL", "https://webexapis.com/v1"),
				Map.entry("BOT_ACCESS_TOKEN", "real-bot-token"),
				Map.entry("WEBEX_INTEGRATION_ACCESS_TOKEN", "real-officer-token"),
				Map.entry("WEBHOOK_SECRET", "real-webhook-secret-0123456789abcdef"),
				Map.entry("WEBEX_INTEGRATION_CLIENT_ID", "real-client-id"),
				Map.entry("WEBEX_INTEGRATION_CLIENT_SECRET", "real-client-secret"),
				Map.entry("PUBLIC_BASE_URL", "https://bot.example.com"),
				Map.entry("TOKEN_STORAGE_PATH", data.toString()),
				Map.entry("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + data + "/recording-bot"),
				Map.entry("BOT_MODE", "websocket"), Map.entry("SERVER_PORT", String.valueOf(port)),
				Map.entry("CFG_FILE_PATH", dir.resolve("config.json").toString()),
				Map.entry("LOG_DIR", dir.resolve("log").toString()));
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, productionEnvironment));
		SpringApplication application = new SpringApplication(RecordingBotApplication.class);
		application.setEnvironment(environment);
		application.setAdditionalProfiles(FirstRun.DEMO_PROFILE);
		context = application.run("--officer.check-at-startup=false");
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void theEnvironmentDoesNotChangeTheDemosWebexSettings() {
		WebexProperties webex = context.getBean(WebexProperties.class);
		WebhookProperties webhook = context.getBean(WebhookProperties.class);

		assertThat(webex.apiBaseUrl()).hasToString("http://localhost:" + port + "/sim/v1");
		assertThat(webex.botAccessToken()).isEqualTo("demo-bot-token");
		assertThat(webex.integrationAccessToken()).isEqualTo("demo-officer-token");
		assertThat(webhook.secret()).isEqualTo("demo-webhook-secret-not-for-production-use");
		assertThat(context.getEnvironment().getProperty("officer.client-id")).isEqualTo("demo-integration-client");
		assertThat(context.getEnvironment().getProperty("officer.client-secret")).isEqualTo("demo-integration-secret");
		assertThat(context.getEnvironment().getProperty("bot.public-base-url")).isEqualTo("http://localhost:" + port);
		assertThat(context.getEnvironment().getProperty("bot.mode")).isEqualTo("webhook");
	}

	@Test
	void keepsItsTokenStoreInMemoryAndNothingInTheDataDirectory() throws Exception {
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:mem:");
		}
		assertThat(data).doesNotExist();
	}

	@Test
	void listensOnLoopbackOnly() {
		assertThat(context.getBean(ServerProperties.class).getAddress().isLoopbackAddress()).isTrue();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
