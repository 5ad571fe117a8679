package io.github.recordingbot;

import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake.Role;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;

/**
 * The main job under the common real deployment: an integration authorized by a
 * Compliance Officer who is not an admin. Every scenario of
 * {@link RecRequestEndToEndTests} must give the same answer with the same calls.
 */
class RecRequestAsComplianceOfficerEndToEndTests extends RecRequestEndToEndTests {

	@DynamicPropertySource
	static void complianceOfficerScopes(DynamicPropertyRegistry registry) {
		BotTestSupport.complianceOfficer(registry);
	}

	@BeforeEach
	void webexAnswersAsForAComplianceOfficer() {
		WEBEX.role(Role.COMPLIANCE);
	}

}
