"""Script analytics: for each script version, at which step the answered calls
end and with what result, so that the weak step shows (the drop-off rate of each
step; the worst one named). Scoped like the funnel: a manager sees own calls only,
a team lead or supervisor their team's."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from workstation.domain import funnelstats as fs
from workstation.services.context import Context
from workstation.services.funnel import DRILL_LIMIT, Interruptible, interruptible, scope
from workstation.store import scriptstats as q
from workstation.store.scriptstats import CallFilter, CallLine, ScriptVersion
from workstation.store.types import utcnow

__all__ = ["CallLine", "ScriptQuery", "ScriptReport", "ScriptVersion", "call_lines",
           "drill", "report", "versions"]


@dataclass(frozen=True)
class ScriptQuery:
    script_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    started_from: datetime | None = None
    started_to: datetime | None = None
    min_calls: int = fs.MIN_CALLS_FOR_WORST


def _filter(ctx: Context, sq: ScriptQuery) -> CallFilter:
    team_id, user_id = scope(ctx, sq.team_id, sq.user_id)
    return CallFilter(sq.script_id, team_id, user_id, sq.started_from, sq.started_to)


def versions(ctx: Context, sq: ScriptQuery) -> list[ScriptVersion]:
    """Every script version with the number of answered calls made with it."""
    with ctx.read() as s:
        return q.versions(s, _filter(ctx, sq))


@dataclass
class ScriptReport:
    version: ScriptVersion | None
    stats: fs.ScriptStats | None
    as_of: datetime = field(default_factory=utcnow)


def report(ctx: Context, sq: ScriptQuery, *, query: Interruptible | None = None
           ) -> ScriptReport:
    """The step table of one version (``sq.script_id``; None: the most used one);
    ``query.interrupt()`` stops it (QueryCancelled)."""
    cf = _filter(ctx, sq)
    with ctx.read() as s, interruptible(s, query):
        vs = q.versions(s, cf)
        if sq.script_id is None:
            used = [v for v in vs if v.calls]
            version = max(used, key=lambda v: v.calls) if used else (vs[0] if vs else None)
        else:
            version = next((v for v in vs if v.id == sq.script_id), None)
            if version is None:
                raise ValueError(f"script: no script version {sq.script_id}")
        if version is None:
            return ScriptReport(None, None)
        cf = CallFilter(version.id, cf.team_id, cf.user_id, cf.started_from, cf.started_to)
        stats = fs.script_stats(version.id, version.body, q.walks(s, cf), sq.min_calls)
    return ScriptReport(version, stats)


DRILLS = ("reached", "ended", "lost", "result")


def drill(ctx: Context, sq: ScriptQuery, step: str, what: str, result: str | None = None,
          limit: int = DRILL_LIMIT) -> list[uuid.UUID]:
    """The calls behind one cell of the step table: ``what`` is "reached", "ended",
    "lost" (ended without a positive result) or "result" (ended with ``result``)."""
    rep = report(ctx, sq)
    if rep.stats is None:
        return []
    st = rep.stats.step(step)
    if what == "reached":
        ids = st.reached
    elif what == "ended":
        ids = {c for v in st.ended.values() for c in v}
    elif what == "lost":
        ids = st.lost
    elif what == "result":
        ids = st.ended.get(result, set())
    else:
        raise ValueError(f"drill: unknown kind {what!r} (expected one of {', '.join(DRILLS)})")
    return sorted(ids)[:limit]


def call_lines(ctx: Context, ids: list[uuid.UUID]) -> list[CallLine]:
    """The drill-down list's rows (only calls this user may see)."""
    team_id, user_id = scope(ctx)
    with ctx.read() as s:
        lines = q.call_lines(s, list(ids))
        if team_id is None and user_id is None:
            return lines
        allowed = set(q.calls_visible(s, [c.id for c in lines], team_id, user_id))
    return [c for c in lines if c.id in allowed]
