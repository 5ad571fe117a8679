package io.github.recordingbot.webex;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
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
		return new WebexProperties(URI.create(baseUrl), "bot-token", pastedOfficerToken, Duration.ofSeconds(1),
				readTimeout, 10);
	}

	public static WebexClient withoutRetries(WebexProperties properties, ClientHttpRequestInterceptor... interceptors) {
		return new WebexClient(properties, WebexResilienceProperties.defaults(), RestClient.builder(),
				provider(interceptors));
	}

	/** The officer client, its token from the given source. */
	public static WebexOfficerClient officerWithoutRetries(WebexProperties properties, OfficerTokens tokens,
			ClientHttpRequestInterceptor... interceptors) {
		return new WebexOfficerClient(properties, WebexResilienceProperties.defaults(), RestClient.builder(),
				provider(interceptors), tokens);
	}

	/** A token source that always has this token and cannot refresh it. */
	public static OfficerTokens fixedToken(String token) {
		return () -> Optional.of(token);
	}

	private static ObjectProvider<ClientHttpRequestInterceptor> provider(ClientHttpRequestInterceptor... interceptors) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		for (int i = 0; i < interceptors.length; i++) {
			beans.addBean("interceptor" + i, interceptors[i]);
		}
		return beans.getBeanProvider(ClientHttpRequestInterceptor.class);
	}

}
