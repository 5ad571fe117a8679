package io.github.recordingbot.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WebexContractListener} reports every off-spec exchange a WireMock server served
 * under {@code /v1}, and only those.
 */
class WebexContractListenerTests {

	final WebexContractListener listener = new WebexContractListener();

	final WireMockServer server = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().extensions(this.listener));

	@BeforeEach
	void start() {
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void anExchangeTheSpecAllowsIsNotReported() {
		this.server.stubFor(get("/v1/people/me").willReturn(okJson("""
				{"id":"p1","emails":["recordings@webex.bot"],"displayName":"Recording Bot","type":"bot"}
				""")));

		send("/v1/people/me");

		assertThat(this.listener.violations()).isEmpty();
	}

	@Test
	void aRequestToAnUndocumentedPathIsReportedWithItsUrlAndStatus() {
		this.server.stubFor(get(urlPathEqualTo("/v1/meetings")).willReturn(okJson("{\"items\":[]}")));

		send("/v1/meetings?meetingNumber=123&hostEmail=h@example.com");

		assertThat(this.listener.violations()).singleElement()
			.asString()
			.startsWith("GET /v1/meetings?meetingNumber=123&hostEmail=h@example.com -> 200")
			.contains("[undocumented]");
	}

	@Test
	void aFixtureWithoutRequiredFieldsIsReported() {
		this.server.stubFor(get("/v1/recordings/r1").willReturn(okJson("{\"id\":\"r1\",\"status\":\"available\"}")));

		send("/v1/recordings/r1");

		assertThat(this.listener.violations()).singleElement()
			.asString()
			.contains("validation.response.body.schema.required", "downloadUrl");
	}

	@Test
	void anErrorAnswerIsNotHeldToTheSuccessSchema() {
		this.server.stubFor(get("/v1/recordings/r1").willReturn(aResponse().withStatus(429)));
		this.server.stubFor(get("/v1/rooms/r1").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		send("/v1/recordings/r1");
		send("/v1/rooms/r1");

		assertThat(this.listener.violations()).isEmpty();
	}

	@Test
	void deviceServiceAndOAuthCallsAreOutOfScope() {
		this.server.stubFor(any(anyUrl()).willReturn(okJson("{}")));

		send("/u2c/api/v1/catalog?format=hostmap");
		send("/wdm/api/v1/devices");
		send("/v1/access_token");
		send("/v1/authorize?client_id=c");

		assertThat(this.listener.violations()).isEmpty();
	}

	@Test
	void anExchangeIsReportedOnce() {
		this.server.stubFor(get(urlPathEqualTo("/v1/meetings")).willReturn(okJson("{\"items\":[]}")));
		send("/v1/meetings");

		assertThat(this.listener.violations()).hasSize(1);
		assertThat(this.listener.violations()).isEmpty();
	}

	void send(String path) {
		try {
			HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.server.port() + path)).build(),
						HttpResponse.BodyHandlers.discarding());
		}
		catch (java.io.IOException ex) {
			// the injected fault
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
