package io.github.recordingbot.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the websocket transport reaches Webex and keeps its connection alive.
 *
 * @param u2cUrl base of the U2C service catalog ({@code WEBEX_U2C_URL}); the device
 * service is found there
 * @param deviceName the name the bot's device is registered and found again under
 * @param pingInterval how often a ping frame is sent
 * @param pongTimeout how long a pong may take before the connection counts as dead
 * @param authorizationTimeout how long the first frame after the authorization may take
 * @param backoffMin the first wait before reconnecting
 * @param backoffMax the longest wait before reconnecting
 * @param trustedDomains the only hosts (with their subdomains) the bot token is sent to:
 * the catalog, the device service and the websocket; Webex's U2C catalog names hosts
 * under {@code wbx2.com}, and Webex also serves from {@code webex.com} and
 * {@code ciscospark.com}
 */
@ConfigurationProperties("bot.websocket")
public record WebsocketProperties(@DefaultValue("https://u2c.wbx2.com") URI u2cUrl,
		@DefaultValue("webex-recording-bot") String deviceName, @DefaultValue("15s") Duration pingInterval,
		@DefaultValue("14s") Duration pongTimeout, @DefaultValue("30s") Duration authorizationTimeout,
		@DefaultValue("1s") Duration backoffMin, @DefaultValue("32s") Duration backoffMax, @DefaultValue( {
				"wbx2.com", "webex.com", "ciscospark.com" }) List<String> trustedDomains){

	public WebsocketProperties {
		if (u2cUrl == null || u2cUrl.getScheme() == null || u2cUrl.getHost() == null) {
			throw new IllegalArgumentException(
					"bot.websocket.u2c-url (WEBEX_U2C_URL) must be an absolute URL such as https://u2c.wbx2.com, got "
							+ u2cUrl);
		}
		if (deviceName == null || deviceName.isBlank()) {
			throw new IllegalArgumentException("bot.websocket.device-name must not be empty");
		}
		if ((pongTimeout.isZero() || pongTimeout.isNegative()) || pongTimeout.compareTo(pingInterval) >= 0) {
			throw new IllegalArgumentException("bot.websocket.pong-timeout must be positive and shorter than "
					+ "bot.websocket.ping-interval, got " + pongTimeout + " and " + pingInterval);
		}
		if ((backoffMin.isZero() || backoffMin.isNegative()) || backoffMax.compareTo(backoffMin) < 0) {
			throw new IllegalArgumentException("bot.websocket.backoff-min must be positive and at most "
					+ "bot.websocket.backoff-max, got " + backoffMin + " and " + backoffMax);
		}
		if (trustedDomains == null || trustedDomains.isEmpty()
				|| trustedDomains.stream().anyMatch((d) -> d == null || d.isBlank() || d.contains("/"))) {
			throw new IllegalArgumentException(
					"bot.websocket.trusted-domains must list host names such as wbx2.com, got " + trustedDomains);
		}
		trustedDomains = List.copyOf(trustedDomains);
		String base = u2cUrl.toString();
		u2cUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
	}

}
