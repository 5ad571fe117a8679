package io.github.recordingbot;

import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake.Role;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;

/**
 * The forwarded-recording fallback and the pick that follows it, with a Compliance
 * Officer's authorization: the same offers and links as with an admin's.
 */
class ForwardedRecordingAsComplianceOfficerTests extends ForwardedRecordingWebhookTests {

	@DynamicPropertySource
	static void complianceOfficerScopes(DynamicPropertyRegistry registry) {
		BotTestSupport.complianceOfficer(registry);
	}

	@BeforeEach
	void webexAnswersAsForAComplianceOfficer() {
		WEBEX.role(Role.COMPLIANCE);
	}

}
