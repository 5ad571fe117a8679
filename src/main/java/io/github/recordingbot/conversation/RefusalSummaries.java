package io.github.recordingbot.conversation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.github.recordingbot.access.RefusalThrottle;
import io.github.recordingbot.audit.AuditLog;
import io.github.recordingbot.audit.AuditRecord;
import io.github.recordingbot.audit.AuditRecord.Requester;
import io.github.recordingbot.audit.AuditUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Audits the refusals that {@link RefusalThrottle} kept quiet and no later answered
 * refusal accounted for: one {@code summary} line per sender and closed window, and the
 * rest at shutdown, so that every request still leaves its trace in the audit log.
 */
@Component
class RefusalSummaries implements DisposableBean {

	static final String COMMAND = "summary";

	private static final Logger logger = LoggerFactory.getLogger(RefusalSummaries.class);

	private final RefusalThrottle refusals;

	private final AuditLog audit;

	private final Clock clock;

	RefusalSummaries(RefusalThrottle refusals, AuditLog audit, Clock clock) {
		this.refusals = refusals;
		this.audit = audit;
		this.clock = clock;
	}

	/** Writes the summaries of the windows that have closed. */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void writeClosedWindows() {
		write(this.refusals.closedWindows());
	}

	/** Writes every count still held, whether its window closed or not. */
	void writeAll() {
		write(this.refusals.drain());
	}

	@Override
	public void destroy() {
		writeAll();
	}

	private void write(List<RefusalThrottle.Summary> summaries) {
		for (RefusalThrottle.Summary summary : summaries) {
			RefusalThrottle.Sender sender = summary.sender();
			AuditRecord record = new AuditRecord(this.clock.instant(), UUID.randomUUID().toString(), null,
					new Requester(sender.email(), sender.personId()), sender.roomType(), COMMAND, null, null, null,
					AuditTrail.decision(Reason.NOT_APPROVED), Reason.NOT_APPROVED.code(0), List.of(), List.of(), 0,
					summary.suppressed());
			try {
				this.audit.write(record);
			}
			catch (AuditUnavailableException ex) {
				// The audit log already reports its own failure; say what this line held.
				logger.error("Audit unavailable: {} refusal(s) to person {} since {} are not audited",
						summary.suppressed(), sender.personId(), summary.since());
			}
		}
	}

}
