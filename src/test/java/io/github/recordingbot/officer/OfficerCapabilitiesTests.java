package io.github.recordingbot.officer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.recordingbot.officer.OfficerCapabilities.Report;
import io.github.recordingbot.officer.OfficerCapabilities.Verdict;
import io.github.recordingbot.webex.WebexClientFixture;
import io.github.recordingbot.webex.WebexOfficerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capability check against a WireMock Webex: one {@code /admin/recordings} call over
 * one day tells whether the bot may list recordings; the scopes tell the rest.
 */
class OfficerCapabilitiesTests {

	static final WireMockServer WEBEX = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final Set<String> COMPLIANCE_OFFICER = Set.of("spark-compliance:meetings_read", "spark:people_read");

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		WEBEX.start();
	}

	@AfterAll
	static void stop() {
		WEBEX.stop();
	}

	@BeforeEach
	void reset() {
		WEBEX.resetAll();
	}

	@Test
	void listingIsAllowedWhenTheProbeAnswers200AndTheProbeAsksForOneItemOfTheLastDay() {
		OfficerFixture officer = fixture(null);
		officer.store("stored-access", "stored-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)),
				COMPLIANCE_OFFICER);
		WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(okJson("{\"items\":[]}")));

		Report report = capabilities(officer).check();

		assertThat(report.checkedAt()).isEqualTo(OfficerFixture.NOW);
		assertThat(report.of(Capability.LIST_RECORDINGS).verdict()).isEqualTo(Verdict.ALLOWED);
		WEBEX.verify(1,
				getRequestedFor(urlPathEqualTo("/v1/admin/recordings"))
					.withQueryParam("from", equalTo("2026-11-24T12:00:00Z"))
					.withQueryParam("to", equalTo("2026-11-25T12:00:00Z"))
					.withQueryParam("max", equalTo("1"))
					.withHeader("Authorization", equalTo("Bearer stored-access")));
		WEBEX.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void aComplianceOfficerMayReadMeetingsButNotCheckPersonalRoomsAndThePageSaysWhereThatComesFrom() {
		OfficerFixture officer = fixture(null);
		officer.store("stored-access", "stored-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)),
				COMPLIANCE_OFFICER);
		WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(okJson("{\"items\":[]}")));

		Report report = capabilities(officer).check();

		assertThat(report.of(Capability.READ_MEETINGS).verdict()).isEqualTo(Verdict.ALLOWED);
		assertThat(report.of(Capability.READ_MEETINGS).how()).isEqualTo(OfficerCapabilities.FROM_GRANTED_SCOPES);
		assertThat(report.of(Capability.CHECK_PERSONAL_ROOMS).verdict()).isEqualTo(Verdict.REFUSED);
		assertThat(report.of(Capability.CHECK_PERSONAL_ROOMS).summary()).contains("protect_pmr")
			.contains("meeting:admin_preferences_read");
	}

	@Test
	void theLastReportIsKeptWithTheTimeItWasChecked() {
		OfficerFixture officer = fixture(null);
		OfficerCapabilities capabilities = capabilities(officer);
		assertThat(capabilities.last()).isEmpty();

		Report report = capabilities.check();

		assertThat(capabilities.last()).contains(report);
	}

	@Nested
	class TheProbe {

		@Test
		void isRefusedWhenWebexAnswers403AndTheTrackingIdIsKept() {
			OfficerFixture officer = storedAuthorization();
			WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings"))
				.willReturn(aResponse().withStatus(403).withHeader("trackingId", "ROUTER_1234")));

			Report report = capabilities(officer).check();

			assertThat(report.of(Capability.LIST_RECORDINGS).verdict()).isEqualTo(Verdict.REFUSED);
			assertThat(report.of(Capability.LIST_RECORDINGS).how()).contains("403").contains("ROUTER_1234");
			assertThat(report.of(Capability.LIST_RECORDINGS).summary()).contains("officer_forbidden")
				.contains("spark-compliance:meetings_read");
		}

		@Test
		void isUnknownWhenWebexAnswers5xx() {
			OfficerFixture officer = storedAuthorization();
			WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(aResponse().withStatus(503)));

			Report report = capabilities(officer).check();

			assertThat(report.of(Capability.LIST_RECORDINGS).verdict()).isEqualTo(Verdict.UNKNOWN);
			assertThat(report.of(Capability.LIST_RECORDINGS).how()).contains("503");
		}

		@Test
		void isUnknownWhenWebexDoesNotAnswerInTime() {
			OfficerFixture officer = storedAuthorization();
			WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings"))
				.willReturn(okJson("{\"items\":[]}").withFixedDelay(2000)));
			WebexOfficerClient impatient = WebexClientFixture.officerWithoutRetries(WebexClientFixture.properties(
					officer.webexProperties.apiBaseUrl().toString(), null, Duration.ofMillis(200)), officer.tokens);

			Report report = new OfficerCapabilities(impatient, officer.tokens, officer.clock).check();

			assertThat(report.of(Capability.LIST_RECORDINGS).verdict()).isEqualTo(Verdict.UNKNOWN);
			assertThat(report.of(Capability.LIST_RECORDINGS).how()).contains("did not answer");
		}

		@Test
		void isRetriedOnceWithARefreshedTokenAfterA401() {
			OfficerFixture officer = storedAuthorization();
			WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings"))
				.withHeader("Authorization", equalTo("Bearer stored-access"))
				.willReturn(aResponse().withStatus(401)));
			WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings"))
				.withHeader("Authorization", equalTo("Bearer refreshed-access"))
				.willReturn(okJson("{\"items\":[]}")));
			OfficerFixture.tokenEndpointAnswers(WEBEX, "refreshed-access", "refreshed-refresh", 0);

			Report report = capabilities(officer).check();

			assertThat(report.of(Capability.LIST_RECORDINGS).verdict()).isEqualTo(Verdict.ALLOWED);
		}

		@Test
		void isRefusedWhenTheRefreshedTokenIsRefusedToo() {
			OfficerFixture officer = storedAuthorization();
			WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(aResponse().withStatus(401)));
			OfficerFixture.tokenEndpointAnswers(WEBEX, "refreshed-access", "refreshed-refresh", 0);

			Report report = capabilities(officer).check();

			assertThat(report.of(Capability.LIST_RECORDINGS).verdict()).isEqualTo(Verdict.REFUSED);
			assertThat(report.of(Capability.LIST_RECORDINGS).how()).contains("401");
			WEBEX.verify(2, getRequestedFor(urlPathEqualTo("/v1/admin/recordings")));
		}

	}

	@Nested
	class WithoutAStoredAuthorization {

		@Test
		void everythingIsUnknownAndWebexIsNotAsked() {
			Report report = capabilities(fixture(null)).check();

			assertThat(report.results()).extracting(OfficerCapabilities.Result::verdict)
				.containsOnly(Verdict.UNKNOWN)
				.hasSize(Capability.values().length);
			WEBEX.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void aPastedTokenIsProbedAndItsScopesAreTheConfiguredOnes() {
			WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(okJson("{\"items\":[]}")));

			Report report = capabilities(fixture("pasted-token")).check();

			assertThat(report.of(Capability.LIST_RECORDINGS).verdict()).isEqualTo(Verdict.ALLOWED);
			assertThat(report.of(Capability.CHECK_PERSONAL_ROOMS).verdict()).isEqualTo(Verdict.ALLOWED);
			assertThat(report.of(Capability.CHECK_PERSONAL_ROOMS).how())
				.isEqualTo(OfficerCapabilities.FROM_CONFIGURED_SCOPES);
			WEBEX.verify(getRequestedFor(urlPathEqualTo("/v1/admin/recordings")).withHeader("Authorization",
					equalTo("Bearer pasted-token")));
		}

	}

	@Nested
	class AtStartup {

		@Test
		void theCheckRunsOnTheExecutorWhenTheBotIsReady() {
			OfficerCapabilities capabilities = capabilities(storedAuthorization());
			WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(okJson("{\"items\":[]}")));

			new CapabilityCheckAtStartup(capabilities, Runnable::run, true).onReady();

			assertThat(capabilities.last()).hasValueSatisfying(
					(r) -> assertThat(r.of(Capability.LIST_RECORDINGS).verdict()).isEqualTo(Verdict.ALLOWED));
		}

		@Test
		void nothingRunsWhenTurnedOff() {
			OfficerCapabilities capabilities = capabilities(storedAuthorization());

			new CapabilityCheckAtStartup(capabilities, Runnable::run, false).onReady();

			assertThat(capabilities.last()).isEmpty();
			WEBEX.verify(0, anyRequestedFor(anyUrl()));
		}

	}

	OfficerFixture fixture(String pasted) {
		return new OfficerFixture(WEBEX, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", this.dir, pasted);
	}

	OfficerFixture storedAuthorization() {
		OfficerFixture officer = fixture(null);
		officer.store("stored-access", "stored-refresh", OfficerFixture.NOW.plus(Duration.ofDays(10)),
				COMPLIANCE_OFFICER);
		return officer;
	}

	static OfficerCapabilities capabilities(OfficerFixture officer) {
		return new OfficerCapabilities(
				WebexClientFixture.officerWithoutRetries(officer.webexProperties, officer.tokens), officer.tokens,
				officer.clock);
	}

}
