-- Webhook events taken in within the de-duplication window (conversation.JdbcSeenEvents): the
-- replica that inserts an event's key handles it. Used when the database is PostgreSQL; created
-- on H2 too, so that both databases have the same schema at each version.
CREATE TABLE IF NOT EXISTS processed_event (
  event_key varchar(300) NOT NULL PRIMARY KEY,
  seen_at timestamp with time zone NOT NULL
);
CREATE INDEX IF NOT EXISTS processed_event_seen_at ON processed_event (seen_at);
