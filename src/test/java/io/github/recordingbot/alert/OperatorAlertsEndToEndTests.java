package io.github.recordingbot.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.officer.OfficerCapabilities;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.MutableClock;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.webex.WebexClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole bot against the Webex fake, with its own config file and database and a clock
 * the test moves: each condition is raised and cleared through the real facts, and the
 * messages the operator gets are asserted on the wire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorAlertsEndToEndTests {

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	static final MutableClock CLOCK = new MutableClock(START);

	static final Path DIR = BotTestSupport.DIR.resolve("operator-alerts");

	static final Path CONFIG = DIR.resolve("config.json");

	static final String OPERATOR = "ops@example.com";

	static final String WITH_OPERATOR = BotTestSupport.DEFAULT_CONFIG.replace("\"language\"",
			"\"operators\": [\"" + OPERATOR + "\"],\n  \"language\"");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final WebexFake WEBEX = BotTestSupport.WEBEX;

	@TestBean(methodName = "io.github.recordingbot.alert.OperatorAlertsEndToEndTests#clock")
	Clock clock;

	@Value("${local.server.port}")
	int port;

	@Autowired
	Alerts alerts;

	@Autowired
	AccessConfigStore config;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OfficerCapabilities capabilities;

	@Autowired
	WebexClient webex;

	static Clock clock() {
		return CLOCK;
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		Files.createDirectories(DIR);
		Files.writeString(CONFIG, WITH_OPERATOR, StandardCharsets.UTF_8);
		BotTestSupport.properties(registry);
		registry.add("bot.config-file", CONFIG::toString);
		registry.add("bot.log-dir", () -> DIR.resolve("log").toString());
		registry.add("officer.token-storage-path", () -> DIR.resolve("data").toString());
		// the test evaluates; a failed call counts at once
		registry.add("alerts.interval", () -> "PT1H");
		registry.add("alerts.clear-after", () -> "PT2H");
		registry.add("webex.max-retries", () -> 0);
	}

	@BeforeEach
	void reset() throws Exception {
		CLOCK.set(START);
		this.jdbc.update("DELETE FROM alert_notice");
		this.jdbc.update("DELETE FROM alert_condition");
		this.jdbc.update("DELETE FROM officer_authorization");
		writeConfig(WITH_OPERATOR);
		WEBEX.reset();
	}

	@AfterEach
	void restore() throws Exception {
		writeConfig(WITH_OPERATOR);
		// every condition a test raised is cleared again, so the next test starts clean
		this.jdbc.update("DELETE FROM officer_authorization");
	}

	@Test
	void anInvalidConfigFileIsToldWithItsKeysAndSinceWhenAndItsRepairIsToldOnce() throws Exception {
		writeConfig(WITH_OPERATOR.replace("\"language\": \"en_US\"", "\"language\": \"de_DE\""));
		evaluate();
		LoggedRequest start = awaitSent(1).get(0);
		assertThat(start.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.BOT_TOKEN);
		assertThat(JSON.readTree(start.getBodyAsString()).get("toPersonEmail").asString()).isEqualTo(OPERATOR);
		assertThat(markdown(start)).contains("config.json is invalid and ignored")
			.contains("has wrong values in: language.")
			.contains("Since: 2026-11-25 12:00 UTC")
			.doesNotContain("de\\_DE", "de_DE");

		CLOCK.advance(Duration.ofHours(1));
		evaluate();
		writeConfig(WITH_OPERATOR);
		CLOCK.advance(Duration.ofHours(3));
		evaluate();
		evaluate();

		List<LoggedRequest> sent = awaitSent(2);
		assertThat(markdown(sent.get(1))).startsWith("**Resolved: config.json is invalid and ignored**");
	}

	@Test
	void officerConditionsFromTheStoredAuthorizationAreToldAndClearedWhenTheOfficerAuthorizesAgain() {
		this.jdbc.update(
				"INSERT INTO officer_authorization (principal_name, email, authorized_at, refresh_token_expires_at, "
						+ "reauthorization_needed, last_refresh_at, last_refresh_error, refresh_failures) "
						+ "VALUES ('compliance-officer', 'officer@example.com', ?, ?, TRUE, ?, ?, 3)",
				ts(START.minus(Duration.ofDays(80))), ts(START.plus(Duration.ofDays(10))),
				ts(START.minus(Duration.ofHours(2))), "invalid_grant: the refresh token access-token-secret is gone");
		evaluate();

		List<String> sent = awaitSent(3).stream().map(OperatorAlertsEndToEndTests::markdown).toList();
		assertThat(sent).anySatisfy((m) -> assertThat(m).contains("the Compliance Officer must authorize again")
			.contains("Since: 2026-11-25 10:00 UTC")
			.contains("opens https://bot.example.com/webex/authorize and signs in again"));
		assertThat(sent).anySatisfy((m) -> assertThat(m).contains("expires on 2026-12-05 12:00 UTC"));
		assertThat(sent).anySatisfy((m) -> assertThat(m).contains("does not answer (invalid\\_grant)."));
		assertThat(sent).allSatisfy((m) -> assertThat(m).doesNotContain("secret"));

		this.jdbc.update("UPDATE officer_authorization SET reauthorization_needed = FALSE, last_refresh_error = NULL, "
				+ "refresh_failures = 0, refresh_token_expires_at = ?", ts(START.plus(Duration.ofDays(90))));
		CLOCK.advance(Duration.ofHours(3));
		evaluate();

		assertThat(awaitSent(6).subList(3, 6)).extracting(OperatorAlertsEndToEndTests::markdown)
			.allSatisfy((m) -> assertThat(m).startsWith("**Resolved: "));
	}

	@Test
	void refusedOfficerCallsAreToldOnceAndClearedWhenWebexAnswersAgain() {
		WEBEX.server.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Forbidden\",\"trackingId\":\"ROUTER_1\"}")));
		this.capabilities.check();
		evaluate();
		CLOCK.advance(Duration.ofHours(1));
		evaluate();

		assertThat(markdown(awaitSent(1).get(0))).contains("Webex refuses the Compliance Officer's calls")
			.contains("Webex answered GET /admin/recordings with 403.");

		WEBEX.server.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).atPriority(1).willReturn(okJson("""
				{"items":[]}""")));
		this.capabilities.check();
		CLOCK.advance(Duration.ofHours(3));
		evaluate();

		assertThat(markdown(awaitSent(2).get(1))).startsWith("**Resolved: Webex refuses the Compliance Officer's");
	}

	@Test
	void webexUnreachableForMoreThanFiveMinutesIsToldOnceItCanBeAndClearedAfterwards() {
		WEBEX.failWith("/v1/people/nobody", 503);
		for (int i = 0; i < 3; i++) {
			try {
				this.webex.person("nobody");
			}
			catch (RuntimeException ex) {
				// Webex did not answer: that is the point
			}
		}
		evaluate();
		assertThat(this.alerts.overview().open()).isEmpty();

		CLOCK.advance(Duration.ofMinutes(6));
		evaluate();
		assertThat(markdown(awaitSent(1).get(0))).contains("Webex is not answering")
			.contains("Since: 2026-11-25 12:00 UTC");

		CLOCK.advance(Duration.ofHours(3));
		evaluate();
		assertThat(markdown(awaitSent(2).get(1))).startsWith("**Resolved: Webex is not answering**");
	}

	@Test
	void theStatusPageListsOpenConditionsAndWhenTheOperatorWasLastTold() throws Exception {
		writeConfig(WITH_OPERATOR.replace("\"language\": \"en_US\"", "\"language\": 1"));
		evaluate();
		awaitSent(1);

		String page = statusPage();

		assertThat(page).contains("Operator alerts")
			.contains("Open: config-invalid")
			.contains("Operator ops@example.com")
			.contains("last told 2026-11-25T12:00:00Z (config-invalid, start)");
	}

	@Test
	void withoutOperatorsNothingIsSent() throws Exception {
		// an invalid file keeps the last good rules, and with them their operators
		writeConfig(BotTestSupport.DEFAULT_CONFIG);
		writeConfig(BotTestSupport.DEFAULT_CONFIG.replace("\"language\": \"en_US\"", "\"language\": 1"));
		evaluate();

		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> WEBEX.server.findAll(postRequestedFor(urlEqualTo("/v1/messages"))).isEmpty());
		assertThat(this.alerts.overview().open()).extracting(Alerts.Open::condition).contains(Condition.CONFIG_INVALID);
	}

	void evaluate() {
		this.alerts.evaluate();
	}

	void writeConfig(String json) throws Exception {
		Files.writeString(CONFIG, json, StandardCharsets.UTF_8);
		this.config.reloadNow();
	}

	/** Waits until exactly this many messages were sent, and that no more follow. */
	static List<LoggedRequest> awaitSent(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> sent().size() >= count);
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> sent().size() == count);
		return sent();
	}

	static List<LoggedRequest> sent() {
		return WEBEX.server.findAll(postRequestedFor(urlEqualTo("/v1/messages")))
			.stream()
			.sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
			.toList();
	}

	static String markdown(LoggedRequest request) {
		return JSON.readTree(request.getBodyAsString()).get("markdown").asString();
	}

	String statusPage() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
