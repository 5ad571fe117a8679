package io.github.recordingbot.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.support.BotEndToEndTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie that holds the operator's CSRF token and the officer's pending
 * authorization is {@code Secure}, {@code HttpOnly} and {@code SameSite=Lax} when the bot
 * is reached over https: set by the servlet container, so asked of the running bot. The
 * Content-Security-Policy of the operator's pages is specified in
 * {@link StatusControllerTests} and {@code officer.AuthorizationControllerTests}.
 */
class StatusSecurityHeadersTests extends BotEndToEndTest {

	static final String OPERATOR = "admin:test-admin-password";

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void theSessionCookieIsSecureHttpOnlyAndSameSiteLaxBehindHttps() throws Exception {
		// the status page's forms keep their CSRF token in the session
		HttpResponse<String> status = get("/", OPERATOR);

		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.headers().allValues("Set-Cookie"))
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
