package io.github.recordingbot.sim;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.recordingbot.sim.SampleOrg.Instance;
import io.github.recordingbot.sim.SampleOrg.Person;
import io.github.recordingbot.sim.SampleOrg.Series;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer endpoints of the simulator: the documented admin and Compliance Officer
 * endpoints the bot's lookups use, and the user-level endpoints, which honour
 * {@code hostEmail} / {@code userEmail} only for {@code sim.officer-role=admin}.
 */
class SimOfficerEndpointsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	static final SampleOrg ORG = new SampleOrg(NOW);

	static final String OFFICER = "Bearer officer-token";

	static final Series ALICES = ORG.series.get(0);

	static final Series CAROLS_ROOM = ORG.series.stream()
		.filter((s) -> "personalRoomMeeting".equals(s.scheduledType()))
		.findFirst()
		.orElseThrow();

	static final Series KENS_ONE_OFF = ORG.series.stream()
		.filter((s) -> s.upcoming() == null)
		.findFirst()
		.orElseThrow();

	static final Person ALICE = ORG.personByEmail("alice@example.com").orElseThrow();

	static final Person OLIVIA = ORG.officer();

	static MockMvcTester simulator(OfficerRole role) {
		SimProperties properties = new SimProperties(Duration.ZERO, "bot-token", "officer-token",
				URI.create("http://localhost:1/webhook"), "secret", URI.create("http://localhost:1/webex/redirect"),
				OfficerRole.COMPLIANCE)
			.withOfficerRole(role);
		SimTokens tokens = new SimTokens(properties);
		SimCalls calls = new SimCalls(Duration.ZERO);
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		return MockMvcTester.of(new SimAdminController(ORG, calls, tokens, clock),
				new SimMeetingsController(ORG, calls, tokens, properties, clock));
	}

	static MvcTestResult get(MockMvcTester simulator, String uri) {
		return simulator.get().uri(URI.create(uri)).header(HttpHeaders.AUTHORIZATION, OFFICER).exchange();
	}

	static JsonNode json(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		try {
			return JSON.readTree(result.getResponse().getContentAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	static List<String> recordingIds(Series series) {
		return series.instances()
			.stream()
			.flatMap((i) -> i.recordings().stream())
			.map(SampleOrg.Recording::id)
			.toList();
	}

	@Nested
	class AdminMeetings {

		final MockMvcTester simulator = simulator(OfficerRole.COMPLIANCE);

		@Test
		void meetingNumberAnswersTheCurrentScheduledMeetingOfTheSeries() {
			JsonNode item = json(get(this.simulator, "/sim/v1/admin/meetings?meetingNumber=123%20456%20789"))
				.get("items")
				.get(0);

			assertThat(item.get("meetingType").asString()).isEqualTo("scheduledMeeting");
			assertThat(item.get("id").asString()).isEqualTo(ALICES.id() + "_20261126T100000Z");
			assertThat(item.get("meetingSeriesId").asString()).isEqualTo(ALICES.id());
			assertThat(item.get("state").asString()).isEqualTo("scheduled");
			assertThat(item.get("scheduledType").asString()).isEqualTo("meeting");
			assertThat(item.get("hostUserId").asString()).isEqualTo(ALICE.id());
			assertThat(item.get("hostEmail").asString()).isEqualTo(ALICE.email());
			assertThat(item.get("meetingNumber").asString()).isEqualTo("123456789");
			assertThat(item.has("webLink")).isFalse();
			assertThat(item.get("telephony").has("accessCode")).isFalse();
		}

		@Test
		void webLinkTheHostSeesFindsTheSameMeetingAndMayNotComeWithAMeetingNumber() {
			String link = json(get(simulator(OfficerRole.ADMIN),
					"/sim/v1/meetings?meetingNumber=123456789&hostEmail=" + ALICE.email()))
				.get("items")
				.get(0)
				.get("webLink")
				.asString();
			String encoded = java.net.URLEncoder.encode(link, java.nio.charset.StandardCharsets.UTF_8);

			JsonNode item = json(get(this.simulator, "/sim/v1/admin/meetings?webLink=" + encoded)).get("items").get(0);

			assertThat(item.get("meetingSeriesId").asString()).isEqualTo(ALICES.id());
			assertThat(io.github.recordingbot.recording.MeetingLink.parse(link)).isPresent();
			assertThat(get(this.simulator, "/sim/v1/admin/meetings?meetingNumber=123456789&webLink=" + encoded))
				.hasStatus(400);
		}

		@Test
		void aPersonalRoomsScheduledMeetingSaysSo() {
			JsonNode item = json(
					get(this.simulator, "/sim/v1/admin/meetings?meetingNumber=" + CAROLS_ROOM.meetingNumber()))
				.get("items")
				.get(0);

			assertThat(item.get("meetingType").asString()).isEqualTo("scheduledMeeting");
			assertThat(item.get("scheduledType").asString()).isEqualTo("personalRoomMeeting");
		}

		@Test
		void currentFalseAnswersTheSeriesWhichNeverSaysItIsAPersonalRoom() {
			JsonNode item = json(get(this.simulator,
					"/sim/v1/admin/meetings?current=false&meetingNumber=" + CAROLS_ROOM.meetingNumber()))
				.get("items")
				.get(0);

			assertThat(item.get("meetingType").asString()).isEqualTo("meetingSeries");
			assertThat(item.get("id").asString()).isEqualTo(CAROLS_ROOM.id());
			assertThat(item.get("scheduledType").asString()).isEqualTo("meeting");
		}

		@Test
		void aSeriesWithNoScheduledMeetingLeftAnswersItself() {
			JsonNode item = json(
					get(this.simulator, "/sim/v1/admin/meetings?meetingNumber=" + KENS_ONE_OFF.meetingNumber()))
				.get("items")
				.get(0);

			assertThat(item.get("meetingType").asString()).isEqualTo("meetingSeries");
			assertThat(item.get("state").asString()).isEqualTo("expired");
			assertThat(item.get("id").asString()).isEqualTo(KENS_ONE_OFF.id());
		}

		@Test
		void anUnknownNumberAnswersNoItems() {
			assertThat(json(get(this.simulator, "/sim/v1/admin/meetings?meetingNumber=111111111")).get("items"))
				.isEmpty();
		}

		@Test
		void byIdAnswersTheSeriesAScheduledMeetingOrAnEndedInstance() {
			Instance instance = ALICES.instances().get(0);

			assertThat(json(get(this.simulator, "/sim/v1/admin/meetings/" + ALICES.id())).get("meetingType").asString())
				.isEqualTo("meetingSeries");
			assertThat(json(get(this.simulator, "/sim/v1/admin/meetings/" + instance.scheduledMeetingId())).get("state")
				.asString()).isEqualTo("ended");
			JsonNode ended = json(get(this.simulator, "/sim/v1/admin/meetings/" + instance.id()));
			assertThat(ended.get("meetingType").asString()).isEqualTo("meeting");
			assertThat(ended.get("meetingSeriesId").asString()).isEqualTo(ALICES.id());
			assertThat(ended.get("scheduledMeetingId").asString()).isEqualTo(instance.scheduledMeetingId());
			assertThat(ended.has("meetingNumber")).isFalse();
			assertThat(get(this.simulator, "/sim/v1/admin/meetings/nope")).hasStatus(404);
		}

		@Test
		void withoutATokenItAnswers401() {
			assertThat(this.simulator.get().uri("/sim/v1/admin/meetings?meetingNumber=123456789")).hasStatus(401);
		}

	}

	@Nested
	class AdminRecordings {

		final MockMvcTester simulator = simulator(OfficerRole.COMPLIANCE);

		@Test
		void ofASeriesListsEveryRecordingNewestFirstAndIgnoresTheWindow() {
			JsonNode list = json(get(this.simulator, "/sim/v1/admin/recordings?max=100&meetingId=" + ALICES.id()
					+ "&from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z"));

			assertThat(ids(list)).containsExactlyInAnyOrderElementsOf(recordingIds(ALICES));
			List<String> created = new ArrayList<>();
			list.get("items").forEach((item) -> created.add(item.get("createTime").asString()));
			assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
			assertThat(list.get("items").get(0).get("hostEmail").asString()).isEqualTo(ALICE.email());
		}

		@Test
		void ofAnInstanceOrAScheduledMeetingListsOnlyItsRecordings() {
			Instance instance = ALICES.instances().get(0);
			List<String> expected = instance.recordings().stream().map(SampleOrg.Recording::id).toList();

			assertThat(ids(json(get(this.simulator, "/sim/v1/admin/recordings?meetingId=" + instance.id()))))
				.containsExactlyInAnyOrderElementsOf(expected);
			assertThat(ids(
					json(get(this.simulator, "/sim/v1/admin/recordings?meetingId=" + instance.scheduledMeetingId()))))
				.containsExactlyInAnyOrderElementsOf(expected);
		}

		@Test
		void aWindowOfThirtyDaysListsTheWholeSite() {
			JsonNode list = json(get(this.simulator,
					"/sim/v1/admin/recordings?max=100&from=2026-10-26T12:00:00Z&to=2026-11-25T12:00:00Z"));

			assertThat(ids(list)).hasSize(ORG.recordings().size());
		}

		@Test
		void aWindowOverThirtyDaysIsRefused() {
			assertThat(
					get(this.simulator, "/sim/v1/admin/recordings?from=2026-10-26T11:59:59Z&to=2026-11-25T12:00:00Z"))
				.hasStatus(400);
		}

		@Test
		void fromAfterToIsRefused() {
			assertThat(
					get(this.simulator, "/sim/v1/admin/recordings?from=2026-11-25T12:00:00Z&to=2026-11-24T12:00:00Z"))
				.hasStatus(400);
		}

		@Test
		void maxOutsideOneToHundredIsRefused() {
			assertThat(get(this.simulator, "/sim/v1/admin/recordings?max=0")).hasStatus(400);
			assertThat(get(this.simulator, "/sim/v1/admin/recordings?max=101")).hasStatus(400);
		}

		@Test
		void longListsArePagedWithALinkToTheNextPage() {
			MvcTestResult first = get(this.simulator, "/sim/v1/admin/recordings?max=1&meetingId=" + ALICES.id());
			String link = first.getResponse().getHeader(HttpHeaders.LINK);

			assertThat(ids(json(first))).hasSize(1);
			assertThat(link).endsWith(">; rel=\"next\"").contains("cursor=1");
			String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
			JsonNode second = json(
					get(this.simulator, URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery()));
			assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(json(first)));
		}

	}

	@Nested
	class AsComplianceOfficer {

		final MockMvcTester simulator = simulator(OfficerRole.COMPLIANCE);

		@Test
		void meetingsIgnoreHostEmailAndListTheOfficersOwnWhichAreNone() {
			assertThat(json(get(this.simulator, "/sim/v1/meetings?meetingNumber=123456789&hostEmail=" + ALICE.email()))
				.get("items")).isEmpty();
		}

		@Test
		void anotherHostsMeetingIsNotFoundEvenWithHostEmail() {
			assertThat(get(this.simulator, "/sim/v1/meetings/" + ALICES.id() + "?hostEmail=" + ALICE.email()))
				.hasStatus(404);
		}

		@Test
		void recordingsIgnoreHostEmailAndListTheOfficersOwnWhichAreNone() {
			assertThat(json(get(this.simulator, "/sim/v1/recordings?max=100&hostEmail=" + ALICE.email())).get("items"))
				.isEmpty();
		}

		@Test
		void personalRoomOfAnotherUserAnswersTheOfficersOwnRoom() {
			JsonNode room = json(
					get(this.simulator, "/sim/v1/meetingPreferences/personalMeetingRoom?userEmail=" + ALICE.email()));

			assertThat(room.get("telephony").get("accessCode").asString()).isEqualTo(OLIVIA.personalRoomNumber());
		}

		@Test
		void recordingDetailsCarryTheTemporaryLinks() {
			String id = ALICES.instances().get(0).recordings().get(0).id();

			assertThat(json(get(this.simulator, "/sim/v1/recordings/" + id)).get("temporaryDirectDownloadLinks")
				.get("recordingDownloadLink")
				.asString()).contains("/sim/files/" + id + "/video");
		}

	}

	@Nested
	class AsAdmin {

		final MockMvcTester simulator = simulator(OfficerRole.ADMIN);

		@Test
		void meetingsHonourHostEmailAndShowWhatTheHostSees() {
			JsonNode item = json(
					get(this.simulator, "/sim/v1/meetings?meetingNumber=123456789&hostEmail=" + ALICE.email()))
				.get("items")
				.get(0);

			assertThat(item.get("meetingSeriesId").asString()).isEqualTo(ALICES.id());
			assertThat(item.get("webLink").asString()).startsWith("https://");
			assertThat(item.get("telephony").get("accessCode").asString()).isEqualTo("123456789");
		}

		@Test
		void withoutHostEmailMeetingsAreTheAdminsOwn() {
			assertThat(json(get(this.simulator, "/sim/v1/meetings?meetingNumber=123456789")).get("items")).isEmpty();
		}

		@Test
		void meetingByIdHonoursHostEmail() {
			assertThat(json(get(this.simulator, "/sim/v1/meetings/" + ALICES.id() + "?hostEmail=" + ALICE.email()))
				.get("id")
				.asString()).isEqualTo(ALICES.id());
		}

		@Test
		void recordingsHonourHostEmail() {
			assertThat(ids(json(get(this.simulator,
					"/sim/v1/recordings?max=100&from=2026-11-15T00:00:00Z&to=2026-11-25T12:00:00Z&hostEmail="
							+ ALICE.email()))))
				.containsExactlyInAnyOrderElementsOf(recordingIds(ALICES));
		}

		@Test
		void personalRoomHonoursUserEmail() {
			JsonNode room = json(
					get(this.simulator, "/sim/v1/meetingPreferences/personalMeetingRoom?userEmail=" + ALICE.email()));

			assertThat(room.get("telephony").get("accessCode").asString()).isEqualTo(ALICE.personalRoomNumber());
		}

		@Test
		void adminRecordingsWorkToo() {
			assertThat(ids(json(get(this.simulator, "/sim/v1/admin/recordings?max=100&meetingId=" + ALICES.id()))))
				.containsExactlyInAnyOrderElementsOf(recordingIds(ALICES));
		}

	}

}
