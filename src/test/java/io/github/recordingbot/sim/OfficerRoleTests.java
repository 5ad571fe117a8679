package io.github.recordingbot.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfficerRoleTests {

	static final String BOT_DEFAULT_SCOPES = "meeting:admin_schedule_read meeting:admin_preferences_read "
			+ "spark-compliance:meetings_read spark:people_read";

	@Test
	void complianceOfficerIsGrantedTheNonAdminScopesOnly() {
		assertThat(OfficerRole.COMPLIANCE.grant(BOT_DEFAULT_SCOPES))
			.isEqualTo("spark-compliance:meetings_read spark:people_read");
		assertThat(OfficerRole.COMPLIANCE.grant("spark-admin:people_read meeting:recordings_read"))
			.isEqualTo("meeting:recordings_read");
	}

	@Test
	void adminIsGrantedTheAdminAndUserScopesButNotTheComplianceOnes() {
		assertThat(OfficerRole.ADMIN.grant(BOT_DEFAULT_SCOPES))
			.isEqualTo("meeting:admin_schedule_read meeting:admin_preferences_read spark:people_read");
	}

	@Test
	void onlyAnAdminActsForOtherUsers() {
		assertThat(OfficerRole.ADMIN.actsForOthers()).isTrue();
		assertThat(OfficerRole.COMPLIANCE.actsForOthers()).isFalse();
	}

}
