package io.github.recordingbot.websocket;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.recordingbot.webex.Sleeper;
import io.github.recordingbot.conversation.ChatEvents;
import io.github.recordingbot.webex.ProxySettings;
import io.github.recordingbot.webex.WebexHttp;
import io.github.recordingbot.webex.WebexProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;

/**
 * The websocket transport's beans, present only when {@code bot.mode} is
 * {@code websocket}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bot.mode", havingValue = "websocket")
class WebsocketConfiguration {

	@Bean
	DeviceRegistry websocketDeviceRegistry(WebsocketProperties properties, WebexProperties webex,
			RestClient.Builder builder, WebexHttp http) {
		return new DeviceRegistry(http.configure(builder.clone()).build(), properties, webex.botAccessToken());
	}

	@Bean
	MercuryClient mercuryClient(DeviceRegistry registry, ChatEvents events, WebsocketProperties properties,
			WebsocketMonitor monitor, WebexProperties webex, ProxySettings proxy, Clock clock) {
		// Not a bean: a ScheduledExecutorService bean would replace Spring Boot's task
		// scheduler.
		ScheduledExecutorService keepalive = Executors
			.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("mercury-keepalive-"));
		// the JDK's websocket client: through the proxy with a CONNECT tunnel
		HttpClient http = proxy.configure(HttpClient.newBuilder().connectTimeout(webex.connectTimeout())).build();
		return new MercuryClient(registry, events, properties, monitor, webex.botAccessToken(), http, keepalive,
				Sleeper.THREAD, clock);
	}

}
