package io.github.recordingbot;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static io.github.recordingbot.support.BotTestSupport.auditLine;
import static io.github.recordingbot.support.BotTestSupport.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed delivery is a pointer, not a source of truth: the reply goes into the room
 * Webex says the message or card action is in, and whether that room is a 1-1 room is
 * what Webex says too, whatever room and room type the envelope claims.
 */
class RoomFromWebexEndToEndTests extends BotEndToEndTest {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-00000000000a");

	static final String ALICE_EMAIL = "alice@example.com";

	static final String ALICE_ROOM = WebexFake.roomId(ALICE);

	static final String SERIES = "9a0f51ff287b41be84648412901e0402";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void recWhenEnvelopeNamesAnotherRoomThenLinksGoOnlyToTheMessagesOwnRoom() {
		String groupRoom = uniqueRoom("elsewhere");
		RecordingFixture recording = RecordingFixture.of("room0aaaabbbbccccdddd", SERIES + "_I_1", "Board",
				"2026-11-24T10:00:00Z");
		WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, ALICE, "Board");
		WEBEX.recordingList(SERIES, List.of(recording));
		WEBEX.recordingDetails(recording);
		String messageId = WebexFake.id("MESSAGE", "room-redirect-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "rec 123456789");

		deliver(envelopeClaiming("messages", messageId, ALICE_EMAIL, groupRoom, "direct"));

		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		assertThat(reply.get("roomId").asString()).isEqualTo(ALICE_ROOM);
		assertThat(RecRequestEndToEndTests.links(reply))
			.containsExactlyElementsOf(RecRequestEndToEndTests.expectedLinks(List.of(recording)));
		assertThat(WEBEX.replies()).hasSize(1).noneMatch((r) -> r.contains(groupRoom));
		// The message carries its room type: no GET /rooms.
		assertThat(WEBEX.calls()).hasSize(4 + 1).noneMatch((c) -> c.getUrl().startsWith("/v1/rooms/"));
	}

	@Test
	void recWhenEnvelopeSaysDirectButWebexSaysTheMessageIsInAGroupThenNoLinksAnywhere() {
		String groupRoom = uniqueRoom("group-rec");
		String messageId = WebexFake.id("MESSAGE", "group-as-direct-" + System.nanoTime());
		message(messageId, groupRoom, "group", "rec 123456789");

		deliver(envelopeClaiming("messages", messageId, ALICE_EMAIL, ALICE_ROOM, "direct"));

		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		assertThat(reply.get("roomId").asString()).isEqualTo(groupRoom);
		assertThat(reply.toString()).contains("1-1 spaces only").doesNotContain("https://");
		assertThat(WEBEX.calls()).extracting(LoggedRequest::getUrl)
			.containsExactly("/v1/messages/" + messageId, "/v1/messages");
		assertThat(auditLine(messageId).get("reason").asString()).isEqualTo("group_room");
		assertThat(auditLine(messageId).get("roomType").asString()).isEqualTo("group");
	}

	@Test
	void cardActionWhenEnvelopeSaysDirectButWebexSaysGroupThenGroupRoomRefusal() {
		String groupRoom = uniqueRoom("group-card");
		String actionId = WebexFake.id("ATTACHMENT_ACTION", "group-card-" + System.nanoTime());
		attachmentAction(actionId, groupRoom);
		WEBEX.person(ALICE, ALICE_EMAIL);
		WEBEX.room(groupRoom, "group");
		// Were the bot to ask about the envelope's room, Webex would say direct.
		WEBEX.room(ALICE_ROOM, "direct");
		WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, ALICE, "Board");

		deliver(envelopeClaiming("attachmentActions", actionId, null, ALICE_ROOM, "direct"));

		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		assertThat(reply.get("roomId").asString()).isEqualTo(groupRoom);
		assertThat(reply.toString()).contains("1-1 spaces only").doesNotContain("https://");
		assertThat(WEBEX.calls()).extracting(LoggedRequest::getUrl)
			.contains("/v1/rooms/" + groupRoom)
			.doesNotContain("/v1/rooms/" + ALICE_ROOM)
			.noneMatch((url) -> url.startsWith("/v1/admin/") || url.startsWith("/v1/recordings"));
		assertThat(auditLine(actionId).get("reason").asString()).isEqualTo("group_room");
	}

	@Test
	void cardActionsInTheSameRoomAskWebexForTheRoomTypeOnce() {
		String room = uniqueRoom("direct-card");
		WEBEX.person(ALICE, ALICE_EMAIL);
		WEBEX.room(room, "direct");
		WEBEX.noMeetings("123456789");
		String first = WebexFake.id("ATTACHMENT_ACTION", "cached-1-" + System.nanoTime());
		String second = WebexFake.id("ATTACHMENT_ACTION", "cached-2-" + System.nanoTime());
		attachmentAction(first, room);
		attachmentAction(second, room);

		deliver(envelopeClaiming("attachmentActions", first, null, room, null));
		awaitReplies(1);
		deliver(envelopeClaiming("attachmentActions", second, null, room, null));

		List<String> replies = awaitReplies(2);
		assertThat(replies).allSatisfy((r) -> assertThat(r).contains("No meeting 123456789").contains(room));
		assertThat(WEBEX.calls()).filteredOn((c) -> c.getUrl().startsWith("/v1/rooms/"))
			.extracting(LoggedRequest::getUrl)
			.containsExactly("/v1/rooms/" + room);
	}

	// helpers
	// -----------------------------------------------------------------------------------

	/** A room of its own per test: the bot caches room types for the whole context. */
	static String uniqueRoom(String name) {
		return WebexFake.id("ROOM", name + "-" + System.nanoTime());
	}

	/**
	 * A delivery from Alice, signed with the right secret, that claims a room and room
	 * type of the sender's choosing.
	 */
	static String envelopeClaiming(String resource, String dataId, String email, String roomId, String roomType) {
		ObjectNode envelope = (ObjectNode) JSON.readTree(WebexFake.envelope(resource, dataId, ALICE, email, null));
		ObjectNode data = (ObjectNode) envelope.get("data");
		data.put("roomId", roomId);
		if (roomType != null) {
			data.put("roomType", roomType);
		}
		return envelope.toString();
	}

	static void message(String messageId, String roomId, String roomType, String text) {
		ObjectNode message = JSON.createObjectNode();
		message.put("id", messageId);
		message.put("roomId", roomId);
		message.put("roomType", roomType);
		message.put("text", text);
		message.put("personId", ALICE);
		message.put("personEmail", ALICE_EMAIL);
		message.put("created", "2026-11-25T11:59:59.000Z");
		WEBEX.server.stubFor(get("/v1/messages/" + messageId).willReturn(okJson(message.toString())));
	}

	/** A card submit as {@code GET /attachment/actions/{id}} returns it: no room type. */
	static void attachmentAction(String actionId, String roomId) {
		ObjectNode action = JSON.createObjectNode();
		action.put("id", actionId);
		action.put("type", "submit");
		action.put("messageId", WebexFake.id("MESSAGE", "card"));
		action.put("personId", ALICE);
		action.put("roomId", roomId);
		action.set("inputs", JSON.readTree("""
				{"meeting_number":"123 456 789","meeting_host":"","days_back":"10","command_keyword":"rec"}
				"""));
		action.put("created", "2026-11-25T11:59:59.000Z");
		WEBEX.server.stubFor(get("/v1/attachment/actions/" + actionId).willReturn(okJson(action.toString())));
	}

	void deliver(String envelope) {
		assertThat(
				WebexFake.deliver(this.port, envelope.getBytes(StandardCharsets.UTF_8), WebexFake.SECRET).statusCode())
			.isEqualTo(200);
	}

}
