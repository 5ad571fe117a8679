package io.github.recordingbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.MutableClock;
import io.github.recordingbot.support.WebexFake;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica that acknowledged deliveries and died before answering them loses none: on
 * one real PostgreSQL and one fake Webex, replica A runs in a JVM of its own and is
 * killed ({@code SIGKILL}, no shutdown hook) while it waits on Webex; replica B, in this
 * JVM, takes the unfinished deliveries over once their lease has run out on its clock,
 * which the test moves. Every delivery is answered once and has one audit line across
 * both replicas' files.
 */
class ReplicaKilledMidRequestTests {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-0000000ki11e");

	static final String ALICE_EMAIL = "alice@example.com";

	static final String KEY = "a-token-encryption-key-shared-by-the-replicas";

	/** Replica B's lease: as short as allowed, to keep the clock's jumps small. */
	static final Duration LEASE = Duration.ofSeconds(30);

	/** How long Webex keeps replica A waiting: longer than the test lets it live. */
	static final int SLOW_MILLIS = 20_000;

	/** Replica B's clock: the lease runs out when the test says. */
	static final MutableClock CLOCK = new MutableClock(Instant.now());

	@TempDir
	static Path dir;

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext replicaB;

	Process replicaA;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.start();
		replicaB = new SpringApplicationBuilder(RecordingBotApplication.class,
				ReplicaBClock.class)
			.run(Stream
				.concat(common("replica-b").stream(), Stream.of("server.port=0",
						"spring.main.allow-bean-definition-overriding=true", "bot.inbox.recovery-interval=PT0.5S"))
				.map((p) -> "--" + p)
				.toArray(String[]::new));
	}

	@AfterAll
	static void stop() throws IOException {
		if (replicaB != null) {
			replicaB.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@BeforeEach
	void resetWebex() {
		WEBEX.reset();
		CLOCK.set(Instant.now());
	}

	@AfterEach
	void killReplicaA() throws InterruptedException {
		if (this.replicaA != null && this.replicaA.isAlive()) {
			this.replicaA.destroyForcibly().waitFor();
		}
	}

	@Test
	void replicaBFinishesWhatReplicaAAcknowledgedAfterTheLeaseWithOneReplyAndOneAuditLine() throws Exception {
		assertThat(replicaB.getBean(Clock.class)).isSameAs(CLOCK);
		int portA = startReplicaA(64);
		String messageId = message("killed-" + System.nanoTime(), true);

		assertThat(WebexFake.deliver(portA, body(messageId), WebexFake.SECRET).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> fetches(messageId) == 1);
		this.replicaA.destroyForcibly().waitFor();
		stub(messageId, false);

		assertThat(inbox(messageId)).containsEntry("claimed_by", "replica-a").containsEntry("done_at", null);
		// within the lease the delivery is A's: B neither takes it over nor answers a
		// redelivery of it
		assertThat(WebexFake.deliver(port(replicaB), body(messageId), WebexFake.SECRET).statusCode()).isEqualTo(200);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> fetches(messageId) == 1);

		CLOCK.set(Instant.now().plus(LEASE).plusSeconds(1));

		await().atMost(Duration.ofSeconds(20)).until(() -> WEBEX.replies().size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> inbox(messageId).get("done_at") != null);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> WEBEX.replies().size() == 1);
		assertThat(fetches(messageId)).isEqualTo(2);
		assertThat(inbox(messageId)).containsEntry("claimed_by", "replica-b").containsEntry("attempts", 2);
		assertThat(auditLinesOf(messageId, "audit-replica-b.jsonl")).hasSize(1);
		assertThat(auditLinesOf(messageId, "audit-replica-a.jsonl")).isEmpty();
	}

	@Test
	void deliveriesSpreadOverBothReplicasWithOneKilledMidwayAreEachAnsweredAndAuditedOnce() throws Exception {
		// two workers: of A's last five deliveries two are in flight and three queued
		// when it dies
		int portA = startReplicaA(2);
		int portB = port(replicaB);
		String run = "mixed-" + System.nanoTime() + "-";
		List<String> delivered = new ArrayList<>();

		for (int i = 0; i < 6; i++) {
			String id = message(run + i, false);
			assertThat(WebexFake.deliver((i % 2 == 0) ? portA : portB, body(id), WebexFake.SECRET).statusCode())
				.isEqualTo(200);
			delivered.add(id);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> WEBEX.replies().size() == 6);

		List<String> stuckOnA = new ArrayList<>();
		for (int i = 6; i < 11; i++) {
			String id = message(run + i, true);
			assertThat(WebexFake.deliver(portA, body(id), WebexFake.SECRET).statusCode()).isEqualTo(200);
			stuckOnA.add(id);
		}
		for (int i = 11; i < 14; i++) {
			String id = message(run + i, false);
			assertThat(WebexFake.deliver(portB, body(id), WebexFake.SECRET).statusCode()).isEqualTo(200);
			delivered.add(id);
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> stuckOnA.stream().mapToInt(ReplicaKilledMidRequestTests::fetches).sum() == 2
					&& unfinished("replica-a") == 5);
		this.replicaA.destroyForcibly().waitFor();
		stuckOnA.forEach((id) -> stub(id, false));
		delivered.addAll(stuckOnA);
		await().atMost(Duration.ofSeconds(20)).until(() -> WEBEX.replies().size() == 9);

		// B keeps serving; a redelivery of what A holds is still A's within the lease
		for (int i = 14; i < 17; i++) {
			String id = message(run + i, false);
			assertThat(WebexFake.deliver(portB, body(id), WebexFake.SECRET).statusCode()).isEqualTo(200);
			delivered.add(id);
		}
		assertThat(WebexFake.deliver(portB, body(stuckOnA.get(0)), WebexFake.SECRET).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> WEBEX.replies().size() == 12 && unfinished("replica-b") == 0);

		CLOCK.set(Instant.now().plus(LEASE).plusSeconds(1));

		await().atMost(Duration.ofSeconds(30)).until(() -> WEBEX.replies().size() == delivered.size());
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> WEBEX.replies().size() == delivered.size());
		List<String> audited = Stream.of("audit-replica-a.jsonl", "audit-replica-b.jsonl")
			.flatMap((file) -> auditLines(file).stream())
			.map((line) -> line.path("eventId").asString(null))
			.filter((id) -> id != null && id.startsWith(WebexFake.id("MESSAGE", run)))
			.toList();
		assertThat(audited).hasSize(17).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(delivered);
		assertThat(new JdbcTemplate(postgres.getPostgresDatabase())
			.queryForObject("SELECT count(*) FROM processed_event WHERE done_at IS NULL", Integer.class)).isZero();
	}

	/** Starts replica A in a JVM of its own, and waits until it is up. */
	int startReplicaA(int workers) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						RecordingBotApplication.class.getName()));
		Stream.concat(common("replica-a").stream(), Stream.of("server.port=" + port, "bot.workers.threads=" + workers))
			.map((p) -> "--" + p)
			.forEach(command::add);
		Path log = dir.resolve("replica-a-" + System.nanoTime() + ".log");
		this.replicaA = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		HttpClient http = HttpClient.newHttpClient();
		URI liveness = URI.create("http://localhost:" + port + "/actuator/health/liveness");
		try {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
				assertThat(this.replicaA.isAlive()).as("replica A is running").isTrue();
				try {
					return http.send(HttpRequest.newBuilder(liveness).build(), HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (AssertionError ex) {
			throw new AssertionError("Replica A did not start; its log ends with:\n" + tail(log), ex);
		}
		return port;
	}

	/** The settings both replicas share. */
	static List<String> common(String instance) {
		return List.of("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username=postgres", "spring.datasource.password=", "bot.instance-id=" + instance,
				"webex.api-base-url=" + WEBEX.baseUrl(), "webex.bot-access-token=" + WebexFake.BOT_TOKEN,
				"webhook.secret=" + WebexFake.SECRET, "bot.public-base-url=https://bot.example.com",
				"bot.config-file=" + BotTestSupport.CONFIG, "bot.log-dir=" + dir.resolve("log"),
				"bot.admin-password=test-admin-password", "officer.client-id=integration-client-id",
				"officer.client-secret=integration-client-secret", "officer.token-encryption-key=" + KEY,
				"officer.token-storage-path=" + dir.resolve("data-" + instance), "officer.check-at-startup=false",
				"bot.inbox.lease=" + LEASE);
	}

	/**
	 * Stubs Alice's {@code help} message; a slow one keeps the bot waiting longer than
	 * the test lets replica A live.
	 */
	static String message(String name, boolean slow) {
		return stub(WebexFake.id("MESSAGE", name), slow);
	}

	static String stub(String messageId, boolean slow) {
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "help");
		if (slow) {
			StubMapping stub = WEBEX.server.getStubMappings()
				.stream()
				.filter((s) -> ("/v1/messages/" + messageId).equals(s.getRequest().getUrl()))
				.findFirst()
				.orElseThrow();
			stub.setResponse(ResponseDefinitionBuilder.like(stub.getResponse()).withFixedDelay(SLOW_MILLIS).build());
			WEBEX.server.editStubMapping(stub);
		}
		return messageId;
	}

	/** A signed delivery of the message, created now (the bot drops stale ones). */
	static byte[] body(String messageId) {
		return WebexFake
			.withCreated(WebexFake.envelope("messages", messageId, ALICE, ALICE_EMAIL, "direct"),
					Instant.now().toString())
			.getBytes(StandardCharsets.UTF_8);
	}

	static int fetches(String messageId) {
		return (int) WEBEX.calls().stream().filter((c) -> c.getUrl().equals("/v1/messages/" + messageId)).count();
	}

	static int unfinished(String replica) {
		return new JdbcTemplate(postgres.getPostgresDatabase()).queryForObject(
				"SELECT count(*) FROM processed_event WHERE done_at IS NULL AND claimed_by = ?", Integer.class,
				replica);
	}

	static Map<String, Object> inbox(String messageId) {
		return new JdbcTemplate(postgres.getPostgresDatabase())
			.queryForMap("SELECT claimed_by, done_at, attempts FROM processed_event WHERE event_id = ?", messageId);
	}

	static List<JsonNode> auditLinesOf(String eventId, String file) {
		return auditLines(file).stream().filter((line) -> eventId.equals(line.path("eventId").asString(null))).toList();
	}

	static List<JsonNode> auditLines(String file) {
		Path path = dir.resolve("log").resolve(file);
		try {
			return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8)
				.stream()
				.map((line) -> JsonMapper.shared().readTree(line))
				.toList() : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/** Replica B runs on the test's clock. */
	@Configuration(proxyBeanMethods = false)
	static class ReplicaBClock {

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

}
