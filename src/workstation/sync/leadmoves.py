"""Lead hand-overs and assignments in a push (a part of :class:`workstation.sync.worker.Syncer`).

A plain update cannot move a lead (db/shared/045_guards.sql): a pushed lead
whose owner, team or pool differ from the shared row's goes out with the
shared assignment, and ``ws_assign_lead`` makes the move afterwards, applying
the rules.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError

from workstation.store.models import Base
from workstation.sync.shared import SharedUnavailable, describe, is_unavailable, short_error
from workstation.sync.tables import META_COLUMNS


class LeadMoves:
    """Which pushed leads move, and the moves made (a part of ``Syncer``)."""

    shared: Engine
    _assignments: dict[uuid.UUID, tuple]

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
                if is_unavailable(exc):
                    raise SharedUnavailable(f"shared database {describe(self.shared)}: "
                                            f"{short_error(exc)}") from exc
                results[("leads", rid)] = ("rejected", short_error(exc))
