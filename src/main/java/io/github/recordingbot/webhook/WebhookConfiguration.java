package io.github.recordingbot.webhook;

import java.time.Clock;

import io.github.recordingbot.conversation.ChatEvents;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@code POST /webhook} as its own async servlet beside Spring MVC's, which
 * reads request bodies with blocking I/O.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	ServletRegistrationBean<WebhookServlet> webhookServlet(WebhookProperties properties, ChatEvents events, Clock clock,
			PreviousSecretWindow previousSecret) {
		ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(
				new WebhookServlet(properties, new WebhookReceiver(properties, events, clock, previousSecret)),
				WebhookServlet.PATH);
		registration.setName("webhook");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

}
