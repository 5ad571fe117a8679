-- The de-duplication row becomes a durable inbox (conversation.JdbcSeenEvents): written before
-- the webhook answers 2xx, it carries what it takes to handle the event again (never a token,
-- text or link) and who took it when, so that an event acknowledged by a replica that died is
-- finished by another one (conversation.SeenEventsRecovery). Used when the database is
-- PostgreSQL; created on H2 too, so that both databases have the same schema at each version
-- (H2 has no partial index: the index covers every row).
ALTER TABLE processed_event ADD COLUMN kind varchar(20);
ALTER TABLE processed_event ADD COLUMN event_id varchar(300);
ALTER TABLE processed_event ADD COLUMN person_id varchar(1024);
ALTER TABLE processed_event ADD COLUMN meeting_instance_id varchar(1024);
ALTER TABLE processed_event ADD COLUMN received_at timestamp with time zone;
ALTER TABLE processed_event ADD COLUMN claimed_by varchar(255);
ALTER TABLE processed_event ADD COLUMN claimed_at timestamp with time zone;
ALTER TABLE processed_event ADD COLUMN done_at timestamp with time zone;
ALTER TABLE processed_event ADD COLUMN attempts integer NOT NULL DEFAULT 1;
UPDATE processed_event SET done_at = seen_at WHERE done_at IS NULL;
CREATE INDEX processed_event_unfinished ON processed_event (claimed_at);
