package io.github.recordingbot;

import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.ComplianceOfficerScopes;
import io.github.recordingbot.support.WebexFake;
import io.github.recordingbot.support.WebexFake.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.recordingbot.AccessPolicyEndToEndTests.ALICE;
import static io.github.recordingbot.AccessPolicyEndToEndTests.ALICE_EMAIL;
import static io.github.recordingbot.AccessPolicyEndToEndTests.BOB;
import static io.github.recordingbot.AccessPolicyEndToEndTests.NUMBER;
import static io.github.recordingbot.AccessPolicyEndToEndTests.SERIES;
import static io.github.recordingbot.AccessPolicyEndToEndTests.assertPermitted;
import static io.github.recordingbot.AccessPolicyEndToEndTests.assertRefused;
import static io.github.recordingbot.AccessPolicyEndToEndTests.pmrCalls;
import static io.github.recordingbot.AccessPolicyEndToEndTests.recordings;
import static io.github.recordingbot.support.BotTestSupport.WEBEX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal-room rule with a Compliance Officer's authorization, which may not read
 * another person's personal room ({@code meeting:admin_preferences_read} is an admin
 * scope; Webex would answer with the officer's own room). The bot decides from the
 * scheduled meeting where Webex says, refuses where it cannot know, and never asks.
 */
@ComplianceOfficerScopes
class PersonalRoomAsComplianceOfficerEndToEndTests extends BotEndToEndTest {

	static final String HOST = "pmr-host@example.com";

	@BeforeEach
	void complianceOfficerAndProtectedPersonalRooms() {
		WEBEX.role(Role.COMPLIANCE);
		BotTestSupport
			.writeConfig(BotTestSupport.DEFAULT_CONFIG.replace("\"protect_pmr\": false", "\"protect_pmr\": true"));
		this.config.reloadNow();
		// Were the bot to ask, Webex would describe the officer's own room.
		WEBEX.personalRoom(HOST, NUMBER);
	}

	@Test
	void recWhenScheduledMeetingIsAPersonalRoomAndSenderIsNotTheOwnerThenRefusesWithoutAsking() {
		WEBEX.personalRoomMeeting(NUMBER, HOST, SERIES, BOB);
		recordings();

		String messageId = send("rec 123456789 " + HOST);

		assertRefused(messageId, "personal room meeting", "pmr_owner_only");
		assertOnlyTheMeetingWasLookedUp(messageId);
	}

	@Test
	void recWhenScheduledMeetingIsARegularMeetingThenSendsLinksInFourPlusRCalls() {
		WEBEX.meetingSeries(NUMBER, HOST, SERIES, BOB, "Board meeting");
		recordings();

		String messageId = send("rec 123456789 " + HOST);

		assertPermitted(messageId);
		assertThat(WEBEX.calls()).hasSize(4 + 1);
		assertThat(pmrCalls()).isEmpty();
	}

	@Test
	void recWhenOnlyTheSeriesIsKnownAndSenderIsNotTheHostThenRefusesAsNotCheckable() {
		WEBEX.seriesWithoutScheduledMeeting(NUMBER, HOST, SERIES, BOB, "Board meeting");
		recordings();

		String messageId = send("rec 123456789 " + HOST);

		assertRefused(messageId, "not allowed to check who owns it", "pmr_not_checkable");
		assertOnlyTheMeetingWasLookedUp(messageId);
	}

	@Test
	void recWhenOnlyTheSeriesIsKnownAndSenderIsTheHostThenSendsLinks() {
		WEBEX.seriesWithoutScheduledMeeting(NUMBER, ALICE_EMAIL, SERIES, ALICE, "Board meeting");
		recordings();

		String messageId = send("rec 123456789");

		assertPermitted(messageId);
		assertThat(pmrCalls()).isEmpty();
	}

	String send(String text) {
		String messageId = WebexFake.id("MESSAGE", "co-pmr-" + System.nanoTime());
		WEBEX.message(messageId, ALICE, ALICE_EMAIL, "direct", text);
		WebexFake.deliver(this.port, WebexFake.envelope("messages", messageId, ALICE, ALICE_EMAIL, "direct")
			.getBytes(StandardCharsets.UTF_8), WebexFake.SECRET);
		return messageId;
	}

	static void assertOnlyTheMeetingWasLookedUp(String messageId) {
		assertThat(WEBEX.calls()).extracting(LoggedRequest::getUrl)
			.containsExactly("/v1/messages/" + messageId, "/v1/admin/meetings?meetingNumber=" + NUMBER, "/v1/messages");
	}

}
