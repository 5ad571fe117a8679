-- ShedLock's locks (replicas.ReplicasConfiguration): each scheduled job runs on one replica at a
-- time. Times are the database's (usingDbTime), so the replicas' clocks need not agree.
CREATE TABLE IF NOT EXISTS shedlock (
  name varchar(64) NOT NULL PRIMARY KEY,
  lock_until timestamp NOT NULL,
  locked_at timestamp NOT NULL,
  locked_by varchar(255) NOT NULL
);
