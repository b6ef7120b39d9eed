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
        IF t <> 'kpi_plans' THEN
            EXECUTE format('CREATE POLICY ws_insert ON %I FOR INSERT WITH CHECK ((SELECT ws_is_admin())%s)',
                           t, CASE t WHEN 'tags' THEN ' OR true' ELSE '' END);
            EXECUTE format('CREATE POLICY ws_update ON %I FOR UPDATE USING ((SELECT ws_is_admin()))', t);
        END IF;
    END LOOP;
END $$;

-- KPI plans: admins write any; a team lead writes the plans of their own team
-- (the team's, or one of its members'); nobody else, and no team lead touches
-- the global plan or another team's.
CREATE POLICY ws_insert ON kpi_plans FOR INSERT WITH CHECK (
    (SELECT ws_is_admin())
    OR ((SELECT ws_has('teamlead'))
        AND ((team_id = (SELECT ws_team()) AND (user_id IS NULL OR ws_in_my_team(user_id)))
             OR (team_id IS NULL AND ws_in_my_team(user_id)))));
CREATE POLICY ws_update ON kpi_plans FOR UPDATE
    USING ((SELECT ws_is_admin())
           OR ((SELECT ws_has('teamlead'))
               AND ((team_id = (SELECT ws_team()) AND (user_id IS NULL OR ws_in_my_team(user_id)))
                    OR (team_id IS NULL AND ws_in_my_team(user_id)))))
    WITH CHECK ((SELECT ws_is_admin())
           OR ((SELECT ws_has('teamlead'))
               AND ((team_id = (SELECT ws_team()) AND (user_id IS NULL OR ws_in_my_team(user_id)))
                    OR (team_id IS NULL AND ws_in_my_team(user_id)))));

-- Users: everybody reads the team list; a user updates their own row (the
-- display name only: 045_guards.sql); admins all.
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
-- A new lead is the inserter's own (in their team or none yet), or their team's
-- pool lead with no owner; a team lead or supervisor may also create leads of
-- their team for its members. Nobody creates a lead owned by someone else.
CREATE POLICY ws_insert ON leads FOR INSERT WITH CHECK (
    (SELECT ws_is_admin())
    OR (owner_id = (SELECT ws_uid()) AND NOT shared_pool
        AND (team_id IS NULL OR team_id = (SELECT ws_team())))
    OR (owner_id IS NULL AND shared_pool AND team_id = (SELECT ws_team()))
    OR ((SELECT ws_team_wide()) AND team_id = (SELECT ws_team())
        AND (owner_id IS NULL OR ws_in_my_team(owner_id))));
-- (owner, team and pool change only through ws_assign_lead: 045_guards.sql)
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
-- A call is written by the manager who made it, onto a lead they can see; the
-- signalling facts are immutable once written (045_guards.sql).
CREATE POLICY ws_insert ON calls FOR INSERT WITH CHECK (
    (SELECT ws_is_admin())
    OR (user_id = (SELECT ws_uid())
        AND (lead_id IS NULL OR EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id))));
CREATE POLICY ws_update ON calls FOR UPDATE
    USING ((SELECT ws_is_admin()) OR user_id = (SELECT ws_uid()))
    WITH CHECK ((SELECT ws_is_admin())
                OR (user_id = (SELECT ws_uid())
                    AND (lead_id IS NULL OR EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id))));

-- History: append-only; visible with its lead; written by its author.
ALTER TABLE history_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON history_events FOR SELECT USING (
    (SELECT ws_is_admin()) OR user_id = (SELECT ws_uid())
    OR EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id));
CREATE POLICY ws_insert ON history_events FOR INSERT WITH CHECK (
    (SELECT ws_is_admin())
    OR ((user_id = (SELECT ws_uid()) OR user_id IS NULL)
        AND EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id)));
-- (no UPDATE: the privilege is revoked in 045_guards.sql)

-- Tasks: the owner's; supervisors read the team's.
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY ws_read ON tasks FOR SELECT USING (
    (SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid())
    OR EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id)
    OR ((SELECT ws_has('supervisor'))
        AND owner_id IN (SELECT u.id FROM users u WHERE u.team_id = (SELECT ws_team()))));
CREATE POLICY ws_insert ON tasks FOR INSERT WITH CHECK (
    (SELECT ws_is_admin())
    OR ((owner_id = (SELECT ws_uid()) OR owner_id IS NULL)
        AND (lead_id IS NULL OR EXISTS (SELECT 1 FROM leads l WHERE l.id = lead_id)))
    OR (lead_id IS NOT NULL AND ws_lead_writable(lead_id)));
-- (a hand-over moves the lead's open tasks to its new manager: allowed while the
-- lead is still the writer's, which it is until ws_assign_lead runs after them)
CREATE POLICY ws_update ON tasks FOR UPDATE
    USING ((SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid()) OR owner_id IS NULL)
    WITH CHECK ((SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid()) OR owner_id IS NULL
                OR (lead_id IS NOT NULL AND ws_lead_writable(lead_id)));

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
