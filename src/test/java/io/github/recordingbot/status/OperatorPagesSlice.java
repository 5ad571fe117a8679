package io.github.recordingbot.status;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.recordingbot.replicas.Heartbeats;
import io.github.recordingbot.access.AccessConfigStore;
import io.github.recordingbot.alert.Alerts;
import io.github.recordingbot.conversation.BotIdentity;
import io.github.recordingbot.officer.OfficerCapabilities;
import io.github.recordingbot.officer.OfficerOverview;
import io.github.recordingbot.webex.OfficerRefusals;
import io.github.recordingbot.webex.ProxyFailures;
import io.github.recordingbot.webhook.WebhookProperties;
import io.github.recordingbot.websocket.WebsocketMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The status page and its admin actions in an MVC slice: the two controllers, the
 * security rules ({@link OperatorSecurity}) and the templates; every collaborator a mock.
 * One annotation, so that every test class that uses it shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = { StatusController.class, AdminController.class },
		properties = { "bot.admin-password=" + OperatorSecurity.PASSWORD, "webhook.secret=slice-webhook-secret" })
@MockitoBean(types = { SetupCheck.class, BotIdentity.class, OfficerOverview.class, WebhookRegistration.class,
		AccessConfigStore.class, WebsocketMonitor.class, OfficerCapabilities.class, OfficerRefusals.class,
		ProxyFailures.class, Alerts.class, Heartbeats.class })
@OperatorSecurity
@Import(OperatorPagesSlice.Beans.class)
@interface OperatorPagesSlice {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WebhookProperties.class)
	class Beans {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
