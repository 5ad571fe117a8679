-- Operator alerts (alert/): each condition's state and when each operator was last told, shared by
-- replicas. IF NOT EXISTS: databases made by the schema files of the release before Flyway have them.
CREATE TABLE IF NOT EXISTS alert_condition (
  condition_id varchar(64) NOT NULL PRIMARY KEY,
  since timestamp NOT NULL,
  opened_at timestamp NOT NULL,
  last_seen timestamp NOT NULL,
  variant varchar(64),
  args varchar(1000),
  cleared_at timestamp
);
CREATE TABLE IF NOT EXISTS alert_notice (
  condition_id varchar(64) NOT NULL,
  operator_email varchar(320) NOT NULL,
  opened_at timestamp NOT NULL,
  kind varchar(16) NOT NULL,
  told_at timestamp NOT NULL,
  PRIMARY KEY (condition_id, operator_email)
);
