"""Push: local → shared (a part of :class:`workstation.sync.worker.Syncer`).

Outbox entries are read in batches of ``batch``; the current local rows
are sent as ``INSERT ... ON CONFLICT (id) DO UPDATE ... WHERE excluded.updated_at
> current.updated_at`` in one server transaction, so replaying a batch changes
nothing. Only after the server committed are the outbox rows deleted locally
(and the server's revision numbers written back). Append-only tables (history)
use ``ON CONFLICT DO NOTHING``. Leads: when the shared row moved on since this
copy was pulled and fields differ, the later write wins and a ``field_change``
history event (deterministic id, so also idempotent) keeps both values.
Reference rows with a natural key (funnel code, tag name...) created on two
workstations under different ids are merged onto the shared row's id. A lead's
hand-over or assignment is made by :mod:`workstation.sync.leadmoves`.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine, Table, bindparam, delete, func, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError

from workstation.domain.enums import HistoryKind
from workstation.store.models import SYNCED_TABLES, Base
from workstation.store.types import utcnow
from workstation.sync.pull import apply_rows, remap
from workstation.sync.report import SyncReport
from workstation.sync.shared import SharedUnavailable, describe, is_unavailable, short_error
from workstation.sync.tables import (
    ADVISORY_LOCK,
    APPEND_ONLY,
    CONFIG_HISTORY,
    FK_COLUMNS,
    LWW_HISTORY,
    META_COLUMNS,
    OUTBOX,
    SYNC_ORDER,
    natural_keys,
)

log = logging.getLogger(__name__)

CONFLICT_NS = uuid.UUID("6b1c3d0e-8a55-4f61-9a0c-2f7e4c1d9b30")


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



class Push:
    """The outbox to the shared database, then settled locally (a part of ``Syncer``)."""

    local: Engine
    shared: Engine
    batch: int
    timings: Counter
    lag_hook: Callable[[list[tuple], datetime], None] | None
    push_pids: set[int]

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
                if is_unavailable(exc):
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
            if is_unavailable(exc):
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
                if is_unavailable(exc):
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
                            if is_unavailable(exc):
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
                        apply_rows(lc, t, [payload])
                elif kind == "merged":
                    report.merged[tname] += 1
                    remap(lc, t, rid, payload)
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

