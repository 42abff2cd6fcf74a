-- Issue 8: every request checks permissions against the role -> permission table, so each process
-- caches it. This counter goes up with every change to the table, in the changing transaction
-- (triggers, so migrate-store and hand edits count too). A reader compares it with its cached
-- copy's in its own transaction, which keeps every node on one database in agreement.
CREATE TABLE role_permissions_generation (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO role_permissions_generation (id, generation) VALUES (1, 1);

CREATE TRIGGER role_permissions_inserted AFTER INSERT ON role_permissions
BEGIN
  UPDATE role_permissions_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER role_permissions_updated AFTER UPDATE ON role_permissions
BEGIN
  UPDATE role_permissions_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER role_permissions_deleted AFTER DELETE ON role_permissions
BEGIN
  UPDATE role_permissions_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER roles_updated AFTER UPDATE ON roles
BEGIN
  UPDATE role_permissions_generation SET generation = generation + 1 WHERE id = 1;
END;
CREATE TRIGGER roles_deleted AFTER DELETE ON roles
BEGIN
  UPDATE role_permissions_generation SET generation = generation + 1 WHERE id = 1;
END;
