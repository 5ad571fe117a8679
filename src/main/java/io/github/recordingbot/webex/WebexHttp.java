package io.github.recordingbot.webex;

import io.micrometer.observation.ObservationRegistry;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one HTTP client setup of every REST call the bot makes to Webex: the bot's and the
 * officer's clients, the OAuth token endpoint, the U2C catalog and the device service.
 * Apache HttpClient 5 with one connection pool, Webex's timeouts, no redirects, no
 * automatic retries ({@link WebexResilience} owns them: a repeated POST would post a
 * reply twice), and the outbound proxy of {@link ProxySettings}. {@link ProxyFailures}
 * sits innermost on every client built here. The calls are timed by
 * {@link WebexCallMetrics} ({@code webex.calls}), not by Spring's generic
 * {@code http.client.requests} observation as well: that one repeated the same timing
 * with a second timer and an active-request gauge per call, about 7 % of the bot's CPU
 * per request in the steady-state benchmark (docs/benchmarks.md).
 */
public final class WebexHttp implements DisposableBean {

	private final HttpComponentsClientHttpRequestFactory requestFactory;

	private final ProxyFailures proxyFailures;

	public WebexHttp(WebexProperties properties, ProxySettings proxy, ProxyFailures proxyFailures) {
		this.proxyFailures = proxyFailures;
		// The bulkhead bounds the calls in flight; a pool at least as large never makes a
		// call wait for a connection.
		int connections = Math.max(64, properties.maxConcurrentCalls());
		this.requestFactory = ClientHttpRequestFactoryBuilder.httpComponents()
			.withConnectionManagerCustomizer(
					(pool) -> pool.setMaxConnTotal(connections).setMaxConnPerRoute(connections))
			.withConnectionConfigCustomizer((connection) -> connection
				// A kept-alive connection the server has closed meanwhile would fail the
				// next POST, which is not retried.
				.setValidateAfterInactivity(TimeValue.ofSeconds(1))
				.setTimeToLive(TimeValue.ofMinutes(5)))
			.withDefaultRequestConfigCustomizer(
					(request) -> request.setResponseTimeout(Timeout.of(properties.readTimeout()))
						.setConnectionRequestTimeout(Timeout.of(properties.connectTimeout())))
			.withHttpClientCustomizer((client) -> {
				client.disableAutomaticRetries()
					.disableCookieManagement()
					.disableAuthCaching()
					.evictIdleConnections(TimeValue.ofSeconds(30))
					.evictExpiredConnections();
				proxy.configure(client);
			})
			.build(HttpClientSettings.defaults()
				.withTimeouts(properties.connectTimeout(), properties.readTimeout())
				.withRedirects(HttpRedirects.DONT_FOLLOW));
	}

	/**
	 * A client builder on this setup, {@link ProxyFailures} innermost: add the other
	 * interceptors before calling this.
	 */
	public RestClient.Builder configure(RestClient.Builder builder) {
		return builder.requestFactory(this.requestFactory)
			.requestInterceptor(this.proxyFailures)
			.observationRegistry(ObservationRegistry.NOOP);
	}

	@Override
	public void destroy() throws Exception {
		this.requestFactory.destroy();
	}

}
