package io.github.recordingbot;

import io.github.recordingbot.support.ComplianceOfficerScopes;
import io.github.recordingbot.support.WebexFake.Role;
import org.junit.jupiter.api.BeforeEach;

import static io.github.recordingbot.support.BotTestSupport.WEBEX;

/**
 * The main job under the common real deployment: an integration authorized by a
 * Compliance Officer who is not an admin. Every scenario of
 * {@link RecRequestEndToEndTests} must give the same answer with the same calls.
 */
@ComplianceOfficerScopes
class RecRequestAsComplianceOfficerEndToEndTests extends RecRequestEndToEndTests {

	@BeforeEach
	void webexAnswersAsForAComplianceOfficer() {
		WEBEX.role(Role.COMPLIANCE);
	}

}
