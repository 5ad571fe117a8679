package io.github.recordingbot.alert;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.recordingbot.access.AccessRules;
import io.github.recordingbot.webex.WebexClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the evaluator and its sender, which posts on one daemon thread with a bounded
 * queue: a message waits for Webex there, never in a user's request. (The executor is no
 * bean, so Spring Boot's own task executor stays as it is.)
 */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

	@Bean
	AlertSender alertSender(WebexClient webex, AlertStore store) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(100), (runnable) -> {
					Thread thread = new Thread(runnable, "operator-alerts");
					thread.setDaemon(true);
					return thread;
				});
		return new AlertSender(webex, store, executor);
	}

	@Bean
	Alerts alerts(List<ConditionCheck> checks, AlertStore store, AccessRules rules, AlertTexts texts,
			AlertSender alertSender, AlertProperties properties, Clock clock) {
		return new Alerts(checks, store, rules, texts, alertSender, properties, clock);
	}

}
