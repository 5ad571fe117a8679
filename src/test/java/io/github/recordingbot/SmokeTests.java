package io.github.recordingbot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application boots on a random port with no Webex credentials and no config
 * file, and says what is missing instead of crashing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.admin-password=smoke-password", "webex.bot-access-token=", "webhook.secret=",
				"webex.integration-access-token=", "webex.api-base-url=http://localhost:9/v1" })
class SmokeTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		Path dir = Files.createTempDirectory("smoke");
		registry.add("bot.config-file", () -> dir.resolve("missing-config.json").toString());
		registry.add("bot.log-dir", () -> dir.resolve("log").toString());
		registry.add("officer.token-storage-path", () -> dir.resolve("data").toString());
	}

	@Value("${local.server.port}")
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void statusPageSaysWhatIsMissingAndHowToGetIt() throws Exception {
		HttpResponse<String> response = get("/", "admin:smoke-password");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("BOT_ACCESS_TOKEN")
			.contains("missing")
			.contains("developer.webex.com")
			.contains("WEBHOOK_SECRET");
	}

	@Test
	void statusPageNeedsTheOperatorLogin() throws Exception {
		assertThat(get("/", null).statusCode()).isEqualTo(401);
		assertThat(get("/", "admin:wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void healthIsPublicAndShowsNoDetailsToStrangers() throws Exception {
		HttpResponse<String> response = get("/actuator/health", null);

		// Webex is unreachable in this test, so the status may be DOWN (503); what
		// matters is that
		// anyone may ask, and that only the operator sees the components.
		assertThat(response.statusCode()).isIn(200, 503);
		assertThat(response.body()).containsPattern("\"status\":\"(UP|DOWN|UNKNOWN)\"").doesNotContain("components");
	}

	@Test
	void healthDetailsAreForTheOperator() throws Exception {
		HttpResponse<String> response = get("/actuator/health", "admin:smoke-password");

		assertThat(response.body()).contains("\"webex\"").contains("\"officer\"");
	}

	@Test
	void otherActuatorEndpointsNeedTheOperatorLogin() throws Exception {
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
	}

	@Test
	void webhookWithoutConfiguredSecretRefusesEverything() throws Exception {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/webhook"))
			.header("X-Spark-Signature", "0".repeat(40))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();

		assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
