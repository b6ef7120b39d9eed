-- Live monitoring (listen / whisper / barge) without PBX support: who may monitor whom.
--
-- A supervisor's (or team lead's) workstation asks ws_monitor_token(target) for a
-- short-lived token and sends it in its monitoring INVITE; the manager's workstation
-- asks ws_monitor_check(token, supervisor_sip) before it answers. The token
--
--     v1.<supervisor uuid>.<target uuid>.<expiry, epoch s>.<nonce>.<signature>
--
-- is signed with a key only this database holds (ws_monitor_key, unreadable by app
-- logins): signature = sha256(key || sha256(key || payload)) (the nested form cannot
-- be extended like a plain keyed hash). It is good for 60 s and for one check: the
-- nonce is spent in ws_monitor_spent by the first check, so a replay is refused.
-- The check is made by the target itself (session_user must be the target), so a
-- token stolen for one manager is worth nothing at another's workstation; the
-- supervisor must still be a supervisor or team lead of the target's team, active,
-- and must be the SIP user who sent the INVITE (the PBX authenticated the From).
-- Every refusal is SQLSTATE 42501 (insufficient_privilege), saying why.
-- Idempotent: applied on every `db upgrade --shared`.

CREATE TABLE IF NOT EXISTS ws_monitor_key (k bytea NOT NULL);
REVOKE ALL ON ws_monitor_key FROM PUBLIC;
INSERT INTO ws_monitor_key (k)
    SELECT sha256(convert_to(random()::text || clock_timestamp()::text || pg_backend_pid()::text
                             || random()::text || random()::text, 'UTF8'))
     WHERE NOT EXISTS (SELECT 1 FROM ws_monitor_key);

CREATE TABLE IF NOT EXISTS ws_monitor_spent (
    nonce text PRIMARY KEY,
    supervisor_id uuid NOT NULL,
    target_id uuid NOT NULL,
    expires_at timestamptz NOT NULL,
    checked_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON ws_monitor_spent FROM PUBLIC;

-- The signature of a payload (internal: no app login may sign).
CREATE OR REPLACE FUNCTION ws_monitor_sig(payload text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT encode(sha256((SELECT k FROM ws_monitor_key LIMIT 1)
                         || sha256((SELECT k FROM ws_monitor_key LIMIT 1)
                                   || convert_to(payload, 'UTF8'))), 'hex')
$$;

-- A signed token (internal: ws_monitor_token decides who gets one; tests mint
-- expired ones with it as the DBA).
CREATE OR REPLACE FUNCTION ws_monitor_sign(supervisor uuid, target uuid, expires bigint)
RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p || '.' || ws_monitor_sig(p) FROM (
        SELECT 'v1.' || supervisor::text || '.' || target::text || '.' || expires::text || '.'
               || md5(random()::text || clock_timestamp()::text || random()::text) AS p) x
$$;

-- Is ``who`` a supervisor or team lead of ``target``'s team (both active)?
CREATE OR REPLACE FUNCTION ws_monitor_allowed(who uuid, target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT who IS NOT NULL AND target IS NOT NULL AND who <> target AND EXISTS (
        SELECT 1 FROM users s JOIN users t ON t.team_id = s.team_id
         WHERE s.id = who AND t.id = target AND s.team_id IS NOT NULL
           AND NOT s.deleted AND s.active AND NOT t.deleted AND t.active
           AND s.role IN ('supervisor', 'teamlead')
           AND (pg_has_role(s.login, 'ws_supervisor', 'MEMBER')
                OR pg_has_role(s.login, 'ws_teamlead', 'MEMBER')))
$$;

CREATE OR REPLACE FUNCTION ws_monitor_token(target uuid) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE me uuid := ws_uid();
BEGIN
    IF NOT (ws_has('supervisor') OR ws_has('teamlead')) THEN
        RAISE EXCEPTION 'only a supervisor or team lead may monitor calls'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT ws_monitor_allowed(me, target) THEN
        RAISE EXCEPTION 'user % is not in your team', target
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM ws_monitor_spent WHERE expires_at < now() - interval '1 hour';
    RETURN ws_monitor_sign(me, target, (extract(epoch FROM now()) + 60)::bigint);
END $$;

CREATE OR REPLACE FUNCTION ws_monitor_check(token text, supervisor_sip text)
RETURNS TABLE (supervisor_id uuid, supervisor_name text, expires_at timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    m text[];
    sup uuid;
    tgt uuid;
    exp timestamptz;
    sup_row users%ROWTYPE;
BEGIN
    m := regexp_match(coalesce(token, ''),
        '^(v1\.([0-9a-f-]{36})\.([0-9a-f-]{36})\.([0-9]{1,12})\.([0-9a-f]{32}))\.([0-9a-f]{64})$');
    IF m IS NULL THEN
        RAISE EXCEPTION 'monitoring token: malformed' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF ws_monitor_sig(m[1]) <> m[6] THEN
        RAISE EXCEPTION 'monitoring token: bad signature' USING ERRCODE = 'insufficient_privilege';
    END IF;
    sup := m[2]::uuid;
    tgt := m[3]::uuid;
    exp := to_timestamp(m[4]::bigint);
    IF exp < now() THEN
        RAISE EXCEPTION 'monitoring token: expired' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF tgt IS DISTINCT FROM ws_uid() THEN
        RAISE EXCEPTION 'monitoring token: issued for someone else'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO sup_row FROM users WHERE id = sup;
    IF NOT FOUND OR coalesce(supervisor_sip, '') = ''
       OR supervisor_sip NOT IN (sup_row.sip_username, sup_row.sip_extension, sup_row.login) THEN
        RAISE EXCEPTION 'monitoring token: not the supervisor''s SIP account'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT ws_monitor_allowed(sup, tgt) THEN
        RAISE EXCEPTION 'monitoring token: no longer a supervisor of your team'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO ws_monitor_spent (nonce, supervisor_id, target_id, expires_at)
    VALUES (m[5], sup, tgt, exp) ON CONFLICT (nonce) DO NOTHING;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'monitoring token: already used' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT sup, coalesce(nullif(sup_row.full_name, ''), sup_row.login), exp;
END $$;

REVOKE ALL ON FUNCTION ws_monitor_sig(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION ws_monitor_sign(uuid, uuid, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION ws_monitor_allowed(uuid, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION ws_monitor_token(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION ws_monitor_check(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ws_monitor_token(uuid) TO ws_supervisor, ws_teamlead;
GRANT EXECUTE ON FUNCTION ws_monitor_check(text, text) TO ws_user;
