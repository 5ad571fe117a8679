package io.github.recordingbot.officer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.recordingbot.support.BotTestSupport;
import io.github.recordingbot.support.WebexFake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The bot with an integration configured, on a fixed free port that is also its public
 * URL (the browser must come back to it), with its own data directory and config file.
 */
final class OfficerTestSupport {

	static final int PORT = freePort();

	static final String PUBLIC_URL = "http://localhost:" + PORT;

	static final Path DIR = BotTestSupport.DIR.resolve("officer-flow");

	static final Path CONFIG = DIR.resolve("config.json");

	static final String OFFICER_ID = WebexFake.personId("0ff1ce00-0000-4000-8000-000000000001");

	static final String CLIENT_SECRET = "integration-client-secret";

	private OfficerTestSupport() {
	}

	static void properties(DynamicPropertyRegistry registry) {
		writeConfig(BotTestSupport.DEFAULT_CONFIG);
		registry.add("server.port", () -> PORT);
		registry.add("webex.api-base-url", BotTestSupport.WEBEX::baseUrl);
		registry.add("webex.bot-access-token", () -> WebexFake.BOT_TOKEN);
		registry.add("webhook.secret", () -> WebexFake.SECRET);
		registry.add("bot.public-base-url", () -> PUBLIC_URL);
		registry.add("bot.config-file", CONFIG::toString);
		registry.add("bot.log-dir", () -> DIR.resolve("log").toString());
		registry.add("bot.admin-password", () -> "test-admin-password");
		registry.add("officer.client-id", () -> "integration-client-id");
		registry.add("officer.client-secret", () -> CLIENT_SECRET);
		registry.add("officer.token-storage-path", () -> DIR.resolve("data").toString());
		// the tests that count calls to Webex start right away; the check runs when asked
		registry.add("officer.check-at-startup", () -> false);
		// the webhooks are listed when a test asks (WebhookRegistration.refresh)
		registry.add("bot.list-webhooks-at-startup", () -> false);
	}

	static void writeConfig(String json) {
		try {
			Files.createDirectories(DIR);
			Files.writeString(CONFIG, json, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Forgets any stored authorization and stubs a Webex that grants every scope to the
	 * officer.
	 */
	static void reset(JdbcTemplate jdbc, OfficerTokenSource tokens) {
		jdbc.update("DELETE FROM oauth2_authorized_client");
		jdbc.update("DELETE FROM officer_authorization");
		tokens.storeChanged();
		WebexFake webex = BotTestSupport.WEBEX;
		webex.reset();
		tokenEndpointGrants("officer-access-1", null);
		webex.server.stubFor(get("/v1/people/me").atPriority(1)
			.withHeader("Authorization", equalTo("Bearer officer-access-1"))
			.willReturn(okJson("""
					{"id":"%s","emails":["olga@example.com"],"displayName":"Olga Officer","type":"person"}
					""".formatted(OFFICER_ID))));
		// the consent page: a link back to the bot with a code and the state Webex was
		// given
		webex.server.stubFor(get(urlPathEqualTo("/v1/authorize")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>Webex consent</h1><a id=\"accept\" "
					+ "href=\"{{request.query.redirect_uri}}?code=code-from-webex&amp;state={{urlEncode request.query.state}}\">"
					+ "Accept</a></body></html>")
			.withTransformers("response-template")));
	}

	static void tokenEndpointGrants(String accessToken, String scope) {
		String scopeField = (scope != null) ? ",\"scope\":\"" + scope + "\"" : "";
		BotTestSupport.WEBEX.server.stubFor(post("/v1/access_token")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"access_token":"%s","expires_in":1209599,"refresh_token":"officer-refresh-1",
					 "refresh_token_expires_in":7775999,"token_type":"Bearer"%s}
					""".formatted(accessToken, scopeField))));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
