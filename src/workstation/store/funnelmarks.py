"""What the funnel reads instead of the wide ``leads`` rows and the whole stage-change
history, kept in the local SQLite store by triggers (so every writer keeps it: the
wrap-up, the card, ``store.stages.set_stage``, the importer, the sync pull, a raw
insert):

- ``funnel_leads``: one narrow row per lead: its scope columns (funnel, stage,
  deleted, owner, team, source, type, created), when it entered the stage it is at
  (its last ``stage_change``, else created) and the furthest main-line stage
  position it has been at (its stage now or any stage its changes name).
- ``funnel_stays``: one row per ``stage_change`` event with an ``old_value``: the
  stay it ended, in seconds (since the lead's previous change, or since it was
  created), with the lead's scope columns so that the medians read one table.

Each trigger recomputes the rows of the lead it touches from the lead and its
changes (a lead has a few), so a change pulled out of order, an edited or deleted
event give the same rows as a fresh backfill. A lead's scope columns changing
recompute its rows; a funnel stage added, moved, renamed or made lost / paused
recomputes the leads at it or whose changes name it. The migration (0015)
backfills with the same statements. PostgreSQL (the shared database) keeps no
copy: the funnel's queries walk the history there (``store.funnel``)."""

from __future__ import annotations

from sqlalchemy import Connection

from workstation.store.models import FunnelLead, FunnelStay

LEADS = FunnelLead.__tablename__
STAYS = FunnelStay.__tablename__

_EVENTS = "h.kind = 'stage_change' AND h.deleted IS 0"
_MAIN = "is_lost IS 0 AND is_paused IS 0"
_SCOPE = "funnel_id, deleted, owner_id, team_id, source, created_at"

_LEADS_SQL = f"""
INSERT INTO {LEADS} (lead_id, stage_id, lead_type, entered_at, furthest, {_SCOPE})
SELECT l.id, l.stage_id, l.lead_type,
  coalesce((SELECT max(h.at) FROM history_events h WHERE h.lead_id = l.id AND {_EVENTS}),
           l.created_at),
  max(coalesce((SELECT c.position FROM funnel_stages c WHERE c.id = l.stage_id
                AND c.{_MAIN.replace(' AND ', ' AND c.')}), 0),
      coalesce((SELECT max(max(coalesce(pn.position, 0)), max(coalesce(po.position, 0)))
                FROM history_events h
                LEFT JOIN funnel_stages pn ON pn.funnel_id = l.funnel_id
                     AND pn.code = h.new_value AND pn.{_MAIN.replace(' AND ', ' AND pn.')}
                LEFT JOIN funnel_stages po ON po.funnel_id = l.funnel_id
                     AND po.code = h.old_value AND po.{_MAIN.replace(' AND ', ' AND po.')}
                WHERE h.lead_id = l.id AND {_EVENTS}), 0)),
  l.funnel_id, l.deleted, l.owner_id, l.team_id, l.source, l.created_at
FROM leads l WHERE {{leads}}"""
"""The same terms as ``store.funnel``'s history walk (``_furthest``,
``_entered_current_stage``). Run after deleting the leads' rows (``_leads``): inside a
trigger an OR REPLACE gives way to the outer statement's conflict handling (the sync
pull's upsert)."""


def _leads(where: str) -> str:
    """Statements recomputing the ``funnel_leads`` rows of the leads ``l`` ``where``."""
    return (f"DELETE FROM {LEADS} WHERE lead_id IN (SELECT l.id FROM leads l WHERE {where});\n"
            + _LEADS_SQL.format(leads=where) + ";\n")

_STAYS_SQL = f"""
INSERT INTO {STAYS} (event_id, lead_id, code, d, {_SCOPE})
SELECT ev.id, ev.lead_id, ev.code,
       ev.at_s - coalesce(ev.since_s, julianday(l.created_at) * 86400.0),
       l.funnel_id, l.deleted, l.owner_id, l.team_id, l.source, l.created_at
FROM (SELECT h.id AS id, h.lead_id AS lead_id, h.old_value AS code,
             julianday(h.at) * 86400.0 AS at_s,
             lag(julianday(h.at) * 86400.0) OVER (PARTITION BY h.lead_id
                                                  ORDER BY h.at, h.id) AS since_s
      FROM history_events h WHERE {_EVENTS} AND {{events}}) AS ev
JOIN leads l ON l.id = ev.lead_id
WHERE ev.code IS NOT NULL"""
"""The same arithmetic as ``store.funnel._finished_stays`` (bit for bit)."""


def _lead(lead: str, *, row: bool = True) -> str:
    """Statements (a trigger body) recomputing lead ``lead``'s rows (NEW.x / OLD.x)."""
    out = (f"DELETE FROM {STAYS} WHERE lead_id = {lead};\n"
           + _STAYS_SQL.format(events=f"h.lead_id = {lead}") + ";\n")
    if row:
        out += _leads(f"l.id = {lead}")
    return out


def _at_stage(new_or_old: str) -> str:
    """Leads at the stage or whose changes name it (NEW / OLD of funnel_stages)."""
    return (f"(l.stage_id = {new_or_old}.id OR l.id IN (SELECT e.lead_id FROM history_events e "
            f"WHERE e.kind = 'stage_change' AND e.deleted IS 0 AND (e.new_value = "
            f"{new_or_old}.code OR e.old_value = {new_or_old}.code)))")


_MAIN_C = "c.is_lost IS 0 AND c.is_paused IS 0"
_HAS_EVENTS = ("SELECT 1 FROM history_events h WHERE h.lead_id = NEW.id AND "
               "h.kind = 'stage_change' AND h.deleted IS 0")

_LEAD_COLUMNS = ("funnel_id", "stage_id", "deleted", "owner_id", "team_id", "source",
                 "lead_type", "created_at")
_LEAD_CHANGED = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _LEAD_COLUMNS)
_STAGE_CHANGED = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in
                             ("position", "code", "is_lost", "is_paused", "funnel_id"))

TRIGGERS: dict[str, str] = {
    "trg_funnel_lead_insert":  # a new lead (an import's): no change names it yet
        f"AFTER INSERT ON leads WHEN NOT EXISTS ({_HAS_EVENTS}) BEGIN\n"
        f"INSERT INTO {LEADS} (lead_id, stage_id, lead_type, entered_at, furthest, {_SCOPE})\n"
        "VALUES (NEW.id, NEW.stage_id, NEW.lead_type, NEW.created_at, coalesce((SELECT "
        f"c.position FROM funnel_stages c WHERE c.id = NEW.stage_id AND {_MAIN_C}), 0), "
        "NEW.funnel_id, NEW.deleted, NEW.owner_id, NEW.team_id, NEW.source, "
        "NEW.created_at);\nEND",
    "trg_funnel_lead_insert_late":  # its changes came first (no foreign key check)
        f"AFTER INSERT ON leads WHEN EXISTS ({_HAS_EVENTS}) BEGIN\n" + _lead("NEW.id")
        + "END",
    "trg_funnel_lead_update":
        f"AFTER UPDATE OF {', '.join(_LEAD_COLUMNS)} ON leads WHEN {_LEAD_CHANGED} BEGIN\n"
        + _lead("NEW.id") + "END",
    "trg_funnel_lead_delete":
        f"AFTER DELETE ON leads BEGIN\nDELETE FROM {STAYS} WHERE lead_id = OLD.id;\n"
        f"DELETE FROM {LEADS} WHERE lead_id = OLD.id;\nEND",
    "trg_funnel_event_insert":
        "AFTER INSERT ON history_events WHEN NEW.kind = 'stage_change' BEGIN\n"
        + _lead("NEW.lead_id") + "END",
    "trg_funnel_event_update":
        "AFTER UPDATE ON history_events WHEN NEW.kind = 'stage_change' "
        "OR OLD.kind = 'stage_change' BEGIN\n"
        + _lead("OLD.lead_id") + _lead("NEW.lead_id") + "END",
    "trg_funnel_event_delete":
        "AFTER DELETE ON history_events WHEN OLD.kind = 'stage_change' BEGIN\n"
        + _lead("OLD.lead_id") + "END",
    "trg_funnel_stage_insert":
        "AFTER INSERT ON funnel_stages BEGIN\n"
        + _leads(_at_stage("NEW")) + "END",
    "trg_funnel_stage_update":
        f"AFTER UPDATE ON funnel_stages WHEN {_STAGE_CHANGED} BEGIN\n"
        + _leads(_at_stage("OLD")) + _leads(_at_stage("NEW")) + "END",
    "trg_funnel_stage_delete":
        "AFTER DELETE ON funnel_stages BEGIN\n"
        + _leads(_at_stage("OLD")) + "END",
}


def create_triggers(conn: Connection) -> None:
    for name, body in TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def drop_triggers(conn: Connection) -> None:
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def backfill(conn: Connection) -> None:
    """Every lead's rows from the leads and their history, replacing what is there
    (the migration; a bulk load that ran without the triggers)."""
    conn.exec_driver_sql(f"DELETE FROM {STAYS}")
    conn.exec_driver_sql(f"DELETE FROM {LEADS}")
    conn.exec_driver_sql(_STAYS_SQL.format(events="1 = 1"))
    conn.exec_driver_sql(_LEADS_SQL.format(leads="1 = 1"))


__all__ = ["LEADS", "STAYS", "TRIGGERS", "backfill", "create_triggers", "drop_triggers"]
