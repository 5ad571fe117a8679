package io.github.recordingbot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.card.WebexCardRules;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.recordingbot.RecRequestEndToEndTests.JSON;
import static io.github.recordingbot.RecRequestEndToEndTests.expectedLinks;
import static io.github.recordingbot.RecRequestEndToEndTests.links;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static io.github.recordingbot.support.BotTestSupport.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook mode, where a forwarded recording arrives as a message that names no meeting:
 * the sender is offered their own recent recordings, and picking one gets its links under
 * the same policy as {@code rec}.
 */
class ForwardedRecordingWebhookTests extends BotEndToEndTest {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-000000000001");

	static final String ALICE_EMAIL = "alice@example.com";

	static final String SERIES = "870f51ff287b41be84648412901e0402";

	@Test
	void messageWithoutTextOrFilesGetsTheSendersRecentRecordingsToPickFrom() {
		String messageId = WebexFake.id("MESSAGE", "forwarded-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", null);
		WEBEX.recordingsOfHost(ALICE_EMAIL, List.of(
				RecordingFixture.of("r1aaaabbbbccccdddd", SERIES + "_I_1", "Design review", "2026-11-24T10:00:00Z"),
				RecordingFixture.of("r2aaaabbbbccccdddd", SERIES + "_I_1", "Design review (2)", "2026-11-24T10:30:00Z"),
				RecordingFixture.of("r3aaaabbbbccccdddd", SERIES + "_I_2", "Retro", "2026-11-20T09:00:00Z")));

		deliver(WebexFake.envelope("messages", messageId, ALICE, ALICE_EMAIL, "direct"));

		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		assertThat(reply.get("markdown").asString()).contains("websocket mode").contains("Retro");
		// the site's list also holds another host's recording: never offered
		assertThat(pickedMeetingIds(reply)).containsExactly(SERIES + "_I_1", SERIES + "_I_2");
		assertThat(reply.toString()).doesNotContain("Someone else");
		assertThat(WebexCardRules.actions(reply.get("attachments").get(0).get("content"))).isEqualTo(1);
		assertThat(links(reply)).isEmpty();
		List<LoggedRequest> calls = WEBEX.calls();
		assertThat(calls).hasSize(3);
		LoggedRequest list = calls.get(1);
		assertThat(list.getUrl()).startsWith("/v1/admin/recordings?");
		assertThat(list.queryParameter("hostEmail").isPresent()).isFalse();
		assertThat(list.queryParameter("meetingId").isPresent()).isFalse();
		assertThat(list.queryParameter("max").firstValue()).isEqualTo("100");
		// List Recordings For an Admin or Compliance Officer: a window of at most 30 days
		Instant from = Instant.parse(list.queryParameter("from").firstValue());
		Instant to = Instant.parse(list.queryParameter("to").firstValue());
		assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(30));
		assertThat(list.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.OFFICER_TOKEN);
	}

	@Test
	void pickingARecentRecordingReturnsItsLinks() {
		String instance = SERIES + "_I_7";
		List<RecordingFixture> recordings = List
			.of(RecordingFixture.of("p1aaaabbbbccccdddd", instance, "Design review", "2026-11-24T10:00:00Z"));
		WEBEX.meetingInstance(instance, SERIES, ALICE, ALICE_EMAIL, "Design review");
		WEBEX.recordingList(instance, recordings);
		recordings.forEach(WEBEX::recordingDetails);
		String actionId = WebexFake.id("ATTACHMENT_ACTION", "pick-" + System.nanoTime());
		WEBEX.attachmentAction(actionId, ALICE, "{\"meeting_id\":\"" + instance + "\"}");
		WEBEX.person(ALICE, ALICE_EMAIL);
		WEBEX.room(WebexFake.roomId(ALICE), "direct");

		deliver(WebexFake.envelope("attachmentActions", actionId, ALICE, null, null));

		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		assertThat(links(reply)).containsExactlyElementsOf(expectedLinks(recordings));
	}

	@Test
	void pickingAMeetingTheSenderDoesNotHostUnderHostOnlyIsRefused() {
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG.replace("\"respond_only_to_host\": false",
				"\"respond_only_to_host\": true"));
		this.config.reloadNow();
		String instance = SERIES + "_I_8";
		WEBEX.meetingInstance(instance, SERIES, WebexFake.personId("b0b00000-0000-4000-8000-000000000002"),
				"bob@example.com", "Bob's meeting");
		String actionId = WebexFake.id("ATTACHMENT_ACTION", "pick-bob-" + System.nanoTime());
		WEBEX.attachmentAction(actionId, ALICE, "{\"meeting_id\":\"" + instance + "\"}");
		WEBEX.person(ALICE, ALICE_EMAIL);
		WEBEX.room(WebexFake.roomId(ALICE), "direct");

		deliver(WebexFake.envelope("attachmentActions", actionId, ALICE, null, null));

		assertThat(awaitReplies(1).get(0)).contains("Only the meeting's host").doesNotContain("https://");
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG);
		this.config.reloadNow();
	}

	@Test
	void messageWithTextStillGetsItsOrdinaryAnswer() {
		String messageId = WebexFake.id("MESSAGE", "hello-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "hello");

		deliver(WebexFake.envelope("messages", messageId, ALICE, ALICE_EMAIL, "direct"));

		assertThat(awaitReplies(1).get(0)).contains("meeting_number").doesNotContain("websocket mode");
	}

	void deliver(String envelope) {
		WebexFake.deliver(this.port, envelope.getBytes(StandardCharsets.UTF_8), WebexFake.SECRET);
	}

	/**
	 * The meeting ids the card lets the sender pick: the {@code meeting_id} choices or
	 * the {@code meeting_id} of each submit button.
	 */
	static List<String> pickedMeetingIds(JsonNode reply) {
		List<String> ids = new ArrayList<>();
		collectPicks(reply.get("attachments").get(0).get("content"), ids);
		return ids;
	}

	private static void collectPicks(JsonNode node, List<String> ids) {
		if (node.isObject()) {
			String type = node.path("type").asString("");
			if ("Action.Submit".equals(type) && node.path("data").has("meeting_id")) {
				ids.add(node.path("data").path("meeting_id").asString());
			}
			if ("Input.ChoiceSet".equals(type) && "meeting_id".equals(node.path("id").asString(""))) {
				node.path("choices").forEach((choice) -> ids.add(choice.path("value").asString()));
			}
		}
		if (node.isObject() || node.isArray()) {
			node.forEach((child) -> collectPicks(child, ids));
		}
	}

}
