-- Login abuse (issue 9), the same step as migrations/sqlite/0006_login_throttle.sql: failed logins
-- per username, kept in the store so that every API node on one database counts the same attempts.
CREATE TABLE login_failures (
  username TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  failures BIGINT NOT NULL,
  first_failure TEXT COLLATE "C" NOT NULL,
  locked_until TEXT COLLATE "C" NOT NULL DEFAULT ''
);
