package io.github.recordingbot.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The alert state in the shared JDBC store ({@code alert_condition},
 * {@code alert_notice}; schema in {@code db/migration/{vendor}/V2__operator_alerts.sql}),
 * so that a restart or another replica knows what the operators were already told. Every
 * claim to tell an operator is a conditional write on the values last read: of several
 * replicas, only the one whose write changed the row sends.
 */
@Component
class AlertStore {

	private static final String SEPARATOR = "\u001f";

	private final JdbcTemplate jdbc;

	AlertStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records that a replica sees the condition now; opens it unless it is open. */
	void seen(Condition condition, ConditionCheck.Observation observation, Instant now) {
		String id = condition.id();
		String args = String.join(SEPARATOR, observation.args());
		Instant since = (observation.since() != null && observation.since().isBefore(now)) ? observation.since() : now;
		for (int attempt = 0; attempt < 2; attempt++) {
			if (this.jdbc.update(
					"UPDATE alert_condition SET last_seen = ?, variant = ?, args = ? "
							+ "WHERE condition_id = ? AND cleared_at IS NULL",
					ts(now), observation.variant(), args, id) == 1) {
				return;
			}
			if (this.jdbc.update(
					"UPDATE alert_condition SET since = ?, opened_at = ?, last_seen = ?, variant = ?, args = ?, "
							+ "cleared_at = NULL WHERE condition_id = ? AND cleared_at IS NOT NULL",
					ts(since), ts(now), ts(now), observation.variant(), args, id) == 1) {
				return;
			}
			try {
				this.jdbc.update(
						"INSERT INTO alert_condition (condition_id, since, opened_at, last_seen, variant, args) "
								+ "VALUES (?, ?, ?, ?, ?, ?)",
						id, ts(since), ts(now), ts(now), observation.variant(), args);
				return;
			}
			catch (DuplicateKeyException ex) {
				// another replica opened it just now: record the sighting on its row
			}
		}
	}

	/**
	 * Clears the condition if no replica has seen it since {@code seenBefore}.
	 * @return whether this call cleared it
	 */
	boolean notSeen(Condition condition, Instant now, Instant seenBefore) {
		return this.jdbc
			.update("UPDATE alert_condition SET cleared_at = ? WHERE condition_id = ? AND cleared_at IS NULL "
					+ "AND last_seen < ?", ts(now), condition.id(), ts(seenBefore)) == 1;
	}

	List<ConditionRow> conditions() {
		return this.jdbc.query("SELECT * FROM alert_condition ORDER BY condition_id", (rs, n) -> condition(rs))
			.stream()
			.filter((row) -> row.condition() != null)
			.toList();
	}

	List<Notice> notices() {
		return this.jdbc.query("SELECT * FROM alert_notice ORDER BY condition_id, operator_email",
				(rs, n) -> new Notice(rs.getString("condition_id"), rs.getString("operator_email"),
						instant(rs.getTimestamp("opened_at")), Kind.valueOf(rs.getString("kind")),
						instant(rs.getTimestamp("told_at"))));
	}

	/**
	 * Claims the right to tell an operator, if the notice row still holds what was read.
	 * @param previous the row as read, {@code null} if there was none
	 * @param next the row after telling
	 * @return whether this replica won the claim and must send
	 */
	boolean claim(@Nullable Notice previous, Notice next) {
		if (previous == null) {
			try {
				return this.jdbc.update(
						"INSERT INTO alert_notice (condition_id, operator_email, opened_at, kind, "
								+ "told_at) VALUES (?, ?, ?, ?, ?)",
						next.conditionId(), next.operator(), ts(next.openedAt()), next.kind().name(),
						ts(next.toldAt())) == 1;
			}
			catch (DuplicateKeyException ex) {
				return false;
			}
		}
		return replace(previous, next);
	}

	/** Gives a claim back after the message could not be sent, so it is retried. */
	void release(Notice previous, Notice claimed) {
		if (previous == null) {
			this.jdbc.update(
					"DELETE FROM alert_notice WHERE condition_id = ? AND operator_email = ? "
							+ "AND opened_at = ? AND kind = ? AND told_at = ?",
					claimed.conditionId(), claimed.operator(), ts(claimed.openedAt()), claimed.kind().name(),
					ts(claimed.toldAt()));
		}
		else {
			replace(claimed, previous);
		}
	}

	private boolean replace(Notice expected, Notice next) {
		return this.jdbc.update(
				"UPDATE alert_notice SET opened_at = ?, kind = ?, told_at = ? WHERE condition_id = ? "
						+ "AND operator_email = ? AND opened_at = ? AND kind = ? AND told_at = ?",
				ts(next.openedAt()), next.kind().name(), ts(next.toldAt()), expected.conditionId(), expected.operator(),
				ts(expected.openedAt()), expected.kind().name(), ts(expected.toldAt())) == 1;
	}

	private static ConditionRow condition(ResultSet rs) throws SQLException {
		String id = rs.getString("condition_id");
		Condition condition = Arrays.stream(Condition.values())
			.filter((c) -> c.id().equals(id))
			.findFirst()
			.orElse(null);
		String args = rs.getString("args");
		return new ConditionRow(condition, instant(rs.getTimestamp("since")), instant(rs.getTimestamp("opened_at")),
				instant(rs.getTimestamp("last_seen")), rs.getString("variant"),
				(args == null || args.isEmpty()) ? List.of() : List.of(args.split(SEPARATOR, -1)),
				instant(rs.getTimestamp("cleared_at")));
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** What a message to an operator was about. */
	enum Kind {

		START, REMINDER, CLEAR

	}

	/**
	 * One condition as stored.
	 *
	 * @param condition which; {@code null} rows (unknown to this version) are left out
	 * @param since when it started, as far as its fact knows
	 * @param openedAt when the bot opened this episode of it
	 * @param lastSeen when a replica last saw it
	 * @param variant the wording of what happened
	 * @param args the wording's arguments
	 * @param clearedAt when it cleared, {@code null} while open
	 */
	record ConditionRow(Condition condition, Instant since, Instant openedAt, Instant lastSeen,
			@Nullable String variant, List<String> args, @Nullable Instant clearedAt) {

		boolean open() {
			return this.clearedAt == null;
		}

	}

	/**
	 * What one operator was last told about one condition.
	 *
	 * @param conditionId the condition's id
	 * @param operator the operator's e-mail
	 * @param openedAt the episode of the condition the message was about
	 * @param kind start, reminder or clear
	 * @param toldAt when the message was claimed for sending
	 */
	record Notice(String conditionId, String operator, Instant openedAt, Kind kind, Instant toldAt) {
	}

}
