package io.github.recordingbot.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SampleOrg.Recording;
import io.github.recordingbot.sim.SampleOrg.Series;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator answers with at least every field (by JSON path) that the WireMock
 * fixtures of the real client's tests use, so that the simulator and those fixtures
 * cannot drift apart.
 */
class SimShapeTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final WebexFake FAKE = new WebexFake();

	static final SampleOrg ORG = new SampleOrg(Instant.parse("2026-11-25T12:00:00Z"));

	static final Series SERIES = ORG.series.get(0);

	static final Recording RECORDING = SERIES.instances().get(0).recordings().get(0);

	static final Person ALICE = ORG.people.get(0);

	@BeforeAll
	static void start() {
		FAKE.start();
	}

	@AfterAll
	static void stop() {
		FAKE.stop();
	}

	@Test
	void personHasTheFixturesFields() {
		FAKE.person("p1", "a@example.com");

		assertCovers(SimJson.person(ALICE), fake("/v1/people/p1"));
		assertCovers(SimJson.person(ORG.bot), fake("/v1/people/me"));
	}

	@Test
	void messageHasTheFixturesFields() {
		FAKE.message("m1", "p1", "a@example.com", "direct", "help");
		SimState state = new SimState(ORG, java.time.Clock.systemUTC());

		assertCovers(state.userMessage(ALICE, "help"), fake("/v1/messages/m1"));
	}

	@Test
	void postedMessageAnswerHasTheFixturesFields() throws Exception {
		SimState state = new SimState(ORG, java.time.Clock.systemUTC());
		HttpResponse<String> fake = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(FAKE.baseUrl() + "/messages"))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertCovers(state.botMessage(Map.of("roomId", "r", "markdown", "hi")), JSON.readTree(fake.body()));
	}

	@Test
	void attachmentActionHasTheFixturesFields() {
		FAKE.attachmentAction("a1", "p1", "{\"meeting_number\":\"1\"}");
		SimState state = new SimState(ORG, java.time.Clock.systemUTC());

		assertCovers(state.attachmentAction(ALICE, "m1", Map.of("meeting_number", "1")),
				fake("/v1/attachment/actions/a1"));
	}

	@Test
	void roomHasTheFixturesFields() {
		FAKE.room("r1", "direct");

		assertCovers(SimJson.room("r1", ALICE), fake("/v1/rooms/r1"));
	}

	@Test
	void meetingSeriesHasTheFixturesFields() {
		FAKE.meetingSeries("123", "h@example.com", "s1", "p1", "Title");

		assertCovers(SimJson.series(SERIES),
				fake("/v1/meetings?meetingNumber=123&hostEmail=h@example.com").get("items").get(0));
	}

	@Test
	void recordingListItemHasTheFixturesFields() {
		FAKE.recordingList("s1",
				java.util.List.of(RecordingFixture.of("r1", "s1_I_1", "Topic", "2026-11-24T10:00:00Z")));

		assertCovers(SimJson.recordingItem(SERIES, RECORDING), fake("/v1/recordings?meetingId=s1").get("items").get(0));
	}

	@Test
	void recordingDetailsHaveTheFixturesFieldsIncludingTheTemporaryLinks() {
		FAKE.recordingDetails(RecordingFixture.of("r2", "s1_I_1", "Topic", "2026-11-24T10:00:00Z"));

		assertCovers(SimJson.recordingDetails(SERIES, RECORDING, "http://localhost:8080", Instant.now()),
				fake("/v1/recordings/r2"));
	}

	@Test
	void personalRoomHasTheFixturesFields() {
		FAKE.personalRoom("h@example.com", "123");

		assertCovers(SimJson.personalRoom(ALICE),
				fake("/v1/meetingPreferences/personalMeetingRoom?userEmail=h@example.com"));
	}

	@Test
	void webhookEnvelopeHasTheFixturesFields() {
		SimState state = new SimState(ORG, java.time.Clock.systemUTC());
		WebhookDeliverer deliverer = new WebhookDeliverer(state,
				new SimProperties(java.time.Duration.ZERO, "b", "o", URI.create("http://localhost:1/webhook"), "s"),
				Runnable::run);
		Map<String, Object> data = Map.of("id", "m1", "roomId", "r1", "roomType", "direct", "personId", "p1",
				"personEmail", "a@example.com", "created", "2026-11-25T12:00:00Z");

		assertCovers(deliverer.envelope(null, "messages", data),
				JSON.readTree(WebexFake.envelope("messages", "m1", "p1", "a@example.com", "direct")));
	}

	// helpers
	// -----------------------------------------------------------------------------------

	static JsonNode fake(String path) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + FAKE.server.port() + path)).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return JSON.readTree(response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void assertCovers(Object sim, JsonNode fixture) {
		Set<String> simPaths = paths(JSON.valueToTree(sim), "");
		Set<String> fixturePaths = paths(fixture, "");
		assertThat(simPaths).containsAll(fixturePaths);
	}

	static Set<String> paths(JsonNode node, String prefix) {
		Set<String> paths = new TreeSet<>();
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String path = prefix + "/" + field.getKey();
				paths.add(path);
				paths.addAll(paths(field.getValue(), path));
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			paths.addAll(paths(node.get(0), prefix + "[]"));
		}
		return paths;
	}

}
