-- The durable queue of background work: one job per order execution, claimed with a lease.
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL,
  order_uuid TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  run_after TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  created TEXT NOT NULL,
  finished TEXT,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX jobs_ready ON jobs(state, run_after);
CREATE INDEX jobs_order ON jobs(order_id);
