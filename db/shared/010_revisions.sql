-- Server-assigned revision numbers and change notification (PostgreSQL only).
-- Every synced table (a table with a "revision" column) gets:
--   * a BEFORE INSERT OR UPDATE trigger setting revision = nextval(ws_revision_seq);
--   * a statement-level AFTER trigger sending NOTIFY ws_sync, '<table>';
--   * an index on revision (pull = rows with revision > cursor).
-- Writers take one transaction-level advisory lock before taking revisions, so
-- revisions become visible in commit order: a reader that sees revision N has
-- already seen every committed revision below N (no row slips behind a cursor).
-- Idempotent: applied after the Alembic migrations on every `db upgrade --shared`.

CREATE SEQUENCE IF NOT EXISTS ws_revision_seq;

CREATE OR REPLACE FUNCTION ws_assign_revision() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(706050);
    NEW.revision := nextval('ws_revision_seq');
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION ws_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ws_sync', TG_TABLE_NAME);
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOR t IN
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables tb
          ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'revision'
          AND tb.table_type = 'BASE TABLE'
    LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS ws_revision ON %I', t);
        EXECUTE format('CREATE TRIGGER ws_revision BEFORE INSERT OR UPDATE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION ws_assign_revision()', t);
        EXECUTE format('DROP TRIGGER IF EXISTS ws_notify ON %I', t);
        EXECUTE format('CREATE TRIGGER ws_notify AFTER INSERT OR UPDATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION ws_notify_change()', t);
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (revision)',
                       'ix_' || t || '_revision', t);
    END LOOP;
END $$;
