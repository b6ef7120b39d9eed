-- Row-level security: the access rules, enforced inside the database, whatever
-- the client (the app, psql, a script). Table owners (the role that ran
-- `workstation db upgrade --shared`) are not subject to them; every user role is.
-- Helper calls are wrapped as scalar sub-selects "(SELECT ws_uid())" so they
-- run once per statement, not once per row.

DO $$
DECLARE p record;
BEGIN
    FOR p IN SELECT policyname, tablename FROM pg_policies
             WHERE schemaname = 'public' AND policyname LIKE 'ws\_%' LOOP
        EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);
    END LOOP;
END $$;

-- Reference data: everybody reads; admins write (tags: anybody may add).
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['teams', 'funnels', 'funnel_stages', 'scripts',
                             'refusal_reasons', 'kpi_plans', 'tags'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY ws_read ON %I FOR SELECT USING (true)', t);
        EXECUTE format('CREATE POLICY ws_insert ON %I FOR INSERT WITH CHECK ((SELECT ws_is_admin())%s)',
                       t, CASE t WHEN 'tags' THEN ' OR true'
                                 WHEN 'kpi_plans' THEN ' OR (SELECT ws_has(''teamlead''))'
                                 ELSE '' END);
        EXECUTE format('CREATE POLICY ws_update ON %I FOR UPDATE USING ((SELECT ws_is_admin())%s)',
                       t, CASE t WHEN 'kpi_plans' THEN ' OR (SELECT ws_has(''teamlead''))'
                                 ELSE '' END);
    END LOOP;
END $$;

-- Users: everybody reads the team list; a user updates their own row; admins all.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON users FOR SELECT USING (true);
CREATE POLICY ws_insert ON users FOR INSERT WITH CHECK ((SELECT ws_is_admin()));
CREATE POLICY ws_update ON users FOR UPDATE
    USING ((SELECT ws_is_admin()) OR login = session_user)
    WITH CHECK ((SELECT ws_is_admin()) OR login = session_user);
-- (users.role is informative: what a login may do comes from its group role.)

-- Leads: a manager owns some and shares the team's pool; supervisors and team
-- leads read the whole team's leads; admins everything.
ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON leads FOR SELECT USING (
    (SELECT ws_is_admin())
    OR owner_id = (SELECT ws_uid())
    OR (team_id = (SELECT ws_team())
        AND (shared_pool OR (SELECT ws_has('supervisor') OR ws_has('teamlead')))));
CREATE POLICY ws_insert ON leads FOR INSERT WITH CHECK (
    (SELECT ws_is_admin())
    OR owner_id = (SELECT ws_uid())
    OR (team_id = (SELECT ws_team()) AND shared_pool));
CREATE POLICY ws_update ON leads FOR UPDATE
    USING ((SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid())
           OR (team_id = (SELECT ws_team()) AND shared_pool))
    WITH CHECK ((SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid())
                OR (team_id = (SELECT ws_team()) AND shared_pool));

-- Rows hanging off a lead follow it: visible when the lead is, written when
-- the lead is writable.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['contacts', 'phones', 'emails', 'lead_tags'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY ws_read ON %I FOR SELECT USING '
                       '(EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id))', t);
        EXECUTE format('CREATE POLICY ws_insert ON %I FOR INSERT WITH CHECK '
                       '(ws_lead_writable(lead_id))', t);
        EXECUTE format('CREATE POLICY ws_update ON %I FOR UPDATE USING '
                       '(ws_lead_writable(lead_id)) WITH CHECK (ws_lead_writable(lead_id))', t);
    END LOOP;
END $$;

-- Calls: a manager writes their own; reads their own and those on leads they
-- see; supervisors and team leads read the team's (statistics).
ALTER TABLE calls ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON calls FOR SELECT USING (
    (SELECT ws_is_admin())
    OR user_id = (SELECT ws_uid())
    OR ((SELECT ws_has('supervisor') OR ws_has('teamlead'))
        AND user_id IN (SELECT u.id FROM users u WHERE u.team_id = (SELECT ws_team())))
    OR EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id));
CREATE POLICY ws_insert ON calls FOR INSERT WITH CHECK (
    (SELECT ws_is_admin()) OR user_id = (SELECT ws_uid()) OR user_id IS NULL);
CREATE POLICY ws_update ON calls FOR UPDATE
    USING ((SELECT ws_is_admin()) OR user_id = (SELECT ws_uid()) OR user_id IS NULL)
    WITH CHECK ((SELECT ws_is_admin()) OR user_id = (SELECT ws_uid()) OR user_id IS NULL);

-- History: append-only; visible with its lead; written by its author.
ALTER TABLE history_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON history_events FOR SELECT USING (
    (SELECT ws_is_admin()) OR user_id = (SELECT ws_uid())
    OR EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id));
CREATE POLICY ws_insert ON history_events FOR INSERT WITH CHECK (
    (SELECT ws_is_admin())
    OR ((user_id = (SELECT ws_uid()) OR user_id IS NULL)
        AND EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id)));
CREATE POLICY ws_update ON history_events FOR UPDATE
    USING ((SELECT ws_is_admin()) OR user_id = (SELECT ws_uid()))
    WITH CHECK ((SELECT ws_is_admin()) OR user_id = (SELECT ws_uid()));

-- Tasks: the owner's; supervisors read the team's.
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON tasks FOR SELECT USING (
    (SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid())
    OR (owner_id IS NULL AND EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id))
    OR ((SELECT ws_has('supervisor'))
        AND owner_id IN (SELECT u.id FROM users u WHERE u.team_id = (SELECT ws_team()))));
CREATE POLICY ws_insert ON tasks FOR INSERT WITH CHECK (
    (SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid()) OR owner_id IS NULL);
CREATE POLICY ws_update ON tasks FOR UPDATE
    USING ((SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid()) OR owner_id IS NULL)
    WITH CHECK ((SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid()) OR owner_id IS NULL);

-- Recordings: a manager reads only their own; supervisors the team's.
ALTER TABLE recordings ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON recordings FOR SELECT USING (
    (SELECT ws_is_admin())
    OR owner_login = session_user
    OR ((SELECT ws_has('supervisor')) AND team_id = (SELECT ws_team())));
CREATE POLICY ws_insert ON recordings FOR INSERT WITH CHECK (
    owner_login = session_user AND owner_id IS NOT DISTINCT FROM (SELECT ws_uid()));

ALTER TABLE recording_chunks ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON recording_chunks FOR SELECT USING (
    EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));
CREATE POLICY ws_insert ON recording_chunks FOR INSERT WITH CHECK (
    EXISTS (SELECT 1 FROM recordings r
            WHERE r.id = recording_id AND r.owner_login = session_user AND NOT r.complete));

-- Leases: everybody sees who holds what; writes only through ws_acquire_lease
-- and ws_release_lease (SECURITY DEFINER, atomic).
ALTER TABLE leases ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON leases FOR SELECT USING (true);
