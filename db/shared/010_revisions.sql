-- Server-assigned revision numbers and change notification (PostgreSQL only).
-- Every synced table (a table with a "revision" column) gets:
--   * a BEFORE INSERT OR UPDATE trigger setting revision = nextval(ws_revision_seq);
--   * statement-level AFTER INSERT / AFTER UPDATE triggers sending
--     NOTIFY ws_sync, '<table> <who may see the rows>' (see ws_notify_change);
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

-- Who may see a lead's rows, as NOTIFY tokens. LISTEN and NOTIFY cannot be
-- restricted in PostgreSQL (any login may listen to ws_sync, or send on it), so
-- a token tells nothing to those who cannot see the rows: it is a keyed hash of
-- a user or team id (ws_tok, secret key in ws_notify_key, neither readable by
-- app logins). 'p<team>' the team's shared pool (every member), 'o<user>' one
-- person's rows (a lead's owner, a call's or task's author), 'w<team>' the
-- team-wide readers (supervisors, team leads); '*' everybody. Each login asks
-- ws_my_tokens() for its own. A forged notification only makes workstations
-- pull, which row-level security limits and the workstation rate-limits.
CREATE TABLE IF NOT EXISTS ws_notify_key (k bytea NOT NULL);
REVOKE ALL ON ws_notify_key FROM PUBLIC;
INSERT INTO ws_notify_key (k)
    SELECT sha256(convert_to(random()::text || clock_timestamp()::text || pg_backend_pid()::text
                             || random()::text, 'UTF8'))
     WHERE NOT EXISTS (SELECT 1 FROM ws_notify_key);

CREATE OR REPLACE FUNCTION ws_tok(id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN id IS NULL THEN '-'
                ELSE left(encode(sha256((SELECT k FROM ws_notify_key LIMIT 1)
                                        || convert_to(id::text, 'UTF8')), 'hex'), 16) END
$$;

CREATE OR REPLACE FUNCTION ws_audience(pool boolean, owner uuid, team uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN pool THEN 'p' || ws_tok(team)
                ELSE 'o' || ws_tok(owner) || ' w' || ws_tok(team) END
$$;

REVOKE ALL ON FUNCTION ws_tok(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION ws_audience(boolean, uuid, uuid) FROM PUBLIC;

-- Statement-level, with the statement's new rows: NOTIFY ws_sync, '<table> <token>...'
-- (identical payloads are sent once per transaction).
CREATE OR REPLACE FUNCTION ws_notify_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE aud text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
        RETURN NULL;  -- e.g. ON CONFLICT DO NOTHING / a WHERE that held back every row
    END IF;
    IF TG_TABLE_NAME = 'leads' THEN
        SELECT string_agg(DISTINCT ws_audience(n.shared_pool, n.owner_id, n.team_id), ' ')
          INTO aud FROM new_rows n;
    ELSIF TG_TABLE_NAME IN ('calls', 'history_events') THEN
        SELECT string_agg(DISTINCT a, ' ') INTO aud FROM (
            SELECT CASE WHEN n.lead_id IS NULL AND n.user_id IS NULL THEN '*'
                        WHEN n.lead_id IS NULL THEN NULL
                        WHEN l.id IS NULL THEN '*'
                        ELSE ws_audience(l.shared_pool, l.owner_id, l.team_id) END AS a
              FROM new_rows n LEFT JOIN leads l ON l.id = n.lead_id
            UNION
            SELECT 'o' || ws_tok(n.user_id) || ' w' || ws_tok(u.team_id)
              FROM new_rows n LEFT JOIN users u ON u.id = n.user_id
             WHERE n.user_id IS NOT NULL) x;
    ELSIF TG_TABLE_NAME = 'tasks' THEN
        SELECT string_agg(DISTINCT a, ' ') INTO aud FROM (
            SELECT CASE WHEN n.lead_id IS NULL AND n.owner_id IS NULL THEN '*'
                        WHEN n.lead_id IS NULL THEN NULL
                        WHEN l.id IS NULL THEN '*'
                        ELSE ws_audience(l.shared_pool, l.owner_id, l.team_id) END AS a
              FROM new_rows n LEFT JOIN leads l ON l.id = n.lead_id
            UNION
            SELECT 'o' || ws_tok(n.owner_id) || ' w' || ws_tok(u.team_id)
              FROM new_rows n LEFT JOIN users u ON u.id = n.owner_id
             WHERE n.owner_id IS NOT NULL) x;
    ELSIF TG_TABLE_NAME IN ('contacts', 'phones', 'emails', 'lead_tags') THEN
        SELECT string_agg(DISTINCT CASE WHEN l.id IS NULL THEN '*'
                          ELSE ws_audience(l.shared_pool, l.owner_id, l.team_id) END, ' ')
          INTO aud FROM new_rows n LEFT JOIN leads l ON l.id = n.lead_id;
    END IF;
    IF aud IS NULL OR length(aud) > 7000 OR position('*' IN aud) > 0 THEN
        aud := '*';
    END IF;
    PERFORM pg_notify('ws_sync', TG_TABLE_NAME || ' ' || aud);
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
        EXECUTE format('DROP TRIGGER IF EXISTS ws_notify ON %I', t);  -- before 2026-11
        EXECUTE format('DROP TRIGGER IF EXISTS ws_notify_ins ON %I', t);
        EXECUTE format('CREATE TRIGGER ws_notify_ins AFTER INSERT ON %I '
                       'REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION ws_notify_change()', t);
        EXECUTE format('DROP TRIGGER IF EXISTS ws_notify_upd ON %I', t);
        EXECUTE format('CREATE TRIGGER ws_notify_upd AFTER UPDATE ON %I '
                       'REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION ws_notify_change()', t);
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (revision)',
                       'ix_' || t || '_revision', t);
    END LOOP;
END $$;
