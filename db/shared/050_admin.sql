-- Administration tables (issue 17): lead sources and shared settings are
-- reference data (everybody reads, admins write); config_history is
-- append-only (written by sync when a later write overwrote a configuration
-- value; the author is the writer), never updated.

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['lead_sources', 'shared_settings'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('DROP POLICY IF EXISTS ws_read ON %I', t);
        EXECUTE format('DROP POLICY IF EXISTS ws_insert ON %I', t);
        EXECUTE format('DROP POLICY IF EXISTS ws_update ON %I', t);
        EXECUTE format('CREATE POLICY ws_read ON %I FOR SELECT USING (true)', t);
        EXECUTE format('CREATE POLICY ws_insert ON %I FOR INSERT WITH CHECK ((SELECT ws_is_admin()))', t);
        EXECUTE format('CREATE POLICY ws_update ON %I FOR UPDATE USING ((SELECT ws_is_admin()))', t);
    END LOOP;
END $$;

ALTER TABLE config_history ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ws_read ON config_history;
DROP POLICY IF EXISTS ws_insert ON config_history;
CREATE POLICY ws_read ON config_history FOR SELECT USING (true);
CREATE POLICY ws_insert ON config_history FOR INSERT WITH CHECK (
    user_id IS NOT DISTINCT FROM (SELECT ws_uid()));
REVOKE UPDATE, DELETE, TRUNCATE ON config_history FROM ws_user;
