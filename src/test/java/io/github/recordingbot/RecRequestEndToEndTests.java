package io.github.recordingbot;

import java.time.Duration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static io.github.recordingbot.support.BotTestSupport.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job end to end: a signed webhook in through the real HTTP endpoint, exactly
 * the expected Webex calls out, and one reply with exactly the expected links.
 */
class RecRequestEndToEndTests extends BotEndToEndTest {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-000000000001");

	static final String ALICE_EMAIL = "alice@example.com";

	static final String SERIES = "870f51ff287b41be84648412901e0402";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\((https://[^)\\s]+)\\)");

	int messages;

	@ParameterizedTest(name = "{0} recordings")
	@ValueSource(ints = { 0, 1, 3 })
	void recWhenSeriesHasRecordingsThenRepliesWithExactlyTheirLinksInFourPlusRCalls(int r) {
		List<RecordingFixture> recordings = IntStream.range(0, r)
			.mapToObj((i) -> RecordingFixture.of("rec" + i + "aaaabbbbccccdddd", SERIES + "_I_16742743787490670" + i,
					"Weekly sync " + i, "2026-11-2" + (i + 1) + "T10:00:00Z"))
			.toList();
		String messageId = stubRec("rec 123 456 789", recordings);

		HttpResponse<String> response = deliverMessage(messageId, ALICE, ALICE_EMAIL);

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> replies = awaitReplies(1);
		List<LoggedRequest> calls = WEBEX.calls();
		assertThat(calls).hasSize(4 + r);
		assertCallsFollowTheBudget(calls, messageId, recordings);
		assertThat(replies).hasSize(1);
		JsonNode reply = JSON.readTree(replies.get(0));
		assertThat(reply.get("roomId").asString()).isEqualTo(WebexFake.roomId(ALICE));
		assertThat(links(reply)).containsExactlyElementsOf(expectedLinks(recordings));
		if (r == 0) {
			assertThat(reply.get("markdown").asString()).contains("No recordings").contains("15 minutes");
		}
		else {
			assertThat(reply.get("markdown").asString()).contains("Quarterly planning")
				.contains("The links expire 2026-11-25 15:00 UTC");
			for (String link : expectedLinks(recordings)) {
				assertThat(reply.get("markdown").asString()).contains("(" + link + ")");
			}
		}
	}

	@Test
	void recWhenSeriesHasFiveInstancesThenStillOneListCall() {
		List<RecordingFixture> recordings = IntStream.range(0, 5)
			.mapToObj((i) -> RecordingFixture.of("five" + i + "aaaabbbbccccddd", SERIES + "_I_9" + i, "Instance " + i,
					"2026-11-2" + i + "T09:00:00Z"))
			.toList();
		String messageId = stubRec("rec 123456789", recordings);

		deliverMessage(messageId, ALICE, ALICE_EMAIL);

		List<String> replies = awaitReplies(1);
		List<LoggedRequest> calls = WEBEX.calls();
		assertThat(calls).hasSize(4 + 5);
		assertThat(calls.stream().filter((c) -> c.getUrl().startsWith("/v1/admin/recordings?"))).hasSize(1);
		assertThat(links(JSON.readTree(replies.get(0)))).hasSize(15);
	}

	@Test
	void recWhenMeetingUnknownThenSaysSoWithoutListingRecordings() {
		String messageId = WebexFake.id("MESSAGE", "unknown-meeting");
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "rec 987654321 bob@example.com 5");
		WEBEX.noMeetings("987654321");

		deliverMessage(messageId, ALICE, ALICE_EMAIL);

		String reply = awaitReplies(1).get(0);
		assertThat(reply).contains("No meeting 987654321 hosted by bob@example.com in the last 5 days");
		assertThat(WEBEX.calls()).hasSize(3);
	}

	@Test
	void ownMessageCausesNoWebexCall() {
		String messageId = WebexFake.id("MESSAGE", "own");

		HttpResponse<String> response = deliverMessage(messageId, WebexFake.BOT_ID, "recordings@webex.bot");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(WEBEX.calls()).isEmpty();
	}

	@Test
	void anotherBotsMessageCausesNoWebexCall() {
		HttpResponse<String> response = deliverMessage(WebexFake.id("MESSAGE", "other-bot"),
				WebexFake.personId("0b0700000-0000-4000-8000-000000000009"), "other@webex.bot");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(WEBEX.calls()).isEmpty();
	}

	@Test
	void sameDeliveryTwiceGetsOneReply() throws Exception {
		String messageId = WebexFake.id("MESSAGE", "twice");
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "help");
		byte[] body = WebexFake.envelope("messages", messageId, ALICE, ALICE_EMAIL, "direct")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(WebexFake.deliver(this.port, body, WebexFake.SECRET).statusCode()).isEqualTo(200);
		assertThat(WebexFake.deliver(this.port, body, WebexFake.SECRET).statusCode()).isEqualTo(200);

		awaitReplies(1);
		BotTestSupport.assertRepliesStayAt(1, Duration.ofMillis(300));
		assertThat(WEBEX.calls().stream().filter((c) -> c.getUrl().startsWith("/v1/messages/"))).hasSize(1);
	}

	@Test
	void helpGetsTheFormWithTheOriginalBotsInputIds() {
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG);
		String messageId = WebexFake.id("MESSAGE", "help");
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "Help");

		deliverMessage(messageId, ALICE, ALICE_EMAIL);

		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		JsonNode card = reply.get("attachments").get(0);
		assertThat(card.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		List<String> ids = new ArrayList<>();
		card.get("content").get("body").forEach((e) -> {
			if (e.has("id")) {
				ids.add(e.get("id").asString());
			}
		});
		assertThat(ids).containsExactly("meeting_number", "meeting_host", "days_back", "meeting_date");
		assertThat(WEBEX.calls()).hasSize(2);
	}

	@Test
	void helpWhenHostOnlyLeavesOutTheHostField() {
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG.replace("\"respond_only_to_host\": false",
				"\"respond_only_to_host\": true"));
		this.config.reloadNow();
		String messageId = WebexFake.id("MESSAGE", "help-host-only");
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", "help");

		deliverMessage(messageId, ALICE, ALICE_EMAIL);

		assertThat(awaitReplies(1).get(0)).contains("meeting_number").doesNotContain("meeting_host");
	}

	@Test
	void groupRoomGetsNoLinks() {
		String messageId = WebexFake.id("MESSAGE", "group");
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "group", "rec 123456789");

		deliverMessage(messageId, ALICE, ALICE_EMAIL);

		String reply = awaitReplies(1).get(0);
		assertThat(reply).contains("1-1 spaces only").doesNotContain("https://");
		assertThat(WEBEX.calls()).hasSize(2);
	}

	@Test
	void senderOutsideTheAllowListGetsARefusalAndNoLookup() {
		String mallory = WebexFake.personId("ma110000-0000-4000-8000-000000000066");
		String messageId = WebexFake.id("MESSAGE", "mallory");
		WEBEX.message(messageId, mallory, "mallory@evil-example.com", "direct", "rec 123456789");

		deliverMessage(messageId, mallory, "mallory@evil-example.com");

		assertThat(awaitReplies(1).get(0)).contains("not allowed").doesNotContain("https://");
		assertThat(WEBEX.calls()).hasSize(2);
	}

	// Card submit: the same request as rec (top-level, so the compliance officer
	// variant runs it on its own context)

	@Test
	void cardSubmitRunsTheSameRequestAsRec() {
		List<RecordingFixture> recordings = List
			.of(RecordingFixture.of("card0aaaabbbbccccdddd", SERIES + "_I_1", "Card meeting", "2026-11-24T10:00:00Z"));
		stubRec("unused", recordings);
		String actionId = WebexFake.id("ATTACHMENT_ACTION", "card-ok");
		WEBEX.attachmentAction(actionId, ALICE,
				"{\"meeting_number\":\"123 456 789\",\"meeting_host\":\"\",\"days_back\":\"10\",\"command_keyword\":\"rec\"}");
		WEBEX.person(ALICE, ALICE_EMAIL);
		WEBEX.room(WebexFake.roomId(ALICE), "direct");

		deliver(WebexFake.envelope("attachmentActions", actionId, ALICE, null, null));

		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		assertThat(links(reply)).containsExactlyElementsOf(expectedLinks(recordings));
	}

	@Test
	void cardSubmitFromARefusedSenderGetsNoLink() {
		String mallory = WebexFake.personId("ma110000-0000-4000-8000-000000000067");
		String actionId = WebexFake.id("ATTACHMENT_ACTION", "card-mallory");
		WEBEX.attachmentAction(actionId, mallory, "{\"meeting_number\":\"123456789\",\"days_back\":\"10\"}");
		WEBEX.person(mallory, "mallory@example.com.evil.org");
		WEBEX.room(WebexFake.roomId(mallory), "direct");
		stubRec("unused", List.of(RecordingFixture.of("x", SERIES + "_I_1", "Secret", "2026-11-24T10:00:00Z")));

		deliver(WebexFake.envelope("attachmentActions", actionId, mallory, null, null));

		String reply = awaitReplies(1).get(0);
		assertThat(reply).contains("not allowed").doesNotContain("https://");
		assertThat(WEBEX.calls().stream().filter((c) -> c.getUrl().startsWith("/v1/admin/"))).isEmpty();
	}

	// helpers
	// -----------------------------------------------------------------------------------

	String stubRec(String text, List<RecordingFixture> recordings) {
		String messageId = WebexFake.id("MESSAGE", "m" + (++this.messages) + "-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", text);
		WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, ALICE, "Quarterly planning");
		WEBEX.recordingList(SERIES, recordings);
		recordings.forEach(WEBEX::recordingDetails);
		return messageId;
	}

	HttpResponse<String> deliverMessage(String messageId, String personId, String email) {
		return deliver(WebexFake.envelope("messages", messageId, personId, email, "direct"));
	}

	HttpResponse<String> deliver(String envelope) {
		return WebexFake.deliver(this.port, envelope.getBytes(StandardCharsets.UTF_8), WebexFake.SECRET);
	}

	static void assertCallsFollowTheBudget(List<LoggedRequest> calls, String messageId,
			List<RecordingFixture> recordings) {
		LoggedRequest message = calls.get(0);
		assertThat(message.getUrl()).isEqualTo("/v1/messages/" + messageId);
		assertThat(message.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.BOT_TOKEN);
		LoggedRequest meetings = calls.get(1);
		assertThat(meetings.getUrl()).isEqualTo("/v1/admin/meetings?meetingNumber=123456789");
		assertThat(meetings.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.OFFICER_TOKEN);
		LoggedRequest list = calls.get(2);
		// from/to are ignored with a meeting id: the bot keeps the window itself
		assertThat(list.getUrl()).isEqualTo("/v1/admin/recordings?meetingId=" + SERIES + "&max=100");
		assertThat(list.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.OFFICER_TOKEN);
		List<LoggedRequest> details = calls.subList(3, 3 + recordings.size());
		assertThat(details).extracting(LoggedRequest::getUrl)
			.containsExactlyInAnyOrderElementsOf(recordings.stream().map((r) -> "/v1/recordings/" + r.id()).toList());
		assertThat(details).allSatisfy((d) -> {
			assertThat(d.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.OFFICER_TOKEN);
			assertThat(d.queryParameter("hostEmail").isPresent()).isFalse();
		});
		LoggedRequest post = calls.get(calls.size() - 1);
		assertThat(post.getMethod().getName()).isEqualTo("POST");
		assertThat(post.getUrl()).isEqualTo("/v1/messages");
		assertThat(post.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.BOT_TOKEN);
	}

	static List<String> links(JsonNode reply) {
		List<String> links = new ArrayList<>();
		if (!reply.has("attachments")) {
			return links;
		}
		collectLinks(reply.get("attachments").get(0).get("content"), links);
		return links;
	}

	private static void collectLinks(JsonNode node, List<String> links) {
		if (node.isObject()) {
			if ("Action.OpenUrl".equals(node.path("type").asString(""))) {
				links.add(node.get("url").asString());
			}
			if ("TextBlock".equals(node.path("type").asString(""))) {
				Matcher link = MARKDOWN_LINK.matcher(node.path("text").asString(""));
				while (link.find()) {
					links.add(link.group(1));
				}
			}
			node.forEach((child) -> collectLinks(child, links));
		}
		else if (node.isArray()) {
			node.forEach((child) -> collectLinks(child, links));
		}
	}

	/** Newest first, each with the file name the bot appends. */
	static List<String> expectedLinks(List<RecordingFixture> recordings) {
		List<String> links = new ArrayList<>();
		recordings.stream().sorted((a, b) -> b.recorded().compareTo(a.recorded())).forEach((r) -> {
			String name = r.topic().replace(" ", "%20");
			links.add(insert(r.videoLink(), "/" + name + ".mp4"));
			links.add(insert(r.audioLink(), "/" + name + ".mp3"));
			links.add(insert(r.transcriptLink(), "/" + name + ".txt"));
		});
		return links;
	}

	private static String insert(String link, String fileName) {
		int query = link.indexOf('?');
		return link.substring(0, query) + fileName + link.substring(query);
	}

}
