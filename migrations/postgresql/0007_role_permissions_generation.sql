-- Issue 8, the same step as migrations/sqlite/0007_role_permissions_generation.sql: a counter that
-- goes up with every change to the role -> permission table, in the changing transaction, so that
-- each process can cache the table and check its copy with one read in the reader's transaction.
CREATE TABLE role_permissions_generation (
  id BIGINT NOT NULL PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO role_permissions_generation (id, generation) VALUES (1, 1);

CREATE FUNCTION bump_role_permissions_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE role_permissions_generation SET generation = generation + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER role_permissions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON role_permissions FOR EACH STATEMENT EXECUTE FUNCTION bump_role_permissions_generation();
CREATE TRIGGER roles_changed AFTER UPDATE OR DELETE OR TRUNCATE
  ON roles FOR EACH STATEMENT EXECUTE FUNCTION bump_role_permissions_generation();
