package io.github.recordingbot.access;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Chooses where the rate-limit windows are kept: in PostgreSQL, which replicas may share,
 * or in memory on the embedded H2 file, which one process opens.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** A request waits at most this long for the shared windows, then is refused. */
	static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	RateLimiter rateLimiter(Clock clock, DataSource dataSource) {
		if (!onPostgreSql(dataSource)) {
			return new RateLimiter(clock);
		}
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.setQueryTimeout((int) QUERY_TIMEOUT.toSeconds());
		return new RateLimiter(clock, new JdbcRateLimitWindows(new NamedParameterJdbcTemplate(jdbc)));
	}

	@Bean
	Cleanup rateLimitWindowCleanup(JdbcTemplate jdbc, Clock clock) {
		return new Cleanup(jdbc, clock);
	}

	private static boolean onPostgreSql(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return DatabaseDriver.fromProductName(product) == DatabaseDriver.POSTGRESQL;
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot reach the database of spring.datasource.url", ex);
		}
	}

	/**
	 * Deletes the windows of senders who asked nothing for a day: everything in them has
	 * expired. On H2 the table stays empty and this deletes nothing.
	 */
	static class Cleanup {

		private static final Logger logger = LoggerFactory.getLogger(Cleanup.class);

		private final JdbcTemplate jdbc;

		private final Clock clock;

		Cleanup(JdbcTemplate jdbc, Clock clock) {
			this.jdbc = jdbc;
			this.clock = clock;
		}

		@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
		@SchedulerLock(name = "rate-limit-cleanup")
		void run() {
			int deleted = this.jdbc.update("DELETE FROM rate_limit_window WHERE last_request_at <= ?",
					OffsetDateTime.ofInstant(this.clock.instant().minus(RateLimiter.DAY), ZoneOffset.UTC));
			logger.debug("Deleted the rate-limit windows of {} senders quiet for a day", deleted);
		}

	}

}
