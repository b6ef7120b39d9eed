-- Live team board (issue 12): agent_states, the intervals of each manager's presence.
-- Idempotent; applied after 010 (revision trigger, generic NOTIFY), 030 (grants) and
-- 040 (which drops every ws_* policy: the ones below are made again after it).
--   read:   one's own rows; a team lead or supervisor their team's; admins all
--   write:  only one's own rows (nobody, admins included, writes another user's state);
--           user, state and start of an interval are fixed once written; never deleted
--   NOTIFY: 'agent_states o<user> w<team>': the manager and their team's readers pull,
--           other workstations skip (the generic trigger would say '*': everybody pulls)

ALTER TABLE agent_states ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ws_read ON agent_states;
DROP POLICY IF EXISTS ws_insert ON agent_states;
DROP POLICY IF EXISTS ws_update ON agent_states;
CREATE POLICY ws_read ON agent_states FOR SELECT USING (
    (SELECT ws_is_admin())
    OR user_id = (SELECT ws_uid())
    OR ((SELECT ws_team_wide()) AND ws_in_my_team(user_id)));
CREATE POLICY ws_insert ON agent_states FOR INSERT WITH CHECK (user_id = (SELECT ws_uid()));
CREATE POLICY ws_update ON agent_states FOR UPDATE
    USING (user_id = (SELECT ws_uid()))
    WITH CHECK (user_id = (SELECT ws_uid()));
REVOKE DELETE, TRUNCATE ON agent_states FROM ws_user;

-- An interval's who, what and when it began are facts; tombstones are refused.
CREATE OR REPLACE FUNCTION ws_guard_agent_states() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT ws_app_login() THEN
        RETURN NEW;
    END IF;
    IF NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.state IS DISTINCT FROM OLD.state
       OR NEW.started_at IS DISTINCT FROM OLD.started_at
       OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR (NEW.deleted AND NOT OLD.deleted) THEN
        RAISE EXCEPTION 'agent_states %: user, state and start are fixed once written', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.ended_at IS NOT NULL AND NEW.ended_at < NEW.started_at THEN
        RAISE EXCEPTION 'agent_states %: ended_at before started_at', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ws_guard ON agent_states;
CREATE TRIGGER ws_guard BEFORE UPDATE ON agent_states
    FOR EACH ROW EXECUTE FUNCTION ws_guard_agent_states();

-- NOTIFY naming the manager and their team's readers (tokens: 010_revisions.sql).
CREATE OR REPLACE FUNCTION ws_notify_agent_states() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE aud text;
BEGIN
    SELECT string_agg(DISTINCT 'o' || ws_tok(n.user_id) || ' w' || ws_tok(u.team_id), ' ')
      INTO aud FROM new_rows n LEFT JOIN users u ON u.id = n.user_id;
    IF aud IS NULL THEN
        RETURN NULL;  -- no rows (ON CONFLICT ... WHERE held every one back)
    END IF;
    IF length(aud) > 7000 THEN
        aud := '*';
    END IF;
    PERFORM pg_notify('ws_sync', 'agent_states ' || aud);
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION ws_notify_agent_states() FROM PUBLIC;
DROP TRIGGER IF EXISTS ws_notify_ins ON agent_states;
DROP TRIGGER IF EXISTS ws_notify_upd ON agent_states;
CREATE TRIGGER ws_notify_ins AFTER INSERT ON agent_states REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ws_notify_agent_states();
CREATE TRIGGER ws_notify_upd AFTER UPDATE ON agent_states REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ws_notify_agent_states();
