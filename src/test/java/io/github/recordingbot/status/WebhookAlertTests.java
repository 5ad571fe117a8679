package io.github.recordingbot.status;

import io.github.recordingbot.alert.ConditionCheck.Observation;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook condition of the operator alerts: raised when a webhook Webex disabled
 * stays inactive after the re-activation attempt, cleared when one works.
 */
class WebhookAlertTests extends BotEndToEndTest {

	static final String DISABLED = WebexFake.id("WEBHOOK", "disabled");

	@Autowired
	WebhookRegistration registration;

	@Autowired
	InactiveWebhooks inactive;

	@BeforeEach
	void reset() {
		WebexFake webex = BotTestSupport.WEBEX;
		webex.reset();
		webex.server.stubFor(get(urlPathEqualTo("/v1/webhooks")).willReturn(okJson("""
				{"items":[
				 {"id":"%s","name":"Recording bot","targetUrl":"https://bot.example.com/webhook","resource":"messages",
				  "event":"created","status":"inactive","created":"2026-01-01T00:00:00Z"}]}
				""".formatted(DISABLED))));
	}

	@Test
	void aWebhookWebexLeavesInactiveAfterReactivationRaisesTheConditionAndOneThatWorksClearsIt() {
		answerPutWith("inactive");

		this.registration.reactivate();

		BotTestSupport.WEBEX.server.verify(1, putRequestedFor(urlEqualTo("/v1/webhooks/" + DISABLED)));
		assertThat(this.inactive.observe(null)).get()
			.extracting(Observation::args)
			.isEqualTo(java.util.List.of("messages/created"));

		answerPutWith("active");
		this.registration.reactivate();

		assertThat(this.inactive.observe(null)).isEmpty();
	}

	private static void answerPutWith(String status) {
		BotTestSupport.WEBEX.server.stubFor(put(urlEqualTo("/v1/webhooks/" + DISABLED)).willReturn(okJson("""
				{"id":"%s","name":"Recording bot","targetUrl":"https://bot.example.com/webhook","resource":"messages",
				 "event":"created","status":"%s","created":"2026-01-01T00:00:00Z"}
				""".formatted(DISABLED, status))));
	}

}
