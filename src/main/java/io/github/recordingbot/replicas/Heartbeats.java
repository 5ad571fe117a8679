package io.github.recordingbot.replicas;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replicas' heartbeats in table {@code replica_heartbeat}: each replica writes its
 * own row, and the status page lists every replica seen in the last hour. On the embedded
 * H2 file, which one process opens, the list is this instance only: rows left by earlier
 * runs under another host name are not replicas.
 */
public class Heartbeats {

	/** Replicas not seen for this long are no longer listed. */
	public static final Duration LISTED_FOR = Duration.ofHours(1);

	private static final String COLUMNS = "instance_id, started_at, last_seen, mode, version, health";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final String self;

	private final boolean shared;

	Heartbeats(JdbcTemplate jdbc, Clock clock, String self, boolean shared) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.self = self;
		this.shared = shared;
	}

	/** This replica's instance id, as its heartbeat names it. */
	public String self() {
		return this.self;
	}

	/** Whether the list can show other replicas: the database is shared. */
	public boolean shared() {
		return this.shared;
	}

	/**
	 * The replicas seen recently, this one included once it has written.
	 * @return by instance id
	 * @throws org.springframework.dao.DataAccessException when the database does not
	 * answer
	 */
	public List<Heartbeat> recent() {
		OffsetDateTime since = utc(this.clock.instant().minus(LISTED_FOR));
		return this.shared
				? this.jdbc.query(
						"SELECT " + COLUMNS + " FROM replica_heartbeat WHERE last_seen > ? ORDER BY instance_id",
						Heartbeats::heartbeat, since)
				: this.jdbc.query("SELECT " + COLUMNS + " FROM replica_heartbeat WHERE instance_id = ?",
						Heartbeats::heartbeat, this.self);
	}

	/** Writes this replica's row: one update, an insert the first time. */
	void write(Heartbeat beat) {
		Object[] values = { utc(beat.startedAt()), utc(beat.lastSeen()), beat.mode(), beat.version(), beat.health(),
				beat.instanceId() };
		String update = "UPDATE replica_heartbeat SET started_at = ?, last_seen = ?, mode = ?, version = ?, health = ? "
				+ "WHERE instance_id = ?";
		if (this.jdbc.update(update, values) > 0) {
			return;
		}
		try {
			this.jdbc
				.update("INSERT INTO replica_heartbeat (started_at, last_seen, mode, version, health, instance_id) "
						+ "VALUES (?, ?, ?, ?, ?, ?)", values);
		}
		catch (DuplicateKeyException ex) {
			// a process with the same instance id inserted it first
			this.jdbc.update(update, values);
		}
	}

	/** Deletes the rows of replicas not seen for a day. */
	int deleteOlderThan(Duration age) {
		return this.jdbc.update("DELETE FROM replica_heartbeat WHERE last_seen <= ?",
				utc(this.clock.instant().minus(age)));
	}

	private static Heartbeat heartbeat(ResultSet row, int i) throws SQLException {
		return new Heartbeat(row.getString("instance_id"), instant(row, "started_at"), instant(row, "last_seen"),
				row.getString("mode"), row.getString("version"), row.getString("health"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
