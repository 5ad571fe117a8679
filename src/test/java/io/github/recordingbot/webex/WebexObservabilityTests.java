package io.github.recordingbot.webex;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class WebexObservabilityTests {

	@Test
	void endpointTagIsAPathTemplateWithoutIds() {
		assertThat(WebexCallMetrics.endpoint("/v1", "/v1/recordings/4f914b1dfe3c4d11a61730f18c0f5387"))
			.isEqualTo("/recordings/{id}");
		assertThat(WebexCallMetrics.endpoint("/v1", "/v1/messages/Y2lzY29zcGFyazovL3VzL01FU1NBR0UvNWM"))
			.isEqualTo("/messages/{id}");
		assertThat(WebexCallMetrics.endpoint("/v1", "/v1/attachment/actions/abc"))
			.isEqualTo("/attachment/actions/{id}");
		assertThat(WebexCallMetrics.endpoint("/v1", "/v1/meetings")).isEqualTo("/meetings");
		assertThat(WebexCallMetrics.endpoint("/sim/v1", "/sim/v1/people/me")).isEqualTo("/people/me");
		assertThat(WebexCallMetrics.endpoint("", "/meetingPreferences/personalMeetingRoom"))
			.isEqualTo("/meetingPreferences/personalMeetingRoom");
	}

	@Test
	void reachabilityIsUnknownUntilTheFirstCall() {
		assertThat(new WebexReachability(Clock.systemUTC()).health().getStatus()).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void reachabilityIsDownOnlyAfterThreeFailuresInARow() {
		WebexReachability reachability = new WebexReachability(Clock.systemUTC());

		reachability.noAnswer("ConnectException");
		reachability.answered(503);
		assertThat(reachability.health().getStatus()).isEqualTo(Status.UP);
		reachability.noAnswer("HttpTimeoutException");
		assertThat(reachability.health().getStatus()).isEqualTo(Status.DOWN);
		reachability.answered(404);
		assertThat(reachability.health().getStatus()).isEqualTo(Status.UP);
		assertThat(reachability.health().getDetails()).containsEntry("lastStatus", "404");
	}

}
