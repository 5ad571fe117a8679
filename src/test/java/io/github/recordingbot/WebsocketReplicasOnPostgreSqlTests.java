package io.github.recordingbot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.FakeMercury;
import io.github.recordingbot.support.FakeMercury.Connection;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.websocket.Activities;
import io.github.recordingbot.websocket.WebsocketMonitor;
import io.github.recordingbot.websocket.WebsocketStatus;
import io.github.recordingbot.websocket.WebsocketStatus.State;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas in websocket mode on one real PostgreSQL, one fake Webex and one fake
 * Mercury: only the replica that holds the lock registers a device and connects, the
 * other stands by and says so; when the holder stops, or its lock's session ends as when
 * its process is killed, the other connects within 10 s, after the first closed its
 * websocket, and no message is answered twice.
 */
class WebsocketReplicasOnPostgreSqlTests {

	private static final Logger logger = LoggerFactory.getLogger(WebsocketReplicasOnPostgreSqlTests.class);

	static final String ALICE_UUID = "a11ce000-0000-4000-8000-00000000a11d";

	static final String ALICE = WebexFake.personId(ALICE_UUID);

	static final String ALICE_EMAIL = "alice@example.com";

	static final Duration TAKEOVER = Duration.ofSeconds(10);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dir;

	static EmbeddedPostgres postgres;

	FakeMercury mercury;

	ConfigurableApplicationContext first;

	ConfigurableApplicationContext second;

	int messages;

	@BeforeAll
	static void startDatabase() throws IOException {
		postgres = EmbeddedPostgres.start();
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@BeforeEach
	void startReplicas() {
		this.mercury = new FakeMercury();
		WEBEX.reset();
		WEBEX.mercuryDiscovery(this.mercury, "[]");
		this.first = replica("replica-a");
		this.second = replica("replica-b");
	}

	@AfterEach
	void stopReplicas() {
		Stream.of(this.first, this.second).filter((c) -> c != null).forEach(ConfigurableApplicationContext::close);
		this.mercury.close();
	}

	@Test
	void onlyTheHolderConnectsAndTheOtherStandsByAndSaysWhoHoldsTheWebsocket() throws Exception {
		ConfigurableApplicationContext holder = awaitHolder();
		ConfigurableApplicationContext standby = other(holder);

		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> openConnections().size() == 1);
		WEBEX.server.verify(1, postRequestedFor(WireMock.urlEqualTo("/wdm/api/v1/devices")));
		assertThat(this.mercury.connections()).hasSize(1);
		WebsocketStatus waiting = monitor(standby).status();
		assertThat(waiting.state()).isEqualTo(State.STANDBY);
		assertThat(waiting.holder()).isEqualTo(instance(holder));
		assertThat(statusPage(standby)).contains("standby: replica " + instance(holder) + " holds the websocket");
		assertThat(statusPage(holder))
			.contains("connected (this replica, " + instance(holder) + ", holds the websocket)");
		JsonNode health = health(standby).path("components").path("websocket");
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("details").path("state").asString()).isEqualTo("standby");
		assertThat(health.path("details").path("holder").asString()).isEqualTo(instance(holder));

		String message = sendMessage();
		awaitReplies(1);
		BotTestSupport.assertRepliesStayAt(1, Duration.ofMillis(500));
		assertThat(auditLinesOf(message)).hasSize(1);
	}

	@Test
	void whenTheHolderStopsTheOtherConnectsWithinTenSecondsAndAnswersTheNextMessageOnce() {
		ConfigurableApplicationContext holder = awaitHolder();
		ConfigurableApplicationContext standby = other(holder);
		Connection before = this.mercury.current();
		sendMessage();
		awaitReplies(1);

		long stopped = System.nanoTime();
		holder.close();
		// our side closed it before close() returned; the fake notices a moment later
		await().atMost(Duration.ofSeconds(2)).until(() -> before.ended);
		assertThat(before.closedByBotWith).isEqualTo(1000);
		await().atMost(TAKEOVER).until(() -> monitor(standby).status().state() == State.CONNECTED);
		Connection after = this.mercury.awaitAuthorized(2);
		logger.info("Takeover after a shutdown: connected {} ms after the holder stopped",
				Duration.ofNanos(System.nanoTime() - stopped).toMillis());

		assertThat(openConnections()).containsExactly(after);
		assertThat(monitor(standby).status().holder()).isEqualTo(instance(standby));
		sendMessage();
		awaitReplies(2);
		BotTestSupport.assertRepliesStayAt(2, Duration.ofMillis(500));
	}

	@Test
	void whenTheHoldersLockSessionEndsItClosesItsWebsocketBeforeTheOtherConnects() {
		ConfigurableApplicationContext holder = awaitHolder();
		ConfigurableApplicationContext standby = other(holder);
		Connection before = this.mercury.current();

		// what the server does when the holder's process is killed: the session ends,
		// the lock is free; here the holder still runs, and must notice
		long killed = System.nanoTime();
		List<Boolean> terminated = new JdbcTemplate(postgres.getPostgresDatabase()).queryForList(
				"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?", Boolean.class,
				"recording-bot " + instance(holder));
		assertThat(terminated).containsExactly(true);

		await().atMost(TAKEOVER).until(() -> monitor(standby).status().state() == State.CONNECTED);
		Connection after = this.mercury.awaitAuthorized(2);
		logger.info("Takeover after the holder's lock session ended: connected {} ms later",
				Duration.ofNanos(System.nanoTime() - killed).toMillis());
		assertThat(before.ended).as("the former holder closed its websocket").isTrue();
		assertThat(before.endedAt).as("before the new holder connected").isLessThan(after.openedAt);
		await().atMost(TAKEOVER)
			.until(() -> monitor(holder).status().state() == State.STANDBY
					&& instance(standby).equals(monitor(holder).status().holder()));

		sendMessage();
		awaitReplies(1);
		BotTestSupport.assertRepliesStayAt(1, Duration.ofMillis(500));
	}

	// helpers
	// -----------------------------------------------------------------------------------

	/** Waits for one replica to connect, and returns it. */
	ConfigurableApplicationContext awaitHolder() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Stream.of(this.first, this.second)
				.anyMatch((c) -> monitor(c).status().state() == State.CONNECTED));
		return (monitor(this.first).status().state() == State.CONNECTED) ? this.first : this.second;
	}

	ConfigurableApplicationContext other(ConfigurableApplicationContext replica) {
		return (replica == this.first) ? this.second : this.first;
	}

	/**
	 * A message from Alice, sent as Webex would: to every websocket open for the bot.
	 * @return the message id
	 */
	String sendMessage() {
		String uuid = "5c13edc0-cd92-11e9-b920-%012d".formatted(++this.messages + System.nanoTime() % 1_000_000 * 100);
		String messageId = WebexFake.id("MESSAGE", uuid);
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "help");
		List<Connection> open = openConnections();
		assertThat(open).as("open websockets").hasSize(1);
		open.forEach((c) -> c.sendActivity(Activities.post(uuid, ALICE_UUID)));
		return messageId;
	}

	List<Connection> openConnections() {
		return this.mercury.connections().stream().filter((c) -> c.authorized && !c.ended).toList();
	}

	static void awaitReplies(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> WEBEX.replies().size() >= count);
		assertThat(WEBEX.replies()).hasSize(count);
	}

	static WebsocketMonitor monitor(ConfigurableApplicationContext replica) {
		return replica.getBean(WebsocketMonitor.class);
	}

	static String instance(ConfigurableApplicationContext replica) {
		return replica.getEnvironment().getProperty("bot.instance-id");
	}

	static String statusPage(ConfigurableApplicationContext replica) throws Exception {
		return get(replica, "/").body();
	}

	static JsonNode health(ConfigurableApplicationContext replica) throws Exception {
		return JSON.readTree(get(replica, "/actuator/health").body());
	}

	static HttpResponse<String> get(ConfigurableApplicationContext replica, String path) throws Exception {
		String basic = Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + replica.getEnvironment().getProperty("local.server.port") + path))
			.header("Authorization", "Basic " + basic)
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

	static List<JsonNode> auditLinesOf(String eventId) {
		return BotTestSupport.auditLines(dir.resolve("log"))
			.stream()
			.filter((line) -> eventId.equals(line.path("eventId").asString(null)))
			.toList();
	}

	ConfigurableApplicationContext replica(String instance) {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		// command-line arguments: default properties would lose to
		// application.properties's
		// ${ENV:} mappings
		return new SpringApplicationBuilder(RecordingBotApplication.class).run(Stream
			.of("server.port=0", "spring.datasource.url=" + url, "spring.datasource.username=postgres",
					"spring.datasource.password=", "bot.instance-id=" + instance, "bot.mode=websocket",
					"bot.websocket.trusted-domains=localhost", "bot.websocket.u2c-url=" + WEBEX.u2cUrl(),
					"webex.api-base-url=" + WEBEX.baseUrl(), "webex.bot-access-token=" + WebexFake.BOT_TOKEN,
					"webex.integration-access-token=" + WebexFake.OFFICER_TOKEN, "webhook.secret=" + WebexFake.SECRET,
					"bot.public-base-url=https://bot.example.com", "bot.config-file=" + BotTestSupport.CONFIG,
					"bot.log-dir=" + dir.resolve("log"), "bot.admin-password=test-admin-password",
					"officer.token-encryption-key=" + ReplicasOnPostgreSqlTests.KEY,
					"officer.token-storage-path=" + dir.resolve("data-" + instance), "officer.check-at-startup=false",
					"webhook.reactivation-delay=P1D", "bot.list-webhooks-at-startup=false")
			.map((p) -> "--" + p)
			.toArray(String[]::new));
	}

}
