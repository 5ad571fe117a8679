package io.github.recordingbot.officer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Spring Security's token table does not keep: who authorized, when, until when the
 * refresh token lasts, and how the last refresh went. Holds no secrets.
 */
class AuthorizationRecords {

	private final JdbcTemplate jdbc;

	private final String principal;

	AuthorizationRecords(JdbcTemplate jdbc, String principal) {
		this.jdbc = jdbc;
		this.principal = principal;
	}

	Optional<Details> find() {
		List<Details> rows = this.jdbc.query("SELECT * FROM officer_authorization WHERE principal_name = ?",
				(rs, n) -> details(rs), this.principal);
		return rows.stream().findFirst();
	}

	/** A new authorization replaces everything known about the old one. */
	void authorized(String personId, String email, String displayName, Instant at, Instant refreshTokenExpiresAt) {
		this.jdbc.update("DELETE FROM officer_authorization WHERE principal_name = ?", this.principal);
		this.jdbc.update(
				"INSERT INTO officer_authorization (principal_name, person_id, email, display_name, "
						+ "authorized_at, refresh_token_expires_at, reauthorization_needed, refresh_failures) "
						+ "VALUES (?, ?, ?, ?, ?, ?, FALSE, 0)",
				this.principal, personId, email, displayName, ts(at), ts(refreshTokenExpiresAt));
	}

	void refreshed(Instant at, Instant refreshTokenExpiresAt) {
		this.jdbc.update("UPDATE officer_authorization SET last_refresh_at = ?, last_refresh_error = NULL, "
				+ "refresh_failures = 0, refresh_token_expires_at = COALESCE(?, refresh_token_expires_at) "
				+ "WHERE principal_name = ?", ts(at), ts(refreshTokenExpiresAt), this.principal);
	}

	/**
	 * Records a failed refresh; the reason is an OAuth error code or a status, never a
	 * token.
	 */
	void refreshFailed(Instant at, String reason, boolean reauthorizationNeeded) {
		this.jdbc.update("UPDATE officer_authorization SET last_refresh_at = ?, last_refresh_error = ?, "
				+ "refresh_failures = refresh_failures + 1, reauthorization_needed = (reauthorization_needed OR ?) "
				+ "WHERE principal_name = ?", ts(at), truncate(reason), reauthorizationNeeded, this.principal);
	}

	private static Details details(ResultSet rs) throws SQLException {
		return new Details(rs.getString("person_id"), rs.getString("email"), rs.getString("display_name"),
				instant(rs.getTimestamp("authorized_at")), instant(rs.getTimestamp("refresh_token_expires_at")),
				rs.getBoolean("reauthorization_needed"), instant(rs.getTimestamp("last_refresh_at")),
				rs.getString("last_refresh_error"), rs.getInt("refresh_failures"));
	}

	private static String truncate(String reason) {
		return (reason != null && reason.length() > 500) ? reason.substring(0, 500) : reason;
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * Who authorized and how refreshing goes.
	 *
	 * @param personId the officer's Webex person id
	 * @param email the officer's e-mail
	 * @param displayName the officer's name
	 * @param authorizedAt when the officer authorized
	 * @param refreshTokenExpiresAt when the refresh token expires, from Webex's
	 * {@code refresh_token_expires_in}
	 * @param reauthorizationNeeded whether Webex refused the refresh token for good
	 * @param lastRefreshAt when the last refresh was attempted
	 * @param lastRefreshError why it failed, or {@code null} when it worked
	 * @param refreshFailures failed refreshes in a row
	 */
	record Details(String personId, String email, String displayName, Instant authorizedAt,
			@Nullable Instant refreshTokenExpiresAt, boolean reauthorizationNeeded, @Nullable Instant lastRefreshAt,
			@Nullable String lastRefreshError, int refreshFailures) {
	}

}
