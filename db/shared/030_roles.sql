-- Roles: every user is a LOGIN role named after users.login, member of one group
-- role per application role. All group roles are members of ws_user, which holds
-- the table privileges; row-level security (040_policies.sql) narrows the rows.
--   ws_manager    own leads + the team's shared pool; only own recordings
--   ws_supervisor reads the team's leads, calls and recordings
--   ws_teamlead   reads the team's calls (statistics) and leads
--   ws_admin      everything: users, scripts, funnels, imports

DO $$
DECLARE r text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ws_user') THEN
        CREATE ROLE ws_user NOLOGIN;
    END IF;
    FOREACH r IN ARRAY ARRAY['ws_manager', 'ws_supervisor', 'ws_teamlead', 'ws_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
        EXECUTE format('GRANT ws_user TO %I', r);
    END LOOP;
    -- ws_user_admin owns the user-management functions below: the only role that
    -- creates logins, and it can grant nothing but the app's own group roles
    -- (checked in the functions). Nobody logs in as it or is a member of it.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ws_user_admin') THEN
        CREATE ROLE ws_user_admin NOLOGIN CREATEROLE;
    END IF;
    IF current_setting('server_version_num')::int >= 160000 THEN
        -- PostgreSQL 16+: CREATEROLE grants only roles held WITH ADMIN OPTION
        FOREACH r IN ARRAY ARRAY['ws_manager', 'ws_supervisor', 'ws_teamlead', 'ws_admin'] LOOP
            EXECUTE format('GRANT %I TO ws_user_admin WITH ADMIN OPTION', r);
        END LOOP;
    END IF;
    -- No app login holds CREATEROLE (before 2026-12 admins did: on PostgreSQL 15
    -- that can grant pg_execute_server_program, i.e. run programs on the server).
    FOR r IN SELECT m.rolname FROM pg_roles m
              WHERE m.rolcreaterole AND NOT m.rolsuper AND m.rolcanlogin
                AND pg_has_role(m.oid, 'ws_user', 'MEMBER') LOOP
        EXECUTE format('ALTER ROLE %I NOCREATEROLE', r);
    END LOOP;
END $$;

-- Who is asking. SECURITY DEFINER (they read users past its policies) and
-- keyed on session_user: the login role the workstation signed in with.
CREATE OR REPLACE FUNCTION ws_uid() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM users WHERE login = session_user AND NOT deleted LIMIT 1
$$;

CREATE OR REPLACE FUNCTION ws_team() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT team_id FROM users WHERE login = session_user AND NOT deleted LIMIT 1
$$;

-- The NOTIFY tokens (010_revisions.sql) that concern the caller.
CREATE OR REPLACE FUNCTION ws_my_tokens() RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT ARRAY['o' || ws_tok(ws_uid()), 'p' || ws_tok(ws_team())]
           || CASE WHEN pg_has_role(session_user, 'ws_supervisor', 'MEMBER')
                     OR pg_has_role(session_user, 'ws_teamlead', 'MEMBER')
                   THEN ARRAY['w' || ws_tok(ws_team())] ELSE ARRAY[]::text[] END
$$;

CREATE OR REPLACE FUNCTION ws_has(app_role text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, 'ws_' || app_role, 'MEMBER')
$$;

CREATE OR REPLACE FUNCTION ws_is_admin() RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT ws_has('admin')
$$;

-- An app login that is not an admin (the schema owner, a DBA or a superuser is not
-- an app login and is not restricted by the guards below).
CREATE OR REPLACE FUNCTION ws_restricted() RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT NOT ws_has('admin') AND pg_has_role(session_user, 'ws_user', 'MEMBER')
$$;

-- Is the caller an app login at all (admins included)?
CREATE OR REPLACE FUNCTION ws_app_login() RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, 'ws_user', 'MEMBER')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
$$;

-- May the caller see this lead (its row-level security, as the caller)?
CREATE OR REPLACE FUNCTION ws_lead_visible(lead uuid) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM leads l WHERE l.id = lead)
$$;

-- Supervisor or team lead of the caller's team?
CREATE OR REPLACE FUNCTION ws_team_wide() RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT ws_has('supervisor') OR ws_has('teamlead')
$$;

-- Is this user a member of the caller's team?
CREATE OR REPLACE FUNCTION ws_in_my_team(who uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT who IS NOT NULL AND EXISTS (
        SELECT 1 FROM users u WHERE u.id = who AND NOT u.deleted
          AND u.team_id IS NOT NULL
          AND u.team_id = (SELECT team_id FROM users WHERE login = session_user
                            AND NOT deleted LIMIT 1))
$$;

-- May the caller write this lead (and its contacts, phones, e-mails, tags)?
CREATE OR REPLACE FUNCTION ws_lead_writable(lead uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT ws_is_admin() OR EXISTS (
        SELECT 1 FROM leads l WHERE l.id = lead
          AND (l.owner_id = ws_uid() OR (l.team_id = ws_team() AND l.shared_pool)))
$$;

-- Leases: a manager dialling a lead holds it until expires_at.
-- Atomic: the row lock on leases.lead_id decides between two callers.
CREATE OR REPLACE FUNCTION ws_acquire_lease(lead uuid, seconds integer)
RETURNS TABLE (acquired boolean, holder text, expires_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE rec leases%ROWTYPE;
BEGIN
    IF NOT ws_lead_writable(lead) THEN
        RAISE EXCEPTION 'lead % is not yours to dial', lead USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- the server caps a lease: a dial, the call and its wrap-up; extend by acquiring again
    seconds := least(greatest(coalesce(seconds, 0), 1), 1800);
    INSERT INTO leases AS l (lead_id, holder, holder_id, acquired_at, expires_at)
    VALUES (lead, session_user, ws_uid(), now(), now() + make_interval(secs => seconds))
    ON CONFLICT (lead_id) DO UPDATE
        SET holder = EXCLUDED.holder, holder_id = EXCLUDED.holder_id,
            acquired_at = CASE WHEN l.holder = EXCLUDED.holder THEN l.acquired_at
                               ELSE EXCLUDED.acquired_at END,
            expires_at = EXCLUDED.expires_at
        WHERE l.holder = EXCLUDED.holder OR l.expires_at <= now();
    SELECT * INTO rec FROM leases WHERE lead_id = lead;
    RETURN QUERY SELECT rec.holder = session_user::text, rec.holder, rec.expires_at;
END $$;

CREATE OR REPLACE FUNCTION ws_release_lease(lead uuid) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH d AS (DELETE FROM leases WHERE lead_id = lead AND holder = session_user RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM d)
$$;

-- A recording is confirmed only when every chunk is there and the whole file's
-- checksum, computed here from the stored chunks, matches the uploader's.
CREATE OR REPLACE FUNCTION ws_finish_recording(rec uuid) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE r recordings%ROWTYPE; n integer; digest text;
BEGIN
    SELECT * INTO r FROM recordings WHERE id = rec FOR UPDATE;
    IF NOT FOUND OR (r.owner_login <> session_user AND NOT ws_is_admin()) THEN
        RAISE EXCEPTION 'recording % is not yours', rec USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF r.complete THEN
        RETURN true;
    END IF;
    SELECT count(*) INTO n FROM recording_chunks WHERE recording_id = rec;
    IF n <> r.chunk_count THEN
        RETURN false;
    END IF;
    SELECT encode(sha256(string_agg(data, ''::bytea ORDER BY idx)), 'hex') INTO digest
      FROM recording_chunks WHERE recording_id = rec;
    IF digest IS DISTINCT FROM lower(r.sha256) THEN
        RETURN false;
    END IF;
    UPDATE recordings SET complete = true, completed_at = now() WHERE id = rec;
    RETURN true;
END $$;

-- A recording belongs to the team of its owner at upload time.
CREATE OR REPLACE FUNCTION ws_recording_defaults() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.owner_id IS NULL THEN
        NEW.owner_id := (SELECT id FROM users WHERE login = NEW.owner_login AND NOT deleted LIMIT 1);
    END IF;
    IF NEW.team_id IS NULL THEN
        NEW.team_id := (SELECT team_id FROM users WHERE id = NEW.owner_id);
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ws_recording_defaults ON recordings;
CREATE TRIGGER ws_recording_defaults BEFORE INSERT ON recordings
    FOR EACH ROW EXECUTE FUNCTION ws_recording_defaults();

-- Privileges: synced tables are read and written (never deleted: tombstones);
-- local bookkeeping tables (outbox, sync_state, ...) are not granted at all.
GRANT USAGE ON SCHEMA public TO ws_user;
GRANT USAGE, SELECT ON SEQUENCE ws_revision_seq TO ws_user;
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
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO ws_user', t);
    END LOOP;
END $$;
GRANT SELECT ON leases TO ws_user;
GRANT SELECT, INSERT ON recordings TO ws_user;
GRANT SELECT, INSERT ON recording_chunks TO ws_user;
REVOKE ALL ON FUNCTION ws_acquire_lease(uuid, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION ws_release_lease(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION ws_finish_recording(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ws_acquire_lease(uuid, integer) TO ws_user;
GRANT EXECUTE ON FUNCTION ws_release_lease(uuid) TO ws_user;
GRANT EXECUTE ON FUNCTION ws_finish_recording(uuid) TO ws_user;
REVOKE ALL ON FUNCTION ws_my_tokens() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ws_my_tokens() TO ws_user;
