-- Federation (processing.md §9.4): remote projects are found by backend_id; a Remote order that
-- was submitted is followed by "pull" jobs; state changes of orders carrying a callback_url are
-- posted from this outbox, outside the transaction that changed the state.
ALTER TABLE projects ADD COLUMN backend_id TEXT NOT NULL DEFAULT '';
CREATE INDEX projects_backend_id ON projects(backend_id);

ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'process';

CREATE TABLE outgoing_callbacks (
  id INTEGER PRIMARY KEY,
  order_uuid TEXT NOT NULL,
  url TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  run_after TEXT NOT NULL,
  lease_until TEXT,
  created TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outgoing_callbacks_ready ON outgoing_callbacks(state, run_after);
