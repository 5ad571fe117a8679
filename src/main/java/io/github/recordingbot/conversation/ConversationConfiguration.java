package io.github.recordingbot.conversation;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The bounded pool chat events are processed on.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

	@Bean(destroyMethod = "shutdown")
	ThreadPoolExecutor chatEventExecutor(WorkerProperties properties) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 60,
				TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.queueCapacity()),
				new CustomizableThreadFactory("chat-"), new ThreadPoolExecutor.AbortPolicy());
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/**
	 * Size of the chat worker pool.
	 *
	 * @param threads requests worked on at once; each mostly waits on Webex, and holds at
	 * most one Webex call at a time, so the default equals the Webex bulkhead's default
	 * ({@code webex.max-concurrent-calls}, 32): more workers would only wait for a call
	 * slot, each with about 120 KB of resident stack
	 * @param queueCapacity requests waiting; beyond it the webhook answers 503
	 */
	@ConfigurationProperties("bot.workers")
	record WorkerProperties(@DefaultValue("32") int threads, @DefaultValue("500") int queueCapacity) {

		WorkerProperties {
			if (threads < 1) {
				throw new IllegalArgumentException("bot.workers.threads must be at least 1, got " + threads);
			}
			if (queueCapacity < 1) {
				throw new IllegalArgumentException(
						"bot.workers.queue-capacity must be at least 1, got " + queueCapacity);
			}
		}

	}

}
