package io.github.recordingbot.webex;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How the bot reaches Webex: the API base URL, the bot token, the pasted officer token,
 * timeouts.
 *
 * @param apiBaseUrl every Webex call, bot and officer alike, goes under it
 * @param botAccessToken the bot's access token ({@code BOT_ACCESS_TOKEN})
 * @param integrationAccessToken a Compliance Officer access token pasted by the operator
 * ({@code WEBEX_INTEGRATION_ACCESS_TOKEN}); a stored authorization wins over it
 * @param connectTimeout TCP connect timeout of every Webex call
 * @param readTimeout read timeout of every Webex call
 * @param maxPages how many pages of a list the bot follows at most
 */
@ConfigurationProperties("webex")
public record WebexProperties(@DefaultValue("https://webexapis.com/v1") URI apiBaseUrl, String botAccessToken,
		String integrationAccessToken, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout, @DefaultValue("10") int maxPages) {

	public WebexProperties {
		if (apiBaseUrl == null || apiBaseUrl.getScheme() == null || apiBaseUrl.getHost() == null) {
			throw new IllegalArgumentException(
					"webex.api-base-url (WEBEX_API_BASE_URL) must be an absolute URL such as https://webexapis.com/v1, got "
							+ apiBaseUrl);
		}
		if (maxPages < 1) {
			throw new IllegalArgumentException("webex.max-pages must be at least 1, got " + maxPages);
		}
		String base = apiBaseUrl.toString();
		apiBaseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
		botAccessToken = StringUtils.hasText(botAccessToken) ? botAccessToken.trim() : null;
		integrationAccessToken = StringUtils.hasText(integrationAccessToken) ? integrationAccessToken.trim() : null;
	}

	/** Whether the bot token is configured. */
	public boolean hasBotToken() {
		return this.botAccessToken != null;
	}

	@Override
	public String toString() {
		return "WebexProperties[apiBaseUrl=" + this.apiBaseUrl + ", botAccessToken=" + (hasBotToken() ? "***" : "none")
				+ ", integrationAccessToken=" + ((this.integrationAccessToken != null) ? "***" : "none") + "]";
	}

}
