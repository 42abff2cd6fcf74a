-- Users, organizations, projects, providers, offerings, plans, roles and tokens.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  username TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL DEFAULT '',
  full_name TEXT NOT NULL DEFAULT '',
  is_staff INTEGER NOT NULL DEFAULT 0,
  is_support INTEGER NOT NULL DEFAULT 0,
  is_active INTEGER NOT NULL DEFAULT 1,
  password_hash TEXT NOT NULL DEFAULT '',
  date_joined TEXT NOT NULL
);

CREATE TABLE auth_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created TEXT NOT NULL
);
CREATE INDEX auth_tokens_user ON auth_tokens(user_id);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  blocked INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL
);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  start_date TEXT,
  end_date TEXT,
  created TEXT NOT NULL
);
CREATE INDEX projects_customer ON projects(customer_id);

CREATE TABLE service_providers (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL UNIQUE REFERENCES customers(id),
  created TEXT NOT NULL
);

CREATE TABLE offerings (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  type TEXT NOT NULL,
  state INTEGER NOT NULL,
  shared INTEGER NOT NULL DEFAULT 1,
  billable INTEGER NOT NULL DEFAULT 1,
  backend_id TEXT NOT NULL DEFAULT '',
  plugin_options TEXT NOT NULL DEFAULT '{}',
  secret_options TEXT NOT NULL DEFAULT '{}',
  components TEXT NOT NULL DEFAULT '[]',
  created TEXT NOT NULL
);
CREATE INDEX offerings_customer ON offerings(customer_id);

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  offering_id INTEGER NOT NULL REFERENCES offerings(id),
  name TEXT NOT NULL,
  unit_price TEXT NOT NULL DEFAULT '0',
  max_amount INTEGER,
  backend_id TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plans_offering ON plans(offering_id);

CREATE TABLE roles (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE role_permissions (
  role_id INTEGER NOT NULL REFERENCES roles(id),
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);

-- A role held by a user on one customer, project or offering.
CREATE TABLE role_grants (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  scope_type TEXT NOT NULL,
  scope_id INTEGER NOT NULL,
  created TEXT NOT NULL,
  UNIQUE (user_id, role, scope_type, scope_id)
);
CREATE INDEX role_grants_scope ON role_grants(scope_type, scope_id);
