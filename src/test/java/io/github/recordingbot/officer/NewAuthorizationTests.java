package io.github.recordingbot.officer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.recordingbot.access.AccessConfig;
import io.github.recordingbot.webex.WebexClientFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which authorizations replace the stored one: those that can find meetings and their
 * recordings, as a Compliance Officer or as a full administrator.
 */
class NewAuthorizationTests {

	static final WireMockServer WEBEX = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@TempDir
	Path dir;

	OfficerFixture officer;

	NewAuthorization newAuthorization;

	@BeforeAll
	static void start() {
		WEBEX.start();
	}

	@AfterAll
	static void stop() {
		WEBEX.stop();
	}

	@BeforeEach
	void setUp() {
		WEBEX.resetAll();
		WEBEX.stubFor(
				get("/v1/people/me").withHeader("Authorization", equalTo("Bearer new-access")).willReturn(okJson("""
						{"id":"officer-id","emails":["olga@example.com"],"displayName":"Olga Officer","type":"person"}
						""")));
		this.officer = new OfficerFixture(WEBEX, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", this.dir,
				null);
		this.newAuthorization = new NewAuthorization(WebexClientFixture.withoutRetries(this.officer.webexProperties),
				AccessConfig::denyAll, this.officer.clients, this.officer.records, this.officer.tokens,
				new TransactionTemplate(new DataSourceTransactionManager(this.officer.dataSource)), this.officer.clock);
	}

	@Test
	void aComplianceOfficerWhoIsNoAdminIsAcceptedWithTheScopesWebexGranted() {
		Set<String> granted = Set.of("spark-compliance:meetings_read", "spark:people_read");

		NewAuthorization.Result result = accept(granted);

		assertThat(result.accepted()).isTrue();
		assertThat(result.scopes()).isEqualTo(granted);
		assertThat(this.officer.tokens.accessToken()).contains("new-access");
		assertThat(this.officer.tokens.grantedScopes()).isEqualTo(granted);
	}

	@Test
	void aFullAdminWithTheScheduleAndRecordingsScopesIsAccepted() {
		Set<String> granted = Set.of("meeting:admin_schedule_read", "meeting:admin_recordings_read",
				"meeting:admin_preferences_read", "spark:people_read");

		NewAuthorization.Result result = accept(granted);

		assertThat(result.accepted()).isTrue();
		assertThat(this.officer.tokens.grantedScopes()).isEqualTo(granted);
	}

	@Test
	void anAnswerWithoutScopesIsTakenAsTheRequestedOnes() {
		NewAuthorization.Result result = accept(Set.of());

		assertThat(result.accepted()).isTrue();
		assertThat(result.scopes()).containsExactlyInAnyOrderElementsOf(OfficerFixture.SCOPES);
	}

	@Test
	void aNewAuthorizationReplacesTheHeldOneWithoutAStaleRead() {
		this.officer.store("old-access", "old-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)));
		assertThat(this.officer.tokens.accessToken()).contains("old-access");

		accept(Set.of("spark-compliance:meetings_read", "spark:people_read"));

		assertThat(this.officer.tokens.accessToken()).contains("new-access");
		assertThat(this.officer.storeReads).hasValue(1);
	}

	@Nested
	class AGrantThatCannotFindRecordingsIsRejectedAndNothingIsStored {

		@Test
		void whenWebexDroppedTheComplianceScopeOfTheDefaultList() {
			NewAuthorization.Result result = accept(
					Set.of("meeting:admin_schedule_read", "meeting:admin_preferences_read", "spark:people_read"));

			assertThat(result.accepted()).isFalse();
			assertThat(result.problem()).contains("spark-compliance:meetings_read")
				.contains("meeting:admin_recordings_read");
			assertNothingStored();
		}

		@Test
		void whenOnlyTheRecordingsAdminScopeWasGranted() {
			NewAuthorization.Result result = accept(Set.of("meeting:admin_recordings_read", "spark:people_read"));

			assertThat(result.accepted()).isFalse();
			assertNothingStored();
		}

		private void assertNothingStored() {
			OfficerFixture officer = NewAuthorizationTests.this.officer;
			assertThat(officer.jdbc.queryForObject("SELECT COUNT(*) FROM oauth2_authorized_client", Integer.class))
				.isZero();
			assertThat(officer.jdbc.queryForObject("SELECT COUNT(*) FROM officer_authorization", Integer.class))
				.isZero();
			assertThat(officer.tokens.accessToken()).isEmpty();
			WEBEX.verify(0, getRequestedFor(urlEqualTo("/v1/people/me")));
		}

	}

	NewAuthorization.Result accept(Set<String> granted) {
		OAuth2AccessTokenResponse response = OAuth2AccessTokenResponse.withToken("new-access")
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(1209599)
			.scopes(granted)
			.refreshToken("new-refresh")
			.additionalParameters(Map.of("refresh_token_expires_in", 7775999))
			.build();
		return this.newAuthorization.accept(this.officer.registration, response);
	}

}
