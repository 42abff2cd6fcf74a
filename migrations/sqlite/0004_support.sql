-- The built-in helpdesk: one issue per Support.OfferingTemplate order (processing.md §9.2).
CREATE TABLE support_issues (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  key TEXT NOT NULL UNIQUE,
  order_id INTEGER NOT NULL UNIQUE,
  order_uuid TEXT NOT NULL,
  summary TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  caller_id INTEGER,
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);

CREATE TABLE support_comments (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  issue_id INTEGER NOT NULL REFERENCES support_issues(id),
  author_id INTEGER,
  author_username TEXT NOT NULL,
  body TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE INDEX support_comments_issue ON support_comments(issue_id, id);
