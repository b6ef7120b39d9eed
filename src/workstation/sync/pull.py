"""Pull: shared → local (a part of :class:`workstation.sync.worker.Syncer`).

Per table, rows with ``revision > cursor`` in revision order, a page at
a time, applied locally with the cursor in the same local transaction. Rows
with local changes still waiting in the outbox are left alone (the push
settles them). The shared database assigns revisions under one advisory lock
per writing transaction, so they become visible in order and no row can slip
behind a cursor. The first sync of a big base goes through plain driver
cursors (:meth:`Pull._pull_fast`).

Applying shared rows locally (:func:`apply_rows`, :func:`remap`)
serves the push too: a row the shared database has newer, or the shared row a
local one is merged onto.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import Counter

import psycopg
from sqlalchemy import JSON, Engine, Table, Uuid, delete, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError

from workstation.store.types import UTCDateTime
from workstation.sync.bookkeeping import set_state
from workstation.sync.report import SyncReport
from workstation.sync.shared import SharedUnavailable, describe, is_unavailable, short_error
from workstation.sync.tables import ADVISORY_LOCK, OUTBOX, REFERENCES, SYNC_ORDER, natural_keys

log = logging.getLogger(__name__)


def _pg_storage_expr(col) -> str:
    """Select ``col`` already in the form SQLAlchemy stores it in SQLite."""
    q = f'"{col.name}"'
    if isinstance(col.type, Uuid):
        return f"replace({q}::text, '-', '')"
    if isinstance(col.type, UTCDateTime):
        return f"to_char({q} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
    if isinstance(col.type, JSON):
        return f"{q}::text"
    return q



class Pull:
    """Shared rows into the local store (a part of ``Syncer``)."""

    local: Engine
    shared: Engine
    page: int
    timings: Counter
    _dirty: dict[str, int]

    def pull(self, report: SyncReport | None = None,
             tables: set[str] | None = None) -> SyncReport:
        report = report or SyncReport()
        cursors = self.cursors()
        try:
            with self.shared.connect() as sc:
                # Every revision up to the horizon is committed: writers hold the
                # advisory lock from their first revision to their commit.
                with sc.begin():
                    t0 = time.perf_counter()
                    sc.execute(text(f"SELECT pg_advisory_xact_lock_shared({ADVISORY_LOCK})"))
                    self.timings["pull_lock_wait_s"] += time.perf_counter() - t0
                    horizon = sc.scalar(text("SELECT CASE WHEN is_called THEN last_value "
                                             "ELSE last_value - 1 END FROM ws_revision_seq"))
                skipped: dict[str, int] = {}
                for t in SYNC_ORDER:
                    if tables is not None and t.name not in tables:
                        continue
                    cursor = cursors.get(t.name, 0)
                    if not natural_keys(t):
                        cursor = self._pull_fast(sc, t, cursor, horizon, report)
                        if cursor < horizon:
                            skipped[t.name] = horizon
                        continue
                    while True:
                        page = [dict(r) for r in sc.execute(
                            select(t).where(t.c.revision > cursor, t.c.revision <= horizon)
                            .order_by(t.c.revision).limit(self.page)).mappings()]
                        sc.rollback()
                        if not page:
                            if cursor < horizon:  # rows above it, if any, are not ours to see
                                skipped[t.name] = horizon
                            break
                        cursor = page[-1]["revision"]
                        with self.local.begin() as lc:
                            pending = set(lc.scalars(select(OUTBOX.c.row_id).where(
                                OUTBOX.c.table_name == t.name)))
                            rows = [r for r in page if r["id"] not in pending]
                            apply_rows(lc, t, rows)
                            set_state(lc, t.name, cursor=cursor)
                        cursors[t.name] = cursor
                        self._dirty.pop(t.name, None)
                        report.pulled[t.name] += len(rows)
                for name, cur in skipped.items():
                    cursors[name] = cur
                    self._dirty[name] = cur
        except DBAPIError as exc:
            if is_unavailable(exc):
                raise SharedUnavailable(f"shared database {describe(self.shared)}: "
                                        f"{short_error(exc)}") from exc
            raise
        except psycopg.OperationalError as exc:
            raise SharedUnavailable(f"shared database {describe(self.shared)}: "
                                    f"{short_error(exc)}") from exc
        return report

    def _pull_fast(self, sc, t: Table, cursor: int, horizon: int, report: SyncReport) -> int:
        """Pull one table with plain driver cursors: the first sync of a big base.

        The server formats values the way SQLAlchemy stores them in SQLite
        (hex UUIDs, naive UTC text datetimes, JSON text); sqlite3 takes them
        as they come, with no per-value Python work.
        """
        cols = [c.name for c in t.columns]
        id_pos = cols.index("id")
        rev_pos = cols.index("revision")
        col_list = ", ".join(f'"{c}"' for c in cols)
        exprs = ", ".join(_pg_storage_expr(c) for c in t.columns)
        select_sql = (f'SELECT {exprs} FROM "{t.name}" WHERE revision > %s AND revision <= %s'
                      f" ORDER BY revision LIMIT %s")
        upsert_sql = (f'INSERT INTO "{t.name}" ({col_list}) VALUES ({", ".join("?" * len(cols))})'
                      f' ON CONFLICT(id) DO UPDATE SET '
                      + ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id"))
        raw = sc.connection.driver_connection
        while True:
            with raw.cursor() as cur:
                cur.execute(select_sql, (cursor, horizon, self.page))
                page = cur.fetchall()
            sc.rollback()
            if not page:
                return cursor
            cursor = page[-1][rev_pos]
            with self.local.begin() as lc:
                pending = {u.hex for u in lc.scalars(select(OUTBOX.c.row_id).where(
                    OUTBOX.c.table_name == t.name))}
                rows = [r for r in page if r[id_pos] not in pending] if pending else page
                lc.connection.driver_connection.executemany(upsert_sql, rows)
                set_state(lc, t.name, cursor=cursor)
            self.cursors()[t.name] = cursor
            self._dirty.pop(t.name, None)
            report.pulled[t.name] += len(rows)


def apply_rows(lc, t: Table, rows: list[dict], merge: bool = True) -> None:
    """Shared rows into the local table, in ``lc``'s transaction. With ``merge``,
    a local row holding the same natural key under another id adopts the shared id
    first (:func:`remap`)."""
    if not rows:
        return
    if merge and natural_keys(t):
        for r in rows:
            for key in natural_keys(t):
                cond = [t.c[c].is_(None) if r[c] is None else t.c[c] == r[c] for c in key]
                other = lc.scalar(select(t.c.id).where(*cond, t.c.id != r["id"]))
                if other is not None:
                    remap(lc, t, other, r)
    cols = [c.name for c in t.columns]
    stmt = sqlite_insert(t)
    stmt = stmt.on_conflict_do_update(
        index_elements=[t.c.id],
        set_={c: stmt.excluded[c] for c in cols if c != "id"})
    lc.execute(stmt, [{c: r[c] for c in cols} for r in rows])


def remap(lc, t: Table, old_id: uuid.UUID, srv: dict) -> None:
    """Local row ``old_id`` is the shared row ``srv`` under another id: adopt that id."""
    new_id = srv["id"]
    lc.execute(delete(t).where(t.c.id == old_id))
    lc.execute(delete(OUTBOX).where(OUTBOX.c.table_name == t.name, OUTBOX.c.row_id == old_id))
    apply_rows(lc, t, [srv], merge=False)
    for child, col in REFERENCES.get(t.name, []):
        lc.execute(update(child).where(child.c[col] == old_id).values({col: new_id}))
    log.info("merged local %s %s into shared row %s", t.name, old_id, new_id)
