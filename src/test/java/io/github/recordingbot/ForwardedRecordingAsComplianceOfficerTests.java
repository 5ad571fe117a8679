package io.github.recordingbot;

import io.github.recordingbot.support.ComplianceOfficerScopes;
import io.github.recordingbot.support.WebexFake.Role;
import org.junit.jupiter.api.BeforeEach;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;

/**
 * The forwarded-recording fallback and the pick that follows it, with a Compliance
 * Officer's authorization: the same offers and links as with an admin's.
 */
@ComplianceOfficerScopes
class ForwardedRecordingAsComplianceOfficerTests extends ForwardedRecordingWebhookTests {

	@BeforeEach
	void webexAnswersAsForAComplianceOfficer() {
		WEBEX.role(Role.COMPLIANCE);
	}

}
