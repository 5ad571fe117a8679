package io.github.recordingbot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.card.WebexCardRules;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.github.recordingbot.ForwardedRecordingWebhookTests.pickedMeetingIds;
import static io.github.recordingbot.RecRequestEndToEndTests.JSON;
import static io.github.recordingbot.RecRequestEndToEndTests.expectedLinks;
import static io.github.recordingbot.RecRequestEndToEndTests.links;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static io.github.recordingbot.support.BotTestSupport.auditLine;
import static io.github.recordingbot.support.BotTestSupport.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways people have a meeting at hand, end to end through the fake Webex: its link,
 * one day of it, and "my recordings". Each keeps the call budget of {@code rec} (a day
 * adds one person lookup in parallel with the meeting lookup) and the same access rules.
 */
class WaysToAskEndToEndTests extends BotEndToEndTest {

	static final String ALICE_EMAIL = "alice@example.com";

	static final String BOB = WebexFake.personId("b0b00000-0000-4000-8000-000000000002");

	static final String SERIES = "5e71e5000000400080000000000000aa";

	static final String LINK = "https://acme.webex.com/acme/j.php?MTID=m0a1b2c3d4e5f60718293a4b5c6d7e8f9";

	/** {@link #LINK} encoded once, as the spec's example of {@code webLink} is. */
	static final String LINK_ENCODED = "https%3A%2F%2Facme.webex.com%2Facme%2Fj.php%3FMTID%3Dm0a1b2c3d4e5f60718293a4b5c6d7e8f9";

	static final String ROOM_LINK = "https://acme.webex.com/meet/bob";

	/** A fresh sender per test: zones are cached per person. */
	String alice;

	int sent;

	@Nested
	class ByLink {

		@Test
		void recWithMeetingLinkSendsItEncodedOnceAndRepliesWithTheLinksInFourPlusRCalls() {
			String alice = newAlice();
			List<RecordingFixture> recordings = List.of(
					RecordingFixture.of("lnk0aaaabbbbccccdddd", SERIES + "_I_1", "Link sync", "2026-11-23T10:00:00Z"),
					RecordingFixture.of("lnk1aaaabbbbccccdddd", SERIES + "_I_2", "Link sync 2",
							"2026-11-24T10:00:00Z"));
			WEBEX.meetingSeriesByLink(LINK, "123456789", ALICE_EMAIL, SERIES, alice, "Linked meeting");
			stubRecordings(recordings);

			String messageId = send(alice, "rec " + LINK);

			JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
			assertThat(links(reply)).containsExactlyElementsOf(expectedLinks(recordings));
			List<LoggedRequest> calls = WEBEX.calls();
			assertThat(calls).hasSize(4 + 2);
			LoggedRequest meetings = calls.get(1);
			assertThat(meetings.getUrl()).isEqualTo("/v1/admin/meetings?webLink=" + LINK_ENCODED);
			assertThat(meetings.queryParameter("webLink").firstValue()).isEqualTo(LINK);
			assertThat(meetings.queryParameter("meetingNumber").isPresent()).isFalse();
			assertThat(meetings.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.OFFICER_TOKEN);
			assertThat(calls.get(2).getUrl()).isEqualTo("/v1/admin/recordings?meetingId=" + SERIES + "&max=100");
			JsonNode audit = auditLine(messageId);
			assertThat(audit.get("meetingLink").asString()).isEqualTo("https://acme.webex.com/…/j.php?MTID=…");
			assertThat(audit.toString()).doesNotContain("m0a1b2c3d4e5f60718293a4b5c6d7e8f9");
			assertThat(audit.get("meetingNumber").isNull()).isTrue();
		}

		@Test
		void personalRoomLinkOfAnotherHostIsRefusedUnderProtectPmrWithoutListingRecordings() {
			useConfig(false, true);
			String alice = newAlice();
			WEBEX.seriesByRoomLink(ROOM_LINK, "5550002222", "bob@example.com", SERIES, BOB);
			stubRecordings(
					List.of(RecordingFixture.of("pmr0aaaabbbbcccc", SERIES + "_I_1", "PMR", "2026-11-24T10:00:00Z")));

			String messageId = send(alice, "rec " + ROOM_LINK + " bob@example.com");

			assertThat(awaitReplies(1).get(0)).contains("personal room").doesNotContain("https://");
			assertThat(auditLine(messageId).get("reason").asString()).isEqualTo("pmr_owner_only");
			assertThat(auditLine(messageId).get("meetingLink").asString()).isEqualTo("https://acme.webex.com/meet/…");
			// the link says it is a personal room: no preferences call, no recordings
			// list
			assertThat(WEBEX.calls()).extracting(LoggedRequest::getUrl)
				.containsExactly("/v1/messages/" + messageId,
						"/v1/admin/meetings?webLink=https%3A%2F%2Facme.webex.com%2Fmeet%2Fbob", "/v1/messages");
		}

		@Test
		void personalRoomLinkOfTheSendersOwnRoomGetsItsLinks() {
			useConfig(false, true);
			String alice = newAlice();
			String ownRoom = "https://acme.webex.com/meet/alice";
			List<RecordingFixture> recordings = List
				.of(RecordingFixture.of("own0aaaabbbbcccc", SERIES + "_I_1", "My room", "2026-11-24T10:00:00Z"));
			WEBEX.seriesByRoomLink(ownRoom, "5550003333", ALICE_EMAIL, SERIES, alice);
			stubRecordings(recordings);

			send(alice, "rec " + ownRoom);

			assertThat(links(JSON.readTree(awaitReplies(1).get(0))))
				.containsExactlyElementsOf(expectedLinks(recordings));
			assertThat(WEBEX.calls()).hasSize(4 + 1);
		}

		@Test
		void personalRoomLinkWebexDoesNotKnowSaysToAskByMeetingNumber() {
			String alice = newAlice();
			WEBEX.noMeetingsByLink(ROOM_LINK);

			String messageId = send(alice, "rec " + ROOM_LINK);

			assertThat(awaitReplies(1).get(0)).contains("meeting number").doesNotContain("https://");
			assertThat(auditLine(messageId).get("decision").asString()).isEqualTo("nodata");
			assertThat(WEBEX.calls()).hasSize(3);
		}

		@Test
		void cardMeetingFieldTakesALink() {
			String alice = newAlice();
			List<RecordingFixture> recordings = List
				.of(RecordingFixture.of("crd0aaaabbbbcccc", SERIES + "_I_1", "Card link", "2026-11-24T10:00:00Z"));
			WEBEX.meetingSeriesByLink(LINK, "123456789", ALICE_EMAIL, SERIES, alice, "Linked meeting");
			stubRecordings(recordings);

			submit(alice, "{\"meeting_number\":\" " + LINK + " \",\"meeting_host\":\"\",\"days_back\":\"10\"}");

			assertThat(links(JSON.readTree(awaitReplies(1).get(0))))
				.containsExactlyElementsOf(expectedLinks(recordings));
			assertThat(WEBEX.calls()).extracting(LoggedRequest::getUrl)
				.contains("/v1/admin/meetings?webLink=" + LINK_ENCODED);
		}

		@ParameterizedTest
		@ValueSource(strings = { "javascript:alert(1)", "https://evil.org/acme/j.php?MTID=m0a1b",
				"https://acme.webex.com.evil.org/meet/bob", "https://evil.org%2F@acme.webex.com/meet/bob",
				"http://acme.webex.com/meet/bob", "https://acme.webex.com/meet/%62ob" })
		void cardMeetingFieldWithAMalformedLinkGetsTheUsageReplyAndNoLookup(String link) {
			String alice = newAlice();

			submit(alice, "{\"meeting_number\":\"" + link + "\",\"days_back\":\"10\"}");

			assertThat(awaitReplies(1).get(0)).contains("rec 123 456 789");
			assertThat(WEBEX.calls()).noneMatch((c) -> c.getUrl().startsWith("/v1/admin/"));
		}

	}

	@Nested
	class ByDay {

		@Test
		void recOnADayKeepsThatDayInTheProfilesTimeZoneAndSaysWhich() {
			String alice = newAlice();
			WEBEX.person(alice, ALICE_EMAIL, "Europe/Prague");
			// Prague is UTC+1 in November: 23:30 UTC on the 17th is already the 18th
			// there
			RecordingFixture lateOn17th = RecordingFixture.of("day0aaaabbbbcccc", SERIES + "_I_1", "Early",
					"2026-11-17T23:30:00Z");
			RecordingFixture noon = RecordingFixture.of("day1aaaabbbbcccc", SERIES + "_I_2", "Noon",
					"2026-11-18T12:00:00Z");
			RecordingFixture lateOn18th = RecordingFixture.of("day2aaaabbbbcccc", SERIES + "_I_3", "Next day",
					"2026-11-18T23:30:00Z");
			WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, alice, "Daily");
			WEBEX.recordingList(SERIES, List.of(lateOn17th, noon, lateOn18th));
			List.of(lateOn17th, noon, lateOn18th).forEach(WEBEX::recordingDetails);

			String messageId = send(alice, "rec 123 456 789 on 2026-11-18");

			JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
			assertThat(links(reply)).containsExactlyElementsOf(expectedLinks(List.of(lateOn17th, noon)));
			assertThat(reply.get("markdown").asString()).contains("2026-11-18, time zone Europe/Prague");
			// 4 + R, plus the requester's profile for the zone, asked alongside the
			// meeting
			List<LoggedRequest> calls = WEBEX.calls();
			assertThat(calls).hasSize(4 + 2 + 1);
			assertThat(calls.subList(1, 3)).extracting(LoggedRequest::getUrl)
				.containsExactlyInAnyOrder("/v1/people/" + alice, "/v1/admin/meetings?meetingNumber=123456789");
			assertThat(calls.stream()
				.filter((c) -> c.getUrl().equals("/v1/people/" + alice))
				.findFirst()
				.orElseThrow()
				.getHeader("Authorization")).isEqualTo("Bearer " + WebexFake.BOT_TOKEN);
			JsonNode audit = auditLine(messageId);
			assertThat(audit.get("meetingDay").asString()).isEqualTo("2026-11-18");
			assertThat(audit.get("recordingIds")).hasSize(2);
		}

		@Test
		void yesterdayWithoutAProfileZoneIsTakenInUtcAndTheReplySaysSo() {
			String alice = newAlice();
			WEBEX.person(alice, ALICE_EMAIL);
			// the clock reads 2026-11-25: yesterday is the 24th
			RecordingFixture yesterday = RecordingFixture.of("yst0aaaabbbbcccc", SERIES + "_I_1", "Yesterday",
					"2026-11-24T10:00:00Z");
			RecordingFixture before = RecordingFixture.of("yst1aaaabbbbcccc", SERIES + "_I_2", "Before",
					"2026-11-23T10:00:00Z");
			WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, alice, "Daily");
			WEBEX.recordingList(SERIES, List.of(yesterday, before));
			List.of(yesterday, before).forEach(WEBEX::recordingDetails);

			String messageId = send(alice, "rec 123456789 yesterday");

			JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
			assertThat(links(reply)).containsExactlyElementsOf(expectedLinks(List.of(yesterday)));
			assertThat(reply.get("markdown").asString()).contains("2026-11-24, time zone UTC");
			assertThat(WEBEX.calls()).hasSize(4 + 1 + 1);
			assertThat(auditLine(messageId).get("meetingDay").asString()).isEqualTo("today-1");
		}

		@Test
		void linkOnADayWithNoRecordingThenSaysSoForThatDay() {
			String alice = newAlice();
			WEBEX.person(alice, ALICE_EMAIL, "America/Denver");
			WEBEX.meetingSeriesByLink(LINK, "123456789", ALICE_EMAIL, SERIES, alice, "Linked meeting");
			WEBEX.recordingList(SERIES,
					List.of(RecordingFixture.of("non0aaaabbbbcccc", SERIES + "_I_1", "Other", "2026-11-20T10:00:00Z")));

			send(alice, "rec " + LINK + " včera");

			assertThat(awaitReplies(1).get(0)).contains("No recordings of Linked meeting on 2026-11-24")
				.contains("America/Denver")
				.doesNotContain("nbr/");
			assertThat(WEBEX.calls()).hasSize(3 + 1 + 1);
		}

		@Test
		void dayOfAnUnknownMeetingMakesTheSameCallsWhicheverAnswerComesFirst() {
			String alice = newAlice();
			WEBEX.person(alice, ALICE_EMAIL, "Europe/Prague");
			WEBEX.noMeetings("987654321");

			send(alice, "rec 987654321 today");

			assertThat(awaitReplies(1).get(0)).contains("No meeting 987654321");
			assertThat(WEBEX.calls()).extracting((c) -> c.getUrl().replaceAll("\\?.*", ""))
				.containsExactlyInAnyOrder("/v1/messages/" + lastMessage(), "/v1/people/" + alice, "/v1/admin/meetings",
						"/v1/messages");
		}

		@Test
		void cardDateFieldAsksForThatDay() {
			String alice = newAlice();
			WEBEX.person(alice, ALICE_EMAIL);
			RecordingFixture day = RecordingFixture.of("cdy0aaaabbbbcccc", SERIES + "_I_1", "That day",
					"2026-11-22T10:00:00Z");
			RecordingFixture other = RecordingFixture.of("cdy1aaaabbbbcccc", SERIES + "_I_2", "Other day",
					"2026-11-21T10:00:00Z");
			WEBEX.meetingSeries("123456789", ALICE_EMAIL, SERIES, alice, "Daily");
			WEBEX.recordingList(SERIES, List.of(day, other));
			List.of(day, other).forEach(WEBEX::recordingDetails);

			submit(alice, "{\"meeting_number\":\"123456789\",\"days_back\":\"1\",\"meeting_date\":\"2026-11-22\"}");

			// with a day, the form's days back does not apply
			assertThat(links(JSON.readTree(awaitReplies(1).get(0))))
				.containsExactlyElementsOf(expectedLinks(List.of(day)));
			// the card action already looked the sender up: the zone costs no call
			assertThat(WEBEX.calls()).filteredOn((c) -> c.getUrl().startsWith("/v1/people/")).hasSize(1);
			assertThat(WEBEX.calls()).hasSize(3 + 3 + 1);
		}

		@ParameterizedTest
		@ValueSource(strings = { "2026-02-30", "1999-01-01", "2027-01-01", "2026-10-20", "yesterday" })
		void cardDateFieldOutsideTheWindowOrMalformedGetsAUsageReplyAndNoLookup(String date) {
			String alice = newAlice();

			submit(alice, "{\"meeting_number\":\"123456789\",\"meeting_date\":\"" + date + "\"}");

			assertThat(awaitReplies(1).get(0)).contains("rec 123");
			assertThat(WEBEX.calls()).noneMatch((c) -> c.getUrl().startsWith("/v1/admin/"));
		}

	}

	@Nested
	class MyRecordings {

		@Test
		void recentListsOnlyTheSendersOwnRecordingsOfThoseDaysInOneListCall() {
			String alice = newAlice();
			WEBEX.recordingsOfHost(ALICE_EMAIL, List.of(
					RecordingFixture.of("my1aaaabbbbccccdddd", SERIES + "_I_1", "Standup", "2026-11-24T10:00:00Z"),
					RecordingFixture.of("my2aaaabbbbccccdddd", SERIES + "_I_2", "Review", "2026-11-23T10:00:00Z")));

			String messageId = send(alice, "recent 7");

			JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
			assertThat(reply.get("markdown").asString()).contains("last 7 days").doesNotContain("websocket");
			assertThat(pickedMeetingIds(reply)).containsExactly(SERIES + "_I_1", SERIES + "_I_2");
			assertThat(reply.toString()).doesNotContain("Someone else");
			assertThat(WebexCardRules.actions(reply.get("attachments").get(0).get("content"))).isEqualTo(1);
			assertThat(links(reply)).isEmpty();
			List<LoggedRequest> calls = WEBEX.calls();
			assertThat(calls).hasSize(3);
			LoggedRequest list = calls.get(1);
			assertThat(list.queryParameter("meetingId").isPresent()).isFalse();
			assertThat(list.queryParameter("hostEmail").isPresent()).isFalse();
			Instant from = Instant.parse(list.queryParameter("from").firstValue());
			Instant to = Instant.parse(list.queryParameter("to").firstValue());
			assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(7));
			JsonNode audit = auditLine(messageId);
			assertThat(audit.get("command").asString()).isEqualTo("recent");
			assertThat(audit.get("daysBack").asInt()).isEqualTo(7);
			assertThat(audit.get("reason").asString()).isEqualTo("recent_recordings_offered");
		}

		@Test
		void recentWithoutDaysCoversWhatOneListCallAllows() {
			String alice = newAlice();
			WEBEX.recordingsOfHost(ALICE_EMAIL, List.of());

			send(alice, "recent");

			assertThat(awaitReplies(1).get(0)).contains("no recordings from the last 30 days");
			LoggedRequest list = WEBEX.calls().get(1);
			assertThat(Duration.between(Instant.parse(list.queryParameter("from").firstValue()),
					Instant.parse(list.queryParameter("to").firstValue())))
				.isEqualTo(Duration.ofDays(30));
		}

		@Test
		void helpCardsMyRecordingsButtonListsThemAndPickingOneReturnsItsLinks() {
			String alice = newAlice();
			String instance = SERIES + "_I_9";
			RecordingFixture recording = RecordingFixture.of("btn0aaaabbbbccccdddd", instance, "Planning",
					"2026-11-24T10:00:00Z");
			WEBEX.recordingsOfHost(ALICE_EMAIL, List.of(recording));

			submit(alice, "{\"command_keyword\":\"recent\"}");

			JsonNode offer = JSON.readTree(awaitReplies(1).get(0));
			assertThat(pickedMeetingIds(offer)).containsExactly(instance);
			List<String> calls = WEBEX.calls().stream().map((c) -> c.getUrl().replaceAll("\\?.*", "")).toList();
			assertThat(calls).hasSize(5);
			assertThat(calls.get(0)).isEqualTo("/v1/attachment/actions/" + lastAction());
			// the sender and the room are looked up in parallel
			assertThat(calls.subList(1, 3)).containsExactlyInAnyOrder("/v1/people/" + alice,
					"/v1/rooms/" + WebexFake.roomId(alice));
			assertThat(calls.subList(3, 5)).containsExactly("/v1/admin/recordings", "/v1/messages");

			WEBEX.meetingInstance(instance, SERIES, alice, ALICE_EMAIL, "Planning");
			WEBEX.recordingList(instance, List.of(recording));
			WEBEX.recordingDetails(recording);
			submit(alice, "{\"meeting_id\":\"" + instance + "\"}");

			assertThat(links(JSON.readTree(awaitReplies(2).get(1))))
				.containsExactlyElementsOf(expectedLinks(List.of(recording)));
		}

		@ParameterizedTest
		@ValueSource(strings = { "recent 0", "recent 31", "recent x", "recent 7 days" })
		void recentWithBadDaysGetsAUsageReplyAndNoLookup(String text) {
			String alice = newAlice();

			send(alice, text);

			assertThat(awaitReplies(1).get(0)).containsAnyOf("recent 7", "rec 123 456 789");
			assertThat(WEBEX.calls()).hasSize(2);
		}

	}

	String newAlice() {
		this.alice = WebexFake.personId("a11ce000-0000-4000-8000-" + String.format("%012x", System.nanoTime()));
		return this.alice;
	}

	void stubRecordings(List<RecordingFixture> recordings) {
		WEBEX.recordingList(SERIES, recordings);
		recordings.forEach(WEBEX::recordingDetails);
	}

	String messageId;

	String lastMessage() {
		return this.messageId;
	}

	String send(String personId, String text) {
		this.messageId = WebexFake.id("MESSAGE", "ways-" + (++this.sent) + "-" + System.nanoTime());
		String messageId = this.messageId;
		WEBEX.message(messageId, personId, ALICE_EMAIL, "direct", text);
		deliver(WebexFake.envelope("messages", messageId, personId, ALICE_EMAIL, "direct"));
		return messageId;
	}

	String actionId;

	String submit(String personId, String inputsJson) {
		this.actionId = WebexFake.id("ATTACHMENT_ACTION", "ways-" + (++this.sent) + "-" + System.nanoTime());
		WEBEX.attachmentAction(this.actionId, personId, inputsJson);
		WEBEX.person(personId, ALICE_EMAIL);
		WEBEX.room(WebexFake.roomId(personId), "direct");
		deliver(WebexFake.envelope("attachmentActions", this.actionId, personId, null, null));
		return this.actionId;
	}

	String lastAction() {
		return this.actionId;
	}

	void deliver(String envelope) {
		WebexFake.deliver(this.port, envelope.getBytes(StandardCharsets.UTF_8), WebexFake.SECRET);
	}

	void useConfig(boolean hostOnly, boolean protectPmr) {
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG
			.replace("\"respond_only_to_host\": false", "\"respond_only_to_host\": " + hostOnly)
			.replace("\"protect_pmr\": false", "\"protect_pmr\": " + protectPmr));
		this.config.reloadNow();
	}

}
