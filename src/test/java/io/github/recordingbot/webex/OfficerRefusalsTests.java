package io.github.recordingbot.webex;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.recordingbot.support.MutableClock;
import io.github.recordingbot.webex.OfficerRefusals.Refusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The last officer call Webex refused, as the status page shows it.
 */
class OfficerRefusalsTests {

	static final WireMockServer WEBEX = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	final MutableClock clock = new MutableClock(NOW);

	OfficerRefusals refusals;

	WebexOfficerClient client;

	WebexClient botClient;

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
		WebexProperties properties = WebexClientFixture.properties(WEBEX.baseUrl() + "/v1", null,
				Duration.ofSeconds(5));
		this.refusals = new OfficerRefusals(this.clock, properties);
		this.client = WebexClientFixture.officerWithoutRetries(properties,
				WebexClientFixture.fixedToken("officer-token"), this.refusals);
		this.botClient = WebexClientFixture.withoutRetries(properties, this.refusals);
	}

	@Test
	void a403OnAnOfficerCallIsKeptWithTimeEndpointStatusAndTrackingIdButNoTokenOrQuery() {
		WEBEX.stubFor(get(urlPathEqualTo("/v1/meetingPreferences/personalMeetingRoom"))
			.willReturn(aResponse().withStatus(403).withHeader("trackingId", "ROUTER_42")));

		assertThatExceptionOfType(WebexException.class)
			.isThrownBy(() -> this.client.personalMeetingRoom("host@example.com"));

		assertThat(this.refusals.last())
			.contains(new Refusal(NOW, "GET /meetingPreferences/personalMeetingRoom", 403, "ROUTER_42", null));
		assertThat(this.refusals.last().get().toString()).doesNotContain("officer-token")
			.doesNotContain("host@example.com");
	}

	@Test
	void a401OnARecordingIsKeptUnderTheEndpointTemplate() {
		WEBEX.stubFor(get(urlPathMatching("/v1/recordings/.*")).willReturn(aResponse().withStatus(401)));

		assertThatExceptionOfType(WebexException.class).isThrownBy(() -> this.client.recording("recording-id-1"));

		assertThat(this.refusals.last()).hasValueSatisfying((r) -> {
			assertThat(r.endpoint()).isEqualTo("GET /recordings/{id}");
			assertThat(r.status()).isEqualTo(401);
		});
	}

	@Test
	void theSameCallWorkingLaterIsNotedAndOtherCallsDoNotClearIt() {
		WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(aResponse().withStatus(403)));
		assertThatExceptionOfType(WebexException.class)
			.isThrownBy(() -> this.client.adminRecordingsProbe(NOW.minus(Duration.ofDays(1)), NOW));
		WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/meetings")).willReturn(okJson("{\"items\":[]}")));
		this.client.adminMeetingsByNumber("123456789");
		assertThat(this.refusals.last().get().workedAgainAt()).isNull();

		this.clock.advance(Duration.ofMinutes(5));
		WEBEX.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(okJson("{\"items\":[]}")));
		this.client.adminRecordingsProbe(NOW.minus(Duration.ofDays(1)), NOW);

		assertThat(this.refusals.last().get().workedAgainAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void botCallsAreNotOfficerCalls() {
		WEBEX.stubFor(get(urlPathMatching("/v1/messages/.*")).willReturn(aResponse().withStatus(403)));

		assertThatExceptionOfType(WebexException.class).isThrownBy(() -> this.botClient.message("message-id"));

		assertThat(this.refusals.last()).isEmpty();
	}

}
