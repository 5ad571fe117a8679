package io.github.recordingbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.recordingbot.audit.AuditLog;
import io.github.recordingbot.audit.AuditRecord;
import io.github.recordingbot.audit.AuditRecord.Decision;
import io.github.recordingbot.audit.AuditRecord.Requester;
import io.github.recordingbot.audit.AuditUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes the events a replica acknowledged and never answered because it died (or was
 * stopped) mid-request: every replica looks now and then for events whose lease ran out,
 * takes some (each row goes to one replica) and handles them on its chat workers, as if
 * they had just arrived (a replica that still holds one in its queue drops it when a
 * worker gets to it: {@link SeenEvents#start}). An event taken
 * {@code bot.inbox.max-attempts} times without being finished is given up, with an audit
 * line and an error in the log. With the in-memory de-duplication (one bot on H2) there
 * is never anything to take over.
 */
@Component
class SeenEventsRecovery {

	private static final Logger logger = LoggerFactory.getLogger(SeenEventsRecovery.class);

	/** The reason code of the audit line for an event given up. */
	static final String GAVE_UP = "unfinished_after_attempts";

	private static final int BATCH = 50;

	private final SeenEvents seen;

	private final Conversation conversation;

	private final ThreadPoolExecutor executor;

	private final AuditLog audit;

	private final SeenEventsProperties properties;

	private final Clock clock;

	SeenEventsRecovery(SeenEvents seen, Conversation conversation,
			@Qualifier("chatEventExecutor") ThreadPoolExecutor executor, AuditLog audit,
			SeenEventsProperties properties, Clock clock) {
		this.seen = seen;
		this.conversation = conversation;
		this.executor = executor;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Gives up the exhausted events, then takes over as many as the workers have room
	 * for.
	 */
	@Scheduled(fixedDelayString = "${bot.inbox.recovery-interval:PT30S}",
			initialDelayString = "${bot.inbox.recovery-interval:PT30S}")
	void run() {
		try {
			this.seen.giveUpExhausted(BATCH).forEach(this::giveUp);
			int room = Math.min(BATCH, this.executor.getQueue().remainingCapacity());
			List<ChatEvent> taken = (room > 0) ? this.seen.takeOverUnfinished(room) : List.of();
			taken.forEach(this::handle);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not look for unfinished events; will look again in {}: {}",
					this.properties.recoveryInterval(), ex.toString());
		}
	}

	private void handle(ChatEvent event) {
		logger.warn("Taking over event {}: acknowledged at {} and not finished within {}", event.eventId(),
				event.received(), this.properties.lease());
		try {
			this.executor.execute(this.seen.handling(event, this.conversation::handle));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Work queue is full; event {} is taken over again after {}", event.eventId(),
					this.properties.lease());
		}
	}

	private void giveUp(ChatEvent event) {
		logger.error("Gave up on event {} (received {}): taken {} times and never finished; the sender got no answer",
				event.eventId(), event.received(), this.properties.maxAttempts());
		AuditRecord record = new AuditRecord(this.clock.instant(), UUID.randomUUID().toString(), event.eventId(),
				new Requester(null, event.personId()), null, "unknown", null, null, null, Decision.UPSTREAM_ERROR,
				GAVE_UP, List.of(), List.of(), Duration.between(event.received(), this.clock.instant()).toMillis(), 0);
		try {
			this.audit.write(record);
		}
		catch (AuditUnavailableException ex) {
			logger.error("Audit unavailable; the line for event {} given up is missing", event.eventId());
		}
	}

}
