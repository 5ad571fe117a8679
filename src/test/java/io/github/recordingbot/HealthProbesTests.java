package io.github.recordingbot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.TestClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.willReturn;

/**
 * Docker restarts the bot only when the JVM is stuck: liveness never depends on the
 * Compliance Officer's authorization; readiness shows the officer's state to the operator
 * but fails only when the application itself refuses traffic.
 */
class HealthProbesTests extends BotEndToEndTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String OPERATOR = "admin:test-admin-password";

	/** The real overview (a pasted token) unless a test says otherwise. */
	@MockitoSpyBean
	OfficerOverview officer;

	@Autowired
	ApplicationContext context;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void livenessIsUpWhileTheOfficerMustAuthorizeAgain() throws Exception {
		officer(reauthorizationNeeded());

		HttpResponse<String> liveness = get("/actuator/health/liveness", null);

		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(json(liveness).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void livenessIsUpBeforeAnyOfficerAuthorized() throws Exception {
		officer(notAuthorized());

		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
	}

	@Test
	void livenessLooksAtNothingOutsideTheProcess() throws Exception {
		officer(reauthorizationNeeded());

		JsonNode components = json(get("/actuator/health/liveness", OPERATOR)).path("components");

		assertThat(components.propertyNames()).containsExactlyInAnyOrder("livenessState", "ping");
	}

	@Test
	void readinessStaysUpAndShowsTheOperatorThatTheOfficerMustAuthorizeAgain() throws Exception {
		officer(reauthorizationNeeded());

		HttpResponse<String> readiness = get("/actuator/health/readiness", OPERATOR);

		assertThat(readiness.statusCode()).isEqualTo(200);
		JsonNode body = json(readiness);
		assertThat(body.path("status").asString()).isEqualTo("UP");
		assertThat(body.path("components").path("officer").path("status").asString()).isEqualTo("DOWN");
		assertThat(body.path("components").path("officer").path("details").path("reason").asString())
			.contains("authorize again");
	}

	@Test
	void readinessShowsAnAuthorizedOfficerAsUp() throws Exception {
		officer(authorized());

		JsonNode body = json(get("/actuator/health/readiness", OPERATOR));

		assertThat(body.path("status").asString()).isEqualTo("UP");
		assertThat(body.path("components").path("officer").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void readinessFailsWhenTheApplicationRefusesTraffic() throws Exception {
		officer(authorized());
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			HttpResponse<String> readiness = get("/actuator/health/readiness", null);

			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(json(readiness).path("status").asString()).isEqualTo("OUT_OF_SERVICE");
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Nested
	class WithoutLogin {

		@Test
		void everyHealthEndpointAnswersAndShowsNoDetails() throws Exception {
			officer(reauthorizationNeeded());

			for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
					"/actuator/health/readiness" }) {
				HttpResponse<String> response = get(path, null);
				assertThat(response.statusCode()).as(path).isIn(200, 503);
				assertThat(response.body()).as(path).contains("\"status\"").doesNotContain("components");
			}
		}

		@Test
		void theOverallHealthStillSaysDownWhenTheOfficerMustAuthorizeAgain() throws Exception {
			officer(reauthorizationNeeded());

			HttpResponse<String> health = get("/actuator/health", null);

			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(json(health).path("status").asString()).isEqualTo("DOWN");
		}

	}

	void officer(OfficerOverview.Status status) {
		willReturn(status).given(this.officer).status();
	}

	static OfficerOverview.Status reauthorizationNeeded() {
		return new OfficerOverview.Status(true, false, true, "Olivia", "olivia@example.com", null, Set.of(), null, null,
				null, "invalid_grant", false, false);
	}

	static OfficerOverview.Status notAuthorized() {
		return new OfficerOverview.Status(true, false, false, null, null, null, Set.of(), null, null, null, null, false,
				false);
	}

	static OfficerOverview.Status authorized() {
		Instant now = TestClock.now();
		return new OfficerOverview.Status(true, true, false, "Olivia", "olivia@example.com", now, Set.of(),
				now.plusSeconds(3600), now.plusSeconds(80L * 86400), null, null, false, false);
	}

	HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
