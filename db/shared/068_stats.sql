-- Call statistics (issue 12): a covering index so that a month of a team's
-- figures is read from the index alone (an index-only scan); json has no
-- b-tree operator class, so the read columns are INCLUDEd, not keys.
-- SQLite has its own twin (db/versions/0010_stats.py, ix_calls_stats).
CREATE INDEX IF NOT EXISTS ix_calls_stats ON calls (user_id, started_at)
    INCLUDE (deleted, outcome, ring_seconds, talk_seconds, answered_at, ended_at, sip_status,
             result, invoice_amount, tools);
