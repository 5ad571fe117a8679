package io.github.recordingbot.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SampleOrg.Recording;
import io.github.recordingbot.sim.SampleOrg.Series;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator answers with at least every field (by JSON path) that the WireMock
 * fixtures of the real client's tests use, so that the simulator and those fixtures
 * cannot drift apart, and with the required fields of the official OpenAPI schemas.
 */
class SimShapeTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final WebexFake FAKE = new WebexFake();

	static final SampleOrg ORG = new SampleOrg(Instant.parse("2026-11-25T12:00:00Z"));

	static final Series SERIES = ORG.series.get(0);

	static final Recording RECORDING = SERIES.instances().get(0).recordings().get(0);

	static final Person ALICE = ORG.people.get(0);

	// The required fields of the OpenAPI schemas
	// (../shared/webex-openapi/webex-meeting.json)

	static final String[] MEETING_OBJECT_FOR_ADMIN_LIST_MEETING_REQUIRED = { "id", "meetingSeriesId", "title",
			"meetingType", "state", "timezone", "start", "end", "hostUserId", "hostDisplayName", "hostEmail", "siteUrl",
			"telephony", "enabledBreakoutSessions" };

	static final String[] MEETING_OBJECT_FOR_LIST_MEETING_REQUIRED = { "id", "meetingSeriesId", "title", "password",
			"meetingType", "state", "timezone", "start", "end", "hostUserId", "hostDisplayName", "hostEmail", "hostKey",
			"siteUrl", "webLink", "telephony", "enabledBreakoutSessions" };

	static final String[] MEETING_SERIES_OBJECT_REQUIRED = { "id", "title", "password", "meetingType", "state",
			"timezone", "start", "end", "hostUserId", "hostDisplayName", "hostEmail", "hostKey", "siteUrl", "webLink",
			"telephony", "enabledBreakoutSessions" };

	static final String[] RECORDING_OBJECT_FOR_ADMIN_AND_CO_REQUIRED = { "id", "meetingId", "topic", "createTime",
			"timeRecorded", "hostDisplayName", "hostEmail", "siteUrl", "downloadUrl", "playbackUrl", "format",
			"serviceType", "durationSeconds", "sizeBytes", "status" };

	static final String[] RECORDING_OBJECT_REQUIRED = { "id", "meetingId", "topic", "createTime", "timeRecorded",
			"siteUrl", "downloadUrl", "playbackUrl", "password", "format", "serviceType", "durationSeconds",
			"sizeBytes", "shareToMe", "status" };

	static final String[] PMR_OBJECT_REQUIRED = { "topic", "hostPin", "personalMeetingRoomLink", "enabledAutoLock",
			"enabledNotifyHost", "supportCoHost", "sipAddress", "dialInIpAddress", "telephony" };

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
	void adminMeetingsHaveTheRequiredFieldsOfTheSpecAndHideWhatTheAdminListHides() {
		SampleOrg.Instance instance = SERIES.instances().get(0);
		List<Map<String, Object>> meetings = List.of(MeetingJson.adminSeries(SERIES),
				MeetingJson.adminScheduled(ORG.scheduled(SERIES.upcomingId()).orElseThrow()),
				MeetingJson.adminScheduled(ORG.scheduled(instance.scheduledMeetingId()).orElseThrow()),
				MeetingJson.adminInstance(SERIES, instance));

		assertThat(meetings)
			.allSatisfy((meeting) -> assertThat(meeting).containsKeys(MEETING_OBJECT_FOR_ADMIN_LIST_MEETING_REQUIRED)
				.doesNotContainKeys("webLink", "password", "hostKey", "sipAddress", "agenda")
				.extractingByKey("telephony")
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsKey("callInNumbers")
				.doesNotContainKey("accessCode"));
	}

	@Test
	void userLevelMeetingsHaveTheRequiredFieldsOfTheirSchemas() {
		Map<String, Object> listed = MeetingJson
			.forHost(MeetingJson.adminScheduled(ORG.scheduled(SERIES.upcomingId()).orElseThrow()), SERIES, false);
		Map<String, Object> got = MeetingJson.forHost(MeetingJson.adminSeries(SERIES), SERIES, true);

		assertThat(listed).containsKeys(MEETING_OBJECT_FOR_LIST_MEETING_REQUIRED);
		assertThat(got).containsKeys(MEETING_SERIES_OBJECT_REQUIRED)
			.doesNotContainKeys("meetingSeriesId", "scheduledMeetingId", "hasRecording");
	}

	@Test
	void adminRecordingItemHasTheRequiredFieldsOfTheSpecAndNoPassword() {
		assertThat(RecordingJson.adminItem(SERIES, RECORDING)).containsKeys(RECORDING_OBJECT_FOR_ADMIN_AND_CO_REQUIRED)
			.containsEntry("hostEmail", SERIES.host().email())
			.containsEntry("meetingSeriesId", SERIES.id())
			.containsEntry("scheduledMeetingId", SERIES.instances().get(0).scheduledMeetingId())
			.doesNotContainKeys("password", "shareToMe", "temporaryDirectDownloadLinks");
	}

	@Test
	void userRecordingItemHasTheRequiredFieldsOfTheSpecAndNoHost() {
		assertThat(RecordingJson.item(SERIES, RECORDING)).containsKeys(RECORDING_OBJECT_REQUIRED)
			.doesNotContainKeys("hostEmail", "hostDisplayName", "temporaryDirectDownloadLinks");
	}

	@Test
	void recordingDetailsHaveTheFixturesFieldsIncludingTheTemporaryLinks() {
		FAKE.recordingDetails(RecordingFixture.of("r2", "s1_I_1", "Topic", "2026-11-24T10:00:00Z"));

		Map<String, Object> details = RecordingJson.details(SERIES, RECORDING, "http://localhost:8080",
				Instant.parse("2026-11-25T12:00:00Z"));
		assertCovers(details, fake("/v1/recordings/r2"));
		assertThat(details).containsKeys(RECORDING_OBJECT_REQUIRED);
	}

	@Test
	void personalRoomHasTheFixturesFields() {
		FAKE.personalRoom("h@example.com", "123");

		assertCovers(SimJson.personalRoom(ALICE),
				fake("/v1/meetingPreferences/personalMeetingRoom?userEmail=h@example.com"));
		assertThat(SimJson.personalRoom(ALICE)).containsKeys(PMR_OBJECT_REQUIRED);
	}

	@Test
	void webhookEnvelopeHasTheFixturesFields() {
		SimState state = new SimState(ORG, java.time.Clock.systemUTC());
		WebhookDeliverer deliverer = new WebhookDeliverer(state,
				new SimProperties(java.time.Duration.ZERO, "b", "o", URI.create("http://localhost:1/webhook"), "s",
						URI.create("http://localhost:1/webex/redirect"), OfficerRole.COMPLIANCE),
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
