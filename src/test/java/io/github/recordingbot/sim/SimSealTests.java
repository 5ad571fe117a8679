package io.github.recordingbot.sim;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.recordingbot.support.DemoTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo is open without login, so its simulator serves the demo bot and nobody else:
 * it posts webhooks only to the bot's own {@code /webhook} and sends a browser back only
 * to the bot's own redirect URI.
 */
class SimSealTests extends DemoContext {

	static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	static final String OWN_WEBHOOK = DemoTestSupport.baseUrl() + "/webhook";

	static final String OWN_REDIRECT = DemoTestSupport.baseUrl() + "/webex/redirect";

	static final String FOREIGN = "https://attacker.example.net/collect";

	@Autowired
	SimState state;

	@Autowired
	WebhookDeliverer deliverer;

	@AfterEach
	void removeTheRegisteredWebhooks() {
		this.state.webhooks().forEach((webhook) -> this.state.deleteWebhook((String) webhook.get("id")));
	}

	@Nested
	class Webhooks {

		@Test
		void registeringAForeignTargetUrlIsRefused() throws Exception {
			HttpResponse<String> response = json("POST", "/sim/v1/webhooks", webhook(FOREIGN));

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("own /webhook");
			assertThat(SimSealTests.this.state.webhooks()).isEmpty();
		}

		@Test
		void movingAWebhookToAForeignTargetUrlIsRefused() throws Exception {
			String id = SimSealTests.this.state
				.saveWebhook("hook-1",
						java.util.Map.of("name", "Recording bot", "targetUrl", OWN_WEBHOOK, "resource", "messages",
								"event", "created"))
				.get("id")
				.toString();

			HttpResponse<String> response = json("PUT", "/sim/v1/webhooks/" + id, webhook(FOREIGN));

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(SimSealTests.this.state.webhook(id).orElseThrow()).containsEntry("targetUrl", OWN_WEBHOOK);
		}

		@Test
		void theBotsOwnTargetUrlIsAccepted() throws Exception {
			assertThat(json("POST", "/sim/v1/webhooks", webhook(OWN_WEBHOOK)).statusCode()).isEqualTo(200);
		}

		@Test
		void onlyTheBotsOwnWebhookCountsAsATarget() {
			assertThat(SimSealTests.this.deliverer.isOwnTarget(OWN_WEBHOOK)).isTrue();
			assertThat(SimSealTests.this.deliverer.isOwnTarget(FOREIGN)).isFalse();
			assertThat(SimSealTests.this.deliverer.isOwnTarget(DemoTestSupport.baseUrl() + "/webhook/../sim/calls"))
				.isFalse();
			assertThat(SimSealTests.this.deliverer.isOwnTarget("http://127.0.0.1:9/webhook")).isFalse();
			assertThat(SimSealTests.this.deliverer.isOwnTarget("not a uri")).isFalse();
			assertThat(SimSealTests.this.deliverer.isOwnTarget(null)).isFalse();
		}

		static String webhook(String targetUrl) {
			return """
					{"name":"Recording bot","targetUrl":"%s","resource":"messages","event":"created",
					 "secret":"demo-webhook-secret-not-for-production-use"}
					""".formatted(targetUrl);
		}

	}

	@Nested
	class Authorize {

		@Test
		void theConsentPageRefusesAForeignRedirectUri() throws Exception {
			HttpResponse<String> page = get("/sim/v1/authorize?client_id=c&response_type=code&redirect_uri="
					+ encode(FOREIGN) + "&scope=spark%3Apeople_read");

			assertThat(page.statusCode()).isEqualTo(400);
			assertThat(page.body()).doesNotContain("<form");
		}

		@Test
		void theDecisionRefusesAForeignRedirectUriWithoutRedirecting() throws Exception {
			HttpResponse<String> decision = form("/sim/v1/authorize", "client_id=c&response_type=code&redirect_uri="
					+ encode(FOREIGN) + "&officer=" + encode("olivia@example.com") + "&decision=accept");

			assertThat(decision.statusCode()).isEqualTo(400);
			assertThat(decision.headers().firstValue("Location")).isEmpty();
		}

		@Test
		void theConsentPageEscapesWhatTheRequestCarriesAndPostsItBack() throws Exception {
			HttpResponse<String> page = get("/sim/v1/authorize?client_id=" + encode("<b>c</b>")
					+ "&response_type=code&redirect_uri=" + encode(OWN_REDIRECT) + "&state="
					+ encode("\"><script>alert(1)</script>") + "&scope=spark%3Apeople_read");

			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).doesNotContain("<b>c</b>", "<script>")
				.contains("<code>&lt;b&gt;c&lt;/b&gt;</code>")
				.contains(
						"<input type=\"hidden\" name=\"state\" value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">")
				.contains("<input type=\"hidden\" name=\"redirect_uri\" value=\"" + OWN_REDIRECT + "\">")
				.contains("<code id=\"granted\">spark:people_read</code>");
		}

		@Test
		void theConsentPageOffersEverySamplePersonWithTheOfficerPreselected() throws Exception {
			String body = get("/sim/v1/authorize?client_id=c&response_type=code&redirect_uri=" + encode(OWN_REDIRECT))
				.body();

			assertThat(body).contains("<option value=\"olivia@example.com\" selected=\"selected\">");
			assertThat(body.split("<option ", -1)).hasSize(SimSealTests.this.state.org().people.size() + 1);
			assertThat(body.split("selected=\"selected\"", -1)).hasSize(2);
		}

		@Test
		void theConsentPageWithoutTheRequiredParametersExplainsWhat() throws Exception {
			HttpResponse<String> page = get("/sim/v1/authorize?client_id=c");

			assertThat(page.statusCode()).isEqualTo(400);
			assertThat(page.body()).contains("client_id, redirect_uri and response_type=code are required.")
				.doesNotContain("<form");
		}

		@Test
		void theBotsOwnRedirectUriGetsTheCode() throws Exception {
			HttpResponse<String> decision = form("/sim/v1/authorize", "client_id=c&response_type=code&redirect_uri="
					+ encode(OWN_REDIRECT) + "&officer=" + encode("olivia@example.com") + "&decision=accept");

			assertThat(decision.statusCode()).isEqualTo(302);
			assertThat(decision.headers().firstValue("Location").orElseThrow()).startsWith(OWN_REDIRECT + "?code=");
		}

	}

	@Test
	void theDemoPageHasThePolicyOfTheDemo() throws Exception {
		HttpResponse<String> page = get("/demo");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).get()
			.asString()
			.contains("script-src 'self' 'unsafe-inline'", "connect-src 'self'", "frame-ancestors 'none'");
	}

	@Test
	void theConsentPageHasThePolicyOfTheBotsOwnPages() throws Exception {
		HttpResponse<String> page = get(
				"/sim/v1/authorize?client_id=c&response_type=code&redirect_uri=" + encode(OWN_REDIRECT));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).get()
			.asString()
			.contains("default-src 'none'", "style-src 'self';", "form-action 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "script-src");
		assertThat(page.body()).contains("<link rel=\"stylesheet\" href=\"/css/bot.css\">")
			.doesNotContain("<style", "<script", "style=");
	}

	static HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(DemoTestSupport.baseUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> json(String method, String path, String body) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(DemoTestSupport.baseUrl() + path))
			.header("Authorization", "Bearer demo-bot-token")
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> form(String path, String body) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(DemoTestSupport.baseUrl() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
