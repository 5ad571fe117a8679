package io.github.recordingbot.replicas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * The connection of its own on which a replica holds, or tries, {@link Leadership}'s
 * advisory lock: named after the replica so that the others can say who holds it, with a
 * network timeout on every query, and with TCP keepalives asked of the server.
 */
final class LockSession implements AutoCloseable {

	/** What {@code application_name} of the lock's connection starts with. */
	static final String APPLICATION_NAME = "recording-bot ";

	/**
	 * Names the session, and asks the server to notice a peer that vanished (no FIN, no
	 * RST) by keepalive probes: 2 s idle, then 3 probes 1 s apart; the server then ends
	 * the session, which frees the lock.
	 */
	private static final String SESSION = """
			SELECT set_config('application_name', ?, false), set_config('tcp_keepalives_idle', '2', false),
			set_config('tcp_keepalives_interval', '1', false), set_config('tcp_keepalives_count', '3', false)
			""";

	private static final String HOLDER = """
			SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
			AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.database = (
			SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1
			""";

	private static final String HOLDING = """
			SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
			AND classid::bigint = ? AND objid::bigint = ? AND pid = pg_backend_pid()
			""";

	private final Connection db;

	private final long key;

	private LockSession(Connection db, long key) {
		this.db = db;
		this.key = key;
	}

	/**
	 * Opens a new physical connection and names its session.
	 * @param connections opens a new connection on each call
	 * @param key the advisory lock's number
	 * @param name this replica's name
	 * @param timeout how long any query may take before the connection counts as lost
	 */
	static LockSession open(DataSource connections, long key, String name, Duration timeout) throws SQLException {
		Connection db = connections.getConnection();
		try {
			db.setAutoCommit(true);
			db.setNetworkTimeout(Runnable::run, (int) timeout.toMillis());
			try (PreparedStatement settings = db.prepareStatement(SESSION)) {
				settings.setString(1, APPLICATION_NAME + name);
				settings.execute();
			}
		}
		catch (SQLException ex) {
			db.close();
			throw ex;
		}
		return new LockSession(db, key);
	}

	/** Takes the lock if it is free; never waits. */
	boolean tryLock() throws SQLException {
		try (PreparedStatement lock = this.db.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, this.key);
			try (ResultSet result = lock.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/** Whether this session holds the lock. */
	boolean holds() throws SQLException {
		try (PreparedStatement query = this.db.prepareStatement(HOLDING)) {
			query.setLong(1, this.key >>> 32);
			query.setLong(2, this.key & 0xFFFF_FFFFL);
			try (ResultSet result = query.executeQuery()) {
				return result.next() && result.getLong(1) > 0;
			}
		}
	}

	/** The name of the replica holding the lock, if the database says. */
	String holder() throws SQLException {
		try (PreparedStatement query = this.db.prepareStatement(HOLDER)) {
			query.setLong(1, this.key >>> 32);
			query.setLong(2, this.key & 0xFFFF_FFFFL);
			try (ResultSet result = query.executeQuery()) {
				String applicationName = result.next() ? result.getString(1) : null;
				return (applicationName != null && applicationName.startsWith(APPLICATION_NAME))
						? applicationName.substring(APPLICATION_NAME.length()) : null;
			}
		}
	}

	/** Ends the session, which releases the lock if it is held. */
	@Override
	public void close() {
		try {
			this.db.close();
		}
		catch (SQLException ex) {
			// gone anyway
		}
	}

}
