"""Push and pull between the local store and the shared database.

:class:`Syncer` is the Qt-free core: one :meth:`Syncer.sync_once` pushes the
outbox and pulls what changed. ``sync.runner.SyncWorker`` runs it in a thread,
woken by local commits, PostgreSQL NOTIFY (``ws_sync``) or a poll.

``Syncer`` is made of parts, one module each, sharing its state (set up here):

* :mod:`workstation.sync.push`: local → shared, the outbox in batches, then
  settled locally;
* :mod:`workstation.sync.leadmoves`: the hand-overs and assignments a push
  carries (``ws_assign_lead``);
* :mod:`workstation.sync.pull`: shared → local, per table after its cursor;
* :mod:`workstation.sync.bookkeeping`: the outbox's state, the cursors and
  the last sync time in the local store;
* here: one round (:meth:`Syncer.sync_once`), the recordings and the admin's
  recording retention on their timers, and the timers of the sync thread.

What is synced and how conflicts settle is in :mod:`workstation.sync.tables`,
what a round did in :mod:`workstation.sync.report`.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError

from workstation.store.models import Base
from workstation.store.types import utcnow
from workstation.sync import review as review_sync
from workstation.sync.bookkeeping import (
    LAST_SYNC_KEY,
    PERSIST_EVERY_S,
    Bookkeeping,
    local_sync_engine,
)
from workstation.sync.leadmoves import LeadMoves
from workstation.sync.pull import Pull
from workstation.sync.push import CONFLICT_NS, Push
from workstation.sync.report import Rejected, SyncReport
from workstation.sync.shared import SharedUnavailable, describe, is_unavailable, short_error
from workstation.sync.tables import (
    ADVISORY_LOCK,
    APPEND_ONLY,
    CONFIG_HISTORY,
    EXTRA_NATURAL_KEYS,
    FK_COLUMNS,
    LWW_HISTORY,
    META_COLUMNS,
    OUTBOX,
    REFERENCES,
    STATE,
    SYNC_ORDER,
    natural_keys,
)

__all__ = [  # the names this module always had (its parts moved out)
    "ADVISORY_LOCK", "APPEND_ONLY", "CONFIG_HISTORY", "CONFLICT_NS", "EXTRA_NATURAL_KEYS",
    "FK_COLUMNS", "LAST_SYNC_KEY", "LWW_HISTORY", "META_COLUMNS", "OUTBOX",
    "OUTBOX_CHECK_S", "PERSIST_EVERY_S", "PULL_INTERVAL_S", "REFERENCES", "RETENTION_EVERY_S",
    "RETENTION_FIRST_S", "RETRY_FIRST_S", "STATE", "SYNC_ORDER", "Rejected", "SyncReport",
    "Syncer", "local_sync_engine", "natural_keys",
]

log = logging.getLogger(__name__)

PULL_INTERVAL_S = 0.25  # at most one NOTIFY-woken pull per interval
OUTBOX_CHECK_S = 0.25  # local changes of other processes / Core writes
RETRY_FIRST_S = 0.25  # offline: first retry, doubling up to SyncWorker.retry_s
RETENTION_FIRST_S = 600.0  # an admin's workstation applies the recording retention
RETENTION_EVERY_S = 6 * 3600.0


class Syncer(Bookkeeping, Push, LeadMoves, Pull):
    """One workstation's sync with the shared database (not thread-safe: one caller)."""

    def __init__(self, local_url: str, shared: Engine, *, batch: int = 500, page: int = 20000,
                 recordings=None) -> None:
        self.local = local_sync_engine(local_url)
        self.shared = shared
        self.batch = batch
        self.page = page
        self.recordings = recordings
        # benches: called after each pushed batch with [(table, row id, outbox entry's
        # created_at)] and the time the shared database had committed the batch
        self.lag_hook: Callable[[list[tuple], datetime], None] | None = None
        self._cursors: dict[str, int] | None = None
        self._dirty: dict[str, int] = {}
        self._last_sync: datetime | None = None
        self._persisted_at = 0.0
        self._recordings_at = 0.0
        # the admin's retention: first 10 minutes after start, then every 6 hours
        # (None: never, for tests that apply it by hand)
        self.retention_due_at: float | None = time.monotonic() + RETENTION_FIRST_S
        self._uid: uuid.UUID | None = None
        self._uid_known = False
        # lead id -> (owner, team, pool) as last pushed: a lead pushed again with the same
        # assignment (every wrap-up) needs no look at the shared row (see _moves)
        self._assignments: dict[uuid.UUID, tuple] = {}
        self.timings: Counter = Counter()  # seconds and counts per phase (benches, profiling)
        self.push_pids: set[int] = set()  # backends this syncer pushed through (own NOTIFYs)

    def close(self) -> None:
        try:
            if self._dirty:
                self._persist_lazily(force=True)
        finally:
            self.local.dispose()

    def _apply_retention(self, report: SyncReport) -> None:
        try:
            deleted = review_sync.scheduled_retention(
                self.shared, self.local, self._uid if self._uid_known else None)
        except DBAPIError as exc:  # the next due time tries again; sync goes on
            log.warning("recording retention not applied: %s", short_error(exc))
            return
        if deleted:
            report.recordings["purged"] += deleted
            log.info("recording retention: %d recordings left the shared store", deleted)

    def local_user_id(self, login: str) -> uuid.UUID | None:
        """The users.id of ``login`` in the local store (None: not there)."""
        users = Base.metadata.tables["users"]
        with self._read() as c:
            return c.scalar(select(users.c.id).where(users.c.login == login,
                                                     users.c.deleted.is_(False)))

    def user_id(self, sc) -> uuid.UUID | None:
        if not self._uid_known:
            self._uid = sc.scalar(text("SELECT ws_uid()"))
            self._uid_known = True
        return self._uid

    # -- one round -----------------------------------------------------------------------
    def sync_once(self, tables: set[str] | None = None, *, pull: bool = True) -> SyncReport:
        """Push everything waiting, then pull ``tables`` (default: all; none when
        ``pull`` is false: a round woken by a local change only)."""
        report = SyncReport()
        t = self.timings
        t["rounds"] += 1
        try:
            t0 = time.perf_counter()
            self.push(report)
            t1 = time.perf_counter()
            t["push_s"] += t1 - t0
            if pull:
                self.pull(report, tables)
                t["pull_s"] += time.perf_counter() - t1
                t["pulls"] += 1
                t["pull_tables"] += len(SYNC_ORDER) if tables is None else len(tables)
            if self.recordings is not None and (
                    tables is None or time.monotonic() - self._recordings_at > PERSIST_EVERY_S):
                self._recordings_at = time.monotonic()
                report.recordings.update(self.recordings.run_once(self.shared, self.local))
            if self.retention_due_at is not None and time.monotonic() >= self.retention_due_at:
                self.retention_due_at = time.monotonic() + RETENTION_EVERY_S
                self._apply_retention(report)
        except SharedUnavailable:
            raise
        except DBAPIError as exc:
            if is_unavailable(exc):
                raise SharedUnavailable(f"shared database {describe(self.shared)}: "
                                        f"{short_error(exc)}") from exc
            raise
        self._last_sync = utcnow()
        self._persist_lazily(force=pull and tables is None)
        return report
