-- The de-duplication row becomes a durable inbox (conversation.JdbcSeenEvents): written before
-- the webhook answers 2xx, it carries what it takes to handle the event again (never a token,
-- text or link) and who took it when, so that an event acknowledged by a replica that died is
-- finished by another one (conversation.SeenEventsRecovery).
ALTER TABLE processed_event ADD COLUMN kind varchar(20);
ALTER TABLE processed_event ADD COLUMN event_id varchar(300);
ALTER TABLE processed_event ADD COLUMN person_id varchar(1024);
ALTER TABLE processed_event ADD COLUMN meeting_instance_id varchar(1024);
ALTER TABLE processed_event ADD COLUMN received_at timestamp with time zone;
ALTER TABLE processed_event ADD COLUMN claimed_by varchar(255);
ALTER TABLE processed_event ADD COLUMN claimed_at timestamp with time zone;
ALTER TABLE processed_event ADD COLUMN done_at timestamp with time zone;
ALTER TABLE processed_event ADD COLUMN attempts integer NOT NULL DEFAULT 1;
-- Rows of the previous version carry no envelope: nothing can be done again with them.
UPDATE processed_event SET done_at = seen_at WHERE done_at IS NULL;
-- The recovery looks only at unfinished rows, a handful at most.
CREATE INDEX processed_event_unfinished ON processed_event (claimed_at) WHERE done_at IS NULL;
