package io.github.recordingbot.officer;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the officer's token well before it expires, even with no chat traffic, so the
 * 90-day refresh token never idles out. After a failure it waits longer each time, up to
 * {@code officer.max-retry-delay}. One replica at a time runs it.
 */
@Component
class ScheduledRefresh {

	static final Duration FIRST_RETRY = Duration.ofMinutes(15);

	private final OfficerTokenSource tokens;

	private final AuthorizationRecords records;

	private final OfficerProperties officer;

	private final Clock clock;

	ScheduledRefresh(OfficerTokenSource tokens, AuthorizationRecords records, OfficerProperties officer, Clock clock) {
		this.tokens = tokens;
		this.records = records;
		this.officer = officer;
		this.clock = clock;
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

	Duration backoff(int failures) {
		Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
		return (delay.compareTo(this.officer.maxRetryDelay()) > 0) ? this.officer.maxRetryDelay() : delay;
	}

}
