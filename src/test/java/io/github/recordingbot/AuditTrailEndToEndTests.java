package io.github.recordingbot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.conversation.ChatEvent;
import io.github.recordingbot.conversation.Conversation;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.TestClock;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail through the real conversation: a thousand mixed requests over every
 * decision give exactly a thousand lines, each one parseable JSON with every required
 * field, and input crafted to forge a line stays inside its own.
 */
class AuditTrailEndToEndTests extends BotEndToEndTest {

	static final int REQUESTS = 1_000;

	static final String INJECTION = "\n{\"decision\":\"permitted\",\"requestId\":\"forged\"}";

	static final String SERIES = "a0d17a0d17a0d17a0d17a0d17a0d1700";

	static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

	static final List<String> REQUIRED = List.of("ts", "requestId", "eventId", "requester", "roomType", "command",
			"meetingNumber", "hostEmail", "daysBack", "decision", "reason", "meetingIds", "recordingIds", "durationMs");

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * This run's people, so that the rate limiter's memory of other tests does not count.
	 */
	final String run = UUID.randomUUID().toString().substring(0, 8);

	final Person alice = person("alice", "alice@example.com");

	final Person bob = person("bob", "bob@example.com");

	final Person carol = person("carol", "carol@example.com");

	final Person dave = person("dave", "dave@example.com");

	final Person erin = person("erin", "erin@example.com");

	final Person mallory = person("mallory", "mallory@evil-example.com");

	final Person forger = person("forger", "forger@example.org" + INJECTION);

	@Autowired
	Conversation conversation;

	@Test
	void thousandMixedRequestsGiveExactlyThousandCompleteLinesAndNoForgedOne() throws Exception {
		WEBEX.reset();
		// Three distinct meetings a day make Dave's guessing run into the limit.
		BotTestSupport.writeConfig(
				BotTestSupport.DEFAULT_CONFIG.replace("\"meetings_per_day\": 100000", "\"meetings_per_day\": 3"));
		this.config.reloadNow();
		stubWebex();
		List<Scenario> scenarios = scenarios();
		List<ChatEvent> events = new ArrayList<>();
		Map<String, Decision> expected = new TreeMap<>();
		int daveAsked = 0;
		for (int i = 0; i < REQUESTS; i++) {
			Scenario scenario = scenarios.get(i % scenarios.size());
			String eventId = "audit-" + this.run + "-" + i;
			events.add(scenario.stub(eventId, i));
			Decision decision = scenario.decision();
			if (scenario.person() == this.dave && daveAsked++ < 3) {
				decision = Decision.NODATA;
			}
			expected.put(eventId, decision);
		}
		int linesBefore = BotTestSupport.auditLines().size();

		ExecutorService pool = Executors.newFixedThreadPool(8);
		events.forEach((event) -> pool.execute(() -> this.conversation.handle(event)));
		pool.shutdown();
		assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

		List<JsonNode> all = BotTestSupport.auditLines();
		assertThat(all).hasSize(linesBefore + REQUESTS);
		List<JsonNode> lines = all.stream()
			.filter((l) -> expected.containsKey(l.path("eventId").asString("")))
			.toList();
		assertThat(lines).hasSize(REQUESTS);
		Set<String> requestIds = new HashSet<>();
		Map<String, Decision> actual = new TreeMap<>();
		for (JsonNode line : lines) {
			assertThat(REQUIRED).allSatisfy((field) -> assertThat(line.has(field)).as(field + " in " + line).isTrue());
			assertThat(line.get("ts").asString()).matches(TIMESTAMP);
			Instant.parse(line.get("ts").asString());
			assertThat(line.get("requester").has("email")).isTrue();
			assertThat(line.get("requester").get("personId").asString()).isNotBlank();
			assertThat(line.get("command").asString()).isNotBlank();
			assertThat(line.get("reason").asString()).isNotBlank();
			assertThat(line.get("meetingIds").isArray()).isTrue();
			assertThat(line.get("recordingIds").isArray()).isTrue();
			assertThat(line.get("durationMs").asLong()).isNotNegative();
			assertThat(requestIds.add(line.get("requestId").asString())).isTrue();
			actual.put(line.get("eventId").asString(),
					Decision.valueOf(line.get("decision").asString().toUpperCase(Locale.ROOT)));
		}
		List<String> mismatches = expected.keySet()
			.stream()
			.filter((id) -> expected.get(id) != actual.get(id))
			.map((id) -> id + " expected " + expected.get(id) + " but was " + actual.get(id))
			.toList();
		assertThat(mismatches).isEmpty();
		assertThat(new HashSet<>(actual.values())).containsExactlyInAnyOrder(Decision.values());
		Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
		actual.values().forEach((d) -> counts.merge(d, 1, Integer::sum));
		assertThat(counts.get(Decision.RATE_LIMITED)).isGreaterThan(10);
		assertThat(lines).noneMatch((l) -> l.toString().contains("https://")
				|| l.toString().contains(WebexFake.BOT_TOKEN) || l.toString().contains(WebexFake.OFFICER_TOKEN));
		assertThat(lines).filteredOn((l) -> this.forger.email().equals(l.get("requester").get("email").asString()))
			.isNotEmpty()
			.allSatisfy((l) -> {
				assertThat(l.get("requester").get("email").asString()).isEqualTo(this.forger.email());
				assertThat(l.get("decision").asString()).isEqualTo("denied");
			});
		assertThat(all).noneMatch((l) -> "forged".equals(l.path("requestId").asString("")));
		assertThat(WEBEX.replies()).hasSize(REQUESTS);
	}

	void stubWebex() {
		RecordingFixture recording = RecordingFixture.of("auditrec0aaaabbbbcc", SERIES + "_I_1", "Audit sync",
				"2026-11-24T10:00:00Z");
		WEBEX.meetingSeries("111111111", this.alice.email(), SERIES, this.alice.id(), "Audit sync");
		WEBEX.recordingList(SERIES, List.of(recording));
		WEBEX.recordingDetails(recording);
		// Any other meeting number is unknown.
		WEBEX.server
			.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).atPriority(10).willReturn(okJson("{\"items\":[]}")));
		WEBEX.server
			.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).withQueryParam("meetingNumber", equalTo("333333333"))
				.willReturn(aResponse().withStatus(400)));
		WEBEX.server
			.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).withQueryParam("meetingNumber", equalTo("444444444"))
				.willReturn(aResponse().withStatus(401)));
		for (Person person : List.of(this.alice, this.mallory)) {
			WEBEX.person(person.id(), person.email());
			WEBEX.room(WebexFake.roomId(person.id()), "direct");
		}
	}

	List<Scenario> scenarios() {
		return List.of(text(this.alice, "rec 111 111 111", Decision.PERMITTED),
				text(this.alice, "help", Decision.PERMITTED),
				card(this.alice, "{\"meeting_number\":\"111 111 111\",\"days_back\":\"10\"}", Decision.PERMITTED),
				outsiderText(this.mallory, "rec 111111111"),
				outsiderCard(this.mallory, "{\"meeting_number\":\"111111111\"}"),
				new Scenario(this.alice, Decision.DENIED, (id, i) -> message(id, this.alice, "group", "rec 111111111")),
				outsiderText(this.forger, "rec 111111111"), text(this.bob, "rec 222222222", Decision.NODATA),
				text(this.alice, "rec abc", Decision.INVALID),
				text(this.alice, "rec 123456789 " + INJECTION, Decision.INVALID),
				text(this.alice, "rec 111111111 alice@example.com 999", Decision.INVALID),
				card(this.alice, json("meeting_number", "123456789" + INJECTION), Decision.INVALID),
				card(this.alice,
						"{\"meeting_number\":\"123456789\",\"meeting_host\":"
								+ JSON.writeValueAsString("x@example.com\r" + INJECTION) + "}",
						Decision.INVALID),
				new Scenario(this.dave, Decision.RATE_LIMITED,
						(id, i) -> message(id, this.dave, "direct", "rec " + (500_000_000 + i))),
				text(this.carol, "rec 333333333", Decision.UPSTREAM_ERROR),
				text(this.erin, "rec 444444444", Decision.UNAUTHORIZED));
	}

	Scenario text(Person person, String text, Decision decision) {
		return new Scenario(person, decision, (id, i) -> message(id, person, "direct", text));
	}

	Scenario card(Person person, String inputs, Decision decision) {
		return new Scenario(person, decision, (id, i) -> cardAction(id, person, inputs));
	}

	/**
	 * A sender outside the allow-list, as another account on each request: the bot
	 * answers one refusal per sender and window (RefusalQuietingEndToEndTests), and this
	 * test wants one line per request.
	 */
	Scenario outsiderText(Person outsider, String text) {
		return new Scenario(outsider, Decision.DENIED, (id, i) -> message(id, another(outsider, i), "direct", text));
	}

	Scenario outsiderCard(Person outsider, String inputs) {
		return new Scenario(outsider, Decision.DENIED, (id, i) -> {
			Person person = another(outsider, i);
			WEBEX.person(person.id(), person.email());
			WEBEX.room(WebexFake.roomId(person.id()), "direct");
			return cardAction(id, person, inputs);
		});
	}

	ChatEvent cardAction(String id, Person person, String inputs) {
		WEBEX.attachmentAction(id, person.id(), inputs);
		return new ChatEvent(ChatEvent.Kind.CARD_ACTION, id, person.id(), null, null, TestClock.now());
	}

	Person another(Person outsider, int i) {
		return new Person(WebexFake.personId(outsider.id() + "-" + i), outsider.email());
	}

	/**
	 * A message stub built with a real JSON writer, so that any sender e-mail or text
	 * survives intact.
	 */
	ChatEvent message(String id, Person person, String roomType, String text) {
		// A group space is another room than the 1-1 room: the bot caches room types per
		// room.
		String roomId = "group".equals(roomType) ? WebexFake.id("ROOM", "group-" + this.run)
				: WebexFake.roomId(person.id());
		ObjectNode message = JSON.createObjectNode();
		message.put("id", id);
		message.put("roomId", roomId);
		message.put("roomType", roomType);
		message.put("text", text);
		message.put("personId", person.id());
		message.put("personEmail", person.email());
		message.put("created", "2026-11-25T11:59:59.000Z");
		WEBEX.server.stubFor(get("/v1/messages/" + id).willReturn(okJson(message.toString())));
		return new ChatEvent(ChatEvent.Kind.MESSAGE, id, person.id(), person.email(), null, TestClock.now());
	}

	static String json(String key, String value) {
		ObjectNode node = JSON.createObjectNode();
		node.put(key, value);
		return node.toString();
	}

	Person person(String name, String email) {
		return new Person(WebexFake.personId(name + "-" + this.run), email);
	}

	record Person(String id, String email) {
	}

	/** One kind of request, the decision it must be audited with, and how to stub it. */
	record Scenario(Person person, Decision decision, Stub stub) {

		ChatEvent stub(String eventId, int i) {
			return this.stub.create(eventId, i);
		}

	}

	interface Stub {

		ChatEvent create(String eventId, int i);

	}

}
