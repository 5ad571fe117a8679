package io.github.recordingbot.webex;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interceptor every Webex call goes through: bulkhead, waits and retries.
 */
@Configuration(proxyBeanMethods = false)
class WebexConfiguration {

	@Bean
	WebexResilience webexResilience(WebexResilienceProperties properties, Clock clock) {
		// ThreadLocalRandom.current() is one shared instance that draws from the calling
		// thread's seed.
		return new WebexResilience(properties, clock, Sleeper.THREAD, ThreadLocalRandom.current());
	}

}
