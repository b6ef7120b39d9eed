"""The funnel of a product/topic for a team lead: leads per stage, conversion to
the next stage, median time in stage, stuck leads with their manager, and the
lead types of each base and manager against the seeds' cold-base bands.

Who sees what (checked here, and on PostgreSQL by row-level security too): an
admin every lead; a team lead or supervisor their team's; a manager only the
leads they own (asking for anybody else's is refused).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy.exc import OperationalError

from workstation.domain import funnelstats as fs
from workstation.services.admin import NotAllowed
from workstation.services.context import Context
from workstation.services.leads import Interruptible, QueryCancelled
from workstation.store import funnel as q
from workstation.store.funnel import FunnelInfo, LeadFilter, LeadLine, StageInfo, StuckLead
from workstation.store.types import utcnow

__all__ = [
    "Choices", "DRILL_LIMIT", "FunnelQuery", "Interruptible", "QueryCancelled", "interruptible", "FunnelReport", "LeadLine", "NotAllowed",
    "StageInfo", "StageRow", "StuckLead", "choices", "can_view", "drill", "lead_lines",
    "report", "utcnow",
]

DRILL_LIMIT = 10_000
"""At most this many leads behind one number are listed (the count stays exact)."""

VIEWER_ROLES = ("teamlead", "supervisor", "admin")


def can_view(ctx: Context) -> bool:
    """The Funnel and Script analytics tabs are for team leads, supervisors, admins."""
    return ctx.user.role in VIEWER_ROLES


@dataclass(frozen=True)
class FunnelQuery:
    funnel_id: uuid.UUID | None = None
    """None: the default funnel (the first one listed)."""
    team_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    source: str | None = None
    """The base: leads of this source (import)."""
    created_from: datetime | None = None
    created_to: datetime | None = None
    stuck_days: int = 14
    min_typed: int = fs.MIN_TYPED_LEADS


def scope(ctx: Context, team_id=None, owner_id=None) -> tuple[uuid.UUID | None,
                                                               uuid.UUID | None]:
    """(team, owner) the user may ask for: a manager is held to their own leads, a team
    lead or supervisor to their team; asking beyond is NotAllowed."""
    role, me = ctx.user.role, ctx.user
    if role == "admin":
        return team_id, owner_id
    if role in ("teamlead", "supervisor"):
        if me.team_id is None:
            return team_id, owner_id
        if team_id is not None and team_id != me.team_id:
            raise NotAllowed(f"team: a {role} sees only their own team")
        return me.team_id, owner_id
    if owner_id is not None and owner_id != me.id:
        raise NotAllowed("manager: a manager sees only their own leads")
    return None, me.id


def _filter(ctx: Context, fq: FunnelQuery, funnel_id) -> LeadFilter:
    team_id, owner_id = scope(ctx, fq.team_id, fq.owner_id)
    return LeadFilter(funnel_id, team_id, owner_id, fq.source, fq.created_from, fq.created_to)


@dataclass(frozen=True)
class Choices:
    funnels: list[FunnelInfo]
    teams: list[tuple[uuid.UUID, str]]
    managers: list[tuple[uuid.UUID, str]]
    sources: list[str]


def choices(ctx: Context) -> Choices:
    """What the filters offer this user."""
    team_id, owner_id = scope(ctx)
    with ctx.read() as s:
        funnels, teams, people = q.funnels(s), q.teams(s), q.people(s)
        sources = q.sources(s)
    if team_id is not None:
        teams = [t for t in teams if t[0] == team_id]
        people = [p for p in people if p[2] == team_id]
    if owner_id is not None:
        teams = []
        people = [p for p in people if p[0] == owner_id]
    return Choices(funnels, teams, [(p[0], p[1]) for p in people], sources)


@dataclass(frozen=True)
class StageRow:
    stage: StageInfo
    now: int
    """Leads at the stage now."""
    reached: int | None
    """Leads that got to the stage or further (main-line stages; None for Paused/Refused)."""
    conversion: float | None
    """Of those that reached this stage, the share (0..1) that reached the next one."""
    median_seconds: float | None
    stays: int
    """Finished stays in the stage (the median's sample)."""


@dataclass
class FunnelReport:
    funnel: FunnelInfo | None
    rows: list[StageRow]
    no_stage: int
    """Leads of the funnel without a stage."""
    total: int
    stuck: list[StuckLead]
    stuck_days: int
    by_source: list[fs.TypeMix]
    by_manager: list[fs.TypeMix]
    as_of: datetime = field(default_factory=utcnow)
    lead_filter: LeadFilter | None = None


def _funnel(s, fq: FunnelQuery) -> FunnelInfo | None:
    all_ = q.funnels(s)
    if fq.funnel_id is None:
        return next((f for f in all_ if f.code == "default"), all_[0] if all_ else None)
    for f in all_:
        if f.id == fq.funnel_id:
            return f
    raise ValueError(f"funnel: no funnel {fq.funnel_id}")


@contextmanager
def interruptible(s, query: Interruptible | None) -> Iterator[Callable[[], None]]:
    """The session's running SQLite query stops when ``query.interrupt()`` is called
    (from any thread); yields ``check()``, which raises QueryCancelled between steps
    (PostgreSQL: only there). An interrupted query raises QueryCancelled too."""
    query = query or Interruptible()

    def check() -> None:
        if query.cancelled:
            raise QueryCancelled()

    try:
        with query.attached(s):
            yield check
    except OperationalError as exc:
        if query.cancelled:
            raise QueryCancelled() from exc
        raise


REPORT_STEPS = 4


def report(ctx: Context, fq: FunnelQuery, now: datetime | None = None, *,
           query: Interruptible | None = None,
           progress: Callable[[int, int], None] | None = None) -> FunnelReport:
    """Everything the Funnel tab shows, read in one session; ``query.interrupt()``
    stops it (QueryCancelled), ``progress(done, REPORT_STEPS)`` follows it."""
    now = now or utcnow()
    step = progress or (lambda _d, _t: None)
    with ctx.read() as s, interruptible(s, query) as check:
        funnel = _funnel(s, fq)
        if funnel is None:
            return FunnelReport(None, [], 0, 0, [], fq.stuck_days, [], [], now)
        lf = _filter(ctx, fq, funnel.id)
        stage_list = q.stages(s, funnel.id)
        results = []
        for n, read in enumerate((
                lambda: q.stages_and_furthest(s, lf), lambda: q.median_stay_seconds(s, lf),
                lambda: q.stuck_leads(s, lf, now - timedelta(days=fq.stuck_days), DRILL_LIMIT),
                lambda: q.type_counts_both(s, lf))):
            check()
            results.append(read())
            step(n + 1, REPORT_STEPS)
        (per_stage, furthest), medians, stuck, (by_src, by_owner) = results
        names = {p[0]: p[1] for p in q.people(s)}
    main = [st for st in stage_list if st.main_line]
    reached = dict(zip((st.id for st in main),
                       fs.reached_counts([st.position for st in main], furthest)))
    rows = []
    for st in stage_list:
        r = reached.get(st.id)
        nxt = next((m for m in main if m.position > st.position), None) if st.main_line \
            else None
        conv = fs.conversion(r, reached[nxt.id]) if (r is not None and nxt) else None
        med, n = medians.get(st.code, (None, 0))
        rows.append(StageRow(st, per_stage.get(st.id, 0), r, conv, med, n))
    by_source = [fs.type_mix(k, k or "", v, fq.min_typed)
                 for k, v in sorted(by_src.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))]
    by_manager = [fs.type_mix(k, names.get(k, ""), v, fq.min_typed)
                  for k, v in sorted(by_owner.items(),
                                     key=lambda kv: (kv[0] is None, names.get(kv[0], "")))]
    return FunnelReport(funnel, rows, per_stage.get(None, 0), sum(per_stage.values()), stuck,
                        fq.stuck_days, by_source, by_manager, now, lf)


DRILLS = ("at_stage", "reached", "stays", "type")


def drill(ctx: Context, fq: FunnelQuery, what: str, *, stage_id=None, position: int = 0,
          code: str = "", by: str = "source", key=None, lead_type: str | None = None,
          limit: int = DRILL_LIMIT) -> list[uuid.UUID]:
    """The leads behind one number of the report (the same filter, the same rules)."""
    with ctx.read() as s:
        funnel = _funnel(s, fq)
        lf = _filter(ctx, fq, funnel.id if funnel else None)
        if what == "at_stage":
            return q.lead_ids_at_stage(s, lf, stage_id, limit)
        if what == "reached":
            return q.lead_ids_reached(s, lf, position, limit)
        if what == "stays":
            return q.lead_ids_with_stay(s, lf, code, limit)
        if what == "type":
            if by == "owner" and key is not None:
                lf = replace(lf, owner_id=scope(ctx, lf.team_id, key)[1])
            return q.lead_ids_of_type(s, lf, by, key, lead_type, limit)
    raise ValueError(f"drill: unknown kind {what!r} (expected one of {', '.join(DRILLS)})")


def lead_lines(ctx: Context, ids: list[uuid.UUID]) -> list[LeadLine]:
    """The drill-down list's rows (only leads this user may see)."""
    team_id, owner_id = scope(ctx)
    with ctx.read() as s:
        lines = q.lead_lines(s, list(ids))
        if team_id is None and owner_id is None:
            return lines
        allowed = set(q.lead_ids_visible(s, [ln.id for ln in lines], team_id, owner_id))
    return [ln for ln in lines if ln.id in allowed]
