package io.github.recordingbot;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bot on a scale-to-zero platform is started by the webhook that needs it: the first
 * delivery, sent the moment the port accepts (before the application reports itself
 * ready), is acknowledged and answered. One start of the whole application in this JVM.
 */
class ColdStartWebhookTests {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-00000000c01d");

	static final String ALICE_EMAIL = "alice@example.com";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void firstWebhookSentAsSoonAsThePortAcceptsIsAcknowledgedAndAnswered() throws Exception {
		WEBEX.reset();
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG);
		String messageId = WebexFake.id("MESSAGE", "cold-start");
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "help");
		// this bot runs on the system clock (no test clock in a plain start), and ignores
		// deliveries older than webhook.max-age
		String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		byte[] delivery = WebexFake
			.withCreated(WebexFake.envelope("messages", messageId, ALICE, ALICE_EMAIL, "direct"), now)
			.getBytes(StandardCharsets.UTF_8);
		int port = freePort();
		CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture
			.supplyAsync(() -> SpringApplication.run(RecordingBotApplication.class, args(port)));
		try {
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> accepts(port) || app.isDone());
			HttpResponse<String> ack = WebexFake.deliver(port, delivery, WebexFake.SECRET);

			assertThat(ack.statusCode()).isEqualTo(200);
			List<String> replies = BotTestSupport.awaitReplies(1);
			assertThat(replies).hasSize(1);
			JsonNode reply = JSON.readTree(replies.get(0));
			assertThat(reply.get("roomId").asString()).isEqualTo(WebexFake.roomId(ALICE));
			assertThat(reply.get("markdown").asString()).contains("rec");
		}
		finally {
			app.get(120, TimeUnit.SECONDS).close();
		}
	}

	/** The test bot's settings (BotTestSupport) with a store and log of its own. */
	static String[] args(int port) {
		Path dir = tempDir();
		return new String[] { "--server.port=" + port, "--webex.api-base-url=" + WEBEX.baseUrl(),
				"--webex.bot-access-token=" + WebexFake.BOT_TOKEN,
				"--webex.integration-access-token=" + WebexFake.OFFICER_TOKEN, "--webhook.secret=" + WebexFake.SECRET,
				"--bot.public-base-url=https://bot.example.com", "--bot.config-file=" + BotTestSupport.CONFIG,
				"--bot.log-dir=" + dir.resolve("log"), "--bot.admin-password=test-admin-password",
				"--officer.token-storage-path=" + dir.resolve("data"), "--officer.check-at-startup=false" };
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static Path tempDir() {
		try {
			return Files.createTempDirectory("cold-start");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
