package io.github.recordingbot.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.recordingbot.support.BotEndToEndTest;
import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The status page and its admin actions in the whole bot, against a fake Webex: what the
 * actions ask Webex, and that the page shows what Webex last answered without asking it
 * again. Who may do what, and how the page renders what it is given, are specified in
 * {@link StatusControllerTests} and {@link AdminControllerTests}.
 */
class StatusPageTests extends BotEndToEndTest {

	static final String OLD = WebexFake.id("WEBHOOK", "old");

	static final String DISABLED = WebexFake.id("WEBHOOK", "disabled");

	@Autowired
	MockMvc mvc;

	@Autowired
	WebhookRegistration webhooks;

	@BeforeEach
	void reset() {
		WebexFake webex = BotTestSupport.WEBEX;
		webex.reset();
		webex.server.stubFor(get(urlPathEqualTo("/v1/webhooks")).willReturn(
				okJson("""
						{"items":[
						 {"id":"%s","name":"Recording bot","targetUrl":"https://bot.example.com/webhook","resource":"messages",
						  "event":"created","status":"active","created":"2026-01-01T00:00:00Z"},
						 {"id":"%s","name":"Recording bot","targetUrl":"https://bot.example.com/webhook",
						  "resource":"attachmentActions","event":"created","status":"inactive","created":"2026-01-01T00:00:00Z"},
						 {"id":"someone-elses","name":"Other","targetUrl":"https://other.example.com/hook","resource":"rooms",
						  "event":"created","status":"inactive","created":"2026-01-01T00:00:00Z"}]}
						"""
					.formatted(OLD, DISABLED))));
		webex.server.stubFor(WireMock.delete(WireMock.urlPathMatching("/v1/webhooks/.*"))
			.willReturn(WireMock.aResponse().withStatus(204)));
		webex.server.stubFor(WireMock.post("/v1/webhooks").willReturn(okJson("{\"id\":\"new\"}")));
		webex.server.stubFor(WireMock.put(WireMock.urlPathMatching("/v1/webhooks/.*")).willReturn(okJson("{}")));
	}

	@Test
	void actuatorShowsOnlyHealthWithoutLogin() throws Exception {
		var get = (java.util.function.Function<String, org.springframework.test.web.servlet.RequestBuilder>) (
				p) -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(p);
		assertThat(status(get.apply("/actuator/health"))).isEqualTo(200);
		assertThat(status(get.apply("/actuator/metrics"))).isEqualTo(401);
		assertThat(status(get.apply("/actuator/prometheus"))).isEqualTo(401);
		assertThat(status(get.apply("/actuator/env"))).isIn(401, 404);
	}

	@Test
	void statusPageShowsNoTokenOrSecretOfTheRunningBot() throws Exception {
		this.webhooks.refresh();

		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
				.with(httpBasic("admin", "test-admin-password")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Compliance Officer authorization")
			.contains("set, in use")
			.contains("Webhooks")
			.contains("attachmentActions/created")
			.contains("inactive")
			.contains("Config file")
			.contains("Requests since start")
			.contains("name=\"_csrf\"")
			.doesNotContain(WebexFake.OFFICER_TOKEN)
			.doesNotContain(WebexFake.SECRET);
	}

	@Test
	void renderingThePageAsksWebexNothingAndShowsTheWebhooksAsWebexLastListedThem() throws Exception {
		this.webhooks.refresh();
		java.time.Instant listedAt = this.webhooks.known().listedAt();
		BotTestSupport.WEBEX.server.resetRequests();

		String page = this.mvc.perform(MockMvcRequestBuilders.get("/").with(httpBasic("admin", "test-admin-password")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(BotTestSupport.WEBEX.calls()).isEmpty();
		assertThat(page).contains("As of")
			.contains(listedAt.toString())
			.contains("messages/created")
			.contains("active → https://bot.example.com/webhook")
			.contains("attachmentActions/created")
			.contains("inactive")
			.doesNotContain("rooms/created");
	}

	@Test
	void whenWebexDoesNotAnswerThePageKeepsTheLastListAndSaysWhenItFailed() throws Exception {
		this.webhooks.refresh();
		BotTestSupport.WEBEX.server
			.stubFor(get(urlPathEqualTo("/v1/webhooks")).willReturn(WireMock.aResponse().withStatus(401)));
		this.webhooks.refresh();
		BotTestSupport.WEBEX.server.resetRequests();

		String page = this.mvc.perform(MockMvcRequestBuilders.get("/").with(httpBasic("admin", "test-admin-password")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(BotTestSupport.WEBEX.calls()).isEmpty();
		assertThat(page).contains("Webex did not answer with the bot token at " + this.webhooks.known().failedAt())
			.contains("attachmentActions/created");
	}

	@Test
	void anActionListsTheWebhooksAgainSoThePageShowsWhatItLeft() throws Exception {
		var server = BotTestSupport.WEBEX.server;
		String ours = """
				{"items":[{"id":"%s","name":"Recording bot","targetUrl":"https://bot.example.com/webhook",
				 "resource":"messages","event":"created","status":"active","created":"2026-01-01T00:00:00Z"}]}
				""".formatted(OLD);
		server.stubFor(get(urlPathEqualTo("/v1/webhooks")).inScenario("delete")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(ours))
			.willSetStateTo("deleted"));
		server.stubFor(get(urlPathEqualTo("/v1/webhooks")).inScenario("delete")
			.whenScenarioStateIs("deleted")
			.willReturn(okJson("{\"items\":[]}")));

		assertThat(status(post("/admin/webhooks/delete").with(httpBasic("admin", "test-admin-password")).with(csrf())))
			.isEqualTo(200);

		server.verify(deleteRequestedFor(urlEqualTo("/v1/webhooks/" + OLD)));
		server.verify(2, getRequestedFor(urlPathEqualTo("/v1/webhooks")));
		assertThat(this.webhooks.known().webhooks()).isEmpty();
		assertThat(this.mvc.perform(MockMvcRequestBuilders.get("/").with(httpBasic("admin", "test-admin-password")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("none: press Register");
	}

	@Test
	void registerReplacesThisBotsWebhooksOnly() throws Exception {
		assertThat(status(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/webhooks/register")
					.with(httpBasic("admin", "test-admin-password"))
					.with(csrf())))
			.isEqualTo(200);

		var server = BotTestSupport.WEBEX.server;
		server.verify(deleteRequestedFor(urlEqualTo("/v1/webhooks/" + OLD)));
		server.verify(deleteRequestedFor(urlEqualTo("/v1/webhooks/" + DISABLED)));
		server.verify(0, deleteRequestedFor(urlEqualTo("/v1/webhooks/someone-elses")));
		server.verify(postRequestedFor(urlEqualTo("/v1/webhooks")).withRequestBody(equalToJson("""
				{"name":"Recording bot","targetUrl":"https://bot.example.com/webhook","resource":"messages",
				 "event":"created","secret":"%s"}""".formatted(WebexFake.SECRET), true, true)));
		server.verify(postRequestedFor(urlEqualTo("/v1/webhooks"))
			.withRequestBody(WireMock.matchingJsonPath("$.resource", WireMock.equalTo("attachmentActions"))));
	}

	@Test
	void reactivatePutsOnlyTheDisabledOneBackToActive() throws Exception {
		assertThat(status(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/webhooks/reactivate")
					.with(httpBasic("admin", "test-admin-password"))
					.with(csrf())))
			.isEqualTo(200);

		var server = BotTestSupport.WEBEX.server;
		server.verify(1, putRequestedFor(WireMock.urlPathMatching("/v1/webhooks/.*")));
		server.verify(putRequestedFor(urlEqualTo("/v1/webhooks/" + DISABLED))
			.withRequestBody(WireMock.matchingJsonPath("$.status", WireMock.equalTo("active"))));
	}

	@Nested
	class CapabilityCheck {

		@Test
		void theButtonAsksWebexWithTheOfficerTokenAndThePageShowsWhatTheAuthorizationCanDo() throws Exception {
			BotTestSupport.WEBEX.server
				.stubFor(get(urlPathEqualTo("/v1/admin/recordings")).willReturn(okJson("{\"items\":[]}")));

			String answer = page(post(CapabilitySection.CHECK).with(csrf()), 200);

			assertThat(answer).contains("List recordings and fetch download links").contains("allowed (Webex answered");
			BotTestSupport.WEBEX.server.verify(1,
					getRequestedFor(urlPathEqualTo("/v1/admin/recordings"))
						.withQueryParam("from", matching("\\d{4}-.+Z"))
						.withQueryParam("to", matching("\\d{4}-.+Z"))
						.withQueryParam("max", equalTo("1"))
						.withHeader("Authorization", equalTo("Bearer " + WebexFake.OFFICER_TOKEN)));
			assertThat(page(MockMvcRequestBuilders.get("/"), 200)).contains("What the authorization can do")
				.contains("Checked at")
				.contains("Find meetings by number")
				.contains("Check personal rooms")
				.contains("from officer.scopes")
				.contains("action=\"" + CapabilitySection.CHECK + "\"");
		}

		@Test
		void aRefusedOfficerCallShowsOnThePageWithItsTrackingIdAndNoToken() throws Exception {
			BotTestSupport.WEBEX.server.stubFor(get(urlPathEqualTo("/v1/admin/recordings"))
				.willReturn(WireMock.aResponse().withStatus(403).withHeader("trackingId", "ROUTER_STATUS_403")));

			assertThat(page(post(CapabilitySection.CHECK).with(csrf()), 200)).contains("refused (Webex answered 403");

			assertThat(page(MockMvcRequestBuilders.get("/"), 200))
				.contains("cannot list recordings and fetch download links: every recording request fails")
				.contains("Last call Webex refused")
				.contains("GET /admin/recordings answered 403")
				.contains("ROUTER_STATUS_403")
				.contains("officer_forbidden")
				.doesNotContain(WebexFake.OFFICER_TOKEN);
		}

		private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
			var response = StatusPageTests.this.mvc.perform(request.with(httpBasic("admin", "test-admin-password")))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(status);
			return response.getContentAsString();
		}

	}

	int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
