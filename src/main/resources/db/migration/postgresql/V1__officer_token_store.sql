-- The Compliance Officer token store (Spring Security's oauth2_authorized_client, tokens encrypted
-- by officer.TokenCipher) and who authorized it. IF NOT EXISTS: a database made by the schema files
-- of versions before Flyway already has both tables; it is baselined at version 0 and this
-- migration then changes nothing in it (spring.flyway.baseline-on-migrate, application.yml).
CREATE TABLE IF NOT EXISTS oauth2_authorized_client (
  client_registration_id varchar(100) NOT NULL,
  principal_name varchar(200) NOT NULL,
  access_token_type varchar(100) NOT NULL,
  access_token_value bytea NOT NULL,
  access_token_issued_at timestamp NOT NULL,
  access_token_expires_at timestamp NOT NULL,
  access_token_scopes varchar(1000) DEFAULT NULL,
  refresh_token_value bytea DEFAULT NULL,
  refresh_token_issued_at timestamp DEFAULT NULL,
  created_at timestamp DEFAULT CURRENT_TIMESTAMP NOT NULL,
  PRIMARY KEY (client_registration_id, principal_name)
);
CREATE TABLE IF NOT EXISTS officer_authorization (
  principal_name varchar(200) NOT NULL PRIMARY KEY,
  person_id varchar(200),
  email varchar(320),
  display_name varchar(200),
  authorized_at timestamp,
  refresh_token_expires_at timestamp,
  reauthorization_needed boolean DEFAULT FALSE NOT NULL,
  last_refresh_at timestamp,
  last_refresh_error varchar(500),
  refresh_failures int DEFAULT 0 NOT NULL
);
