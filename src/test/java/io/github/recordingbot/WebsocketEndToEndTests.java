package io.github.recordingbot;

import java.time.Duration;
import java.time.Clock;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.FakeMercury;
import io.github.recordingbot.support.FakeMercury.Connection;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import io.github.recordingbot.websocket.Activities;
import io.github.recordingbot.websocket.WebsocketMonitor;
import io.github.recordingbot.websocket.WebsocketStatus.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static io.github.recordingbot.RecRequestEndToEndTests.JSON;
import static io.github.recordingbot.RecRequestEndToEndTests.expectedLinks;
import static io.github.recordingbot.RecRequestEndToEndTests.links;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static io.github.recordingbot.support.BotTestSupport.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot in websocket mode end to end: activities from a fake Mercury, REST calls to the
 * fake Webex, and the same replies as the webhook path, including forwarded Space meeting
 * recordings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebsocketEndToEndTests {

	/** Fixtures are dated relative to this clock, never to the day the tests run. */
	@TestBean(methodName = "io.github.recordingbot.support.TestClock#clock")
	Clock clock;

	static final FakeMercury MERCURY = new FakeMercury();

	static final String ALICE_UUID = "a11ce000-0000-4000-8000-000000000001";

	static final String ALICE = WebexFake.personId(ALICE_UUID);

	static final String ALICE_EMAIL = "alice@example.com";

	static final String BOB = WebexFake.personId("b0b00000-0000-4000-8000-000000000002");

	static final String SERIES = "870f51ff287b41be84648412901e0402";

	static final String INSTANCE = SERIES + "_I_167427437874906701";

	static final String ROOM = WebexFake.id("ROOM", Activities.ROOM_UUID);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BotTestSupport.properties(registry);
		registry.add("bot.mode", () -> "websocket");
		// the fakes run on http://localhost; Webex's own domains are the default
		registry.add("bot.websocket.trusted-domains", () -> "localhost");
		registry.add("bot.websocket.u2c-url", () -> {
			WEBEX.mercuryDiscovery(MERCURY, "[]");
			return WEBEX.u2cUrl();
		});
	}

	@Autowired
	AccessConfigStore config;

	@Autowired
	WebsocketMonitor monitor;

	int activities;

	@BeforeEach
	void resetWebex() {
		WEBEX.reset();
		WEBEX.mercuryDiscovery(MERCURY, "[]");
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG);
		this.config.reloadNow();
	}

	@AfterEach
	void restoreConfig() {
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG);
		this.config.reloadNow();
	}

	@Test
	void recPostedOverTheWebsocketGetsItsLinks() {
		List<RecordingFixture> recordings = List
			.of(RecordingFixture.of("ws0aaaabbbbccccdddd", INSTANCE, "Weekly sync", "2026-11-24T10:00:00Z"));
		String uuid = nextUuid();
		WEBEX.message(WebexFake.id("MESSAGE", uuid), ALICE, ALICE_EMAIL, "direct", "rec 123 456 789");
		WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, ALICE, "Quarterly planning");
		WEBEX.recordingList(SERIES, recordings);
		recordings.forEach(WEBEX::recordingDetails);
		Connection connection = MERCURY.current();

		String envelope = connection.sendActivity(Activities.post(uuid, ALICE_UUID));

		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		// The room of the message as Webex reports it, never the activity's conversation.
		assertThat(reply.get("roomId").asString()).isEqualTo(WebexFake.roomId(ALICE)).isNotEqualTo(ROOM);
		assertThat(links(reply)).containsExactlyElementsOf(expectedLinks(recordings));
		assertThat(WEBEX.calls()).hasSize(4 + 1);
		assertThat(connection.acks()).contains(envelope);
		assertThat(this.monitor.status().state()).isEqualTo(State.CONNECTED);
		assertThat(this.monitor.status().lastFrame()).isNotNull();
	}

	@Test
	void cardActionOverTheWebsocketRunsTheRequest() {
		List<RecordingFixture> recordings = List
			.of(RecordingFixture.of("ws1aaaabbbbccccdddd", INSTANCE, "Card meeting", "2026-11-24T10:00:00Z"));
		String uuid = nextUuid();
		WEBEX.attachmentAction(WebexFake.id("ATTACHMENT_ACTION", uuid), ALICE,
				"{\"meeting_number\":\"123456789\",\"days_back\":\"10\"}");
		WEBEX.person(ALICE, ALICE_EMAIL);
		WEBEX.room(WebexFake.roomId(ALICE), "direct");
		WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, ALICE, "Quarterly planning");
		WEBEX.recordingList(SERIES, recordings);
		recordings.forEach(WEBEX::recordingDetails);

		MERCURY.current().sendActivity(Activities.cardAction(uuid, ALICE_UUID));

		assertThat(links(JSON.readTree(awaitReplies(1).get(0)))).containsExactlyElementsOf(expectedLinks(recordings));
	}

	@Test
	void forwardedRecordingFromItsHostGetsTheInstancesLinksInFourPlusRCalls() {
		List<RecordingFixture> recordings = List.of(
				RecordingFixture.of("fw0aaaabbbbccccdddd", INSTANCE, "Design review", "2026-11-24T10:00:00Z"),
				RecordingFixture.of("fw1aaaabbbbccccdddd", INSTANCE, "Design review part 2", "2026-11-24T10:30:00Z"));
		String uuid = stubShare("direct", ALICE_EMAIL, recordings);

		MERCURY.current().sendActivity(Activities.meetingShare(uuid, ALICE_UUID, INSTANCE));

		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		assertThat(links(reply)).containsExactlyElementsOf(expectedLinks(recordings));
		List<LoggedRequest> calls = WEBEX.calls();
		assertThat(calls).hasSize(4 + 2);
		assertThat(calls.get(0).getUrl()).isEqualTo("/v1/messages/" + WebexFake.id("MESSAGE", uuid));
		assertThat(calls.get(1).getUrl()).isEqualTo("/v1/admin/meetings/" + INSTANCE);
		assertThat(calls.get(1).getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.OFFICER_TOKEN);
		assertThat(calls.get(2).getUrl()).isEqualTo("/v1/admin/recordings?meetingId=" + INSTANCE + "&max=100");
	}

	@Test
	void forwardedRecordingFromANonHostUnderHostOnlyIsRefused() {
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG.replace("\"respond_only_to_host\": false",
				"\"respond_only_to_host\": true"));
		this.config.reloadNow();
		List<RecordingFixture> recordings = List
			.of(RecordingFixture.of("fw2aaaabbbbccccdddd", INSTANCE, "Bob's meeting", "2026-11-24T10:00:00Z"));
		String uuid = stubShare("direct", "bob@example.com", recordings);

		MERCURY.current().sendActivity(Activities.meetingShare(uuid, ALICE_UUID, INSTANCE));

		assertThat(awaitReplies(1).get(0)).contains("Only the meeting's host").doesNotContain("https://");
		assertThat(WEBEX.calls().stream().filter((c) -> c.getUrl().startsWith("/v1/admin/recordings"))).isEmpty();
	}

	@Test
	void forwardedRecordingInAGroupRoomGetsNoLinks() {
		List<RecordingFixture> recordings = List
			.of(RecordingFixture.of("fw3aaaabbbbccccdddd", INSTANCE, "Team meeting", "2026-11-24T10:00:00Z"));
		String uuid = stubShare("group", ALICE_EMAIL, recordings);

		MERCURY.current().sendActivity(Activities.meetingShare(uuid, ALICE_UUID, INSTANCE));

		assertThat(awaitReplies(1).get(0)).contains("1-1 spaces only").doesNotContain("https://");
		assertThat(WEBEX.calls()).hasSize(2);
	}

	@Test
	void fileShareGetsTheHelpCard() {
		String uuid = nextUuid();
		WEBEX.fileMessage(WebexFake.id("MESSAGE", uuid), ALICE, ALICE_EMAIL);

		MERCURY.current().sendActivity(Activities.fileShare(uuid, ALICE_UUID));

		assertThat(awaitReplies(1).get(0)).contains("meeting_number");
		assertThat(WEBEX.calls()).hasSize(2);
	}

	@Test
	void theBotsOwnActivityCausesNoCall() throws InterruptedException {
		Connection connection = MERCURY.current();
		String envelope = connection
			.sendActivity(Activities.post(nextUuid(), "b0b0b0b0-0000-4000-8000-000000000000", "BOT"));

		await().until(() -> connection.acks().contains(envelope));
		BotTestSupport.assertNoWebexCallDuring(Duration.ofMillis(200));
	}

	// helpers
	// -----------------------------------------------------------------------------------

	/**
	 * A forwarded recording of {@link #INSTANCE}, hosted by Alice unless another host
	 * e-mail is given.
	 */
	String stubShare(String roomType, String hostEmail, List<RecordingFixture> recordings) {
		String uuid = nextUuid();
		WEBEX.message(WebexFake.id("MESSAGE", uuid), ALICE, ALICE_EMAIL, roomType, null);
		WEBEX.meetingInstance(INSTANCE, SERIES, ALICE_EMAIL.equals(hostEmail) ? ALICE : BOB, hostEmail,
				"Design review");
		WEBEX.recordingList(INSTANCE, recordings);
		recordings.forEach(WEBEX::recordingDetails);
		return uuid;
	}

	String nextUuid() {
		return "5c13edc0-cd92-11e9-b920-%012d".formatted(++this.activities + System.nanoTime() % 1_000_000 * 100);
	}

}
