package io.github.recordingbot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.recordingbot.support.Concurrently;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.webex.OfficerTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.test.util.ReflectionTestUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the bot on one real PostgreSQL and one fake Webex: a delivery is
 * answered once whichever replicas get it, the officer's token is refreshed once however
 * many requests on both ask for it, and the scheduled refresh runs once per due time.
 */
class ReplicasOnPostgreSqlTests {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-00000000a11c");

	static final String ALICE_EMAIL = "alice@example.com";

	static final String KEY = "a-token-encryption-key-shared-by-the-replicas";

	@TempDir
	static Path dir;

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void start() throws IOException {
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
	void theSameSignedDeliverySentFiftyTimesToBothReplicasAtOnceIsAnsweredOnce() throws Exception {
		String messageId = WebexFake.id("MESSAGE", "replicas-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "help");
		// created now on the replicas' clock (the system's): the bot drops stale
		// deliveries
		byte[] body = WebexFake
			.withCreated(WebexFake.envelope("messages", messageId, ALICE, ALICE_EMAIL, "direct"),
					Instant.now().toString())
			.getBytes(StandardCharsets.UTF_8);
		int[] ports = { port(first), port(second) };

		List<Integer> statuses = Concurrently.run(50,
				(i) -> WebexFake.deliver(ports[i % 2], body, WebexFake.SECRET).statusCode());

		assertThat(statuses).containsOnly(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> WEBEX.replies().size() >= 1);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> WEBEX.replies().size() == 1);
		assertThat(WEBEX.calls().stream().filter((c) -> c.getUrl().equals("/v1/messages/" + messageId))).hasSize(1);
		assertThat(auditLinesOf(messageId)).hasSize(1);
		assertThat(dir.resolve("log").resolve("audit.jsonl")).doesNotExist();
	}

	@Test
	void fiftyForcedRefreshesSpreadOverBothReplicasMakeOneTokenRequestAndBothUseTheNewToken() throws Exception {
		store("officer-access-old", Instant.now().plus(Duration.ofDays(14)));
		tokenEndpointGrants("officer-access-new", 200);
		OfficerTokens[] tokens = { first.getBean(OfficerTokens.class), second.getBean(OfficerTokens.class) };

		List<Optional<String>> refreshed = Concurrently.run(50,
				(i) -> tokens[i % 2].refreshRejected("officer-access-old"));

		assertThat(refreshed).containsOnly(Optional.of("officer-access-new"));
		WEBEX.server.verify(1, postRequestedFor(WireMock.urlEqualTo("/v1/access_token")));
		assertThat(tokens[0].accessToken()).contains("officer-access-new");
		assertThat(tokens[1].accessToken()).contains("officer-access-new");
	}

	@Test
	void theScheduledRefreshRunsOncePerDueTimeAcrossReplicas() throws Exception {
		Object[] jobs = { first.getBean("scheduledRefresh"), second.getBean("scheduledRefresh") };
		assertThat(jobs).allSatisfy((job) -> assertThat(AopUtils.isAopProxy(job)).as("locked by ShedLock").isTrue());

		// due: less than officer.refresh-before (7 days) left
		store("officer-access-due-1", Instant.now().plus(Duration.ofDays(3)));
		tokenEndpointGrants("officer-access-fresh-1", 200);
		Concurrently.run(2, (i) -> ReflectionTestUtils.invokeMethod(jobs[i], "run"));
		WEBEX.server.verify(1, postRequestedFor(WireMock.urlEqualTo("/v1/access_token")));

		// the next due time
		store("officer-access-due-2", Instant.now().plus(Duration.ofDays(3)));
		tokenEndpointGrants("officer-access-fresh-2", 200);
		Concurrently.run(2, (i) -> ReflectionTestUtils.invokeMethod(jobs[i], "run"));
		WEBEX.server.verify(2, postRequestedFor(WireMock.urlEqualTo("/v1/access_token")));

		assertThat(first.getBean(OfficerTokens.class).accessToken()).contains("officer-access-fresh-2");
		assertThat(second.getBean(OfficerTokens.class).accessToken()).contains("officer-access-fresh-2");
		assertThat(new JdbcTemplate(postgres.getPostgresDatabase())
			.queryForList("SELECT name FROM shedlock ORDER BY name", String.class)).contains("officer-refresh");
	}

	static ConfigurableApplicationContext replica(String instance) {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		// command-line arguments: default properties would lose to
		// application.properties's
		// ${ENV:} mappings
		return new SpringApplicationBuilder(RecordingBotApplication.class)
			.run(Stream.of("server.port=0", "spring.datasource.url=" + url, "spring.datasource.username=postgres",
					"spring.datasource.password=", "bot.instance-id=" + instance,
					"webex.api-base-url=" + WEBEX.baseUrl(), "webex.bot-access-token=" + WebexFake.BOT_TOKEN,
					"webhook.secret=" + WebexFake.SECRET, "bot.public-base-url=https://bot.example.com",
					"bot.config-file=" + BotTestSupport.CONFIG, "bot.log-dir=" + dir.resolve("log"),
					"bot.admin-password=test-admin-password", "officer.client-id=integration-client-id",
					"officer.client-secret=integration-client-secret", "officer.token-encryption-key=" + KEY,
					"officer.token-storage-path=" + dir.resolve("data-" + instance), "officer.check-at-startup=false",
					// the tests look at both replicas at once, not a minute apart
					"officer.reread-interval=PT0S")
				.map((p) -> "--" + p)
				.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	/** Stores the officer's authorization, as a completed consent would. */
	static void store(String accessToken, Instant expiresAt) {
		ClientRegistrationRepository registrations = first.getBean(ClientRegistrationRepository.class);
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken,
				expiresAt.minus(Duration.ofDays(14)), expiresAt, Set.of("spark-compliance:meetings_read"));
		first.getBean(OAuth2AuthorizedClientService.class)
			.saveAuthorizedClient(
					new OAuth2AuthorizedClient(registrations.findByRegistrationId("webex"), "compliance-officer",
							access, new OAuth2RefreshToken("officer-refresh", access.getIssuedAt())),
					UsernamePasswordAuthenticationToken.unauthenticated("compliance-officer", ""));
	}

	/** The token endpoint grants this access token, slowly enough for callers to meet. */
	static void tokenEndpointGrants(String accessToken, int delayMillis) {
		WEBEX.server.stubFor(post("/v1/access_token").willReturn(aResponse().withStatus(200)
			.withFixedDelay(delayMillis)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"access_token":"%s","expires_in":1209599,"refresh_token":"officer-refresh",
					 "refresh_token_expires_in":7775999,"token_type":"Bearer"}
					""".formatted(accessToken))));
	}

	static List<JsonNode> auditLinesOf(String eventId) {
		return BotTestSupport.auditLines(dir.resolve("log"))
			.stream()
			.filter((line) -> eventId.equals(line.path("eventId").asString(null)))
			.toList();
	}

}
