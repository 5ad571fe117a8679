package io.github.recordingbot;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans shared by every feature.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

	/** Time comes from here, so that tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
