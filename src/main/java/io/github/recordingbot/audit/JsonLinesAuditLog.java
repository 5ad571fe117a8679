package io.github.recordingbot.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import io.github.recordingbot.BotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes each audit record as one forced JSON line to {@code <bot.log-dir>/audit.jsonl}
 * ({@code audit-<bot.instance-id>.jsonl} when set), rotating the file by size and UTC
 * day.
 *
 * <p>
 * {@code seq} counts from 1 in each process and has no gaps within it; after a restart
 * the existing file is appended to and {@code seq} starts again at 1, so a reader orders
 * by ({@code ts}, file, line) and treats a drop to 1 as a restart. A failed write
 * consumes no {@code seq}.
 */
@Component
public class JsonLinesAuditLog implements AuditLog, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(JsonLinesAuditLog.class);

	private static final Logger auditLogger = LoggerFactory.getLogger("audit");

	private final ReentrantLock lock = new ReentrantLock();

	private final AuditLineFormat format = new AuditLineFormat();

	private final AuditFile file;

	private final Clock clock;

	private long lastSeq;

	// Number of writes refused in the current failure burst; ERROR is logged only on the
	// first.
	private long refused;

	private boolean failing;

	// When the current failure burst began, for the operator alert; null while writable.
	private volatile Instant failingSince;

	public JsonLinesAuditLog(BotProperties bot, AuditProperties properties, ObjectProvider<Clock> clock) {
		Path logDir = bot.logDir();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.file = new AuditFile(logDir, bot.instanceId(), properties.maxFileSize().toBytes(), properties.fsync());
		try {
			this.file.open(today(this.clock.instant()));
		}
		catch (IOException ex) {
			// The application still starts, so health and status stay visible; every
			// request is
			// refused links until the file can be written.
			this.file.close();
			this.failing = true;
			this.failingSince = this.clock.instant();
			logger.error("Audit log {} cannot be opened; requests will get no links until it can: {}", this.file.path(),
					ex.toString());
		}
	}

	@Override
	public void write(AuditRecord record) {
		String line;
		this.lock.lock();
		try {
			Instant now = this.clock.instant();
			long seq = this.lastSeq + 1;
			line = this.format.format(record, seq, now);
			try {
				this.file.append((line + "\n").getBytes(StandardCharsets.UTF_8), today(now));
			}
			catch (IOException ex) {
				onFailure(record, ex);
				throw new AuditUnavailableException("Audit log " + this.file.path() + " cannot be written", ex);
			}
			this.lastSeq = seq;
			onSuccess();
		}
		finally {
			this.lock.unlock();
		}
		// Outside the lock: the file is the record of truth, this copy is for log
		// shipping.
		auditLogger.info("{}", line);
	}

	/**
	 * Since when no audit line could be written; it clears with the next line written.
	 * @return the first failure of the current burst, empty while the log is writable
	 */
	public Optional<Instant> unwritableSince() {
		return Optional.ofNullable(this.failingSince);
	}

	@Override
	public void destroy() {
		this.lock.lock();
		try {
			this.file.close();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void onFailure(AuditRecord record, IOException ex) {
		this.refused++;
		if (!this.failing) {
			this.failing = true;
			this.failingSince = this.clock.instant();
			// Ids only: the record may hold user input, and the line was not written
			// anyway.
			logger.error("Audit log {} cannot be written; refusing links (requestId={}, eventId={}): {}",
					this.file.path(), record.requestId(), record.eventId(), ex.toString());
		}
	}

	private void onSuccess() {
		if (this.failing) {
			this.failing = false;
			this.failingSince = null;
			logger.warn("Audit log {} is writable again after {} refused write(s)", this.file.path(), this.refused);
			this.refused = 0;
		}
	}

	private static LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

}
