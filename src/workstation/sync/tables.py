"""What is synced, and how each table settles a conflict.

The synced tables in dependency order, the outbox and the cursors' tables, the
tables written append-only or with the later write winning (the value it
replaces kept in history), and the natural keys under which rows created on
two workstations are merged. Shared by the push (:mod:`workstation.sync.push`),
the pull (:mod:`workstation.sync.pull`) and the lead moves
(:mod:`workstation.sync.leadmoves`).
"""

from __future__ import annotations

from sqlalchemy import Table, UniqueConstraint

from workstation.store.models import SYNCED_TABLES, Base, OutboxEntry, SyncState

ADVISORY_LOCK = 706050
APPEND_ONLY = {"history_events", "config_history", "recording_access"}
LWW_HISTORY = {"leads"}
CONFIG_HISTORY = {"teams", "funnels", "funnel_stages", "refusal_reasons", "lead_sources",
                  "kpi_plans", "shared_settings"}
"""Configuration: the later write wins too; the value it replaces goes to config_history."""
EXTRA_NATURAL_KEYS = {"kpi_plans": [("metric", "period", "user_id", "team_id")]}
META_COLUMNS = {"id", "created_at", "created_by", "updated_at", "updated_by", "revision"}

SYNC_ORDER: list[Table] = [t for t in Base.metadata.sorted_tables if t.name in SYNCED_TABLES]
OUTBOX = OutboxEntry.__table__
STATE = SyncState.__table__


def natural_keys(table: Table) -> list[tuple[str, ...]]:
    keys = [tuple(c.name for c in uc.columns) for uc in table.constraints
            if isinstance(uc, UniqueConstraint)]
    return keys + EXTRA_NATURAL_KEYS.get(table.name, [])


def _references() -> dict[str, list[tuple[Table, str]]]:
    refs: dict[str, list[tuple[Table, str]]] = {}
    for t in SYNC_ORDER:
        for fk in t.foreign_keys:
            refs.setdefault(fk.column.table.name, []).append((t, fk.parent.name))
    return refs


REFERENCES = _references()
FK_COLUMNS = {t.name: [fk.parent.name for fk in t.foreign_keys] for t in SYNC_ORDER}
