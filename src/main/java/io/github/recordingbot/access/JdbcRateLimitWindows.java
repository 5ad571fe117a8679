package io.github.recordingbot.access;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.recordingbot.access.RateLimiter.Admission;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Rate-limit windows in PostgreSQL's {@code rate_limit_window} table, one row per sender,
 * shared by every replica. One statement per request checks and counts it: the
 * {@code INSERT … ON CONFLICT DO UPDATE} locks the sender's row, so that the concurrent
 * requests of one sender, on any replica, are decided one after the other, each on the
 * row as the previous one left it.
 *
 * <p>
 * The row holds the admitted requests of the last minute and the meetings first asked for
 * in the last day (two arrays in the order they were asked), pruned at each request, and
 * the last decision, which the statement returns. The rules are those of
 * {@link InMemoryRateLimitWindows}, and so are the retry times.
 */
class JdbcRateLimitWindows implements RateLimitWindows {

	// A new sender's first request is always admitted: both limits are at least 1.
	private static final String ADMIT = """
			INSERT INTO rate_limit_window AS w
			  (sender, request_times, meeting_keys, meeting_times, refused_reason, retry_at, last_request_at)
			VALUES (:sender, ARRAY[CAST(:now AS timestamptz)],
			  CASE WHEN CAST(:meeting AS varchar) IS NULL THEN CAST('{}' AS varchar[])
			    ELSE ARRAY[CAST(:meeting AS varchar)] END,
			  CASE WHEN CAST(:meeting AS varchar) IS NULL THEN CAST('{}' AS timestamptz[])
			    ELSE ARRAY[CAST(:now AS timestamptz)] END,
			  NULL, NULL, :now)
			ON CONFLICT (sender) DO UPDATE SET
			  (request_times, meeting_keys, meeting_times, refused_reason, retry_at, last_request_at) = (
			    SELECT
			      CASE WHEN reason IS NULL THEN times || CAST(:now AS timestamptz) ELSE times END,
			      CASE WHEN reason IS NULL AND fresh THEN keys || CAST(:meeting AS varchar) ELSE keys END,
			      CASE WHEN reason IS NULL AND fresh THEN asked || CAST(:now AS timestamptz) ELSE asked END,
			      reason,
			      CASE reason
			        WHEN 'requests_per_minute' THEN times[cardinality(times) - :perMinute + 1] + interval '1 minute'
			        WHEN 'meetings_per_day' THEN asked[cardinality(asked) - :perDay + 1] + interval '1 day'
			      END,
			      CAST(:now AS timestamptz)
			    FROM (
			      SELECT times, keys, asked, fresh,
			        CASE WHEN cardinality(times) >= :perMinute THEN 'requests_per_minute'
			          WHEN fresh AND cardinality(keys) >= :perDay THEN 'meetings_per_day'
			        END AS reason
			      FROM (
			        SELECT r.times, m.keys, m.asked,
			          CAST(:meeting AS varchar) IS NOT NULL AND NOT (CAST(:meeting AS varchar) = ANY (m.keys)) AS fresh
			        FROM
			          (SELECT coalesce(array_agg(t ORDER BY t), CAST('{}' AS timestamptz[])) AS times
			            FROM unnest(w.request_times) AS t
			            WHERE t > CAST(:minuteAgo AS timestamptz)) r,
			          (SELECT coalesce(array_agg(k ORDER BY t, o), CAST('{}' AS varchar[])) AS keys,
			              coalesce(array_agg(t ORDER BY t, o), CAST('{}' AS timestamptz[])) AS asked
			            FROM unnest(w.meeting_keys, w.meeting_times) WITH ORDINALITY AS x (k, t, o)
			            WHERE t > CAST(:dayAgo AS timestamptz)) m
			      ) pruned
			    ) decided
			  )
			RETURNING refused_reason, retry_at""";

	private final NamedParameterJdbcTemplate jdbc;

	JdbcRateLimitWindows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Admission admit(String sender, String meeting, AccessConfig.RateLimit limits, Instant now) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("sender", sender)
			.addValue("meeting", meeting, Types.VARCHAR)
			.addValue("now", utc(now))
			.addValue("minuteAgo", utc(now.minus(RateLimiter.MINUTE)))
			.addValue("dayAgo", utc(now.minus(RateLimiter.DAY)))
			.addValue("perMinute", limits.requestsPerMinute())
			.addValue("perDay", limits.meetingsPerDay());
		return this.jdbc.queryForObject(ADMIT, parameters, (row, i) -> {
			String reason = row.getString("refused_reason");
			return (reason != null)
					? new Admission(false, reason, row.getObject("retry_at", OffsetDateTime.class).toInstant())
					: Admission.ALLOWED;
		});
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
