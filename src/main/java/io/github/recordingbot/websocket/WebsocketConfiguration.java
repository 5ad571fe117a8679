package io.github.recordingbot.websocket;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.conversation.ChatEvents;
import io.github.recordingbot.replicas.Database;
import io.github.recordingbot.replicas.Leadership;
import io.github.recordingbot.webex.Sleeper;
import io.github.recordingbot.webex.ProxySettings;
import io.github.recordingbot.webex.WebexHttp;
import io.github.recordingbot.webex.WebexProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;

/**
 * The websocket transport's beans, present only when {@code bot.mode} is
 * {@code websocket}. On a PostgreSQL shared by replicas, the one that holds the websocket
 * is elected by an advisory lock ({@link Leadership}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bot.mode", havingValue = "websocket")
class WebsocketConfiguration {

	/**
	 * The advisory lock of the websocket among the database's advisory locks ("RecBot" +
	 * 2; the officer's refresh lock is 1).
	 */
	static final long LEADER_LOCK = 0x5265_6342_6f74_0002L;

	@Bean
	DeviceRegistry websocketDeviceRegistry(WebsocketProperties properties, WebexProperties webex,
			RestClient.Builder builder, WebexHttp http) {
		return new DeviceRegistry(http.configure(builder.clone()).build(), properties, webex.botAccessToken());
	}

	@Bean
	WebsocketHolder websocketHolder(DeviceRegistry registry, ChatEvents events, WebsocketProperties properties,
			WebsocketMonitor monitor, WebexProperties webex, ProxySettings proxy, Clock clock, Database database,
			JdbcConnectionDetails jdbc, WebsocketLeaderProperties leader, BotProperties bot) {
		// the JDK's websocket client: through the proxy with a CONNECT tunnel
		HttpClient http = proxy.configure(HttpClient.newBuilder().connectTimeout(webex.connectTimeout())).build();
		Supplier<MercuryClient> clients = () -> {
			// Not a bean: a ScheduledExecutorService bean would replace Spring Boot's
			// task
			// scheduler. One per client, which shuts it down when it stops.
			ScheduledExecutorService keepalive = Executors
				.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("mercury-keepalive-"));
			return new MercuryClient(registry, events, properties, monitor, webex.botAccessToken(), http, keepalive,
					Sleeper.THREAD, clock);
		};
		String name = bot.instanceId().isEmpty() ? "unnamed" : bot.instanceId();
		Function<Leadership.Candidate, Leadership> leadership = database.sharedByReplicas()
				? (candidate) -> new Leadership(lockConnections(jdbc), LEADER_LOCK, name, leader.checkInterval(),
						leader.timeout(), candidate, clock)
				: null;
		return new WebsocketHolder(clients, leadership, monitor, name);
	}

	/** Shown as {@code websocket} in {@code /actuator/health}. */
	@Bean
	WebsocketHealth websocketHealthIndicator(WebsocketMonitor monitor) {
		return new WebsocketHealth(monitor);
	}

	/**
	 * Fresh connections outside the pool: the lock lives as long as its connection, and a
	 * pool would hold one of its connections for good.
	 */
	private static DataSource lockConnections(JdbcConnectionDetails jdbc) {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.driverClassName(jdbc.getDriverClassName())
			.url(jdbc.getJdbcUrl())
			.username(jdbc.getUsername())
			.password(jdbc.getPassword())
			.build();
	}

}
