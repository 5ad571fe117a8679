package io.github.recordingbot.webex;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The Webex clients built with plain {@code new} for tests outside this package: no
 * retries (no resilience interceptor), so a 5xx or a timeout is answered at once.
 */
public final class WebexClientFixture {

	private WebexClientFixture() {
	}

	public static WebexProperties properties(String baseUrl, String pastedOfficerToken, Duration readTimeout) {
		return WebexProperties.of(URI.create(baseUrl), "bot-token", pastedOfficerToken, Duration.ofSeconds(1),
				readTimeout);
	}

	public static WebexClient withoutRetries(WebexProperties properties, ClientHttpRequestInterceptor... interceptors) {
		return new WebexClient(properties, RestClient.builder(), http(properties), List.of(interceptors));
	}

	/** The officer client, its token from the given source. */
	public static WebexOfficerClient officerWithoutRetries(WebexProperties properties, OfficerTokens tokens,
			ClientHttpRequestInterceptor... interceptors) {
		return new WebexOfficerClient(properties, RestClient.builder(), http(properties), List.of(interceptors),
				tokens);
	}

	/** A token source that always has this token and cannot refresh it. */
	public static OfficerTokens fixedToken(String token) {
		return () -> Optional.of(token);
	}

	/** The one HTTP client setup, through the proxy of {@code properties} if any. */
	public static WebexHttp http(WebexProperties properties) {
		ProxySettings proxy = ProxySettings.from(properties.proxy(), (key) -> null);
		return new WebexHttp(properties, proxy, new ProxyFailures(proxy, Clock.systemUTC()));
	}

}
