-- Resources, the orders that act on them, and the event log of every change.
CREATE TABLE resources (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  state INTEGER NOT NULL,
  project_id INTEGER NOT NULL REFERENCES projects(id),
  offering_id INTEGER NOT NULL REFERENCES offerings(id),
  plan_id INTEGER REFERENCES plans(id),
  limits TEXT NOT NULL DEFAULT '{}',
  attributes TEXT NOT NULL DEFAULT '{}',
  cost TEXT NOT NULL DEFAULT '',
  end_date TEXT,
  backend_id TEXT NOT NULL DEFAULT '',
  backend_metadata TEXT NOT NULL DEFAULT '{}',
  error_message TEXT NOT NULL DEFAULT '',
  error_traceback TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);
CREATE INDEX resources_project ON resources(project_id);
CREATE INDEX resources_offering_state ON resources(offering_id, state);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  type INTEGER NOT NULL,
  state INTEGER NOT NULL,
  project_id INTEGER NOT NULL REFERENCES projects(id),
  resource_id INTEGER NOT NULL REFERENCES resources(id),
  offering_id INTEGER NOT NULL REFERENCES offerings(id),
  plan_id INTEGER REFERENCES plans(id),
  old_plan_id INTEGER REFERENCES plans(id),
  limits TEXT NOT NULL DEFAULT '{}',
  attributes TEXT NOT NULL DEFAULT '{}',
  cost TEXT NOT NULL DEFAULT '',
  backend_id TEXT NOT NULL DEFAULT '',
  error_message TEXT NOT NULL DEFAULT '',
  error_traceback TEXT NOT NULL DEFAULT '',
  output TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  consumer_reviewed_by INTEGER REFERENCES users(id),
  consumer_reviewed_at TEXT,
  provider_reviewed_by INTEGER REFERENCES users(id),
  provider_reviewed_at TEXT,
  callback_url TEXT,
  termination_comment TEXT,
  completed_at TEXT,
  start_date TEXT,
  request_comment TEXT,
  consumer_rejection_comment TEXT NOT NULL DEFAULT '',
  provider_rejection_comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX orders_state ON orders(state, created);
CREATE INDEX orders_offering_state ON orders(offering_id, state, created);
CREATE INDEX orders_project ON orders(project_id, created);
CREATE INDEX orders_resource ON orders(resource_id);
CREATE INDEX orders_created ON orders(created);

-- Events outlive what they describe (unlink deletes orders and resources, not their history).
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL,
  event_type TEXT NOT NULL,
  message TEXT NOT NULL,
  actor_uuid TEXT NOT NULL DEFAULT '',
  actor_username TEXT NOT NULL DEFAULT '',
  scope_type TEXT NOT NULL,
  scope_uuid TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_scope ON events(scope_uuid, id);
