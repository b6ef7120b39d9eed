"""What the funnel reads instead of walking the whole stage-change history, kept
in the local SQLite store by triggers (so every writer keeps it: the wrap-up, the
card, ``store.stages.set_stage``, the sync pull, a raw insert):

- ``funnel_stays``: one row per ``stage_change`` event with an ``old_value``: the
  stay it ended (the stage code, the change's time and the previous change's time
  in seconds since the epoch; NULL since = the lead's first change, whose stay began
  when the lead was created, read from ``leads.created_at`` when asked).
- ``funnel_marks``: one row per lead with stage changes: when it entered the stage
  it is at (its last change) and the furthest main-line stage position its changes
  name (the lead's stage now is joined when asked).

Each trigger recomputes the lead's rows from its changes (a lead has a few), so a
change pulled out of order, an edited or deleted event give the same rows as a
fresh backfill. A funnel stage added, moved, renamed or made lost / paused
recomputes the furthest position of the leads whose changes name it; a lead moved
to another funnel recomputes its own. The migration (0015) backfills with the same
statements. PostgreSQL (the shared database) keeps no copy: the funnel's queries
walk the history there (``store.funnel``)."""

from __future__ import annotations

from sqlalchemy import Connection, text

from workstation.store.models import FunnelMark, FunnelStay

STAYS = FunnelStay.__tablename__
MARKS = FunnelMark.__tablename__

_EVENTS = "h.kind = 'stage_change' AND h.deleted IS 0"

_STAYS_SQL = f"""
INSERT INTO {STAYS} (event_id, lead_id, code, at_s, since_s)
SELECT id, lead_id, code, at_s, since_s FROM (
  SELECT h.id AS id, h.lead_id AS lead_id, h.old_value AS code,
         julianday(h.at) * 86400.0 AS at_s,
         lag(julianday(h.at) * 86400.0) OVER (PARTITION BY h.lead_id ORDER BY h.at, h.id)
           AS since_s
  FROM history_events h WHERE {_EVENTS} AND {{leads}}) AS ev
WHERE code IS NOT NULL"""

_MARKS_SQL = f"""
INSERT OR REPLACE INTO {MARKS} (lead_id, entered_at, furthest)
SELECT h.lead_id, max(h.at),
       max(max(coalesce(pn.position, 0)), max(coalesce(po.position, 0)))
FROM history_events h
LEFT JOIN leads l ON l.id = h.lead_id
LEFT JOIN funnel_stages pn ON pn.funnel_id = l.funnel_id AND pn.code = h.new_value
     AND pn.is_lost IS 0 AND pn.is_paused IS 0
LEFT JOIN funnel_stages po ON po.funnel_id = l.funnel_id AND po.code = h.old_value
     AND po.is_lost IS 0 AND po.is_paused IS 0
WHERE {_EVENTS} AND {{leads}}
GROUP BY h.lead_id"""
"""Same terms as ``store.funnel``'s history walk (``_furthest``, ``_entered_current_stage``)."""


def _recompute(lead: str) -> str:
    """Statements (trigger body) recomputing the rows of the lead ``lead`` (NEW.x / OLD.x)."""
    return (f"DELETE FROM {STAYS} WHERE lead_id = {lead};\n"
            + _STAYS_SQL.format(leads=f"h.lead_id = {lead}") + ";\n"
            f"DELETE FROM {MARKS} WHERE lead_id = {lead};\n"
            + _MARKS_SQL.format(leads=f"h.lead_id = {lead}") + ";\n")


def _naming(code: str) -> str:
    """Leads whose stage changes name stage ``code`` (a trigger's NEW.code / OLD.code)."""
    return (f"h.lead_id IN (SELECT e.lead_id FROM history_events e WHERE e.kind = "
            f"'stage_change' AND e.deleted IS 0 AND (e.new_value = {code} "
            f"OR e.old_value = {code}))")


_STAGE_CHANGED = ("NEW.position IS NOT OLD.position OR NEW.code IS NOT OLD.code "
                  "OR NEW.is_lost IS NOT OLD.is_lost OR NEW.is_paused IS NOT OLD.is_paused "
                  "OR NEW.funnel_id IS NOT OLD.funnel_id")

TRIGGERS: dict[str, str] = {
    "trg_funnel_event_insert":
        "AFTER INSERT ON history_events WHEN NEW.kind = 'stage_change' BEGIN\n"
        + _recompute("NEW.lead_id") + "END",
    "trg_funnel_event_update":
        "AFTER UPDATE ON history_events WHEN NEW.kind = 'stage_change' "
        "OR OLD.kind = 'stage_change' BEGIN\n"
        + _recompute("OLD.lead_id") + _recompute("NEW.lead_id") + "END",
    "trg_funnel_event_delete":
        "AFTER DELETE ON history_events WHEN OLD.kind = 'stage_change' BEGIN\n"
        + _recompute("OLD.lead_id") + "END",
    "trg_funnel_lead_funnel":
        "AFTER UPDATE OF funnel_id ON leads WHEN NEW.funnel_id IS NOT OLD.funnel_id BEGIN\n"
        + _MARKS_SQL.format(leads="h.lead_id = NEW.id") + ";\nEND",
    "trg_funnel_stage_insert":
        "AFTER INSERT ON funnel_stages BEGIN\n"
        + _MARKS_SQL.format(leads=_naming("NEW.code")) + ";\nEND",
    "trg_funnel_stage_update":
        f"AFTER UPDATE ON funnel_stages WHEN {_STAGE_CHANGED} BEGIN\n"
        + _MARKS_SQL.format(leads=_naming("OLD.code")) + ";\n"
        + _MARKS_SQL.format(leads=_naming("NEW.code")) + ";\nEND",
    "trg_funnel_stage_delete":
        "AFTER DELETE ON funnel_stages BEGIN\n"
        + _MARKS_SQL.format(leads=_naming("OLD.code")) + ";\nEND",
}


def create_triggers(conn: Connection) -> None:
    for name, body in TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def drop_triggers(conn: Connection) -> None:
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def backfill(conn: Connection) -> None:
    """Every lead's rows from the history, replacing what is there (the migration; a
    bulk load that ran without the triggers)."""
    conn.execute(text(f"DELETE FROM {STAYS}"))
    conn.execute(text(f"DELETE FROM {MARKS}"))
    conn.execute(text(_STAYS_SQL.format(leads="1 = 1")))
    conn.execute(text(_MARKS_SQL.format(leads="1 = 1")))


__all__ = ["MARKS", "STAYS", "TRIGGERS", "backfill", "create_triggers", "drop_triggers"]
