-- Per-sender rate-limit windows (access.JdbcRateLimitWindows), shared by the replicas: the
-- admitted requests of the last minute, the meetings first asked for in the last day (keys and
-- times in the order they were asked), and the last decision. Used when the database is
-- PostgreSQL; on H2 the windows stay in memory and the table, created for the same schema at
-- each version, stays empty.
CREATE TABLE IF NOT EXISTS rate_limit_window (
  sender varchar(300) NOT NULL PRIMARY KEY,
  request_times timestamp with time zone array NOT NULL,
  meeting_keys varchar(300) array NOT NULL,
  meeting_times timestamp with time zone array NOT NULL,
  refused_reason varchar(32),
  retry_at timestamp with time zone,
  last_request_at timestamp with time zone NOT NULL
);
CREATE INDEX IF NOT EXISTS rate_limit_window_last_request_at ON rate_limit_window (last_request_at);
