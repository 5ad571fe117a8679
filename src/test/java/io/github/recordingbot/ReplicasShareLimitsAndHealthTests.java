package io.github.recordingbot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.recordingbot.support.Concurrently;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the bot on one real PostgreSQL and one fake Webex: a sender's limits
 * count on both (the eleventh request in a minute is refused whichever replica gets it,
 * and concurrent requests on both never pass the limit), and each replica's status page
 * lists both replicas from their heartbeats, without asking Webex.
 */
class ReplicasShareLimitsAndHealthTests {

	static final String KEY = "a-token-encryption-key-shared-by-the-replicas";

	static final String PASSWORD = "test-admin-password";

	/** The limits every deployment gets unless config.json says otherwise. */
	static final String CONFIG = """
			{
			  "approved_domains": ["example.com"],
			  "respond_only_to_host": false,
			  "protect_pmr": false,
			  "language": "en_US",
			  "rate_limit": {"requests_per_minute": 10, "meetings_per_day": 20}
			}
			""";

	@TempDir
	static Path dir;

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void start() throws IOException {
		Files.writeString(dir.resolve("config.json"), CONFIG);
		postgres = EmbeddedPostgres.start();
		first = replica("replica-a");
		second = replica("replica-b");
	}

	@AfterAll
	static void stop() throws IOException {
		Stream.of(first, second).filter((c) -> c != null).forEach(ConfigurableApplicationContext::close);
		if (postgres != null) {
			postgres.close();
		}
	}

	@BeforeEach
	void resetWebex() {
		WEBEX.reset();
	}

	@Test
	void aSendersEleventhRequestInAMinuteIsRefusedWhicheverReplicaGetsIt() {
		String bob = WebexFake.personId("b0b00000-0000-4000-8000-00000000b0b0");
		List<String> firstTen = IntStream.range(0, 10)
			.mapToObj((i) -> deliverRec(bob, "bob@example.com", (i % 2 == 0) ? first : second, 100_000_000 + i))
			.toList();
		await().atMost(Duration.ofSeconds(20)).until(() -> auditLinesOf(firstTen).size() == 10);

		String eleventhOnA = deliverRec(bob, "bob@example.com", first, 100_000_010);
		String eleventhOnB = deliverRec(bob, "bob@example.com", second, 100_000_011);

		assertThat(auditLinesOf(firstTen)).extracting((line) -> line.path("decision").asString())
			.doesNotContain("rate_limited");
		await().atMost(Duration.ofSeconds(10)).until(() -> auditLinesOf(List.of(eleventhOnA, eleventhOnB)).size() == 2);
		assertThat(auditLinesOf(List.of(eleventhOnA, eleventhOnB))).allSatisfy((line) -> {
			assertThat(line.path("decision").asString()).isEqualTo("rate_limited");
			assertThat(line.path("reason").asString()).isEqualTo("requests_per_minute");
		});
		assertThat(auditFile("replica-a")).contains(eleventhOnA).doesNotContain(eleventhOnB);
		assertThat(auditFile("replica-b")).contains(eleventhOnB).doesNotContain(eleventhOnA);
		await().atMost(Duration.ofSeconds(10)).until(() -> WEBEX.replies().size() == 12);
		assertThat(WEBEX.replies().stream().filter((reply) -> reply.contains("too many requests"))).hasSize(2);
	}

	@Test
	void concurrentRequestsOfOneSenderOnBothReplicasAdmitNoMoreThanTheLimit() throws Exception {
		String carol = WebexFake.personId("ca201000-0000-4000-8000-0000000ca201");
		List<String> messages = Concurrently.run(30,
				(i) -> deliverRec(carol, "carol@example.com", (i % 2 == 0) ? first : second, 200_000_000 + (i % 5)));

		await().atMost(Duration.ofSeconds(30)).until(() -> auditLinesOf(messages).size() == 30);
		List<String> decisions = auditLinesOf(messages).stream()
			.map((line) -> line.path("decision").asString())
			.toList();

		assertThat(decisions.stream().filter("rate_limited"::equals)).hasSize(20);
		assertThat(auditLinesOf(messages).stream()
			.filter((line) -> line.path("decision").asString().equals("rate_limited")))
			.allSatisfy((line) -> assertThat(line.path("reason").asString()).isEqualTo("requests_per_minute"));
		await().atMost(Duration.ofSeconds(10)).until(() -> WEBEX.replies().size() == 30);
	}

	@Test
	void eachReplicasStatusPageListsBothReplicasFromTheDatabaseWithoutAskingWebex() {
		await().atMost(Duration.ofSeconds(30)).until(() -> heartbeatsOf("replica-a", "replica-b") == 2);
		WEBEX.server.resetRequests();

		String pageOfA = statusPage(first);
		String pageOfB = statusPage(second);

		assertThat(WEBEX.calls()).isEmpty();
		assertThat(pageOfA).contains("<h2>Replicas</h2>")
			.contains("Every replica on the shared PostgreSQL")
			.contains("replica-a (this one)")
			.contains("replica-b")
			.doesNotContain("replica-b (this one)");
		assertThat(pageOfB).contains("replica-b (this one)")
			.contains("replica-a")
			.doesNotContain("replica-a (this one)");
		assertThat(pageOfA).doesNotContain(": stale");
	}

	@Test
	void aReplicaSilentForOverAMinuteIsMarkedStaleAndOneGoneForAnHourIsNotListed() {
		JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
		Instant now = Instant.now();
		insertHeartbeat(jdbc, "replica-silent", now.minus(Duration.ofMinutes(3)), "ok");
		insertHeartbeat(jdbc, "replica-long-gone", now.minus(Duration.ofHours(2)), "ok");
		try {
			String page = statusPage(second);

			assertThat(page).containsPattern("replica-silent</td>(.|\\n)*?3 min \\d+ s ago: stale")
				.doesNotContain("replica-long-gone");
		}
		finally {
			jdbc.update("DELETE FROM replica_heartbeat WHERE instance_id IN ('replica-silent', 'replica-long-gone')");
		}
	}

	static ConfigurableApplicationContext replica(String instance) {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		// command-line arguments: default properties would lose to
		// application.properties's
		// ${ENV:} mappings
		return new SpringApplicationBuilder(RecordingBotApplication.class).run(Stream
			.of("server.port=0", "spring.datasource.url=" + url, "spring.datasource.username=postgres",
					"spring.datasource.password=", "bot.instance-id=" + instance,
					"webex.api-base-url=" + WEBEX.baseUrl(), "webex.bot-access-token=" + WebexFake.BOT_TOKEN,
					"webhook.secret=" + WebexFake.SECRET, "bot.public-base-url=https://bot.example.com",
					"bot.config-file=" + dir.resolve("config.json"), "bot.log-dir=" + dir.resolve("log"),
					"bot.admin-password=" + PASSWORD, "officer.client-id=integration-client-id",
					"officer.client-secret=integration-client-secret", "officer.token-encryption-key=" + KEY,
					"officer.token-storage-path=" + dir.resolve("data-" + instance), "officer.check-at-startup=false",
					"bot.list-webhooks-at-startup=false", "webhook.reactivation-delay=P1D")
			.map((p) -> "--" + p)
			.toArray(String[]::new));
	}

	/** Delivers a signed {@code rec <number>} from the sender to the replica. */
	static String deliverRec(String sender, String email, ConfigurableApplicationContext replica, int meeting) {
		String messageId = WebexFake.id("MESSAGE", "limits-" + System.nanoTime());
		WEBEX.message(messageId, sender, email, "direct", "rec " + meeting);
		// created now on the replicas' clock (the system's): the bot drops stale
		// deliveries
		byte[] body = WebexFake
			.withCreated(WebexFake.envelope("messages", messageId, sender, email, "direct"), Instant.now().toString())
			.getBytes(StandardCharsets.UTF_8);
		assertThat(WebexFake.deliver(port(replica), body, WebexFake.SECRET).statusCode()).isEqualTo(200);
		return messageId;
	}

	static String statusPage(ConfigurableApplicationContext replica) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(replica) + "/"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int heartbeatsOf(String... instances) {
		return new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject(
				"SELECT count(*) FROM replica_heartbeat WHERE instance_id = ANY (?)", Integer.class,
				(Object) instances);
	}

	static void insertHeartbeat(JdbcTemplate jdbc, String instance, Instant lastSeen, String health) {
		jdbc.update(
				"INSERT INTO replica_heartbeat (instance_id, started_at, last_seen, mode, version, health) "
						+ "VALUES (?, ?, ?, 'webhook', 'development', ?)",
				instance, OffsetDateTime.ofInstant(lastSeen.minus(Duration.ofHours(1)), ZoneOffset.UTC),
				OffsetDateTime.ofInstant(lastSeen, ZoneOffset.UTC), health);
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	static String auditFile(String instance) {
		try {
			return Files.readString(dir.resolve("log").resolve("audit-" + instance + ".jsonl"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<JsonNode> auditLinesOf(List<String> eventIds) {
		return BotTestSupport.auditLines(dir.resolve("log"))
			.stream()
			.filter((line) -> eventIds.contains(line.path("eventId").asString(null)))
			.toList();
	}

}
