package io.github.recordingbot;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.RecordingFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static io.github.recordingbot.support.BotTestSupport.auditLine;
import static io.github.recordingbot.support.BotTestSupport.awaitReplies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access rules end to end, for text commands and card submits alike: host-only
 * decided on the API's host id, personal rooms only for their owner and refused when
 * ownership cannot be checked, and the per-sender rate limit. Every refusal carries no
 * link and is audited.
 */
class AccessPolicyEndToEndTests extends BotEndToEndTest {

	static final String ALICE = WebexFake.personId("a11ce000-0000-4000-8000-000000000001");

	static final String ALICE_EMAIL = "alice@example.com";

	/**
	 * Another account that reports Alice's e-mail: the e-mail must never stand for the
	 * person.
	 */
	static final String ALICE_TWIN = WebexFake.personId("a11ce000-0000-4000-8000-0000000000f2");

	static final String BOB = WebexFake.personId("b0b00000-0000-4000-8000-000000000002");

	static final String SERIES = "9a1b2c3d4e5f40718293a4b5c6d7e8f9";

	static final String NUMBER = "123456789";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final RecordingFixture RECORDING = RecordingFixture.of("polrec0aaaabbbbcccc", SERIES + "_I_1",
			"Board meeting", "2026-11-24T10:00:00Z");

	@Nested
	class HostOnly {

		@BeforeEach
		void hostOnly() {
			useConfig(true, false);
		}

		@Test
		void recWhenHostOnlyAndSenderIsNotHostThenRefuses() {
			meeting(NUMBER, BOB, "bob@example.com");
			recordings();

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789 bob@example.com");

			assertRefused(messageId, "Only the meeting's host", "host_only");
			assertThat(WEBEX.calls()).hasSize(3);
		}

		@Test
		void recWhenHostOnlyAndSenderHasTheHostsEmailButAnotherPersonIdThenRefuses() {
			meeting(NUMBER, ALICE, ALICE_EMAIL);
			recordings();

			String messageId = send(ALICE_TWIN, ALICE_EMAIL, "rec 123456789");

			assertRefused(messageId, "Only the meeting's host", "host_only");
			assertThat(auditLine(messageId).get("requester").get("personId").asString()).isEqualTo(ALICE_TWIN);
		}

		@Test
		void recWhenTypedHostEmailIsNotTheRealHostThenNoMeetingAndNoRecordingList() {
			// Alice names herself as host, but Webex says Bob hosts the meeting: the
			// meeting number is Bob's, so Alice has no meeting with that number.
			meeting(NUMBER, BOB, "bob@example.com");
			recordings();

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789 alice@example.com");

			assertThat(awaitReplies(1).get(0)).contains("No meeting 123456789 hosted by alice@example.com")
				.doesNotContain("https://");
			assertThat(auditLine(messageId).get("decision").asString()).isEqualTo("nodata");
			assertThat(WEBEX.calls()).extracting(LoggedRequest::getUrl)
				.containsExactly("/v1/messages/" + messageId, "/v1/admin/meetings?meetingNumber=123456789",
						"/v1/messages");
		}

		@Test
		void recWhenHostOnlyAndSenderIsTheHostThenSendsLinksInFourPlusRCalls() {
			meeting(NUMBER, ALICE, ALICE_EMAIL);
			recordings();

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789");

			assertPermitted(messageId);
			assertThat(WEBEX.calls()).hasSize(4 + 1);
		}

		@Test
		void cardSubmitWhenHostOnlyAndSenderIsNotHostThenRefuses() {
			meeting(NUMBER, BOB, "bob@example.com");
			recordings();

			String actionId = submit(ALICE, ALICE_EMAIL, "bob@example.com");

			assertRefused(actionId, "Only the meeting's host", "host_only");
		}

	}

	/**
	 * The personal-room rule with an admin's authorization, which may read another
	 * person's personal room.
	 */
	@Nested
	class PersonalRoom {

		@BeforeEach
		void protectPmr() {
			useConfig(false, true);
		}

		@Test
		void recWhenPersonalRoomAndSenderIsTheOwnerThenSendsLinksWithoutCheckingTheRoom() {
			WEBEX.personalRoomMeeting(NUMBER, "bob@example.com", SERIES, BOB);
			recordings();

			String messageId = send(BOB, "bob@example.com", "rec 123456789");

			assertPermitted(messageId);
			assertThat(WEBEX.calls()).hasSize(4 + 1);
			assertThat(pmrCalls()).isEmpty();
		}

		@Test
		void recWhenScheduledMeetingSaysPersonalRoomThenRefusesWithoutListingOrCheckingTheRoom() {
			String host = "pmr-scheduled@example.com";
			WEBEX.personalRoomMeeting(NUMBER, host, SERIES, BOB);
			recordings();

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789 " + host);

			assertRefused(messageId, "personal room meeting", "pmr_owner_only");
			assertThat(WEBEX.calls()).extracting(LoggedRequest::getUrl)
				.containsExactly("/v1/messages/" + messageId, "/v1/admin/meetings?meetingNumber=123456789",
						"/v1/messages");
		}

		@Test
		void recWhenScheduledMeetingIsARegularMeetingThenSendsLinksWithoutCheckingTheRoom() {
			String host = "pmr-regular@example.com";
			meeting(NUMBER, BOB, host);
			recordings();
			WEBEX.personalRoom(host, NUMBER);

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789 " + host);

			assertPermitted(messageId);
			assertThat(WEBEX.calls()).hasSize(4 + 1);
			assertThat(pmrCalls()).isEmpty();
		}

		@Test
		void recWhenSeriesNumberIsTheHostsPersonalRoomAndSenderIsNotTheOwnerThenRefuses() {
			String host = "pmr-owner@example.com";
			WEBEX.seriesWithoutScheduledMeeting(NUMBER, host, SERIES, BOB, "Bob's room");
			recordings();
			WEBEX.personalRoom(host, "123 456 789");

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789 " + host);

			assertRefused(messageId, "personal room meeting", "pmr_owner_only");
			assertThat(WEBEX.calls()).hasSize(4 + 0 + 1);
			assertThat(pmrCalls()).singleElement()
				.satisfies((call) -> assertThat(call.queryParameter("userEmail").firstValue()).isEqualTo(host));
		}

		@Test
		void recWhenSeriesIsNotAPersonalRoomThenAnyApprovedSenderGetsLinksInFourPlusRPlusOneCalls() {
			String host = "pmr-other@example.com";
			WEBEX.seriesWithoutScheduledMeeting(NUMBER, host, SERIES, BOB, "Board meeting");
			recordings();
			WEBEX.personalRoom(host, "987654321");

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789 " + host);

			assertPermitted(messageId);
			assertThat(WEBEX.calls()).hasSize(4 + 1 + 1);
		}

		@Test
		void recWhenPersonalRoomAnswerHasAnEmptyAccessCodeThenRefusesAsUnverified() {
			// The spec requires telephony.accessCode, so the fake sends it empty; a
			// missing
			// one is covered in PersonalRoomCheckTests.
			String host = "pmr-no-code@example.com";
			WEBEX.seriesWithoutScheduledMeeting(NUMBER, host, SERIES, BOB, "Board meeting");
			recordings();
			// the spec requires telephony.accessCode, so "no access code" is a blank one
			WEBEX.server.stubFor(get(urlPathEqualTo("/v1/meetingPreferences/personalMeetingRoom")).willReturn(okJson("""
					{"topic":"PMR","hostPin":"4325","personalMeetingRoomLink":"https://example.webex.com/meet/x",
					 "enabledAutoLock":false,"enabledNotifyHost":true,"supportCoHost":true,
					 "sipAddress":"x@example.webex.com","dialInIpAddress":"192.168.100.100",
					 "telephony":{"accessCode":"","callInNumbers":[]}}
					""")));

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789 " + host);

			assertUnverified(messageId);
		}

		@Test
		void recWhenPersonalRoomCheckFailsWith500ThenRefusesAsUnverified() {
			String host = "pmr-500@example.com";
			WEBEX.seriesWithoutScheduledMeeting(NUMBER, host, SERIES, BOB, "Board meeting");
			recordings();
			WEBEX.failWith("/v1/meetingPreferences/personalMeetingRoom", 500);

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789 " + host);

			assertUnverified(messageId);
		}

		@Test
		void recWhenPersonalRoomCheckIsRateLimitedThenRefusesAsUnverified() {
			String host = "pmr-429@example.com";
			WEBEX.seriesWithoutScheduledMeeting(NUMBER, host, SERIES, BOB, "Board meeting");
			recordings();
			WEBEX.server.stubFor(get(urlPathEqualTo("/v1/meetingPreferences/personalMeetingRoom"))
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

			String messageId = send(ALICE, ALICE_EMAIL, "rec 123456789 " + host);

			assertUnverified(messageId);
		}

		@Test
		void cardSubmitWhenPersonalRoomAndSenderIsNotTheOwnerThenRefuses() {
			String host = "pmr-card@example.com";
			WEBEX.seriesWithoutScheduledMeeting(NUMBER, host, SERIES, BOB, "Board meeting");
			recordings();
			WEBEX.personalRoom(host, NUMBER);

			String actionId = submit(ALICE, ALICE_EMAIL, host);

			assertRefused(actionId, "personal room meeting", "pmr_owner_only");
		}

		@Test
		void cardSubmitWhenPersonalRoomCheckFailsThenRefusesAsUnverified() {
			String host = "pmr-card-500@example.com";
			WEBEX.seriesWithoutScheduledMeeting(NUMBER, host, SERIES, BOB, "Board meeting");
			recordings();
			WEBEX.failWith("/v1/meetingPreferences/personalMeetingRoom", 503);

			String actionId = submit(ALICE, ALICE_EMAIL, host);

			assertRefused(actionId, "cannot verify who owns", "pmr_check_failed");
		}

	}

	@Nested
	class RateLimit {

		static final String CAROL = WebexFake.personId("ca201000-0000-4000-8000-000000000003");

		@Test
		void eleventhRequestInAMinuteIsRefusedAndAuditedRateLimited() {
			// The defaults apply: 10 requests a minute.
			BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG.replaceAll(",\\s*\"rate_limit\"[^}]*}", ""));
			AccessPolicyEndToEndTests.this.config.reloadNow();
			assertThat(AccessPolicyEndToEndTests.this.config.current().rateLimit().requestsPerMinute()).isEqualTo(10);
			WEBEX.noMeetings(NUMBER);
			for (int i = 1; i <= 10; i++) {
				String messageId = send(CAROL, "carol@example.com", "rec 123456789");
				assertThat(awaitReplies(i).get(i - 1)).contains("No meeting 123456789");
				assertThat(auditLine(messageId).get("decision").asString()).isEqualTo("nodata");
			}
			int callsBefore = WEBEX.calls().size();

			String eleventh = send(CAROL, "carol@example.com", "rec 123456789");

			String reply = awaitReplies(11).get(10);
			assertThat(reply).contains("too many requests")
				.containsPattern("try again after \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
			JsonNode audit = auditLine(eleventh);
			assertThat(audit.get("decision").asString()).isEqualTo("rate_limited");
			assertThat(audit.get("reason").asString()).isEqualTo("requests_per_minute");
			assertThat(audit.get("meetingNumber").asString()).isEqualTo(NUMBER);
			// Only the message fetch and the reply: no lookup for a refused request.
			assertThat(WEBEX.calls()).hasSize(callsBefore + 2);
			assertThat(WEBEX.calls().subList(callsBefore, callsBefore + 2)).extracting(LoggedRequest::getUrl)
				.containsExactly("/v1/messages/" + eleventh, "/v1/messages");
		}

	}

	// helpers
	// -----------------------------------------------------------------------------------

	void useConfig(boolean hostOnly, boolean protectPmr) {
		BotTestSupport.writeConfig(BotTestSupport.DEFAULT_CONFIG
			.replace("\"respond_only_to_host\": false", "\"respond_only_to_host\": " + hostOnly)
			.replace("\"protect_pmr\": false", "\"protect_pmr\": " + protectPmr));
		this.config.reloadNow();
		assertThat(this.config.current().respondOnlyToHost()).isEqualTo(hostOnly);
		assertThat(this.config.current().protectPmr()).isEqualTo(protectPmr);
	}

	/**
	 * {@code GET /admin/meetings?meetingNumber} answers with the API's own host facts.
	 */
	static void meeting(String number, String hostUserId, String hostEmail) {
		WEBEX.meetingSeries(number, hostEmail, SERIES, hostUserId, "Board meeting");
	}

	static void recordings() {
		WEBEX.recordingList(SERIES, List.of(RECORDING));
		WEBEX.recordingDetails(RECORDING);
	}

	String send(String personId, String email, String text) {
		String messageId = WebexFake.id("MESSAGE", "policy-" + System.nanoTime());
		WEBEX.message(messageId, personId, email, "direct", text);
		deliver(WebexFake.envelope("messages", messageId, personId, email, "direct"));
		return messageId;
	}

	String submit(String personId, String email, String hostEmail) {
		String actionId = WebexFake.id("ATTACHMENT_ACTION", "policy-" + System.nanoTime());
		WEBEX.attachmentAction(actionId, personId, """
				{"meeting_number":"123 456 789","meeting_host":"%s","days_back":"10","command_keyword":"rec"}
				""".formatted(hostEmail));
		WEBEX.person(personId, email);
		WEBEX.room(WebexFake.roomId(personId), "direct");
		deliver(WebexFake.envelope("attachmentActions", actionId, personId, null, null));
		return actionId;
	}

	void deliver(String envelope) {
		assertThat(
				WebexFake.deliver(this.port, envelope.getBytes(StandardCharsets.UTF_8), WebexFake.SECRET).statusCode())
			.isEqualTo(200);
	}

	static List<LoggedRequest> pmrCalls() {
		return WEBEX.calls().stream().filter((c) -> c.getUrl().startsWith("/v1/meetingPreferences/")).toList();
	}

	static void assertRefused(String eventId, String text, String reason) {
		String reply = awaitReplies(1).get(0);
		assertThat(reply).contains(text).doesNotContain("https://").doesNotContain(RECORDING.id());
		assertThat(WEBEX.calls()).noneMatch((c) -> c.getUrl().startsWith("/v1/recordings/"));
		JsonNode audit = auditLine(eventId);
		assertThat(audit.get("decision").asString()).isEqualTo("denied");
		assertThat(audit.get("reason").asString()).isEqualTo(reason);
		assertThat(audit.get("recordingIds")).isEmpty();
	}

	static void assertUnverified(String eventId) {
		assertRefused(eventId, "cannot verify who owns", "pmr_check_failed");
		assertThat(pmrCalls()).isNotEmpty();
		// Message, meeting, recordings list and reply besides the personal-room check;
		// its
		// retries (if any) are the client's business.
		assertThat(WEBEX.calls().size() - pmrCalls().size()).isEqualTo(4);
	}

	static void assertPermitted(String eventId) {
		JsonNode reply = JSON.readTree(awaitReplies(1).get(0));
		assertThat(RecRequestEndToEndTests.links(reply))
			.containsExactlyElementsOf(RecRequestEndToEndTests.expectedLinks(List.of(RECORDING)));
		JsonNode audit = auditLine(eventId);
		assertThat(audit.get("decision").asString()).isEqualTo("permitted");
		assertThat(audit.get("recordingIds").get(0).asString()).isEqualTo(RECORDING.id());
	}

}
