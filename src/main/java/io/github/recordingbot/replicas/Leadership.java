package io.github.recordingbot.replicas;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Elects the one replica that does a job only one may do at a time (hold the Webex
 * websocket): the one holding a PostgreSQL session-level advisory lock on a connection of
 * its own. The server releases the lock the moment that connection ends, so a replica
 * that is killed hands over at once; the lock cannot expire under a leader that is alive
 * but slow.
 *
 * <p>
 * Every {@code checkInterval} a standby tries the lock ({@code pg_try_advisory_lock}) and
 * the leader checks on its connection that it still holds it. A check that fails or takes
 * longer than {@code timeout} (the database went away, or the session was ended) revokes
 * the leadership before anything else: the leader stops its job, then waits a little
 * before it competes again, so a healthy replica goes first.
 *
 * <p>
 * A replica that takes the lock waits {@code checkInterval + timeout} before it starts
 * the job: the lock may be free because the previous leader's session ended while that
 * leader still runs (the server ended it, or lost sight of the leader's machine), and
 * such a leader stops its job within that time. The connection asks the server to probe
 * it with TCP keepalives, so that a leader whose machine vanishes without closing its
 * connection loses the lock after about five seconds.
 *
 * @see <a href=
 * "https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS">PostgreSQL
 * advisory locks</a>
 */
public final class Leadership {

	private static final Logger logger = LoggerFactory.getLogger(Leadership.class);

	private final DataSource connections;

	private final long key;

	private final String name;

	private final Duration checkInterval;

	private final Duration timeout;

	private final Candidate candidate;

	private final Clock clock;

	private final ScheduledExecutorService ticks;

	private LockSession session;

	/** Whether this replica holds the lock. */
	private volatile boolean holding;

	/** Whether the candidate was told it leads (some time after the lock was taken). */
	private volatile boolean leading;

	/** When the candidate may start, once the lock is held. */
	private Instant grantAt = Instant.MAX;

	private Instant notBefore = Instant.MIN;

	private String lastProblem;

	/**
	 * @param connections opens a new physical connection to the shared PostgreSQL on each
	 * call (not a pool: the lock lives as long as the connection)
	 * @param key the advisory lock's number, one per job
	 * @param name names this replica in {@code pg_stat_activity}, so that the others can
	 * say who leads
	 * @param checkInterval how often a standby tries the lock and the leader checks it
	 * @param timeout how long one check may take before the leader gives up
	 * @param candidate what this replica does when it leads and when it stops leading
	 * @param clock the time of the pause before competing again
	 */
	public Leadership(DataSource connections, long key, String name, Duration checkInterval, Duration timeout,
			Candidate candidate, Clock clock) {
		this.connections = connections;
		this.key = key;
		this.name = name;
		this.checkInterval = checkInterval;
		this.timeout = timeout;
		this.candidate = candidate;
		this.clock = clock;
		CustomizableThreadFactory threads = new CustomizableThreadFactory("leadership-");
		threads.setDaemon(true);
		this.ticks = Executors.newSingleThreadScheduledExecutor(threads);
	}

	/** Starts competing. */
	public void start() {
		this.ticks.scheduleWithFixedDelay(this::tick, 0, this.checkInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops competing: a leader stops its job first, then releases the lock, so another
	 * replica takes over at once.
	 */
	public void stop() {
		this.ticks.shutdownNow();
		try {
			if (!this.ticks.awaitTermination(this.timeout.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("The leadership check did not end in time");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		revoke("shut down");
		close();
	}

	/** Whether this replica leads now. */
	public boolean leading() {
		return this.leading;
	}

	private void tick() {
		try {
			if (this.holding) {
				check();
				if (this.holding && !this.leading && !this.clock.instant().isBefore(this.grantAt)) {
					this.leading = true;
					logger.info("This replica ({}) leads now", this.name);
					this.candidate.granted();
				}
			}
			else if (!this.clock.instant().isBefore(this.notBefore)) {
				contend();
			}
		}
		catch (RuntimeException ex) {
			// The schedule must go on: a tick that throws would end it silently.
			logger.warn("Leadership check failed", ex);
		}
	}

	private void contend() {
		try {
			LockSession db = session();
			if (db.tryLock()) {
				this.holding = true;
				this.lastProblem = null;
				this.grantAt = this.clock.instant().plus(this.checkInterval).plus(this.timeout);
				return;
			}
			this.lastProblem = null;
			this.candidate.standingBy(db.holder(), null);
		}
		catch (SQLException ex) {
			close();
			String problem = "database connection lost (SQL state " + ex.getSQLState() + ")";
			if (!problem.equals(this.lastProblem)) {
				logger.warn("Cannot compete for the leadership: {}", ex.getMessage());
			}
			this.lastProblem = problem;
			this.candidate.standingBy(null, problem);
		}
	}

	private void check() {
		String lost;
		try {
			lost = (this.session != null && this.session.holds()) ? null : "the lock is no longer held";
		}
		catch (SQLException ex) {
			lost = "database connection lost (SQL state " + ex.getSQLState() + ")";
		}
		if (lost != null) {
			logger.warn("This replica ({}) stops leading: {}", this.name, lost);
			revoke(lost);
			close();
			// a healthy replica goes first
			this.notBefore = this.clock.instant().plus(this.checkInterval).plus(this.timeout);
		}
	}

	private void revoke(String reason) {
		this.holding = false;
		if (this.leading) {
			this.leading = false;
			this.candidate.revoked(reason);
		}
	}

	private LockSession session() throws SQLException {
		if (this.session == null) {
			this.session = LockSession.open(this.connections, this.key, this.name, this.timeout);
		}
		return this.session;
	}

	/** Closing the session also releases the lock, if it is still held. */
	private void close() {
		LockSession held = this.session;
		this.session = null;
		if (held != null) {
			held.close();
		}
	}

	/** What a replica does as it becomes leader, stops leading, or stands by. */
	public interface Candidate {

		/** This replica leads now: start the job. */
		void granted();

		/**
		 * This replica no longer leads: stop the job, and return only once it stopped.
		 * @param reason why, for the log and the status page
		 */
		void revoked(String reason);

		/**
		 * Another replica leads, or none can be known to.
		 * @param holder the leading replica's name, or {@code null} when unknown
		 * @param problem why this replica cannot compete (the database is unreachable),
		 * or {@code null}
		 */
		void standingBy(String holder, String problem);

	}

}
