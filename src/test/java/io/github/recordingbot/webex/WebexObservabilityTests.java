package io.github.recordingbot.webex;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.recordingbot.support.WebexFake;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.web.client.RestClient;

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
	void aWebexCallIsTimedOnceAsWebexCallsEvenWhenTheBuilderCarriesAnObservationRegistry() {
		WebexFake webex = new WebexFake().start();
		try {
			String personId = WebexFake.personId("5f0e5c2a-6a55-4a57-9a43-3d4c34c9a001");
			webex.person(personId, "alice@example.com");
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			// what Spring Boot's RestClient.Builder carries: observations recorded as
			// meters
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			WebexProperties properties = WebexClientFixture.properties(webex.baseUrl(), null, Duration.ofSeconds(5));
			WebexCallMetrics metrics = new WebexCallMetrics(meters, new WebexReachability(Clock.systemUTC()),
					properties);
			WebexClient client = new WebexClient(properties, RestClient.builder().observationRegistry(observations),
					WebexClientFixture.http(properties), List.of(metrics));

			client.person(personId);

			Timer calls = meters.find("webex.calls").tag("endpoint", "/people/{id}").tag("status", "200").timer();
			assertThat(calls).isNotNull();
			assertThat(calls.count()).isEqualTo(1);
			assertThat(meters.find("http.client.requests").meters()).isEmpty();
			assertThat(meters.find("http.client.requests.active").meters()).isEmpty();
		}
		finally {
			webex.stop();
		}
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
