package io.github.recordingbot.status;

import io.github.recordingbot.BotProperties;
import jakarta.servlet.SessionCookieConfig;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator's session cookie (login, the officer's pending authorization) is
 * {@code Secure} when the bot is reached over https ({@code PUBLIC_BASE_URL}): behind a
 * TLS-terminating proxy the servlet container cannot tell by itself. {@code HttpOnly} and
 * {@code SameSite=Lax} are in {@code application.properties}.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

	@Bean
	ServletContextInitializer secureSessionCookie(BotProperties bot) {
		boolean secure = bot.isHttps();
		return (servletContext) -> {
			SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
			if (secure) {
				cookie.setSecure(true);
			}
		};
	}

}
