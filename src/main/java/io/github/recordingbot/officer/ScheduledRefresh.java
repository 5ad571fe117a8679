package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Duration;

import io.github.recordingbot.webex.Backoff;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the officer's token well before it expires, even with no chat traffic, so the
 * 90-day refresh token never idles out. After a failure it waits longer each time (the
 * bot's one {@link Backoff}, from 15 minutes doubling up to
 * {@code officer.max-retry-delay}); the failures are counted in the store, so the waits
 * hold across restarts and replicas. One replica at a time runs it.
 */
@Component
class ScheduledRefresh {

	static final Duration FIRST_RETRY = Duration.ofMinutes(15);

	private final OfficerTokenSource tokens;

	private final AuthorizationRecords records;

	private final Clock clock;

	private final Backoff backoff;

	ScheduledRefresh(OfficerTokenSource tokens, AuthorizationRecords records, OfficerProperties officer, Clock clock) {
		this.tokens = tokens;
		this.records = records;
		this.clock = clock;
		this.backoff = Backoff.exponential(FIRST_RETRY, officer.maxRetryDelay());
	}

	@Scheduled(fixedDelayString = "${officer.refresh-check-interval:PT15M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "officer-refresh")
	void run() {
		boolean waiting = this.records.find()
			.filter((d) -> d.refreshFailures() > 0 && d.lastRefreshAt() != null)
			.map((d) -> this.clock.instant().isBefore(d.lastRefreshAt().plus(backoff(d.refreshFailures()))))
			.orElse(false);
		if (!waiting) {
			this.tokens.refreshIfDue();
		}
	}

	/** The wait after the given number of failed refreshes in a row, at least one. */
	Duration backoff(int failures) {
		return this.backoff.delay(failures - 1);
	}

}
