package io.github.recordingbot.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.BotProperties;
import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.texts.BotTexts;
import io.github.recordingbot.alert.ConditionCheck.Observation;
import io.github.recordingbot.support.Schema;
import io.github.recordingbot.support.MutableClock;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.webex.WebexClientFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The evaluator over a real H2 store and a WireMock Webex, with a condition the test
 * switches on and off and a clock it moves by hand.
 */
class AlertsTests {

	static final WebexFake WEBEX = new WebexFake().start();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

	static final List<String> OPERATORS = List.of("ops@example.com", "oncall@example.com");

	final MutableClock clock = new MutableClock(START);

	final AtomicReference<Observation> configInvalid = new AtomicReference<>();

	final AccessRules rules = mock(AccessRules.class);

	DataSource dataSource;

	@AfterAll
	static void stop() {
		WEBEX.stop();
	}

	@BeforeEach
	void setUp() {
		WEBEX.reset();
		this.dataSource = new DriverManagerDataSource("jdbc:h2:mem:alerts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"sa", "");
		Schema.migrate(this.dataSource);
		operators(OPERATORS, "en_US");
	}

	@Test
	void aConditionThatStartsIsToldToEachOperatorOnceWithWhatSinceImpactAndFix() {
		Alerts alerts = replica();
		this.configInvalid.set(new Observation(START.minus(Duration.ofHours(3)), "keys",
				List.of("approved_users[0], language", "/config/config.json")));

		alerts.evaluate();

		List<LoggedRequest> sent = sent();
		assertThat(sent).hasSize(2);
		assertThat(sent).allSatisfy((request) -> {
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer bot-token");
			assertThat(body(request).has("roomId")).isFalse();
		});
		assertThat(sent).extracting((r) -> body(r).get("toPersonEmail").asString())
			.containsExactlyInAnyOrderElementsOf(OPERATORS);
		assertThat(markdown(sent.get(0))).contains("Recording bot needs a person: config.json is invalid and ignored")
			.contains("approved\\_users\\[0\\], language")
			.contains("Since: 2026-11-25 09:00 UTC")
			.contains("edits to the file have no effect")
			.contains("the bot re-reads it by itself");
	}

	@Test
	void aConditionThatLastsIsNotRepeatedWithinADayAndThenRemindedOncePerOperator() {
		Alerts alerts = replica();
		this.configInvalid.set(new Observation(START, "file", List.of("/config/config.json")));
		alerts.evaluate();

		for (int i = 0; i < 23; i++) {
			this.clock.advance(Duration.ofHours(1));
			alerts.evaluate();
		}
		assertThat(sent()).hasSize(2);

		this.clock.advance(Duration.ofHours(1));
		alerts.evaluate();
		alerts.evaluate();

		assertThat(sent()).hasSize(4);
		assertThat(markdown(sent().get(3))).startsWith("**Still open: config.json is invalid and ignored**")
			.contains("Since: 2026-11-25 12:00 UTC");
	}

	@Test
	void aConditionThatEndsIsToldOnceToWhoeverHeardOfItsStartAfterNoReplicaSawItForClearAfter() {
		Alerts alerts = replica();
		this.configInvalid.set(new Observation(START, "file", List.of("/config/config.json")));
		alerts.evaluate();
		this.configInvalid.set(null);

		this.clock.advance(Duration.ofMinutes(1));
		alerts.evaluate();
		assertThat(sent()).hasSize(2);

		this.clock.advance(Duration.ofMinutes(3));
		alerts.evaluate();
		alerts.evaluate();

		assertThat(sent()).hasSize(4);
		assertThat(markdown(sent().get(3)))
			.isEqualTo("**Resolved: config.json is invalid and ignored**\n\nIt lasted from 2026-11-25 12:00 UTC "
					+ "until 2026-11-25 12:04 UTC. Users are no longer affected by it.");
		assertThat(alerts.overview().open()).isEmpty();
	}

	@Test
	void whenOperatorsIsEmptyNothingIsSentButTheConditionIsStillListed() {
		operators(List.of(), "en_US");
		Alerts alerts = replica();
		this.configInvalid.set(new Observation(START, "file", List.of("/config/config.json")));

		alerts.evaluate();

		assertThat(WEBEX.server.getAllServeEvents()).isEmpty();
		assertThat(alerts.overview().open()).extracting(Alerts.Open::condition)
			.containsExactly(Condition.CONFIG_INVALID);
		assertThat(alerts.overview().operators()).isEmpty();
	}

	@Test
	void theMessagesAreInTheLanguageOfConfigJson() {
		operators(List.of("ops@example.com"), "cs_CZ");
		Alerts alerts = replica();
		this.configInvalid.set(new Observation(START, "file", List.of("/config/config.json")));

		alerts.evaluate();

		assertThat(markdown(sent().get(0))).startsWith("**Bot pro nahrávky potřebuje člověka: config.json je neplatný");
	}

	@Test
	void aFailedSendIsLoggedAndRetriedAtTheNextEvaluation() {
		operators(List.of("ops@example.com"), "en_US");
		Alerts alerts = replica();
		WEBEX.server.stubFor(post("/v1/messages").atPriority(1).willReturn(aResponse().withStatus(503)));
		this.configInvalid.set(new Observation(START, "file", List.of("/config/config.json")));
		alerts.evaluate();
		assertThat(sent()).hasSize(1);
		assertThat(alerts.overview().operators().get(0).at()).isNull();

		WEBEX.reset();
		this.clock.advance(Duration.ofMinutes(1));
		alerts.evaluate();
		alerts.evaluate();

		assertThat(sent()).hasSize(1);
		assertThat(markdown(sent().get(0))).startsWith("**Recording bot needs a person");
		assertThat(alerts.overview().operators().get(0).at()).isEqualTo(START.plus(Duration.ofMinutes(1)));
	}

	@Test
	void aStartThatWasNeverDeliveredGetsNoClear() {
		operators(List.of("ops@example.com"), "en_US");
		Alerts alerts = replica();
		WEBEX.server.stubFor(post("/v1/messages").atPriority(1).willReturn(aResponse().withStatus(503)));
		this.configInvalid.set(new Observation(START, "file", List.of("/config/config.json")));
		alerts.evaluate();
		this.configInvalid.set(null);
		WEBEX.reset();

		this.clock.advance(Duration.ofMinutes(5));
		alerts.evaluate();

		assertThat(sent()).isEmpty();
	}

	@Test
	void theStatusOverviewListsOpenConditionsAndWhenEachOperatorWasLastTold() {
		Alerts alerts = replica();
		this.configInvalid.set(new Observation(START.minusSeconds(60), "file", List.of("/config/config.json")));
		alerts.evaluate();

		Alerts.Overview overview = alerts.overview();

		assertThat(overview.open())
			.containsExactly(new Alerts.Open(Condition.CONFIG_INVALID, START.minusSeconds(60), START));
		assertThat(overview.operators()).containsExactly(
				new Alerts.Told("ops@example.com", START, "config-invalid", "start"),
				new Alerts.Told("oncall@example.com", START, "config-invalid", "start"));
	}

	@Nested
	class AcrossReplicasAndRestarts {

		@Test
		void twoReplicasSharingTheStoreSendEachMessageOnce() {
			Alerts first = replica();
			Alerts second = replica();
			AlertsTests.this.configInvalid.set(new Observation(START, "file", List.of("/config/config.json")));

			first.evaluate();
			second.evaluate();
			clock.advance(Duration.ofDays(1));
			second.evaluate();
			first.evaluate();

			assertThat(sent()).hasSize(4);
		}

		@Test
		void aReplicaThatNoLongerSeesAConditionDoesNotEndWhatAnotherStillSees() {
			AtomicReference<Observation> seenOnlyByFirst = new AtomicReference<>(
					new Observation(START, "file", List.of("/config/config.json")));
			Alerts first = replica(seenOnlyByFirst);
			Alerts second = replica(new AtomicReference<>());

			for (int i = 0; i < 10; i++) {
				first.evaluate();
				second.evaluate();
				clock.advance(Duration.ofMinutes(1));
			}

			assertThat(sent()).hasSize(2);
			assertThat(second.overview().open()).hasSize(1);
		}

		@Test
		void aRestartDoesNotRepeatTheStart() {
			AlertsTests.this.configInvalid.set(new Observation(START, "file", List.of("/config/config.json")));
			replica().evaluate();

			clock.advance(Duration.ofMinutes(2));
			replica().evaluate();

			assertThat(sent()).hasSize(2);
		}

	}

	@Test
	void aMessageHoldsNoLinkButTheBotsOwnAuthorizePage() {
		operators(List.of("ops@example.com"), "en_US");
		Alerts alerts = new Alerts(
				List.of(ConditionCheck.of(Condition.REAUTHORIZATION_NEEDED,
						(now) -> Optional.of(Observation.since(START)))),
				new AlertStore(new JdbcTemplate(this.dataSource)), this.rules, texts(),
				new AlertSender(
						WebexClientFixture.withoutRetries(
								WebexClientFixture.properties(WEBEX.baseUrl(), null, Duration.ofSeconds(2))),
						new AlertStore(new JdbcTemplate(this.dataSource)), Runnable::run),
				properties(), this.clock);

		alerts.evaluate();

		String markdown = markdown(sent().get(0));
		assertThat(markdown).contains("opens https://bot.example.com/webex/authorize and signs in again");
		assertThat(markdown.replace("https://bot.example.com/webex/authorize", "")).doesNotContain("http", "token-");
	}

	@Test
	void everyConditionHasEveryTextInBothLanguages() {
		AlertStore store = new AlertStore(new JdbcTemplate(this.dataSource));
		Map<Condition, List<String>> variants = Map.of(Condition.OFFICER_REFUSED, List.of("call", "capability"),
				Condition.CONFIG_INVALID, List.of("keys", "file"));
		for (String language : List.of("en_US", "cs_CZ")) {
			operators(OPERATORS, language);
			for (Condition condition : Condition.values()) {
				for (String variant : variants.getOrDefault(condition, java.util.Collections.singletonList(null))) {
					AlertStore.ConditionRow row = new AlertStore.ConditionRow(condition, START, START, START, variant,
							List.of("a", "b"), null);
					for (AlertStore.Kind kind : AlertStore.Kind.values()) {
						assertThat(texts().message(kind, row, START)).as("%s %s %s", condition, variant, kind)
							.doesNotContain("{");
					}
				}
			}
		}
		assertThat(store.conditions()).isEmpty();
	}

	Alerts replica() {
		return replica(this.configInvalid);
	}

	Alerts replica(AtomicReference<Observation> configInvalid) {
		AlertStore store = new AlertStore(new JdbcTemplate(this.dataSource));
		AlertSender sender = new AlertSender(
				WebexClientFixture
					.withoutRetries(WebexClientFixture.properties(WEBEX.baseUrl(), null, Duration.ofSeconds(2))),
				store, Runnable::run);
		ConditionCheck check = ConditionCheck.of(Condition.CONFIG_INVALID,
				(now) -> Optional.ofNullable(configInvalid.get()));
		return new Alerts(List.of(check), store, this.rules, texts(), sender, properties(), this.clock);
	}

	AlertTexts texts() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setAlwaysUseMessageFormat(true);
		messages.setFallbackToSystemLocale(false);
		return new AlertTexts(new BotTexts(messages, this.rules),
				BotProperties.defaults().withPublicBaseUrl("https://bot.example.com/"));
	}

	static AlertProperties properties() {
		return new AlertProperties(Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofMinutes(3),
				Duration.ofMinutes(5), Duration.ofDays(14));
	}

	void operators(List<String> operators, String language) {
		given(this.rules.current()).willReturn(new AccessConfig(List.of(), List.of("example.com"), true, true, language,
				30, List.of(), AccessConfig.RateLimit.DEFAULTS, operators));
	}

	static List<LoggedRequest> sent() {
		return WEBEX.server.findAll(postRequestedFor(urlEqualTo("/v1/messages")))
			.stream()
			.sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
			.toList();
	}

	static JsonNode body(LoggedRequest request) {
		return JSON.readTree(request.getBodyAsString());
	}

	static String markdown(LoggedRequest request) {
		return body(request).get("markdown").asString();
	}

}
