"""The sync's own side of the local store: its engine, the outbox's state, the cursors.

:func:`local_sync_engine` is the engine the sync writes the local store with.
:class:`Bookkeeping` is the part of :class:`workstation.sync.worker.Syncer`
that reads what waits in the outbox (and what the shared database refused) and
keeps the pull cursors and the last sync time, written lazily.
"""

from __future__ import annotations

import time
from datetime import datetime

from sqlalchemy import Engine, delete, event, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from workstation.store.db import make_engine
from workstation.sync.report import Rejected
from workstation.sync.tables import OUTBOX, STATE, SYNC_ORDER

LAST_SYNC_KEY = "*"
PERSIST_EVERY_S = 5.0


def local_sync_engine(url: str) -> Engine:
    """The worker's own local engine: BEGIN IMMEDIATE writes, no FK checks.

    Pulled rows may point at rows this user may not read (another manager's
    call on a shared lead); the shared database enforces the references.
    """
    engine = make_engine(url)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _rec):
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        dbapi_conn.execute("PRAGMA foreign_keys=OFF")
        # WAL + NORMAL: the worker's own commits (pulled rows with their cursor,
        # settled outbox rows) skip the fsync. A power cut may lose the last of
        # them, never half of one: the rows are pulled again, the outbox rows
        # pushed again (idempotent). The app's own writes stay synchronous=FULL.
        dbapi_conn.execute("PRAGMA synchronous=NORMAL")

    @event.listens_for(engine, "begin")
    def _begin(conn):
        read = conn.get_execution_options().get("ws_read", False)
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine


def set_state(lc, key: str, cursor: int | None = None, at: datetime | None = None):
    """Write a ``sync_state`` row in ``lc``'s transaction: a table's pull cursor, or
    the last sync time (key ``LAST_SYNC_KEY``); what is not given stays."""
    values = {"key": key, "cursor": cursor or 0, "at": at}
    stmt = sqlite_insert(STATE).values(values)
    sets = {}
    if cursor is not None:
        sets["cursor"] = stmt.excluded.cursor
    if at is not None:
        sets["at"] = stmt.excluded.at
    lc.execute(stmt.on_conflict_do_update(index_elements=[STATE.c.key], set_=sets)
               if sets else stmt.on_conflict_do_nothing())


class Bookkeeping:
    """Outbox status, cursors and the last sync time (a part of ``Syncer``)."""

    local: Engine
    _cursors: dict[str, int] | None
    _dirty: dict[str, int]
    _last_sync: datetime | None
    _persisted_at: float

    def _read(self):
        return self.local.connect().execution_options(ws_read=True)

    def waiting(self) -> int:
        """Changes still to be sent (those the shared database refused not counted)."""
        with self._read() as c:
            return c.scalar(select(func.count()).select_from(OUTBOX)
                            .where(OUTBOX.c.rejected_at.is_(None))) or 0

    def outbox_mark(self) -> int:
        with self._read() as c:
            return c.scalar(select(func.max(OUTBOX.c.seq))
                            .where(OUTBOX.c.rejected_at.is_(None))) or 0

    def rejected(self, limit: int = 100) -> list[Rejected]:
        """Changes the shared database refused, newest first, with its reason."""
        with self._read() as c:
            rows = c.execute(select(OUTBOX.c.table_name, OUTBOX.c.row_id,
                                    func.max(OUTBOX.c.rejected_at), OUTBOX.c.rejected_reason)
                             .where(OUTBOX.c.rejected_at.is_not(None))
                             .group_by(OUTBOX.c.table_name, OUTBOX.c.row_id)
                             .order_by(func.max(OUTBOX.c.rejected_at).desc())
                             .limit(limit)).all()
        return [Rejected(t, rid, at, reason) for t, rid, at, reason in rows]

    def rejected_count(self) -> int:
        with self._read() as c:
            return c.scalar(select(func.count(func.distinct(OUTBOX.c.row_id)))
                            .where(OUTBOX.c.rejected_at.is_not(None))) or 0

    def rejected_lines(self, limit: int = 20) -> list[str]:
        """What ``sync status`` and the status bar's tooltip say about refused rows."""
        count = self.rejected_count()
        if not count:
            return []
        out = [f"refused by the shared database: {count} (kept here; "
               f"`workstation sync retry` sends them again)"]
        for r in self.rejected(limit):
            out.append(f"  {r.table} {r.row_id}: {r.reason}")
        if count > limit:
            out.append(f"  ... and {count - limit} more")
        return out

    def retry_rejected(self) -> int:
        """Send the refused changes again at the next push (after a fix on the
        server, e.g. an admin gave the missing right). Returns how many."""
        with self.local.begin() as lc:
            return lc.execute(update(OUTBOX).where(OUTBOX.c.rejected_at.is_not(None))
                              .values(rejected_at=None, rejected_reason="")).rowcount

    def last_sync(self) -> datetime | None:
        if self._last_sync is not None:
            return self._last_sync
        with self._read() as c:
            return c.scalar(select(STATE.c.at).where(STATE.c.key == LAST_SYNC_KEY))

    def cursors(self) -> dict[str, int]:
        if self._cursors is None:
            with self._read() as c:
                self._cursors = dict(c.execute(select(STATE.c.key, STATE.c.cursor)).all())
        return self._cursors

    def reset_cursors(self) -> None:
        """Pull everything again next time (rows that became visible without changing)."""
        with self.local.begin() as lc:
            lc.execute(delete(STATE).where(STATE.c.key.in_([t.name for t in SYNC_ORDER])))
        self._cursors = None
        self._dirty.clear()

    def _persist_lazily(self, force: bool = False) -> None:
        """Cursors that moved past rows we cannot see, and the last sync time, are
        written at most every PERSIST_EVERY_S: pulling a row twice after a crash is
        harmless, an fsync per round on a busy team is not."""
        now = time.monotonic()
        if not force and now - self._persisted_at < PERSIST_EVERY_S:
            return
        with self.local.begin() as lc:
            for name, cur in self._dirty.items():
                set_state(lc, name, cursor=cur)
            if self._last_sync is not None:
                set_state(lc, LAST_SYNC_KEY, at=self._last_sync)
        self._dirty.clear()
        self._persisted_at = now
