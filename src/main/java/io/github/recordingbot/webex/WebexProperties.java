package io.github.recordingbot.webex;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How the bot reaches Webex ({@code webex.*}): the API base URL, the tokens, timeouts,
 * the outbound proxy, and how a slow, rate-limiting or failing Webex is treated (retries,
 * waits, the bulkhead). The keys stay flat ({@code webex.retry-backoff}, not
 * {@code webex.resilience.retry-backoff}) as operators set them.
 *
 * @param apiBaseUrl every Webex call, bot and officer alike, goes under it
 * @param botAccessToken the bot's access token ({@code BOT_ACCESS_TOKEN})
 * @param integrationAccessToken a Compliance Officer access token pasted by the operator
 * ({@code WEBEX_INTEGRATION_ACCESS_TOKEN}); a stored authorization wins over it
 * @param connectTimeout TCP connect timeout of every Webex call
 * @param readTimeout read timeout of every Webex call
 * @param maxPages how many pages of a list the bot follows at most
 * @param maxConcurrentCalls Webex calls in flight at once, across all requests; more wait
 * for a free slot, so that a burst of requests does not become a burst of 429s
 * @param bulkheadWait how long a call waits for a free slot before it fails as "no
 * answer"
 * @param maxRetries retries of a GET after a 5xx, a network fault or a short 429 (so at
 * most {@code maxRetries + 1} calls); a POST is never retried
 * @param maxRetryAfter the longest {@code Retry-After} the bot waits out; a longer one
 * fails the call at once and the user is told Webex is busy
 * @param retryBackoff the first backoff after a 5xx or a network fault; it doubles per
 * retry, and each wait is a random time up to it ("full jitter")
 * @param retryBackoffMax the ceiling of the backoff
 * @param proxy the outbound proxy of every connection to Webex (see
 * {@link ProxySettings})
 */
@ConfigurationProperties("webex")
public record WebexProperties(@DefaultValue("https://webexapis.com/v1") URI apiBaseUrl, String botAccessToken,
		String integrationAccessToken, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout, @DefaultValue("10") int maxPages,
		@DefaultValue("32") int maxConcurrentCalls, @DefaultValue("10s") Duration bulkheadWait,
		@DefaultValue("3") int maxRetries, @DefaultValue("10s") Duration maxRetryAfter,
		@DefaultValue("200ms") Duration retryBackoff, @DefaultValue("2s") Duration retryBackoffMax,
		@DefaultValue Proxy proxy) {

	public WebexProperties {
		if (apiBaseUrl == null || apiBaseUrl.getScheme() == null || apiBaseUrl.getHost() == null) {
			throw new IllegalArgumentException(
					"webex.api-base-url (WEBEX_API_BASE_URL) must be an absolute URL such as https://webexapis.com/v1, got "
							+ apiBaseUrl);
		}
		String base = apiBaseUrl.toString();
		apiBaseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
		botAccessToken = StringUtils.hasText(botAccessToken) ? botAccessToken.trim() : null;
		integrationAccessToken = StringUtils.hasText(integrationAccessToken) ? integrationAccessToken.trim() : null;
		requirePositive("webex.connect-timeout", connectTimeout);
		requirePositive("webex.read-timeout", readTimeout);
		requireAtLeast("webex.max-pages", maxPages, 1);
		requireAtLeast("webex.max-concurrent-calls", maxConcurrentCalls, 1);
		requireAtLeast("webex.max-retries", maxRetries, 0);
		requireNotNegative("webex.bulkhead-wait", bulkheadWait);
		requireNotNegative("webex.max-retry-after", maxRetryAfter);
		requireNotNegative("webex.retry-backoff", retryBackoff);
		requireNotNegative("webex.retry-backoff-max", retryBackoffMax);
		proxy = (proxy != null) ? proxy : new Proxy(null, null, null);
	}

	/**
	 * These settings with the default retries, waits and bulkhead and no proxy, for code
	 * that builds a client without Spring (tests).
	 */
	public static WebexProperties of(URI apiBaseUrl, String botAccessToken, String integrationAccessToken,
			Duration connectTimeout, Duration readTimeout) {
		return new WebexProperties(apiBaseUrl, botAccessToken, integrationAccessToken, connectTimeout, readTimeout, 10,
				32, Duration.ofSeconds(10), 3, Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(2),
				null);
	}

	/** These settings with another bulkhead. */
	public WebexProperties withBulkhead(int maxConcurrentCalls, Duration bulkheadWait) {
		return new WebexProperties(this.apiBaseUrl, this.botAccessToken, this.integrationAccessToken,
				this.connectTimeout, this.readTimeout, this.maxPages, maxConcurrentCalls, bulkheadWait, this.maxRetries,
				this.maxRetryAfter, this.retryBackoff, this.retryBackoffMax, this.proxy);
	}

	/** These settings with another proxy. */
	public WebexProperties withProxy(Proxy proxy) {
		return new WebexProperties(this.apiBaseUrl, this.botAccessToken, this.integrationAccessToken,
				this.connectTimeout, this.readTimeout, this.maxPages, this.maxConcurrentCalls, this.bulkheadWait,
				this.maxRetries, this.maxRetryAfter, this.retryBackoff, this.retryBackoffMax, proxy);
	}

	/** Whether the bot token is configured. */
	public boolean hasBotToken() {
		return this.botAccessToken != null;
	}

	private static void requireAtLeast(String key, int value, int minimum) {
		if (value < minimum) {
			throw new IllegalArgumentException(key + " must be at least " + minimum + ", got " + value);
		}
	}

	private static void requirePositive(String key, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
		}
	}

	private static void requireNotNegative(String key, Duration value) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(key + " must be a duration of zero or more, got " + value);
		}
	}

	@Override
	public String toString() {
		return "WebexProperties[apiBaseUrl=" + this.apiBaseUrl + ", botAccessToken=" + (hasBotToken() ? "***" : "none")
				+ ", integrationAccessToken=" + ((this.integrationAccessToken != null) ? "***" : "none") + ", proxy="
				+ this.proxy + "]";
	}

	/**
	 * The outbound proxy as the container convention sets it; parsed into
	 * {@link ProxySettings}, which falls back to the JVM's {@code https.proxyHost} and
	 * friends when both URLs are empty.
	 *
	 * @param httpsUrl the proxy of https and wss connections ({@code HTTPS_PROXY}), e.g.
	 * {@code http://user:password@proxy.example.com:3128}
	 * @param httpUrl the proxy of http and ws connections ({@code HTTP_PROXY})
	 * @param noProxy hosts and domains reached directly, comma-separated
	 * ({@code NO_PROXY}); {@code *} for all
	 */
	public record Proxy(String httpsUrl, String httpUrl, String noProxy) {

		/** Never the URLs: they may hold a password. */
		@Override
		public String toString() {
			return "Proxy[httpsUrl=" + (StringUtils.hasText(this.httpsUrl) ? "***" : "none") + ", httpUrl="
					+ (StringUtils.hasText(this.httpUrl) ? "***" : "none") + ", noProxy=" + this.noProxy + "]";
		}

	}

}
