-- Each replica's heartbeat (replicas.Heartbeats), written every fifteen seconds: the status page
-- lists the replicas seen in the last hour and marks those silent for over a minute. On H2 the
-- page shows this instance's row only.
CREATE TABLE IF NOT EXISTS replica_heartbeat (
  instance_id varchar(63) NOT NULL PRIMARY KEY,
  started_at timestamp with time zone NOT NULL,
  last_seen timestamp with time zone NOT NULL,
  mode varchar(32) NOT NULL,
  version varchar(64) NOT NULL,
  health varchar(200) NOT NULL
);
