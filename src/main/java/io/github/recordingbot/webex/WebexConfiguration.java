package io.github.recordingbot.webex;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The Webex clients and everything on their wire, in one place: the proxy, the one HTTP
 * client setup, and each client's interceptors in order, outermost first. No other
 * {@code ClientHttpRequestInterceptor} bean in the context reaches a Webex call.
 */
@Configuration(proxyBeanMethods = false)
class WebexConfiguration {

	@Bean
	ProxySettings proxySettings(WebexProperties properties) {
		return ProxySettings.from(properties.proxy(), System::getProperty);
	}

	@Bean
	ProxyFailures proxyFailures(ProxySettings proxy, Clock clock) {
		return new ProxyFailures(proxy, clock);
	}

	@Bean
	WebexHttp webexHttp(WebexProperties properties, ProxySettings proxy, ProxyFailures proxyFailures) {
		return new WebexHttp(properties, proxy, proxyFailures);
	}

	@Bean
	WebexResilience webexResilience(WebexProperties properties, Clock clock) {
		// ThreadLocalRandom.current() is one shared instance that draws from the calling
		// thread's seed.
		return new WebexResilience(properties, clock, Sleeper.THREAD, ThreadLocalRandom.current());
	}

	/** Bot token, then bulkhead and retries, then metrics of each attempt. */
	@Bean
	WebexClient webexClient(WebexProperties properties, RestClient.Builder builder, WebexHttp http,
			WebexResilience resilience, WebexCallMetrics metrics) {
		return new WebexClient(properties, builder, http, List.of(resilience, metrics));
	}

	/**
	 * Officer token (with its one refresh), then bulkhead and retries, then the record of
	 * refusals and the metrics of each attempt.
	 */
	@Bean
	WebexOfficerClient webexOfficerClient(WebexProperties properties, RestClient.Builder builder, WebexHttp http,
			WebexResilience resilience, OfficerRefusals refusals, WebexCallMetrics metrics, OfficerTokens tokens) {
		return new WebexOfficerClient(properties, builder, http, List.of(resilience, refusals, metrics), tokens);
	}

}
