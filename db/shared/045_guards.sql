-- Guards that row-level security cannot express, because they compare the old
-- row with the new one. They apply to app logins (ws_user members); the schema
-- owner and DBAs are not app logins.

-- Users: only an admin changes who a user is (login, role, team, SIP extension
-- and user name, active, deleted); a user may change their own display name, nothing more.
CREATE OR REPLACE FUNCTION ws_guard_users() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF ws_restricted() AND (
           NEW.id IS DISTINCT FROM OLD.id OR NEW.login IS DISTINCT FROM OLD.login
        OR NEW.role IS DISTINCT FROM OLD.role OR NEW.team_id IS DISTINCT FROM OLD.team_id
        OR NEW.sip_extension IS DISTINCT FROM OLD.sip_extension
        OR NEW.sip_username IS DISTINCT FROM OLD.sip_username
        OR NEW.active IS DISTINCT FROM OLD.active OR NEW.deleted IS DISTINCT FROM OLD.deleted
        OR NEW.created_at IS DISTINCT FROM OLD.created_at
        OR NEW.created_by IS DISTINCT FROM OLD.created_by) THEN
        RAISE EXCEPTION 'users %: only an admin changes login, role, team, SIP extension, active or deleted',
            OLD.login USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ws_guard ON users;
CREATE TRIGGER ws_guard BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION ws_guard_users();

-- Calls: what signalling recorded is a fact. Each such column may be filled
-- once (NULL or '' -> a value: a call is logged when it starts and completed
-- when it ends) and never changed after; a call is never tombstoned by an app
-- login. The wrap-up columns stay the author's to edit, and every edit after
-- the first wrap-up leaves a history event with the old values.
CREATE OR REPLACE FUNCTION ws_guard_calls() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    o jsonb; n jsonb; c text;
    facts text[] := ARRAY['id', 'direction', 'local_number', 'remote_number', 'remote_e164',
                          'sip_call_id', 'started_at', 'answered_at', 'ended_at', 'sip_status',
                          'sip_reason', 'outcome', 'ring_seconds', 'talk_seconds', 'codec',
                          'rtp_jitter_ms', 'rtp_loss_pct', 'media_security', 'signalling_tls',
                          'recording_path', 'recording_id', 'user_id', 'created_at', 'created_by'];
BEGIN
    IF NOT ws_app_login() THEN
        RETURN NEW;
    END IF;
    o := to_jsonb(OLD);
    n := to_jsonb(NEW);
    FOREACH c IN ARRAY facts LOOP
        IF (o -> c) IS DISTINCT FROM (n -> c)
           AND NOT ((o -> c) = 'null'::jsonb OR (o -> c) = '""'::jsonb) THEN
            RAISE EXCEPTION 'calls %: % is recorded by signalling and cannot be changed', OLD.id, c
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END LOOP;
    IF NEW.lead_id IS DISTINCT FROM OLD.lead_id AND OLD.lead_id IS NOT NULL THEN
        RAISE EXCEPTION 'calls %: the call already belongs to a lead', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.deleted AND NOT OLD.deleted THEN
        RAISE EXCEPTION 'calls %: a call record cannot be deleted', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ws_guard ON calls;
CREATE TRIGGER ws_guard BEFORE UPDATE ON calls FOR EACH ROW EXECUTE FUNCTION ws_guard_calls();

CREATE OR REPLACE FUNCTION ws_wrapup_edited() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE who uuid := ws_uid();
BEGIN
    IF OLD.result IS NOT NULL AND NEW.lead_id IS NOT NULL AND (
           NEW.result IS DISTINCT FROM OLD.result
        OR NEW.refusal_reason IS DISTINCT FROM OLD.refusal_reason
        OR NEW.notes IS DISTINCT FROM OLD.notes
        OR NEW.tools::jsonb IS DISTINCT FROM OLD.tools::jsonb
        OR NEW.effective IS DISTINCT FROM OLD.effective) THEN
        INSERT INTO history_events (id, lead_id, call_id, user_id, kind, at, text, field,
                                    old_value, new_value, data, created_at, updated_at,
                                    created_by, updated_by, revision, deleted)
        VALUES (gen_random_uuid(), NEW.lead_id, NEW.id, who, 'field_change', now(), '',
                'call.wrapup',
                jsonb_build_object('result', OLD.result, 'reason', OLD.refusal_reason,
                                   'notes', OLD.notes, 'tools', OLD.tools::jsonb,
                                   'effective', OLD.effective)::text,
                jsonb_build_object('result', NEW.result, 'reason', NEW.refusal_reason,
                                   'notes', NEW.notes, 'tools', NEW.tools::jsonb,
                                   'effective', NEW.effective)::text,
                jsonb_build_object('wrapup_edit', true, 'old_written_at', OLD.updated_at,
                                   'new_written_at', NEW.updated_at),
                now(), now(), who, who, 0, false);
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS ws_wrapup_edited ON calls;
CREATE TRIGGER ws_wrapup_edited AFTER UPDATE ON calls FOR EACH ROW
    EXECUTE FUNCTION ws_wrapup_edited();

-- Leads: who a lead belongs to (owner, team, shared pool) changes only through
-- ws_assign_lead, which applies the hand-over and assignment rules; an app
-- login's plain UPDATE (psql, or an older workstation) cannot move a lead.
CREATE OR REPLACE FUNCTION ws_guard_leads() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    -- inside ws_assign_lead current_user is the schema owner: the rules were applied there
    IF ws_restricted()
       AND NOT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'leads'::regclass), 'MEMBER')
       AND (
           NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.team_id IS DISTINCT FROM OLD.team_id
        OR NEW.shared_pool IS DISTINCT FROM OLD.shared_pool OR NEW.id IS DISTINCT FROM OLD.id) THEN
        RAISE EXCEPTION 'leads %: owner, team and shared pool change only by a hand-over or an assignment',
            OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ws_guard ON leads;
CREATE TRIGGER ws_guard BEFORE UPDATE ON leads FOR EACH ROW EXECUTE FUNCTION ws_guard_leads();

-- Move a lead: to a manager (owner, the manager's team), or to a team's shared
-- pool (no owner). Who may:
--   * an admin: anything;
--   * a team lead or supervisor: leads of their own team, to anybody (a hand-over
--     to another team included);
--   * a manager: a lead they own, or one of their team's pool, may be handed
--     over to someone else or back to the pool; a manager never takes a lead
--     (nor a pool lead) for themselves.
-- Returns the lead's new revision.
CREATE OR REPLACE FUNCTION ws_assign_lead(lead uuid, new_owner uuid, new_team uuid)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    l leads%ROWTYPE; me uuid := ws_uid(); my_team uuid := ws_team();
    owner_team uuid; rev bigint;
BEGIN
    SELECT * INTO l FROM leads WHERE id = lead FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'lead % does not exist', lead USING ERRCODE = 'no_data_found';
    END IF;
    IF new_owner IS NOT NULL THEN
        SELECT team_id INTO owner_team FROM users WHERE id = new_owner AND NOT deleted AND active;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'lead %: user % does not exist or is not active', lead, new_owner
                USING ERRCODE = 'foreign_key_violation';
        END IF;
        IF new_team IS NULL THEN
            new_team := owner_team;
        ELSIF owner_team IS NOT NULL AND new_team <> owner_team THEN
            RAISE EXCEPTION 'lead %: user % is not a member of team %', lead, new_owner, new_team
                USING ERRCODE = 'check_violation';
        END IF;
    ELSIF new_team IS NULL THEN
        RAISE EXCEPTION 'lead %: give a manager or a team', lead USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF new_team IS NOT NULL AND NOT EXISTS (SELECT 1 FROM teams WHERE id = new_team AND NOT deleted) THEN
        RAISE EXCEPTION 'lead %: team % does not exist', lead, new_team USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF NOT ws_is_admin() THEN
        IF ws_has('teamlead') OR ws_has('supervisor') THEN
            IF l.team_id IS DISTINCT FROM my_team AND NOT (l.owner_id IS NOT NULL AND ws_in_my_team(l.owner_id)) THEN
                RAISE EXCEPTION 'lead % is not of your team', lead USING ERRCODE = 'insufficient_privilege';
            END IF;
        ELSE
            IF NOT (l.owner_id = me OR (l.shared_pool AND l.team_id = my_team)) THEN
                RAISE EXCEPTION 'lead % is not yours to hand over', lead USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF new_owner = me THEN
                RAISE EXCEPTION 'lead %: a manager cannot take a lead; ask your team lead', lead
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
    END IF;
    UPDATE leads SET owner_id = new_owner, team_id = new_team, shared_pool = (new_owner IS NULL),
                     updated_at = greatest(updated_at, now()), updated_by = me
     WHERE id = lead RETURNING revision INTO rev;
    RETURN rev;
END $$;
REVOKE ALL ON FUNCTION ws_assign_lead(uuid, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ws_assign_lead(uuid, uuid, uuid) TO ws_user;

-- Append-only: history is never updated by an app login (a correction is a new
-- event), and nothing is ever deleted.
REVOKE UPDATE, DELETE, TRUNCATE ON history_events FROM ws_user;
