package io.github.recordingbot.conversation;

import java.time.Clock;
import java.time.Duration;

import io.github.recordingbot.BotProperties;
import io.github.recordingbot.replicas.Database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Chooses where seen events are kept: in the database when replicas may share it
 * (PostgreSQL), in memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
class SeenEventsConfiguration {

	/** How long an event id is remembered: Webex redelivers within minutes. */
	static final Duration WINDOW = Duration.ofHours(1);

	@Bean
	SeenEvents seenEvents(Database database, JdbcTemplate jdbc, SeenEventsProperties inbox, BotProperties bot,
			Clock clock) {
		return database.sharedByReplicas() ? new JdbcSeenEvents(jdbc, WINDOW, inbox,
				bot.instanceId().isEmpty() ? "unnamed" : bot.instanceId(), clock) : new InMemorySeenEvents(WINDOW);
	}

}
