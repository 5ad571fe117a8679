package io.github.recordingbot.status;

import io.github.recordingbot.BotProperties;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import io.github.recordingbot.support.TestClock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The bot's security rules for an MVC slice test: {@link SecurityConfiguration} (the
 * filter chain, the operator's login, the Content-Security-Policy) with the login
 * throttle it needs and the test clock. The operator's password is
 * {@code bot.admin-password}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({ SecurityConfiguration.class, LoginAttempts.class, OperatorSecurity.Beans.class })
public @interface OperatorSecurity {

	/** The operator's password in the slice tests. */
	String PASSWORD = "slice-admin-password";

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BotProperties.class)
	class Beans {

		@Bean
		Clock clock() {
			return TestClock.clock();
		}

	}

}
