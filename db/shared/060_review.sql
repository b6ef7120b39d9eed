-- Call review (issue 11): scorecards, reviews and their comments, the recording
-- access audit, missing-recording flags, retention; tighter recording rules.
-- Idempotent; applied after 040_policies.sql (which drops every ws_* policy first).

-- -- recordings: who may open one ---------------------------------------------------------
-- A recording belongs to its uploader and to the uploader's team at upload time:
-- the server fills both (an uploader cannot name another team's id to put the
-- file in front of that team's supervisor).
CREATE OR REPLACE FUNCTION ws_recording_defaults() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.owner_id IS NULL THEN
        NEW.owner_id := (SELECT id FROM users WHERE login = NEW.owner_login AND NOT deleted LIMIT 1);
    END IF;
    IF NEW.team_id IS NULL OR ws_app_login() THEN
        NEW.team_id := (SELECT team_id FROM users WHERE id = NEW.owner_id);
    END IF;
    RETURN NEW;
END $$;

-- Is this call somebody else's (a call row of another user exists)? SECURITY
-- DEFINER: a manager cannot see other managers' calls, but must not attach a
-- recording to one.
CREATE OR REPLACE FUNCTION ws_call_of_other(call uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM calls c WHERE c.id = call
                     AND c.user_id IS DISTINCT FROM ws_uid())
$$;

-- The call's manager is in the caller's team (supervisor / team lead scope)?
CREATE OR REPLACE FUNCTION ws_call_in_my_team(call uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM calls c WHERE c.id = call AND ws_in_my_team(c.user_id))
$$;

-- Is the caller the manager who made this call?
CREATE OR REPLACE FUNCTION ws_my_call(call uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM calls c WHERE c.id = call AND c.user_id = ws_uid())
$$;

DROP POLICY IF EXISTS ws_read ON recordings;
DROP POLICY IF EXISTS ws_insert ON recordings;
-- a manager their own; a supervisor or team lead their team's (team_id is
-- never NULL-matched: a supervisor without a team sees none); admins all
CREATE POLICY ws_read ON recordings FOR SELECT USING (
    (SELECT ws_is_admin())
    OR owner_login = session_user
    OR ((SELECT ws_team_wide()) AND team_id IS NOT NULL AND team_id = (SELECT ws_team())));
CREATE POLICY ws_insert ON recordings FOR INSERT WITH CHECK (
    owner_login = session_user AND owner_id IS NOT DISTINCT FROM (SELECT ws_uid())
    AND NOT ws_call_of_other(call_id));

-- -- who deleted which recording (retention) ------------------------------------------------
CREATE TABLE IF NOT EXISTS recording_purges (
    recording_id uuid PRIMARY KEY,
    call_id      uuid NOT NULL,
    owner_id     uuid,
    team_id      uuid,
    size         bigint NOT NULL,
    recorded_at  timestamptz NOT NULL,
    purged_at    timestamptz NOT NULL DEFAULT now(),
    purged_by    text NOT NULL DEFAULT session_user,
    days         integer NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_recording_purges_call_id ON recording_purges (call_id);
ALTER TABLE recording_purges ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ws_read ON recording_purges;
CREATE POLICY ws_read ON recording_purges FOR SELECT USING (
    (SELECT ws_is_admin()) OR owner_id = (SELECT ws_uid())
    OR ((SELECT ws_team_wide()) AND team_id IS NOT NULL AND team_id = (SELECT ws_team())));
REVOKE ALL ON recording_purges FROM PUBLIC;
REVOKE ALL ON recording_purges FROM ws_user;
GRANT SELECT ON recording_purges TO ws_user;

-- Retention: recordings older than ``days`` leave the shared store (chunks and
-- the recordings row; a recording_purges row says so); call rows, reviews and
-- the audit stay. A recording whose call is in review or disputed is kept.
-- ``days`` NULL: the admin's shared setting recordings.retention {"days": N}.
-- ``apply`` false: only says what would go. Admins only.
CREATE OR REPLACE FUNCTION ws_apply_retention(days integer, apply boolean)
RETURNS TABLE (recording_id uuid, call_id uuid, size bigint, recorded_at timestamptz,
               action text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer := days; r record;
BEGIN
    IF NOT ws_is_admin() THEN
        RAISE EXCEPTION 'retention: admins only' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF n IS NULL THEN
        SELECT (s.value::jsonb ->> 'days')::integer INTO n FROM shared_settings s
         WHERE s.key = 'recordings.retention' AND NOT s.deleted;
    END IF;
    IF n IS NULL OR n < 1 THEN
        RAISE EXCEPTION 'retention: no number of days set (recordings.retention)'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR r IN SELECT rec.id, rec.call_id, rec.owner_id, rec.team_id, rec.size, rec.created_at,
                    EXISTS (SELECT 1 FROM call_reviews v WHERE v.call_id = rec.call_id
                              AND NOT v.deleted AND v.status IN ('in_review', 'disputed')) AS held
               FROM recordings rec
              WHERE rec.created_at < now() - make_interval(days => n)
              ORDER BY rec.created_at
                FOR UPDATE OF rec LOOP
        recording_id := r.id; call_id := r.call_id; size := r.size; recorded_at := r.created_at;
        IF r.held THEN
            action := 'kept';
        ELSIF apply THEN
            DELETE FROM recording_chunks c WHERE c.recording_id = r.id;
            DELETE FROM recordings x WHERE x.id = r.id;
            INSERT INTO recording_purges AS p (recording_id, call_id, owner_id, team_id, size,
                                               recorded_at, days)
            VALUES (r.id, r.call_id, r.owner_id, r.team_id, r.size, r.created_at, n)
            ON CONFLICT ON CONSTRAINT recording_purges_pkey DO NOTHING;
            action := 'deleted';
        ELSE
            action := 'would_delete';
        END IF;
        RETURN NEXT;
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION ws_apply_retention(integer, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION ws_apply_retention(integer, boolean) FROM ws_user;
GRANT EXECUTE ON FUNCTION ws_apply_retention(integer, boolean) TO ws_admin;

-- -- calls: consent and "recording expected" are facts of the call ---------------------------
-- Filled once; the one later change is to 'refused' (the manager marks that the
-- client objected after the prompt).
CREATE OR REPLACE FUNCTION ws_guard_call_recording() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF ws_app_login() AND (
           (OLD.recording_consent <> '' AND NEW.recording_consent IS DISTINCT FROM OLD.recording_consent
            AND NEW.recording_consent <> 'refused')
        OR (OLD.recording_expected IS NOT NULL
            AND NEW.recording_expected IS DISTINCT FROM OLD.recording_expected)) THEN
        RAISE EXCEPTION 'calls %: recording consent is recorded once and cannot be changed', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.recording_consent NOT IN ('', 'given', 'refused', 'not_asked') THEN
        RAISE EXCEPTION 'calls %: recording_consent %: expected given, refused, not_asked or empty',
            OLD.id, NEW.recording_consent USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ws_guard_recording ON calls;
CREATE TRIGGER ws_guard_recording BEFORE UPDATE ON calls FOR EACH ROW
    EXECUTE FUNCTION ws_guard_call_recording();

-- -- scorecards: everybody reads, admins write ----------------------------------------------
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['scorecards', 'scorecard_criteria'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('DROP POLICY IF EXISTS ws_read ON %I', t);
        EXECUTE format('DROP POLICY IF EXISTS ws_insert ON %I', t);
        EXECUTE format('DROP POLICY IF EXISTS ws_update ON %I', t);
        EXECUTE format('CREATE POLICY ws_read ON %I FOR SELECT USING (true)', t);
        EXECUTE format('CREATE POLICY ws_insert ON %I FOR INSERT WITH CHECK ((SELECT ws_is_admin()))', t);
        EXECUTE format('CREATE POLICY ws_update ON %I FOR UPDATE USING ((SELECT ws_is_admin()))', t);
    END LOOP;
END $$;

-- -- reviews ---------------------------------------------------------------------------------
-- Read: admins; the reviewer; the team's supervisors and team leads; the
-- call's manager. Written: by a supervisor or team lead of the call's team (or
-- an admin) under their own id; the call's manager only acknowledges or
-- disputes (ws_guard_review).
ALTER TABLE call_reviews ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ws_read ON call_reviews;
DROP POLICY IF EXISTS ws_insert ON call_reviews;
DROP POLICY IF EXISTS ws_update ON call_reviews;
CREATE POLICY ws_read ON call_reviews FOR SELECT USING (
    (SELECT ws_is_admin()) OR reviewer_id = (SELECT ws_uid())
    OR ((SELECT ws_team_wide()) AND ws_call_in_my_team(call_id))
    OR ws_my_call(call_id));
-- (the manager's acknowledgement reaches the server as INSERT ... ON CONFLICT DO
-- UPDATE, whose proposed row meets this check too: it passes for a review that
-- exists already, and ws_guard_review limits what the update may change)
CREATE OR REPLACE FUNCTION ws_review_exists(review uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM call_reviews WHERE id = review)
$$;
CREATE POLICY ws_insert ON call_reviews FOR INSERT WITH CHECK (
    (SELECT ws_is_admin())
    OR ((SELECT ws_team_wide()) AND reviewer_id = (SELECT ws_uid())
        AND ws_call_in_my_team(call_id))
    OR (ws_my_call(call_id) AND ws_review_exists(id)));
CREATE POLICY ws_update ON call_reviews FOR UPDATE
    USING ((SELECT ws_is_admin()) OR reviewer_id = (SELECT ws_uid())
           OR ((SELECT ws_team_wide()) AND ws_call_in_my_team(call_id))
           OR ws_my_call(call_id))
    WITH CHECK ((SELECT ws_is_admin()) OR reviewer_id = (SELECT ws_uid())
           OR ((SELECT ws_team_wide()) AND ws_call_in_my_team(call_id))
           OR ws_my_call(call_id));

-- The manager of a call, past the calls' row-level security.
CREATE OR REPLACE FUNCTION ws_call_user(call uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT user_id FROM calls WHERE id = call
$$;

CREATE OR REPLACE FUNCTION ws_guard_review() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE owner uuid;
BEGIN
    IF NEW.status NOT IN ('in_review', 'scored', 'acknowledged', 'disputed', 'resolved') THEN
        RAISE EXCEPTION 'call_reviews %: status %', NEW.id, NEW.status USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.score IS NOT NULL AND (NEW.score < 0 OR NEW.score > 100) THEN
        RAISE EXCEPTION 'call_reviews %: score % outside 0..100', NEW.id, NEW.score
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT ws_app_login() OR ws_is_admin() THEN
        RETURN NEW;
    END IF;
    owner := ws_call_user(NEW.call_id);
    IF NEW.manager_id IS DISTINCT FROM owner THEN
        RAISE EXCEPTION 'call_reviews %: manager_id must be the call''s manager', NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        RETURN NEW;
    END IF;
    IF NEW.call_id IS DISTINCT FROM OLD.call_id OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
        RAISE EXCEPTION 'call_reviews %: the call of a review does not change', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF ws_team_wide() AND ws_call_in_my_team(NEW.call_id) THEN
        -- a supervisor takes a review over under their own name only
        IF NEW.reviewer_id IS DISTINCT FROM OLD.reviewer_id AND NEW.reviewer_id <> ws_uid() THEN
            RAISE EXCEPTION 'call_reviews %: a review is handed only to yourself', OLD.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        -- acknowledging or disputing is the manager's word, never the reviewer's
        IF NEW.status IN ('acknowledged', 'disputed') AND NEW.status IS DISTINCT FROM OLD.status
           AND owner IS DISTINCT FROM ws_uid() THEN
            RAISE EXCEPTION 'call_reviews %: only the call''s manager acknowledges or disputes', OLD.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    -- the call's manager: acknowledge or dispute a scored (or resolved) review, nothing else
    IF owner = ws_uid() AND OLD.status IN ('scored', 'resolved', 'acknowledged', 'disputed')
       AND NEW.status IN ('acknowledged', 'disputed')
       AND NEW.reviewer_id IS NOT DISTINCT FROM OLD.reviewer_id
       AND NEW.scorecard_id IS NOT DISTINCT FROM OLD.scorecard_id
       AND NEW.score IS NOT DISTINCT FROM OLD.score
       AND NEW.failed_critical IS NOT DISTINCT FROM OLD.failed_critical
       AND NEW.manager_fault IS NOT DISTINCT FROM OLD.manager_fault
       AND NEW.answers::jsonb IS NOT DISTINCT FROM OLD.answers::jsonb
       AND NEW.summary IS NOT DISTINCT FROM OLD.summary
       AND NEW.scored_at IS NOT DISTINCT FROM OLD.scored_at
       AND NEW.deleted IS NOT DISTINCT FROM OLD.deleted THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'call_reviews %: the manager only acknowledges or disputes a scored review', OLD.id
        USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER IF EXISTS ws_guard ON call_reviews;
CREATE TRIGGER ws_guard BEFORE INSERT OR UPDATE ON call_reviews FOR EACH ROW
    EXECUTE FUNCTION ws_guard_review();

-- Comments follow their review: visible with it; written by their author, on
-- the review's own call; 'ack' and 'dispute' only by the call's manager,
-- 'comment' only by the reviewing side.
ALTER TABLE review_comments ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ws_read ON review_comments;
DROP POLICY IF EXISTS ws_insert ON review_comments;
DROP POLICY IF EXISTS ws_update ON review_comments;
CREATE POLICY ws_read ON review_comments FOR SELECT USING (
    EXISTS (SELECT 1 FROM call_reviews r WHERE r.id = review_id));
CREATE POLICY ws_insert ON review_comments FOR INSERT WITH CHECK (
    author_id = (SELECT ws_uid())
    AND EXISTS (SELECT 1 FROM call_reviews r WHERE r.id = review_id AND r.call_id = review_comments.call_id)
    AND CASE WHEN kind IN ('ack', 'dispute') THEN ws_my_call(call_id)
             WHEN kind = 'comment' THEN (SELECT ws_is_admin())
                  OR ((SELECT ws_team_wide()) AND ws_call_in_my_team(call_id))
             WHEN kind = 'reply' THEN true
             ELSE false END);
CREATE POLICY ws_update ON review_comments FOR UPDATE
    USING (author_id = (SELECT ws_uid()))
    WITH CHECK (author_id = (SELECT ws_uid())
                AND EXISTS (SELECT 1 FROM call_reviews r WHERE r.id = review_id
                              AND r.call_id = review_comments.call_id));

CREATE OR REPLACE FUNCTION ws_guard_review_comment() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF ws_app_login() AND (NEW.kind IS DISTINCT FROM OLD.kind
        OR NEW.review_id IS DISTINCT FROM OLD.review_id OR NEW.call_id IS DISTINCT FROM OLD.call_id
        OR NEW.created_at IS DISTINCT FROM OLD.created_at) THEN
        RAISE EXCEPTION 'review_comments %: only the text and the moment of a comment change', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ws_guard ON review_comments;
CREATE TRIGGER ws_guard BEFORE UPDATE ON review_comments FOR EACH ROW
    EXECUTE FUNCTION ws_guard_review_comment();

-- -- the access audit: insert only, for every app role ---------------------------------------
-- Each login writes rows about itself; admins read all, a user their own (the
-- push reads back what it wrote). Nobody updates or deletes: no privilege, and
-- a trigger refuses it even if one were granted by mistake.
ALTER TABLE recording_access ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ws_read ON recording_access;
DROP POLICY IF EXISTS ws_insert ON recording_access;
DROP POLICY IF EXISTS ws_update ON recording_access;
CREATE POLICY ws_read ON recording_access FOR SELECT USING (
    (SELECT ws_is_admin()) OR user_id = (SELECT ws_uid()));
CREATE POLICY ws_insert ON recording_access FOR INSERT WITH CHECK (
    user_id = (SELECT ws_uid()) AND login = session_user
    AND action IN ('play', 'download') AND NOT deleted
    AND (played_seconds IS NULL OR played_seconds >= 0));
DO $$
DECLARE r text;
BEGIN
    REVOKE UPDATE, DELETE, TRUNCATE ON recording_access FROM PUBLIC;
    FOREACH r IN ARRAY ARRAY['ws_user', 'ws_manager', 'ws_supervisor', 'ws_teamlead', 'ws_admin'] LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON recording_access FROM %I', r);
    END LOOP;
END $$;
CREATE OR REPLACE FUNCTION ws_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF ws_app_login() THEN
        RAISE EXCEPTION '%: rows are only ever added', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
DROP TRIGGER IF EXISTS ws_append_only ON recording_access;
CREATE TRIGGER ws_append_only BEFORE UPDATE OR DELETE ON recording_access FOR EACH ROW
    EXECUTE FUNCTION ws_append_only();

-- -- missing-recording flags ------------------------------------------------------------------
-- About a call: the call's manager (their workstation reports a stuck upload),
-- the team's supervisors and team leads (the check), admins. About a file
-- with no call: the team-wide readers who can see the file.
ALTER TABLE recording_flags ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ws_read ON recording_flags;
DROP POLICY IF EXISTS ws_insert ON recording_flags;
DROP POLICY IF EXISTS ws_update ON recording_flags;
CREATE OR REPLACE FUNCTION ws_flag_visible(call uuid, rec uuid) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT ws_is_admin()
        OR (call IS NOT NULL AND ws_my_call(call))
        OR (ws_team_wide() AND ((call IS NOT NULL AND ws_call_in_my_team(call))
                                OR (rec IS NOT NULL
                                    AND EXISTS (SELECT 1 FROM recordings r WHERE r.id = rec))))
$$;
CREATE POLICY ws_read ON recording_flags FOR SELECT USING (ws_flag_visible(call_id, recording_id));
CREATE POLICY ws_insert ON recording_flags FOR INSERT WITH CHECK (
    ws_flag_visible(call_id, recording_id)
    AND reason IN ('no_file', 'zero_length', 'short', 'checksum', 'upload_stuck', 'no_call'));
CREATE POLICY ws_update ON recording_flags FOR UPDATE
    USING (ws_flag_visible(call_id, recording_id))
    WITH CHECK (ws_flag_visible(call_id, recording_id));

-- -- who is woken: NOTIFY audiences of the review tables --------------------------------------
-- 010_revisions.sql gives every synced table a notify trigger; for these tables
-- it would say '*' (every workstation pulls on every review, comment, flag or
-- playback). Here the payload names the call's manager ('o') and the team-wide
-- readers of the manager's team ('w'); an access row its author only; the
-- scorecards stay '*'. Replaced on every upgrade, after 010 made its triggers.
CREATE OR REPLACE FUNCTION ws_notify_review() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE aud text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'recording_access' THEN
        SELECT string_agg(DISTINCT 'o' || ws_tok(n.user_id), ' ') INTO aud FROM new_rows n;
    ELSE
        SELECT string_agg(DISTINCT CASE WHEN c.id IS NULL THEN '*'
                          ELSE 'o' || ws_tok(c.user_id) || ' w' || ws_tok(u.team_id) END, ' ')
          INTO aud
          FROM new_rows n LEFT JOIN calls c ON c.id = n.call_id
          LEFT JOIN users u ON u.id = c.user_id;
    END IF;
    IF aud IS NULL OR length(aud) > 7000 OR position('*' IN aud) > 0 THEN
        aud := '*';
    END IF;
    PERFORM pg_notify('ws_sync', TG_TABLE_NAME || ' ' || aud);
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION ws_notify_review() FROM PUBLIC;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['call_reviews', 'review_comments', 'recording_flags',
                             'recording_access'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS ws_notify_ins ON %I', t);
        EXECUTE format('DROP TRIGGER IF EXISTS ws_notify_upd ON %I', t);
        EXECUTE format('CREATE TRIGGER ws_notify_ins AFTER INSERT ON %I '
                       'REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION ws_notify_review()', t);
        EXECUTE format('CREATE TRIGGER ws_notify_upd AFTER UPDATE ON %I '
                       'REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION ws_notify_review()', t);
    END LOOP;
END $$;
