-- Login abuse (issue 9): failed logins per username, kept in the store so that every API node on
-- one database counts the same attempts. A successful login deletes the row.
CREATE TABLE login_failures (
  username TEXT NOT NULL PRIMARY KEY,
  failures INTEGER NOT NULL,
  first_failure TEXT NOT NULL,
  locked_until TEXT NOT NULL DEFAULT ''
);
