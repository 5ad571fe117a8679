package io.github.recordingbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Seen events in PostgreSQL's {@code processed_event} table, shared by every replica: the
 * first to insert an event's key handles it. One statement per event, whose primary key
 * settles a race between replicas.
 */
class JdbcSeenEvents implements SeenEvents {

	private static final Logger logger = LoggerFactory.getLogger(JdbcSeenEvents.class);

	private final JdbcTemplate jdbc;

	private final Duration window;

	private final Clock clock;

	JdbcSeenEvents(JdbcTemplate jdbc, Duration window, Clock clock) {
		this.jdbc = jdbc;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public boolean firstSighting(String key) {
		Instant now = this.clock.instant();
		// Inserts the key, or takes over a row older than the window that the clean-up
		// has not deleted yet; a row within the window is left alone and counts 0.
		return this.jdbc.update("""
				INSERT INTO processed_event (event_key, seen_at) VALUES (?, ?)
				ON CONFLICT (event_key) DO UPDATE SET seen_at = EXCLUDED.seen_at
				WHERE processed_event.seen_at <= ?""", key, utc(now), utc(now.minus(this.window))) == 1;
	}

	@Override
	public void forget(String key) {
		this.jdbc.update("DELETE FROM processed_event WHERE event_key = ?", key);
	}

	/**
	 * Deletes the rows past the window. Every replica may run it: a row deleted twice is
	 * still deleted once.
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void deleteExpired() {
		int deleted = this.jdbc.update("DELETE FROM processed_event WHERE seen_at <= ?",
				utc(this.clock.instant().minus(this.window)));
		logger.debug("Deleted {} processed event ids older than {}", deleted, this.window);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
