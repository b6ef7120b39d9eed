-- Login management: the only way an app admin creates a login, sets its
-- password or its app role. No app login holds CREATEROLE (on PostgreSQL 15 it
-- could grant pg_execute_server_program and run programs on the server). These
-- functions run as ws_user_admin (NOLOGIN, CREATEROLE, nobody is a member) and
-- do exactly one thing each:
--   * the login name is checked (the app's login pattern), the role must be one
--     of the four app roles, the target must be an app login (never a DBA,
--     a superuser, a group role or ws_user_admin itself);
--   * a password is accepted only as a SCRAM-SHA-256 verifier computed on the
--     client, so no plain password ever reaches the server or its log.

CREATE OR REPLACE FUNCTION ws_check_login_name(login text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF login IS NULL OR login !~ '^[a-z_][a-z0-9_.-]{0,62}$' OR login LIKE 'pg\_%' OR login LIKE 'ws\_%' THEN
        RAISE EXCEPTION 'login %: use lower-case letters, digits, ''_'', ''.'', ''-'' (not pg_ or ws_)',
            coalesce(quote_literal(login), 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION ws_check_verifier(verifier text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF verifier IS NULL OR verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'password: send a SCRAM-SHA-256 verifier computed on the client, not a password'
            USING ERRCODE = 'invalid_password';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION ws_check_admin() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'ws_admin', 'MEMBER') THEN
        RAISE EXCEPTION 'only an admin manages logins' USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- An existing role that the app may manage: a LOGIN role in ws_user, not a
-- superuser, not able to create roles, not a member of ws_user_admin.
CREATE OR REPLACE FUNCTION ws_is_app_login(login text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM pg_roles r WHERE r.rolname = login AND r.rolcanlogin
           AND NOT r.rolsuper AND NOT r.rolcreaterole AND NOT r.rolbypassrls
           AND NOT r.rolreplication
           AND pg_has_role(r.oid, 'ws_user', 'MEMBER')
           AND NOT pg_has_role(r.oid, 'ws_user_admin', 'MEMBER'))
$$;

CREATE OR REPLACE FUNCTION ws_grant_app_role(login text, app_role text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE r text;
BEGIN
    PERFORM ws_check_admin();
    PERFORM ws_check_login_name(login);
    IF app_role IS NULL OR app_role NOT IN ('manager', 'supervisor', 'teamlead', 'admin') THEN
        RAISE EXCEPTION 'role %: expected manager, supervisor, teamlead or admin',
            coalesce(quote_literal(app_role), 'NULL') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT ws_is_app_login(login) THEN
        RAISE EXCEPTION 'login % is not a workstation login', login USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('GRANT %I TO %I', 'ws_' || app_role, login);
    FOREACH r IN ARRAY ARRAY['manager', 'supervisor', 'teamlead', 'admin'] LOOP
        IF r <> app_role THEN
            EXECUTE format('REVOKE %I FROM %I', 'ws_' || r, login);
        END IF;
    END LOOP;
END $$;

-- Create a login (or, for an existing workstation login, set its password and
-- role). The users row is written by the caller, as an admin, in the same
-- transaction (row-level security lets admins do that).
CREATE OR REPLACE FUNCTION ws_create_login(login text, verifier text, app_role text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM ws_check_admin();
    PERFORM ws_check_login_name(login);
    PERFORM ws_check_verifier(verifier);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        IF NOT ws_is_app_login(login) THEN
            RAISE EXCEPTION 'login % exists and is not a workstation login', login
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        EXECUTE format('ALTER ROLE %I WITH LOGIN NOCREATEROLE PASSWORD %L', login, verifier);
    ELSE
        EXECUTE format('CREATE ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE '
                       'NOREPLICATION NOBYPASSRLS IN ROLE ws_user PASSWORD %L', login, verifier);
    END IF;
    PERFORM ws_grant_app_role(login, app_role);
END $$;

CREATE OR REPLACE FUNCTION ws_set_password(login text, verifier text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM ws_check_admin();
    PERFORM ws_check_verifier(verifier);
    IF NOT ws_is_app_login(login) THEN
        RAISE EXCEPTION 'login % is not a workstation login', login USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, verifier);
END $$;

-- Deactivate or reactivate a login (the users row's "active" is set by the caller).
CREATE OR REPLACE FUNCTION ws_set_login_enabled(login text, enabled boolean) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM ws_check_admin();
    IF NOT ws_is_app_login(login) AND NOT EXISTS (
            SELECT 1 FROM pg_roles r WHERE r.rolname = login AND NOT r.rolcanlogin
               AND NOT r.rolsuper AND pg_has_role(r.oid, 'ws_user', 'MEMBER')
               AND NOT pg_has_role(r.oid, 'ws_user_admin', 'MEMBER')
               AND r.rolname NOT IN ('ws_user', 'ws_manager', 'ws_supervisor', 'ws_teamlead', 'ws_admin')) THEN
        RAISE EXCEPTION 'login % is not a workstation login', login USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF login = session_user AND NOT enabled THEN
        RAISE EXCEPTION 'an admin cannot deactivate their own login' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ALTER ROLE %I %s', login, CASE WHEN enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
END $$;

DO $$
DECLARE f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['ws_grant_app_role(text, text)', 'ws_create_login(text, text, text)',
                             'ws_set_password(text, text)', 'ws_set_login_enabled(text, boolean)'] LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO ws_user_admin', f);
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO ws_admin', f);
    END LOOP;
END $$;
