package io.github.recordingbot.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import io.github.recordingbot.BotProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's pages carry a Content-Security-Policy, and the session cookie that holds
 * the operator's login and the officer's pending authorization is {@code Secure},
 * {@code HttpOnly} and {@code SameSite=Lax} when the bot is reached over https.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bot.admin-password=headers-password", "bot.public-base-url=https://bot.example.com",
				"officer.client-id=client-id", "officer.client-secret=client-secret",
				"webex.api-base-url=http://localhost:9/v1", "officer.check-at-startup=false" })
class StatusSecurityHeadersTests {

	static final String OPERATOR = "admin:headers-password";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		Path dir = Files.createTempDirectory("headers");
		registry.add("bot.config-file", () -> dir.resolve("missing-config.json").toString());
		registry.add("bot.log-dir", () -> dir.resolve("log").toString());
		registry.add("officer.token-storage-path", () -> dir.resolve("data").toString());
	}

	@Value("${local.server.port}")
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void theStatusPageHasAPolicyWithoutScriptsInlineStylesOrFraming() throws Exception {
		HttpResponse<String> status = get("/", OPERATOR);

		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.headers().firstValue("Content-Security-Policy")).hasValue(
				"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
		assertThat(status.body()).contains("<link rel=\"stylesheet\" href=\"/css/bot.css\">")
			.doesNotContain("<style", "style=", "<script");
	}

	@Test
	void theStylesheetTheCspAllowsIsServedWithoutLogin() throws Exception {
		HttpResponse<String> stylesheet = get("/css/bot.css", null);

		assertThat(stylesheet.statusCode()).isEqualTo(200);
		assertThat(stylesheet.headers().firstValue("Content-Type")).get().asString().startsWith("text/css");
		assertThat(stylesheet.body()).contains("tr.warn td");
	}

	@Test
	void theAuthorizationPagesHaveThePolicyToo() throws Exception {
		HttpResponse<String> answer = get("/webex/redirect?error=access_denied", null);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Security-Policy")).get()
			.asString()
			.contains("default-src 'none'")
			.doesNotContain("script-src");
		assertThat(answer.body()).contains("<link rel=\"stylesheet\" href=\"/css/bot.css\">")
			.doesNotContain("<style", "style=", "<script");
	}

	@Test
	void theSessionCookieIsSecureHttpOnlyAndSameSiteLaxBehindHttps() throws Exception {
		// starting the officer's authorization keeps its state in the session
		HttpResponse<String> authorize = get("/webex/authorize", OPERATOR);

		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(authorize.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.containsIgnoringCase("; Secure")
				.containsIgnoringCase("; HttpOnly")
				.containsIgnoringCase("; SameSite=Lax"));
	}

	@Test
	void onlyAnHttpsPublicBaseUrlMakesTheCookieSecure() {
		BotProperties bot = BotProperties.defaults();
		assertThat(bot.withPublicBaseUrl("https://bot.example.com").isHttps()).isTrue();
		assertThat(bot.withPublicBaseUrl("HTTPS://bot.example.com/").isHttps()).isTrue();
		assertThat(bot.withPublicBaseUrl("http://localhost:8080").isHttps()).isFalse();
		assertThat(bot.withPublicBaseUrl("").isHttps()).isFalse();
		assertThat(bot.withPublicBaseUrl(null).isHttps()).isFalse();
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
