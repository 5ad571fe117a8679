package io.github.recordingbot.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Seen events in PostgreSQL's {@code processed_event} table, shared by every replica: the
 * first to insert an event's key handles it. One statement per event, whose primary key
 * settles a race between replicas; the same statement stores what it takes to handle the
 * event again (its kind, id, sender and meeting instance, never a token, text or link)
 * and who took it when, so that another replica can finish it if this one dies.
 */
class JdbcSeenEvents implements SeenEvents {

	private static final Logger logger = LoggerFactory.getLogger(JdbcSeenEvents.class);

	private static final String ENVELOPE = "kind,event_id,person_id,meeting_instance_id,received_at";

	private final JdbcTemplate jdbc;

	private final Duration window;

	private final SeenEventsProperties inbox;

	private final String instance;

	private final Clock clock;

	JdbcSeenEvents(JdbcTemplate jdbc, Duration window, SeenEventsProperties inbox, String instance, Clock clock) {
		this.jdbc = jdbc;
		this.window = window;
		this.inbox = inbox;
		this.instance = instance;
		this.clock = clock;
	}

	@Override
	public boolean firstSighting(ChatEvent event) {
		Instant now = this.clock.instant();
		OffsetDateTime expired = utc(now.minus(this.window));
		// Inserts the event, or takes over a row older than the window that the clean-up
		// has not deleted yet, or one whose taker let its lease run out without finishing
		// (it died): a redelivery then hands it to this replica at once. Any other row is
		// left alone and counts 0.
		return this.jdbc.update("""
				INSERT INTO processed_event (event_key, seen_at, %s, claimed_by, claimed_at, attempts)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
				ON CONFLICT (event_key) DO UPDATE SET seen_at = EXCLUDED.seen_at,
				  claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at, done_at = NULL,
				  attempts = CASE WHEN processed_event.seen_at <= ? THEN 1 ELSE processed_event.attempts + 1 END
				WHERE processed_event.seen_at <= ?
				  OR (processed_event.done_at IS NULL AND processed_event.claimed_at <= ?
				      AND processed_event.attempts < ?)""".formatted(ENVELOPE), SeenEvents.key(event), utc(now),
				event.kind().name(), event.eventId(), event.personId(), event.meetingInstanceId(),
				utc((event.received() != null) ? event.received() : now), this.instance, utc(now), expired, expired,
				utc(now.minus(this.inbox.lease())), this.inbox.maxAttempts()) == 1;
	}

	@Override
	public boolean start(ChatEvent event) {
		try {
			boolean held = this.jdbc.update(
					"UPDATE processed_event SET claimed_at = ? WHERE event_key = ? AND claimed_by = ? AND done_at IS NULL",
					utc(this.clock.instant()), SeenEvents.key(event), this.instance) == 1;
			if (!held) {
				logger.info("Dropped event {}: another replica took it over while it waited here", event.eventId());
			}
			return held;
		}
		catch (DataAccessException ex) {
			logger.warn("Could not renew the hold on event {}; handling it anyway: {}", event.eventId(), ex.toString());
			return true;
		}
	}

	@Override
	public void done(ChatEvent event) {
		try {
			this.jdbc.update("UPDATE processed_event SET done_at = ? WHERE event_key = ? AND done_at IS NULL",
					utc(this.clock.instant()), SeenEvents.key(event));
		}
		catch (DataAccessException ex) {
			logger.warn("Could not record event {} as done; another replica may answer it again after {}: {}",
					event.eventId(), this.inbox.lease(), ex.toString());
		}
	}

	@Override
	public void forget(ChatEvent event) {
		this.jdbc.update("DELETE FROM processed_event WHERE event_key = ?", SeenEvents.key(event));
	}

	@Override
	public List<ChatEvent> takeOverUnfinished(int limit) {
		Instant now = this.clock.instant();
		// SKIP LOCKED: replicas looking at once each take different rows, none waits.
		return this.jdbc.query("""
				UPDATE processed_event SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1
				WHERE event_key IN (SELECT event_key FROM processed_event
				  WHERE done_at IS NULL AND claimed_at <= ? AND attempts < ?
				  ORDER BY claimed_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING %s""".formatted(ENVELOPE), JdbcSeenEvents::event, this.instance, utc(now),
				utc(now.minus(this.inbox.lease())), this.inbox.maxAttempts(), limit);
	}

	@Override
	public List<ChatEvent> giveUpExhausted(int limit) {
		Instant now = this.clock.instant();
		return this.jdbc.query("""
				UPDATE processed_event SET claimed_by = ?, done_at = ?
				WHERE event_key IN (SELECT event_key FROM processed_event
				  WHERE done_at IS NULL AND claimed_at <= ? AND attempts >= ?
				  ORDER BY claimed_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING %s""".formatted(ENVELOPE), JdbcSeenEvents::event, this.instance, utc(now),
				utc(now.minus(this.inbox.lease())), this.inbox.maxAttempts(), limit);
	}

	/**
	 * Deletes the finished rows past the window. Every replica may run it: a row deleted
	 * twice is still deleted once. An unfinished row stays until it is finished or given
	 * up.
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void deleteExpired() {
		int deleted = this.jdbc.update("DELETE FROM processed_event WHERE seen_at <= ? AND done_at IS NOT NULL",
				utc(this.clock.instant().minus(this.window)));
		logger.debug("Deleted {} processed event ids older than {}", deleted, this.window);
	}

	private static ChatEvent event(ResultSet row, int number) throws SQLException {
		return new ChatEvent(ChatEvent.Kind.valueOf(row.getString("kind")), row.getString("event_id"),
				row.getString("person_id"), null, row.getString("meeting_instance_id"),
				row.getObject("received_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
