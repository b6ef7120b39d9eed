"""Push and pull between the local store and the shared database.

:class:`Syncer` is the Qt-free core: one :meth:`Syncer.sync_once` pushes the
outbox and pulls what changed. ``sync.runner.SyncWorker`` runs it in a thread,
woken by local commits, PostgreSQL NOTIFY (``ws_sync``) or a poll.

Push. Outbox entries are read in batches of ``batch``; the current local rows
are sent as ``INSERT ... ON CONFLICT (id) DO UPDATE ... WHERE excluded.updated_at
> current.updated_at`` in one server transaction, so replaying a batch changes
nothing. Only after the server committed are the outbox rows deleted locally
(and the server's revision numbers written back). Append-only tables (history)
use ``ON CONFLICT DO NOTHING``. Leads: when the shared row moved on since this
copy was pulled and fields differ, the later write wins and a ``field_change``
history event (deterministic id, so also idempotent) keeps both values.
Reference rows with a natural key (funnel code, tag name...) created on two
workstations under different ids are merged onto the shared row's id.

Pull. Per table, rows with ``revision > cursor`` in revision order, a page at
a time, applied locally with the cursor in the same local transaction. Rows
with local changes still waiting in the outbox are left alone (the push
settles them). The shared database assigns revisions under one advisory lock
per writing transaction, so they become visible in order and no row can slip
behind a cursor.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import psycopg

from sqlalchemy import (
    JSON,
    Engine,
    Table,
    UniqueConstraint,
    bindparam,
    delete,
    event,
    func,
    or_,
    select,
    text,
    Uuid,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, OperationalError

from workstation.domain.enums import HistoryKind
from workstation.store.db import make_engine
from workstation.store.models import SYNCED_TABLES, Base, OutboxEntry, SyncState
from workstation.store.types import UTCDateTime, utcnow
from workstation.sync import review as review_sync
from workstation.sync.shared import SharedUnavailable, describe, short_error

log = logging.getLogger(__name__)

ADVISORY_LOCK = 706050
APPEND_ONLY = {"history_events", "config_history", "recording_access"}
LWW_HISTORY = {"leads"}
CONFIG_HISTORY = {"teams", "funnels", "funnel_stages", "refusal_reasons", "lead_sources",
                  "kpi_plans", "shared_settings"}
"""Configuration: the later write wins too; the value it replaces goes to config_history."""
EXTRA_NATURAL_KEYS = {"kpi_plans": [("metric", "period", "user_id", "team_id")]}
META_COLUMNS = {"id", "created_at", "created_by", "updated_at", "updated_by", "revision"}
CONFLICT_NS = uuid.UUID("6b1c3d0e-8a55-4f61-9a0c-2f7e4c1d9b30")

SYNC_ORDER: list[Table] = [t for t in Base.metadata.sorted_tables if t.name in SYNCED_TABLES]
OUTBOX = OutboxEntry.__table__
STATE = SyncState.__table__
LAST_SYNC_KEY = "*"
PERSIST_EVERY_S = 5.0
PULL_INTERVAL_S = 0.25  # at most one NOTIFY-woken pull per interval
OUTBOX_CHECK_S = 0.25  # local changes of other processes / Core writes
RETRY_FIRST_S = 0.25  # offline: first retry, doubling up to SyncWorker.retry_s
RETENTION_FIRST_S = 600.0  # an admin's workstation applies the recording retention
RETENTION_EVERY_S = 6 * 3600.0


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


@dataclass(frozen=True)
class Rejected:
    """A local change the shared database refused (kept in the outbox)."""

    table: str
    row_id: uuid.UUID
    at: datetime
    reason: str


@dataclass
class SyncReport:
    pushed: Counter = field(default_factory=Counter)
    pulled: Counter = field(default_factory=Counter)
    rejected: Counter = field(default_factory=Counter)
    merged: Counter = field(default_factory=Counter)
    conflicts: int = 0
    recordings: Counter = field(default_factory=Counter)

    def moved(self) -> bool:
        return bool(sum(self.pushed.values()) or sum(self.pulled.values())
                    or sum(self.merged.values()) or sum(self.recordings.values()))

    def lines(self) -> list[str]:
        def fmt(c: Counter) -> str:
            total = sum(c.values())
            parts = ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if v)
            return f"{total}" + (f" ({parts})" if parts else "")

        out = [f"pushed: {fmt(self.pushed)}", f"pulled: {fmt(self.pulled)}"]
        if self.conflicts:
            out.append(f"conflicts resolved (later write kept, both in history): {self.conflicts}")
        if sum(self.merged.values()):
            out.append(f"merged with shared rows of the same name: {fmt(self.merged)}")
        if sum(self.rejected.values()):
            out.append(f"refused by the shared database (kept; see `workstation sync status`): "
                       f"{fmt(self.rejected)}")
        if sum(self.recordings.values()):
            out.append(f"recordings: {fmt(self.recordings)}")
        return out


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


def _is_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return False


def _json_value(v):
    """A local value as jsonb_populate_recordset reads it (UTC for naive datetimes)."""
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, datetime):
        return v.isoformat() if v.tzinfo else v.isoformat() + "+00:00"
    return v


def _text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.isoformat()
    return str(v)


class Syncer:
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

    # -- local bookkeeping -------------------------------------------------------------
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

    def _set_state(self, lc, key: str, cursor: int | None = None, at: datetime | None = None):
        values = {"key": key, "cursor": cursor or 0, "at": at}
        stmt = sqlite_insert(STATE).values(values)
        sets = {}
        if cursor is not None:
            sets["cursor"] = stmt.excluded.cursor
        if at is not None:
            sets["at"] = stmt.excluded.at
        lc.execute(stmt.on_conflict_do_update(index_elements=[STATE.c.key], set_=sets)
                   if sets else stmt.on_conflict_do_nothing())

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
                self._set_state(lc, name, cursor=cur)
            if self._last_sync is not None:
                self._set_state(lc, LAST_SYNC_KEY, at=self._last_sync)
        self._dirty.clear()
        self._persisted_at = now

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
            if _is_unavailable(exc):
                raise SharedUnavailable(f"shared database {describe(self.shared)}: "
                                        f"{short_error(exc)}") from exc
            raise
        self._last_sync = utcnow()
        self._persist_lazily(force=pull and tables is None)
        return report

    # -- push ------------------------------------------------------------------------------
    def push(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        refresh: frozenset = frozenset()
        while True:
            with self._read() as lc:
                entries = lc.execute(select(OUTBOX).where(OUTBOX.c.rejected_at.is_(None))
                                     .order_by(OUTBOX.c.seq).limit(self.batch)).all()
                if not entries:
                    return report
                ids: dict[str, set[uuid.UUID]] = {}
                for e in entries:
                    if e.table_name in SYNCED_TABLES:
                        ids.setdefault(e.table_name, set()).add(e.row_id)
                rows: dict[str, dict[uuid.UUID, dict]] = {}
                for t in SYNC_ORDER:
                    if t.name in ids:
                        rows[t.name] = {r["id"]: dict(r) for r in lc.execute(
                            select(t).where(t.c.id.in_(ids[t.name]))).mappings()}
            t0 = time.perf_counter()
            moves, trusted = self._moves(rows, refresh)
            for rid in [r for r, mv in moves.items() if mv[3]]:
                # only the move changed: ws_assign_lead makes it; the row itself is not
                # pushed (row-level security lets a team lead move a lead, not update it)
                del rows["leads"][rid]
                ids["leads"].discard(rid)
            if "leads" in ids and not ids["leads"]:
                del ids["leads"], rows["leads"]
            results = self._push_server(ids, rows, report)
            if moves:
                self._assign(moves, results)
            stale = frozenset(rid for rid in trusted
                              if results.get(("leads", rid), ("ok",))[0] == "rejected")
            if stale:  # moved on the server since our last push: look, push again
                refresh = stale  # (a replayed batch changes nothing: idempotent)
                continue
            refresh = frozenset()
            t1 = time.perf_counter()
            if self.lag_hook is not None:
                self.lag_hook([(e.table_name, e.row_id, e.created_at) for e in entries],
                              utcnow())
            self._settle(entries, results, report)
            self.timings["push_server_s"] += t1 - t0
            self.timings["push_settle_s"] += time.perf_counter() - t1
            self.timings["push_batches"] += 1
            if len(entries) < self.batch:
                return report

    def _moves(self, rows, refresh: frozenset = frozenset()
               ) -> tuple[dict[uuid.UUID, tuple], list[uuid.UUID]]:
        """Leads whose owner, team or pool differ from the shared row's: a hand-over
        or an assignment, as (owner, team, pool, nothing else changed). Their rows go
        out with the shared assignment (a plain update cannot move a lead:
        db/shared/045_guards.sql); the move itself is made afterwards by
        ``ws_assign_lead``, which applies the rules.

        ``_assignments`` remembers each lead's assignment as last synced. A lead
        pushed with that same assignment (every wrap-up) is not looked up: it comes
        back as ``trusted``, and is looked up (``refresh``) only if the server then
        refuses it, i.e. someone moved it meanwhile, and then the server's stands.
        A lead whose assignment changed here is a move; with nothing remembered
        (after a restart) it is one when nobody wrote the shared row since this copy
        was pulled, or when this is the later write (the rule of every lead field)."""
        local = rows.get("leads")
        if not local:
            return {}, []
        known = self._assignments
        ask, trusted = [], []
        for rid, row in local.items():
            same = known.get(rid) == (row["owner_id"], row["team_id"], bool(row["shared_pool"]))
            (trusted if same and rid not in refresh else ask).append(rid)
        if not ask:
            return {}, trusted
        t = Base.metadata.tables["leads"]
        with self.shared.connect() as sc:
            shared = {r["id"]: dict(r) for r in sc.execute(
                select(t).where(t.c.id.in_(ask))).mappings()}
        fields = [c.name for c in t.columns if c.name not in META_COLUMNS]
        moves = {}
        for rid in ask:
            row = local[rid]
            srv = shared.get(rid)
            mine = (row["owner_id"], row["team_id"], bool(row["shared_pool"]))
            cur = None if srv is None else (srv["owner_id"], srv["team_id"],
                                            bool(srv["shared_pool"]))
            if cur is not None and mine != cur:
                if rid in known:
                    intended = known[rid] != mine
                else:
                    intended = (srv["revision"] == row["revision"]
                                or row["updated_at"] > srv["updated_at"])
                row["owner_id"], row["team_id"], row["shared_pool"] = cur
                if intended:
                    only_move = all(row[f] == srv[f] or (f == "shared_pool"
                                                         and bool(row[f]) == bool(srv[f]))
                                    for f in fields)
                    moves[rid] = (*mine, only_move)
                mine = cur
            if rid not in moves and len(known) < 50000:
                known[rid] = mine  # as the shared row has it (or will once inserted)
        return moves, trusted

    def _assign(self, moves: dict[uuid.UUID, tuple], results: dict) -> None:
        """Make the hand-overs and assignments the pushed leads carry."""
        for rid, (owner, team, _pool, _only) in moves.items():
            kind, _ = results.get(("leads", rid), ("ok", None))
            if kind not in ("ok", "lost"):  # refused: nothing to move
                continue
            try:
                with self.shared.begin() as sc:
                    self._own(sc)
                    rev = sc.scalar(text("SELECT ws_assign_lead(:l, :o, :t)"),
                                    {"l": rid, "o": owner, "t": team})
                if kind == "ok":  # (lost: the newer shared row is applied, the pull follows)
                    results[("leads", rid)] = ("ok", rev)
                    self._assignments[rid] = (owner, team, owner is None)
            except DBAPIError as exc:
                if _is_unavailable(exc):
                    raise SharedUnavailable(f"shared database {describe(self.shared)}: "
                                            f"{short_error(exc)}") from exc
                results[("leads", rid)] = ("rejected", short_error(exc))

    def _own(self, sc) -> None:
        pid = sc.connection.driver_connection.info.backend_pid
        if pid not in self.push_pids:
            if len(self.push_pids) > 16:  # the pool replaced its connections
                self.push_pids.clear()
            self.push_pids.add(pid)

    def _push_one_statement(self, ids, rows) -> tuple[dict, dict[str, set]] | None:
        """The common batch (calls, history, tasks, contacts, phones, leads...: no
        natural keys, no tombstones) as ONE statement in autocommit: an INSERT ...
        ON CONFLICT per table in data-modifying CTEs. It is its own transaction, so
        the revision lock is held for the server's execution and commit only, never
        across a client round trip. None: not such a batch.

        Leads (later write wins) are written here only where nobody else wrote
        since this copy was pulled (the shared revision is still the one this
        workstation holds): the usual case, a wrap-up on the manager's own lead.
        The others come back as ``leftover`` for the locked path, which keeps the
        overwritten values in history."""
        tables = [t for t in SYNC_ORDER if t.name in ids]
        if any(natural_keys(t) for t in tables):
            return None
        if any(rid not in rows[t.name] for t in tables for rid in ids[t.name]):
            return None
        per_row = sum(len(t.columns) * len(ids[t.name]) for t in tables)
        if per_row > 30000:  # bind parameter limit (65535) with room to spare
            return None
        parts, params = [], {}
        for i, t in enumerate(tables):
            cols = [c.name for c in t.columns if c.name != "revision"]
            names = ", ".join(f'"{c}"' for c in cols)
            if t.name in APPEND_ONLY:
                conflict = "DO NOTHING"
            else:
                sets = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in cols
                                 if c not in ("id", "created_at", "created_by"))
                guard = f'EXCLUDED.updated_at > "{t.name}".updated_at'
                if t.name in LWW_HISTORY or t.name in CONFIG_HISTORY:  # (EXCLUDED.revision: new)
                    guard += (f' AND "{t.name}".revision = '
                              f"(CAST(:b{i} AS jsonb) ->> EXCLUDED.id::text)::bigint")
                    params[f"b{i}"] = json.dumps({str(rid): r["revision"] or 0
                                                  for rid, r in rows[t.name].items()})
                conflict = f"DO UPDATE SET {sets} WHERE {guard}"
            parts.append(
                f'w{i} AS (INSERT INTO "{t.name}" ({names}) SELECT {names} FROM '
                f'jsonb_populate_recordset(NULL::"{t.name}", CAST(:j{i} AS jsonb)) '
                f"ON CONFLICT (id) {conflict} RETURNING '{t.name}'::text AS t, id, revision)")
            params[f"j{i}"] = json.dumps([{c: _json_value(r[c]) for c in cols}
                                          for r in rows[t.name].values()])
        query = text("WITH " + ", ".join(parts) + " " + " UNION ALL ".join(
            f"SELECT t, id, revision FROM w{i}" for i in range(len(tables))))
        results: dict = {"idmap": {}, "history": 0}
        leftover: dict[str, set] = {}
        with self.shared.connect().execution_options(isolation_level="AUTOCOMMIT") as sc:
            self._own(sc)
            for tname, rid, rev in sc.execute(query, params).all():
                results[(tname, rid)] = ("ok", rev)
            for t in tables:  # replayed rows, and rows the shared base has newer
                rest = [rid for rid in ids[t.name] if (t.name, rid) not in results]
                if t.name in LWW_HISTORY or t.name in CONFIG_HISTORY:
                    if rest:
                        leftover[t.name] = set(rest)
                    continue
                mine = {rid: rows[t.name][rid]["updated_at"] for rid in rest}
                for i in range(0, len(rest), 1000):
                    for srv in sc.execute(select(t).where(t.c.id.in_(rest[i:i + 1000]))
                                          ).mappings():
                        if t.name in APPEND_ONLY or srv["updated_at"] == mine[srv["id"]]:
                            results[(t.name, srv["id"])] = ("ok", srv["revision"])
                        else:
                            results[(t.name, srv["id"])] = ("lost", dict(srv))
        return results, leftover

    def _push_server(self, ids, rows, report) -> dict:
        """Send one batch: one statement when it can, else one server transaction;
        row by row only if something is refused."""
        try:
            try:
                fast = self._push_one_statement(ids, rows)
            except DBAPIError as exc:
                if _is_unavailable(exc):
                    raise
                log.warning("push batch refused (%s); retrying table by table", short_error(exc))
                fast = None
            if fast is not None:
                self.timings["push_one_statement"] += 1
                results, leftover = fast
                if not leftover:
                    return results
                self.timings["push_lww_locked"] += 1
                results.update(self._push_locked(leftover, rows, report))
                return results
            return self._push_locked(ids, rows, report)
        except DBAPIError as exc:
            if _is_unavailable(exc):
                raise SharedUnavailable(f"shared database {describe(self.shared)}: "
                                        f"{short_error(exc)}") from exc
            raise

    def _push_locked(self, ids, rows, report) -> dict:
        """The batch in one server transaction (merges, later-write-wins with
        history, tombstones); per row in savepoints when the batch is refused."""
        with self.shared.connect() as sc:
            self._own(sc)
            try:
                with sc.begin():
                    results: dict = {"idmap": {}, "history": 0}
                    if any(natural_keys(t) or t.name in LWW_HISTORY
                           for t in SYNC_ORDER if t.name in ids):
                        # merges and later-write-wins read the shared rows first:
                        # serialise with other writers from the start
                        t0 = time.perf_counter()
                        sc.execute(text(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK})"))
                        self.timings["push_lock_wait_s"] += time.perf_counter() - t0
                    # else the revision trigger takes the lock at the first write:
                    # held for the INSERT ... RETURNING statements and the commit only
                    for t in SYNC_ORDER:
                        if t.name in ids:
                            self._push_table(sc, t, ids[t.name], rows[t.name], results)
                report.conflicts += results["history"]
                return results
            except DBAPIError as exc:
                if _is_unavailable(exc):
                    raise
                log.warning("push batch refused (%s); retrying row by row", short_error(exc))
            with sc.begin():
                results = {"idmap": {}, "history": 0}
                sc.execute(text(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK})"))
                for t in SYNC_ORDER:
                    for rid in ids.get(t.name, ()):
                        sp = sc.begin_nested()
                        try:
                            self._push_table(sc, t, {rid}, rows[t.name], results)
                            sp.commit()
                        except DBAPIError as exc:
                            if _is_unavailable(exc):
                                raise
                            sp.rollback()
                            log.warning("shared database refused %s %s: %s",
                                        t.name, rid, short_error(exc))
                            results[(t.name, rid)] = ("rejected", short_error(exc))
            report.conflicts += results["history"]
            return results

    def _push_table(self, sc, t: Table, ids: set, local_rows: dict, results: dict) -> None:
        idmap = results["idmap"]
        present = []
        for rid in ids:
            row = local_rows.get(rid)
            if row is None:
                continue
            row = dict(row)
            for col in FK_COLUMNS[t.name]:
                if row.get(col) in idmap:
                    row[col] = idmap[row[col]]
            present.append(row)
        gone = [rid for rid in ids if rid not in local_rows]
        if gone:  # deleted locally for good: leave a tombstone in the shared base
            sc.execute(update(t).where(t.c.id.in_(gone), t.c.deleted.is_(False))
                       .values(deleted=True, updated_at=utcnow()))
            for rid in gone:
                results[(t.name, rid)] = ("ok", None)
        if not present:
            return
        keys = natural_keys(t)
        if keys:
            present = self._merge_natural(sc, t, keys, present, results)
        if t.name in LWW_HISTORY or t.name in CONFIG_HISTORY:
            self._keep_overwritten(sc, t, present, results)
        cols = [c.name for c in t.columns if c.name != "revision"]
        values = [{c: r[c] for c in cols} for r in present]
        stmt = pg_insert(t)
        if t.name in APPEND_ONLY:
            stmt = stmt.on_conflict_do_nothing(index_elements=[t.c.id])
        else:
            stmt = stmt.on_conflict_do_update(
                index_elements=[t.c.id],
                set_={c: stmt.excluded[c] for c in cols
                      if c not in ("id", "created_at", "created_by")},
                where=stmt.excluded.updated_at > t.c.updated_at)
        ids = [v["id"] for v in values]
        # One statement per 500 rows (insertmanyvalues), its RETURNING gives the
        # revisions: no second round trip while the revision lock is held.
        stmt = stmt.returning(t.c.id, t.c.revision, sort_by_parameter_order=False)
        written = {}
        for i in range(0, len(values), 500):
            written.update(sc.execute(stmt, values[i:i + 500]).all())
        for rid, rev in written.items():
            results[(t.name, rid)] = ("ok", rev)
        mine = {v["id"]: v["updated_at"] for v in values}
        lost = []
        rest = [rid for rid in ids if rid not in written]  # replayed, or the shared row is newer
        for i in range(0, len(rest), 1000):
            part = rest[i:i + 1000]
            for rid, rev, at in sc.execute(select(t.c.id, t.c.revision, t.c.updated_at)
                                           .where(t.c.id.in_(part))).all():
                if t.name in APPEND_ONLY or at == mine[rid]:
                    results[(t.name, rid)] = ("ok", rev)
                else:
                    lost.append(rid)  # the shared row is newer than ours
        for i in range(0, len(lost), 1000):
            for srv in sc.execute(select(t).where(t.c.id.in_(lost[i:i + 1000]))).mappings():
                results[(t.name, srv["id"])] = ("lost", dict(srv))

    def _merge_natural(self, sc, t: Table, keys, present: list[dict], results) -> list[dict]:
        keep = []
        merged: dict[uuid.UUID, dict] = {}
        for key in keys:
            wanted = {tuple(r[c] for c in key): r for r in present if r["id"] not in merged}
            firsts = {k[0] for k in wanted}
            conds = []
            if firsts - {None}:
                conds.append(t.c[key[0]].in_(firsts - {None}))
            if None in firsts:
                conds.append(t.c[key[0]].is_(None))
            if not conds:
                continue
            for srv in sc.execute(select(t).where(or_(*conds))).mappings():
                k = tuple(srv[c] for c in key)
                mine = wanted.get(k)
                if mine is not None and mine["id"] != srv["id"] and mine["id"] not in merged:
                    merged[mine["id"]] = dict(srv)
        for r in present:
            if r["id"] in merged:
                srv = merged[r["id"]]
                results["idmap"][r["id"]] = srv["id"]
                results[(t.name, r["id"])] = ("merged", srv)
            else:
                keep.append(r)
        return keep

    def _keep_overwritten(self, sc, t: Table, present: list[dict], results) -> None:
        """Later write wins; the value it replaces goes to the lead's history."""
        by_id = {r["id"]: r for r in present}
        server = {s["id"]: s for s in sc.execute(
            select(t).where(t.c.id.in_(list(by_id))).with_for_update()).mappings()}
        fields = [c.name for c in t.columns if c.name not in META_COLUMNS]
        events = []
        uid = self.user_id(sc)
        now = utcnow()
        for rid, mine in by_id.items():
            srv = server.get(rid)
            if srv is None or srv["revision"] == mine["revision"]:
                continue  # new, or nobody else wrote since we pulled it
            diffs = [f for f in fields if mine[f] != srv[f]]
            if not diffs:
                continue
            local_later = mine["updated_at"] > srv["updated_at"]
            earlier, later = (srv, mine) if local_later else (mine, srv)
            for f in diffs:
                eid = uuid.uuid5(CONFLICT_NS, f"{rid}|{f}|{mine['updated_at'].isoformat()}|"
                                              f"{srv['updated_at'].isoformat()}")
                event = {
                    "id": eid, "user_id": uid, "at": now,
                    "field": f, "old_value": _text(earlier[f]), "new_value": _text(later[f]),
                    "data": {"conflict": True, "kept": "local" if local_later else "shared",
                             "old_written_at": earlier["updated_at"].isoformat(),
                             "new_written_at": later["updated_at"].isoformat()},
                    "created_at": now, "updated_at": now, "created_by": uid, "updated_by": uid,
                    "deleted": False,
                }
                if t.name in LWW_HISTORY:
                    event.update(lead_id=rid, call_id=None, kind=HistoryKind.FIELD_CHANGE.value,
                                 text="")
                else:
                    event.update(table_name=t.name, row_id=rid)
                events.append(event)
        if events:
            h = Base.metadata.tables["history_events" if t.name in LWW_HISTORY
                                     else "config_history"]
            done = sc.execute(pg_insert(h).values(events)
                              .on_conflict_do_nothing(index_elements=[h.c.id])
                              .returning(h.c.id)).all()
            results["history"] += len(done)

    def _settle(self, entries, results: dict, report: SyncReport) -> None:
        """After the server committed: drop the outbox rows, write revisions back."""
        with self.local.begin() as lc:
            newest = {}
            for e in entries:
                newest[(e.table_name, e.row_id)] = max(e.seq, newest.get((e.table_name, e.row_id), 0))
            revisions: dict[str, list[dict]] = {}
            for (tname, rid), _seq in newest.items():
                kind, payload = results.get((tname, rid), ("ok", None))
                t = Base.metadata.tables.get(tname)
                if t is None or tname not in SYNCED_TABLES:
                    continue
                if kind == "ok":
                    report.pushed[tname] += 1
                    if payload is not None:
                        revisions.setdefault(tname, []).append({"b_id": rid, "b_rev": payload})
                elif kind == "lost":
                    report.pushed[tname] += 1
                    if not self._newer_pending(lc, tname, rid, newest[(tname, rid)]):
                        self._apply_rows(lc, t, [payload])
                elif kind == "merged":
                    report.merged[tname] += 1
                    self._remap(lc, t, rid, payload)
                else:
                    report.rejected[tname] += 1
            for tname, revs in revisions.items():
                t = Base.metadata.tables[tname]
                lc.execute(update(t).where(t.c.id == bindparam("b_id"))
                           .values(revision=bindparam("b_rev")), revs)
            refused = {key for key in newest
                       if results.get(key, ("ok", None))[0] == "rejected"}
            now = utcnow()
            for tname, rid in refused:  # kept, with the server's reason, never lost
                reason = results[(tname, rid)][1] or "refused by the shared database"
                log.warning("shared database refused %s %s: %s", tname, rid, reason)
                lc.execute(update(OUTBOX).where(OUTBOX.c.table_name == tname,
                                                OUTBOX.c.row_id == rid,
                                                OUTBOX.c.seq <= newest[(tname, rid)])
                           .values(rejected_at=now, rejected_reason=reason[:2000]))
            seqs = [e.seq for e in entries if (e.table_name, e.row_id) not in refused]
            for i in range(0, len(seqs), 500):
                lc.execute(delete(OUTBOX).where(OUTBOX.c.seq.in_(seqs[i:i + 500])))
            sent = [key for key in newest if key not in refused]
            if sent and lc.scalar(select(OUTBOX.c.seq).where(OUTBOX.c.rejected_at.is_not(None))
                                  .limit(1)) is None:
                sent = []  # nothing was ever refused: the common case
            for i in range(0, len(sent), 200):  # the row is in: its older refusals are moot
                part = sent[i:i + 200]
                lc.execute(delete(OUTBOX).where(
                    OUTBOX.c.rejected_at.is_not(None),
                    or_(*[(OUTBOX.c.table_name == tn) & (OUTBOX.c.row_id == rid)
                          for tn, rid in part])))

    def _newer_pending(self, lc, tname, rid, seq) -> bool:
        return lc.scalar(select(func.count()).select_from(OUTBOX).where(
            OUTBOX.c.table_name == tname, OUTBOX.c.row_id == rid, OUTBOX.c.seq > seq)) > 0

    def _remap(self, lc, t: Table, old_id: uuid.UUID, srv: dict) -> None:
        """Local row ``old_id`` is the shared row ``srv`` under another id: adopt that id."""
        new_id = srv["id"]
        lc.execute(delete(t).where(t.c.id == old_id))
        lc.execute(delete(OUTBOX).where(OUTBOX.c.table_name == t.name, OUTBOX.c.row_id == old_id))
        self._apply_rows(lc, t, [srv], merge=False)
        for child, col in REFERENCES.get(t.name, []):
            lc.execute(update(child).where(child.c[col] == old_id).values({col: new_id}))
        log.info("merged local %s %s into shared row %s", t.name, old_id, new_id)

    # -- pull ------------------------------------------------------------------------------
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
                            self._apply_rows(lc, t, rows)
                            self._set_state(lc, t.name, cursor=cursor)
                        cursors[t.name] = cursor
                        self._dirty.pop(t.name, None)
                        report.pulled[t.name] += len(rows)
                for name, cur in skipped.items():
                    cursors[name] = cur
                    self._dirty[name] = cur
        except DBAPIError as exc:
            if _is_unavailable(exc):
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
                self._set_state(lc, t.name, cursor=cursor)
            self.cursors()[t.name] = cursor
            self._dirty.pop(t.name, None)
            report.pulled[t.name] += len(rows)

    def _apply_rows(self, lc, t: Table, rows: list[dict], merge: bool = True) -> None:
        if not rows:
            return
        if merge and natural_keys(t):
            for r in rows:
                for key in natural_keys(t):
                    cond = [t.c[c].is_(None) if r[c] is None else t.c[c] == r[c] for c in key]
                    other = lc.scalar(select(t.c.id).where(*cond, t.c.id != r["id"]))
                    if other is not None:
                        self._remap(lc, t, other, r)
        cols = [c.name for c in t.columns]
        stmt = sqlite_insert(t)
        stmt = stmt.on_conflict_do_update(
            index_elements=[t.c.id],
            set_={c: stmt.excluded[c] for c in cols if c != "id"})
        lc.execute(stmt, [{c: r[c] for c in cols} for r in rows])


# -- the thread ---------------------------------------------------------------------------
