"""Funnel queries: leads per stage, how far leads got (for conversion), the median
time in each stage from the stage-change history, stuck leads, lead types per
base or manager. Everything is computed in SQL (window functions, no Python loop
over leads) and runs the same on SQLite and PostgreSQL.

Stage changes are ``history_events`` rows of kind ``stage_change`` written by
``store.stages.set_stage`` and ``store.wrapup``: ``old_value`` / ``new_value`` are
stage codes of the lead's funnel, ``at`` is when it moved. Each change ends a
stay in its ``old_value`` that began at the lead's previous change (or when the
lead was created); the stay in the stage a lead is at now began at its last
change. The queries read the changes through the partial index
``ix_history_events_stage_changes``: per lead (furthest stage, stuck) or in one
pass in (lead, time) order (the medians).

On the local SQLite store the same figures come from the narrow tables triggers
keep (``store.funnelmarks``: ``funnel_leads`` per lead with when it entered its stage
and its furthest position, ``funnel_stays`` per finished stay with its seconds), one
scan of one table each, no join and no walk; the median is then taken exactly in
order: the middle one or two by OFFSET along an index. PostgreSQL (the shared database, which keeps no such tables) and
``from_history=True`` (the tests' reference) walk the history.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Float, and_, func, literal_column, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from workstation.domain.enums import HistoryKind
from workstation.store.models import (
    Funnel,
    FunnelLead,
    FunnelStage,
    FunnelStay,
    HistoryEvent,
    Lead,
    Team,
    User,
)

STAGE_CHANGE = HistoryKind.STAGE_CHANGE.value


class epoch(FunctionElement):  # noqa: N801 - a SQL function's name
    """Seconds since the epoch of a UTCDateTime column, in SQL."""

    type = Float()
    inherit_cache = True


@compiles(epoch)
def _epoch_default(element, compiler, **kw):  # SQLite: naive UTC text
    return f"(julianday({compiler.process(element.clauses, **kw)}) * 86400.0)"


@compiles(epoch, "postgresql")
def _epoch_pg(element, compiler, **kw):
    return f"EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})"


@dataclass(frozen=True)
class LeadFilter:
    """Which leads: a funnel's, optionally of a team, a manager (owner), a base
    (lead source) and created in ``[created_from, created_to)``."""

    funnel_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None
    source: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


def lead_where(f: LeadFilter, *, with_funnel: bool = True, model=Lead) -> list:
    """The filter's terms on ``model``: ``Lead`` or a table that copies its scope
    columns (``FunnelLead``, ``FunnelStay``)."""
    terms = [model.deleted.is_(False)]
    if with_funnel and f.funnel_id is not None:
        terms.append(model.funnel_id == f.funnel_id)
    if f.team_id is not None:
        terms.append(model.team_id == f.team_id)
    if f.owner_id is not None:
        terms.append(model.owner_id == f.owner_id)
    if f.source is not None:
        terms.append(model.source == f.source)
    if f.created_from is not None:
        terms.append(model.created_at >= f.created_from)
    if f.created_to is not None:
        terms.append(model.created_at < f.created_to)
    return terms


# -- choices -------------------------------------------------------------------------------

@dataclass(frozen=True)
class StageInfo:
    id: uuid.UUID
    position: int
    code: str
    name: str
    is_won: bool
    is_lost: bool
    is_paused: bool

    @property
    def main_line(self) -> bool:
        """On the way to the deal (not Paused, not Refused)."""
        return not (self.is_lost or self.is_paused)

    @property
    def open(self) -> bool:
        """A stage a lead can be stuck in (neither won nor lost)."""
        return not (self.is_won or self.is_lost)


@dataclass(frozen=True)
class FunnelInfo:
    id: uuid.UUID
    code: str
    name: str
    product: str
    topic: str


def funnels(s: Session) -> list[FunnelInfo]:
    rows = s.execute(select(Funnel.id, Funnel.code, Funnel.name, Funnel.product, Funnel.topic)
                     .where(Funnel.deleted.is_(False)).order_by(Funnel.name, Funnel.code))
    return [FunnelInfo(r.id, r.code, r.name, r.product or "", r.topic or "") for r in rows]


def stages(s: Session, funnel_id: uuid.UUID) -> list[StageInfo]:
    rows = s.execute(select(FunnelStage.id, FunnelStage.position, FunnelStage.code,
                            FunnelStage.name, FunnelStage.is_won, FunnelStage.is_lost,
                            FunnelStage.is_paused)
                     .where(FunnelStage.funnel_id == funnel_id, FunnelStage.deleted.is_(False))
                     .order_by(FunnelStage.position))
    return [StageInfo(r.id, r.position, r.code, r.name, bool(r.is_won), bool(r.is_lost),
                      bool(r.is_paused)) for r in rows]


def sources(s: Session) -> list[str]:
    """Every lead source (base) in use, sorted."""
    return sorted(v for v in s.scalars(select(Lead.source).where(Lead.deleted.is_(False))
                                       .distinct()) if v)


def people(s: Session) -> list[tuple[uuid.UUID, str, uuid.UUID | None]]:
    """(id, name, team id) of every user, by name."""
    rows = s.execute(select(User.id, User.full_name, User.login, User.team_id)
                     .where(User.deleted.is_(False)).order_by(User.full_name, User.login))
    return [(r.id, r.full_name or r.login, r.team_id) for r in rows]


def teams(s: Session) -> list[tuple[uuid.UUID, str]]:
    return [(r.id, r.name) for r in s.execute(
        select(Team.id, Team.name).where(Team.deleted.is_(False)).order_by(Team.name))]


# -- counts --------------------------------------------------------------------------------

def leads_per_stage(s: Session, f: LeadFilter, *, from_history: bool = False
                    ) -> dict[uuid.UUID | None, int]:
    """Stage id -> leads at it now (None: leads of the funnel without a stage)."""
    m = FunnelLead if marked(s, from_history) else Lead
    q = select(m.stage_id, func.count()).where(*lead_where(f, model=m)).group_by(m.stage_id)
    return {r[0]: int(r[1]) for r in s.execute(q)}


def _main_line(funnel_id):
    return (select(FunnelStage.code, FunnelStage.position)
            .where(FunnelStage.funnel_id == funnel_id, FunnelStage.is_lost.is_(False),
                   FunnelStage.is_paused.is_(False), FunnelStage.deleted.is_(False))
            .subquery("ml"))


STAGE_EVENTS = and_(HistoryEvent.kind == literal_column(f"'{STAGE_CHANGE}'"),
                    HistoryEvent.deleted.is_(False))
"""Written with a literal so that SQLite may use the partial index
``ix_history_events_stage_changes`` (a bound parameter cannot prove its WHERE)."""


def _finished_stays(f: LeadFilter):
    """(lead id, stage code, seconds) of every finished stay of a selected lead: each
    stage change ends the stay in its ``old_value``, begun at the lead's previous
    change (or when the lead was created); one pass in (lead, time) order."""
    h = HistoryEvent
    sel = select(Lead.id, Lead.created_at).where(*lead_where(f)).subquery("sel")
    prev = func.lag(h.at).over(partition_by=h.lead_id, order_by=(h.at, h.id))
    ev = (select(h.lead_id, h.old_value.label("code"), h.at,
                 func.coalesce(prev, sel.c.created_at).label("since"))
          .join(sel, sel.c.id == h.lead_id).where(STAGE_EVENTS).subquery("ev"))
    return (select(ev.c.lead_id, ev.c.code, (epoch(ev.c.at) - epoch(ev.c.since)).label("d"))
            .where(ev.c.code.is_not(None)))


class greatest(FunctionElement):  # noqa: N801 - a SQL function's name
    """The larger of two values, in SQL (SQLite's two-argument max, GREATEST on PG)."""

    inherit_cache = True


@compiles(greatest)
def _greatest_default(element, compiler, **kw):  # SQLite
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(greatest, "postgresql")
def _greatest_pg(element, compiler, **kw):
    return f"GREATEST({compiler.process(element.clauses, **kw)})"


def marked(s: Session, from_history: bool = False) -> bool:
    """Read the trigger-kept marks (local SQLite), not the history walk."""
    return not from_history and s.get_bind().dialect.name == "sqlite"


def _furthest():
    """(the furthest main-line position the lead has been at, 0 for none; the join of
    its current stage): its stage now, or any stage its changes name, looked up per
    lead in the partial index of stage changes (no walk over every lead's history)."""
    h = HistoryEvent
    new, old, cur = aliased(FunnelStage), aliased(FunnelStage), aliased(FunnelStage)

    def main(st, code):
        return and_(st.funnel_id == Lead.funnel_id, st.code == code, st.is_lost.is_(False),
                    st.is_paused.is_(False))

    hist = (select(greatest(func.max(func.coalesce(new.position, 0)),
                            func.max(func.coalesce(old.position, 0))))
            .select_from(h).outerjoin(new, main(new, h.new_value))
            .outerjoin(old, main(old, h.old_value))
            .where(h.lead_id == Lead.id, STAGE_EVENTS).correlate(Lead).scalar_subquery())
    on_cur = and_(cur.id == Lead.stage_id, cur.is_lost.is_(False), cur.is_paused.is_(False))
    return greatest(func.coalesce(cur.position, 0), func.coalesce(hist, 0)), cur, on_cur


def furthest_positions(s: Session, f: LeadFilter, *, from_history: bool = False
                       ) -> dict[int | None, int]:
    """Furthest main-line stage position each selected lead has been at (now or in
    its history) -> how many leads; None: never on the main line."""
    if marked(s, from_history):
        return {(int(r[0]) or None): int(r[1]) for r in s.execute(
            select(FunnelLead.furthest, func.count())
            .where(*lead_where(f, model=FunnelLead)).group_by(FunnelLead.furthest))}
    p, cur, on_cur = _furthest()
    inner = (select(p.label("p")).select_from(Lead).outerjoin(cur, on_cur)
             .where(*lead_where(f)).subquery("furthest"))
    return {(int(r[0]) or None): int(r[1]) for r in s.execute(
        select(inner.c.p, func.count()).group_by(inner.c.p))}


def _marked_stays(f: LeadFilter):
    """(lead id, stage code, seconds) of every finished stay of a selected lead, from
    ``funnel_stays`` (the seconds as ``_finished_stays`` works them out)."""
    return (select(FunnelStay.lead_id, FunnelStay.code, FunnelStay.d)
            .where(*lead_where(f, model=FunnelStay)))


def _offset_medians(s: Session, terms: list) -> dict[str, tuple[float, int]]:
    """Exact medians per stage code of the ``funnel_stays`` rows under ``terms``: the
    count per code, then the middle one or two by OFFSET in ``d`` order, which the
    indexes ``ix_funnel_stays_<funnel|owner|team>`` give ready sorted (no sort)."""
    out = {}
    counts = s.execute(select(FunnelStay.code, func.count()).where(*terms)
                       .group_by(FunnelStay.code)).all()
    for code, n in counts:
        mid = list(s.scalars(select(FunnelStay.d).where(*terms, FunnelStay.code == code)
                             .order_by(FunnelStay.d).offset((n - 1) // 2)
                             .limit(2 - n % 2)))
        out[code] = (float(sum(mid) / len(mid)), int(n))
    return out


def median_stay_seconds(s: Session, f: LeadFilter, *, from_history: bool = False
                        ) -> dict[str, tuple[float, int]]:
    """Stage code -> (median seconds of the stays that ended, how many ended): from
    ``funnel_stays`` (the middle ones by OFFSET along a sorted index), else from the stage-change history in
    SQL (row_number over the sorted durations)."""
    if marked(s, from_history):
        return _offset_medians(s, lead_where(f, model=FunnelStay))
    done = _finished_stays(f).subquery("stays")
    ranked = select(done.c.code, done.c.d,
                    func.row_number().over(partition_by=done.c.code, order_by=done.c.d)
                    .label("r"),
                    func.count().over(partition_by=done.c.code).label("n")).subquery("ranked")
    q = (select(ranked.c.code, func.avg(ranked.c.d), func.max(ranked.c.n))
         .where(or_(ranked.c.r == (ranked.c.n + 1) // 2, ranked.c.r == (ranked.c.n + 2) // 2))
         .group_by(ranked.c.code))
    return {r[0]: (float(r[1]), int(r[2])) for r in s.execute(q)}


@dataclass(frozen=True)
class StuckLead:
    lead_id: uuid.UUID
    company: str
    stage_code: str
    stage_name: str
    since: datetime
    owner_id: uuid.UUID | None
    manager: str


def _entered_current_stage():
    """When each lead entered the stage it is at: its last stage change, else created."""
    h = HistoryEvent
    last = (select(func.max(h.at)).where(h.lead_id == Lead.id, STAGE_EVENTS)
            .scalar_subquery())
    return func.coalesce(last, Lead.created_at)


def stuck_leads(s: Session, f: LeadFilter, before: datetime, limit: int = 10_000, *,
                from_history: bool = False) -> list[StuckLead]:
    """Leads at an open stage (neither won nor lost) that entered it before ``before``,
    longest stuck first."""
    if marked(s, from_history):
        fl = FunnelLead
        inner = (select(fl.lead_id.label("id"), fl.owner_id, FunnelStage.code,
                        FunnelStage.name, fl.entered_at.label("since"))
                 .join(FunnelStage, FunnelStage.id == fl.stage_id)
                 .where(*lead_where(f, model=fl), FunnelStage.is_won.is_(False),
                        FunnelStage.is_lost.is_(False), fl.created_at < before,
                        fl.entered_at < before)
                 .order_by(fl.entered_at, fl.lead_id).limit(limit).subquery("inner"))
        q = (select(inner, Lead.company, User.full_name, User.login)
             .join(Lead, Lead.id == inner.c.id)
             .outerjoin(User, User.id == inner.c.owner_id).order_by(inner.c.since, inner.c.id))
        return [StuckLead(r.id, r.company or "", r.code, r.name, r.since, r.owner_id,
                          r.full_name or r.login or "") for r in s.execute(q)]
    since = _entered_current_stage().label("since")
    inner = select(Lead.id, Lead.company, Lead.owner_id, FunnelStage.code, FunnelStage.name,
                   since).join(FunnelStage, FunnelStage.id == Lead.stage_id)
    inner = (inner
             .where(*lead_where(f), FunnelStage.is_won.is_(False),
                    FunnelStage.is_lost.is_(False), Lead.created_at < before)
             .subquery("inner"))
    q = (select(inner, User.full_name, User.login)
         .outerjoin(User, User.id == inner.c.owner_id)
         .where(inner.c.since < before).order_by(inner.c.since, inner.c.id).limit(limit))
    return [StuckLead(r.id, r.company or "", r.code, r.name, r.since, r.owner_id,
                      r.full_name or r.login or "") for r in s.execute(q)]


def type_counts(s: Session, f: LeadFilter, by: str, *, from_history: bool = False
                ) -> dict[object, dict[str | None, int]]:
    """Group key (``by``: "source" or "owner") -> lead type (None: no type) -> leads."""
    m = FunnelLead if marked(s, from_history) else Lead
    col = m.source if by == "source" else m.owner_id
    out: dict[object, dict[str | None, int]] = {}
    q = (select(col, m.lead_type, func.count())
         .where(*lead_where(f, with_funnel=False, model=m)).group_by(col, m.lead_type))
    for key, t, n in s.execute(q):
        out.setdefault(key if key != "" else None, {})[t] = \
            out.get(key if key != "" else None, {}).get(t, 0) + int(n)
    return out


def stages_and_furthest(s: Session, f: LeadFilter, *, from_history: bool = False
                        ) -> tuple[dict[uuid.UUID | None, int], dict[int | None, int]]:
    """``leads_per_stage`` and ``furthest_positions`` together: from ``funnel_leads``
    in one pass (grouped by stage and furthest position)."""
    if not marked(s, from_history):
        return leads_per_stage(s, f, from_history=True), \
            furthest_positions(s, f, from_history=True)
    per_stage: dict[uuid.UUID | None, int] = {}
    furthest: dict[int | None, int] = {}
    for stage_id, p, n in s.execute(
            select(FunnelLead.stage_id, FunnelLead.furthest, func.count())
            .where(*lead_where(f, model=FunnelLead))
            .group_by(FunnelLead.stage_id, FunnelLead.furthest)):
        per_stage[stage_id] = per_stage.get(stage_id, 0) + int(n)
        furthest[int(p) or None] = furthest.get(int(p) or None, 0) + int(n)
    return per_stage, furthest


def type_counts_both(s: Session, f: LeadFilter, *, from_history: bool = False
                     ) -> tuple[dict[object, dict[str | None, int]],
                                dict[object, dict[str | None, int]]]:
    """``type_counts`` by source and by owner together: from ``funnel_leads`` in one
    pass (grouped by source, owner and type)."""
    if not marked(s, from_history):
        return type_counts(s, f, "source", from_history=True), \
            type_counts(s, f, "owner", from_history=True)
    by_source: dict[object, dict[str | None, int]] = {}
    by_owner: dict[object, dict[str | None, int]] = {}
    m = FunnelLead
    for source, owner, t, n in s.execute(
            select(m.source, m.owner_id, m.lead_type, func.count())
            .where(*lead_where(f, with_funnel=False, model=m))
            .group_by(m.source, m.owner_id, m.lead_type)):
        for out, key in ((by_source, source), (by_owner, owner)):
            key = key if key != "" else None
            out.setdefault(key, {})[t] = out.get(key, {}).get(t, 0) + int(n)
    return by_source, by_owner


# -- drill-down ---------------------------------------------------------------------------

def lead_ids_at_stage(s: Session, f: LeadFilter, stage_id: uuid.UUID | None,
                      limit: int) -> list[uuid.UUID]:
    q = select(Lead.id).where(*lead_where(f), Lead.stage_id.is_(None) if stage_id is None
                              else Lead.stage_id == stage_id)
    return list(s.scalars(q.order_by(Lead.id).limit(limit)))


def lead_ids_reached(s: Session, f: LeadFilter, position: int, limit: int, *,
                     from_history: bool = False) -> list[uuid.UUID]:
    """Leads whose furthest main-line stage is at ``position`` or later."""
    if marked(s, from_history):
        return list(s.scalars(select(FunnelLead.lead_id)
                              .where(*lead_where(f, model=FunnelLead),
                                     FunnelLead.furthest >= position)
                              .order_by(FunnelLead.lead_id).limit(limit)))
    p, cur, on_cur = _furthest()
    q = (select(Lead.id).outerjoin(cur, on_cur).where(*lead_where(f), p >= position)
         .order_by(Lead.id).limit(limit))
    return list(s.scalars(q))


def lead_ids_with_stay(s: Session, f: LeadFilter, code: str, limit: int, *,
                       from_history: bool = False) -> list[uuid.UUID]:
    """Leads with a finished stay at stage ``code`` (the median's sample)."""
    stays = (_marked_stays(f) if marked(s, from_history) else _finished_stays(f)).subquery()
    q = (select(stays.c.lead_id).where(stays.c.code == code)
         .distinct().order_by(stays.c.lead_id).limit(limit))
    return list(s.scalars(q))


def lead_ids_of_type(s: Session, f: LeadFilter, by: str, key, lead_type: str | None,
                     limit: int) -> list[uuid.UUID]:
    col = Lead.source if by == "source" else Lead.owner_id
    terms = lead_where(f, with_funnel=False)
    if key is None:
        terms.append(or_(col.is_(None), col == "") if by == "source" else col.is_(None))
    else:
        terms.append(col == key)
    if lead_type is not None:
        terms.append(Lead.lead_type == lead_type)
    else:
        terms.append(Lead.lead_type.is_not(None))
    return list(s.scalars(select(Lead.id).where(*terms).order_by(Lead.id).limit(limit)))


def lead_ids_visible(s: Session, ids: list[uuid.UUID], team_id, owner_id) -> list[uuid.UUID]:
    """Those of ``ids`` of the team / owned by the owner (a role's scope)."""
    out = []
    for start in range(0, len(ids), 500):
        terms = [Lead.id.in_(ids[start:start + 500])]
        if team_id is not None:
            terms.append(Lead.team_id == team_id)
        if owner_id is not None:
            terms.append(Lead.owner_id == owner_id)
        out += list(s.scalars(select(Lead.id).where(*terms)))
    return out


@dataclass(frozen=True)
class LeadLine:
    id: uuid.UUID
    company: str
    source: str
    lead_type: str | None
    stage: str
    manager: str


def lead_lines(s: Session, ids: list[uuid.UUID]) -> list[LeadLine]:
    """What the drill-down list shows of each lead, in the order of ``ids``."""
    out: dict[uuid.UUID, LeadLine] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        q = (select(Lead.id, Lead.company, Lead.source, Lead.lead_type, FunnelStage.name,
                    User.full_name, User.login)
             .outerjoin(FunnelStage, FunnelStage.id == Lead.stage_id)
             .outerjoin(User, User.id == Lead.owner_id).where(Lead.id.in_(chunk)))
        for r in s.execute(q):
            out[r.id] = LeadLine(r.id, r.company or "", r.source or "", r.lead_type,
                                 r.name or "", r.full_name or r.login or "")
    return [out[i] for i in ids if i in out]


__all__ = [
    "FunnelInfo", "LeadFilter", "LeadLine", "StageInfo", "StuckLead", "epoch", "funnels",
    "furthest_positions", "lead_ids_at_stage", "lead_ids_of_type", "lead_ids_reached",
    "lead_ids_visible", "lead_ids_with_stay", "lead_lines", "leads_per_stage", "marked",
    "median_stay_seconds", "people", "stages_and_furthest", "type_counts_both",
    "sources", "stages", "stuck_leads", "teams", "type_counts",
]
