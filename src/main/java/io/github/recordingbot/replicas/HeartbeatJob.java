package io.github.recordingbot.replicas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Writes this replica's heartbeat every fifteen seconds, marks it stopped at a graceful
 * shutdown, and deletes the rows of replicas gone for a day (one replica at a time).
 */
class HeartbeatJob {

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatJob.class);

	/** Rows of replicas not seen for this long are deleted. */
	static final Duration KEPT_FOR = Duration.ofDays(1);

	private final Heartbeats heartbeats;

	private final SelfReport report;

	private final Clock clock;

	private final Instant started;

	private final String version;

	private volatile boolean stopped;

	HeartbeatJob(Heartbeats heartbeats, SelfReport report, Clock clock) {
		this.heartbeats = heartbeats;
		this.report = report;
		this.clock = clock;
		this.started = clock.instant();
		String implementation = HeartbeatJob.class.getPackage().getImplementationVersion();
		this.version = (implementation != null) ? implementation : "development";
	}

	@Scheduled(fixedRateString = "PT15S")
	void beat() {
		if (!this.stopped) {
			write(null);
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		// a beat that runs after this one would say the replica is up
		this.stopped = true;
		write(Heartbeat.STOPPED);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	@SchedulerLock(name = "replica-heartbeat-cleanup")
	void deleteGone() {
		int deleted = this.heartbeats.deleteOlderThan(KEPT_FOR);
		logger.debug("Deleted the heartbeats of {} replicas gone for {}", deleted, KEPT_FOR);
	}

	/** Writes the heartbeat with this health, or with the report's when {@code null}. */
	private void write(String health) {
		try {
			this.heartbeats.write(new Heartbeat(this.heartbeats.self(), this.started, this.clock.instant(),
					this.report.mode(), this.version, (health != null) ? health : this.report.health()));
		}
		catch (DataAccessException ex) {
			// the status page of another replica shows this one as stale
			logger.warn("Could not write the heartbeat of replica {}: {}", this.heartbeats.self(),
					ex.getMostSpecificCause().getClass().getSimpleName());
		}
	}

}
