"""Call statistics queries (issue 12): every figure is aggregated by the
database from the call records, tasks and history events, in SQL that runs on
SQLite and on PostgreSQL. No counter is kept anywhere that could drift.

The outcome of a call is what signalling recorded (``calls.outcome``); a row
that ended without one is classified from its SIP status as
:func:`workstation.domain.outcomes.outcome_from_sip` does; a row that has not
ended is not counted. A call is counted in the range its START falls in. A call
is one row (its UUID key): syncing it twice updates the row, and a wrap-up
edited later is counted with the row's latest values.

Figures per manager (the keys of :func:`call_figures`'s rows):
``n_<outcome>`` calls, ``n_total``; ``talk_<outcome>`` talk seconds (answered
calls only, so only ``talk_success`` is non-zero) and ``talk_total``;
``dur_<outcome>`` call seconds with ringing (ring + talk), ``dur_total``;
``effective`` (the admin's rule, :class:`workstation.domain.kpi.EffectiveRule`);
``presentations``, ``invoices``, ``decision_makers``, ``demo_accesses`` (calls
whose wrap-up used that tool) and ``invoice_sum`` (the invoices' amounts).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    Integer,
    Text,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from workstation.domain.enums import CallOutcome, CallResult, HistoryKind, LeadType, TaskStatus
from workstation.domain.outcomes import BUSY_CODES, NO_ANSWER_CODES
from workstation.store.models import (
    Call,
    FunnelStage,
    HistoryEvent,
    KpiPlan,
    Lead,
    SharedSetting,
    SyncState,
    Task,
    Team,
    User,
)

C, T, H, U = Call.__table__, Task.__table__, HistoryEvent.__table__, User.__table__

OUTCOMES: tuple[str, ...] = (CallOutcome.NO_ANSWER, CallOutcome.BUSY, CallOutcome.ERROR,
                             CallOutcome.SUCCESS)
TOOL_METRICS: dict[str, str] = {"presentations": "presentation", "invoices": "invoice",
                                "decision_makers": "decision_maker",
                                "demo_accesses": "demo_access"}
"""Figure -> the wrap-up tool (calls.tools) and the task kind (tasks.kind) behind it."""
WARM_TYPES = (LeadType.INTERESTED.value, LeadType.POTENTIAL.value)
"""A warm client: a lead a call turned Interested or Potentially interested."""
TIME_ZONE_KEY = "team.time_zone"
"""Shared setting: {"zone": "Europe/Kyiv", "teams": {"<team uuid>": "Asia/Almaty"}}."""

_FROM_SIP = case(
    (C.c.answered_at.is_not(None), literal(CallOutcome.SUCCESS.value)),
    (C.c.ended_at.is_(None), None),
    (or_(C.c.sip_status.is_(None), C.c.sip_status.in_([0, *sorted(NO_ANSWER_CODES)])),
     literal(CallOutcome.NO_ANSWER.value)),
    (C.c.sip_status.in_(sorted(BUSY_CODES)), literal(CallOutcome.BUSY.value)),
    else_=literal(CallOutcome.ERROR.value))
OUTCOME = func.coalesce(C.c.outcome, _FROM_SIP)
"""The outcome a statistic counts: recorded, else derived from SIP (None: not ended)."""
COUNTED = or_(C.c.outcome.is_not(None), C.c.answered_at.is_not(None), C.c.ended_at.is_not(None))
"""The same as ``OUTCOME IS NOT NULL``, without working the outcome out."""

_TALK = func.coalesce(C.c.talk_seconds, 0.0)
_DURATION = func.coalesce(C.c.ring_seconds, 0.0) + _TALK
_TOOLS_TEXT = cast(C.c.tools, Text)


def _tool(name: str):
    # tools is a JSON list of codes; its text holds each code quoted (portable LIKE)
    return and_(C.c.tools.is_not(None), _TOOLS_TEXT.like(f'%"{name}"%'))


def _effective(min_talk: float):
    return and_(OUTCOME == CallOutcome.SUCCESS.value, or_(
        _TALK >= min_talk,
        and_(C.c.result.is_not(None), C.c.result != CallResult.UNDEFINED.value),
        and_(C.c.tools.is_not(None), _TOOLS_TEXT.not_in(["null", "[]"]))))


def call_conditions(min_talk: float) -> dict[str, object]:
    """The counted figures, each as the SQL condition a call meets (the
    aggregate sums it, the drill-down lists the calls meeting it)."""
    out: dict[str, object] = {f"n_{o}": OUTCOME == o for o in OUTCOMES}
    out["n_total"] = COUNTED
    out["effective"] = _effective(min_talk)
    for metric, tool in TOOL_METRICS.items():
        out[metric] = _tool(tool)
    return out


def _in_range(start: datetime, end: datetime, user_ids: Sequence[uuid.UUID] | None):
    terms = [C.c.started_at >= start, C.c.started_at < end, C.c.deleted.is_(False)]
    if user_ids is not None:
        terms.append(C.c.user_id.in_(list(user_ids)) if user_ids else false())
    return and_(*terms)


def _sum_if(cond, value=None):
    """count(*), or sum(value), of the rows meeting ``cond``: an aggregate FILTER
    (SQLite >= 3.30, PostgreSQL), ~1.5x faster than sum(CASE ...) on both."""
    if value is None:
        return func.count().filter(cond)
    return func.coalesce(func.sum(value).filter(cond), 0)


def _no_jit(s: Session) -> None:
    """PostgreSQL's JIT compiles these aggregates for ~100 ms, more than the
    scan of a month of a team costs: off for this read's transaction."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SET LOCAL jit = off"))


def call_figures(s: Session, start: datetime, end: datetime,
                 user_ids: Sequence[uuid.UUID] | None, min_talk: float
                 ) -> dict[uuid.UUID, dict[str, float]]:
    """Per user: the figures of the calls that started in [start, end).

    One pass over the covering index in user order (no sort): every figure a
    sum of a condition. Grouping by outcome or tools instead costs a sort of
    every call (2x slower on a month of a team, bench/bench_stats.py)."""
    _no_jit(s)
    conds = call_conditions(min_talk)
    cols = [_sum_if(cond).label(name) for name, cond in conds.items()]
    success = OUTCOME == CallOutcome.SUCCESS.value
    cols.append(_sum_if(success, _TALK).label("talk_success"))
    for o in OUTCOMES:
        cols.append(_sum_if(OUTCOME == o, _DURATION).label(f"dur_{o}"))
    cols.append(_sum_if(conds["invoices"], func.coalesce(C.c.invoice_amount, 0.0))
                .label("invoice_sum"))
    q = (select(C.c.user_id, *cols).where(_in_range(start, end, user_ids), COUNTED)
         .group_by(C.c.user_id))
    out: dict[uuid.UUID, dict[str, float]] = {}
    for row in s.execute(q).mappings():
        d = {k: float(v or 0) for k, v in row.items() if k != "user_id"}
        for o in OUTCOMES:
            if o != CallOutcome.SUCCESS:
                d[f"talk_{o}"] = 0.0  # talk time of answered calls only
        d["talk_total"] = d["talk_success"]
        d["dur_total"] = sum(d[f"dur_{o}"] for o in OUTCOMES)
        out[row["user_id"]] = d
    return out


def _tasks_due(start, end, user_ids) -> list:
    """Tasks due in [start, end), not cancelled, of the users (None: anybody's)."""
    terms = [T.c.due_at >= start, T.c.due_at < end, T.c.deleted.is_(False),
             T.c.status != TaskStatus.CANCELLED.value]
    if user_ids is not None:
        terms.append(T.c.owner_id.in_(list(user_ids)) if user_ids else false())
    return terms


def assigned_figures(s: Session, start: datetime, end: datetime,
                     user_ids: Sequence[uuid.UUID] | None) -> dict[uuid.UUID, dict[str, int]]:
    """Per user: tasks of each tool kind due in [start, end) and not cancelled
    ("assigned"; the calls using the tool are "done")."""
    kinds = {v: k for k, v in TOOL_METRICS.items()}
    q = (select(T.c.owner_id, T.c.kind, func.count())
         .where(*_tasks_due(start, end, user_ids), T.c.kind.in_(list(kinds)))
         .group_by(T.c.owner_id, T.c.kind))
    out: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    for owner, kind, n in s.execute(q):
        out[owner][kinds[kind]] = int(n)
    return dict(out)


def _won_codes():
    return select(FunnelStage.code).where(FunnelStage.is_won.is_(True),
                                          FunnelStage.deleted.is_(False))


def _lead_event_conditions():
    return {
        "warm_clients": and_(H.c.kind == HistoryKind.TYPE_CHANGE.value,
                             H.c.new_value.in_(WARM_TYPES)),
        "sales": and_(H.c.kind == HistoryKind.STAGE_CHANGE.value,
                      H.c.new_value.in_(_won_codes().scalar_subquery())),
    }


LEAD_METRICS = ("warm_clients", "sales")


def _events_in_range(start, end, user_ids):
    terms = [H.c.at >= start, H.c.at < end, H.c.deleted.is_(False)]
    if user_ids is not None:
        terms.append(H.c.user_id.in_(list(user_ids)) if user_ids else false())
    return terms


def lead_figures(s: Session, start: datetime, end: datetime,
                 user_ids: Sequence[uuid.UUID] | None) -> dict[uuid.UUID, dict[str, int]]:
    """Per user: distinct leads made warm, distinct leads sold (moved to a won
    stage) in [start, end), from the append-only history."""
    out: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    for metric, cond in _lead_event_conditions().items():
        q = (select(H.c.user_id, func.count(func.distinct(H.c.lead_id)))
             .where(cond, *_events_in_range(start, end, user_ids)).group_by(H.c.user_id))
        for uid, n in s.execute(q):
            out[uid][metric] = int(n)
    return dict(out)


def drill_calls(s: Session, start: datetime, end: datetime,
                user_ids: Sequence[uuid.UUID] | None, metric: str, min_talk: float,
                limit: int = 5000) -> list[uuid.UUID]:
    """The ids of the calls behind one figure (newest first)."""
    if metric in LEAD_METRICS:
        q = (select(H.c.call_id).where(_lead_event_conditions()[metric], H.c.call_id.is_not(None),
                                       *_events_in_range(start, end, user_ids))
             .order_by(H.c.at.desc()).limit(limit))
        return list(dict.fromkeys(s.scalars(q)))
    conds = call_conditions(min_talk)
    name = {"invoice_sum": "invoices"}.get(metric, metric)
    for prefix in ("talk_", "dur_"):
        if name.startswith(prefix):
            o = name[len(prefix):]
            name = "n_total" if o == "total" else f"n_{o}"
    if name not in conds:
        raise KeyError(f"metric {metric!r}: not a call figure")
    q = (select(C.c.id).where(conds[name], _in_range(start, end, user_ids))
         .order_by(C.c.started_at.desc()).limit(limit))
    return list(s.scalars(q))


def drill_assigned(s: Session, start: datetime, end: datetime,
                   user_ids: Sequence[uuid.UUID] | None, metric: str,
                   limit: int = 5000) -> list[uuid.UUID]:
    """The leads of the tasks behind an "assigned" figure."""
    terms = [*_tasks_due(start, end, user_ids), T.c.kind == TOOL_METRICS[metric],
             T.c.lead_id.is_not(None)]
    return list(dict.fromkeys(s.scalars(select(T.c.lead_id).where(*terms)
                                        .order_by(T.c.due_at).limit(limit))))


def _utc_minute_of_day(s: Session):
    """Minutes since UTC midnight of a call's start: PostgreSQL from the
    timestamptz; SQLite from the stored text ('YYYY-MM-DD HH:MM:SS.ffffff' in
    UTC, store.types.UTCDateTime), which is cheaper than strftime per row."""
    if s.get_bind().dialect.name == "postgresql":
        utc = func.timezone("UTC", C.c.started_at)
        return cast(func.extract("hour", utc) * 60 + func.extract("minute", utc), Integer)
    return (cast(func.substr(C.c.started_at, 12, 2), Integer) * 60
            + cast(func.substr(C.c.started_at, 15, 2), Integer))


def by_hour(s: Session, segments: Iterable[tuple[datetime, datetime, int]],
            user_ids: Sequence[uuid.UUID] | None) -> list[tuple[uuid.UUID, int, int, int]]:
    """(user, local hour 0-23, calls, answered) over pieces of time with one
    UTC offset (seconds) each (domain.stats.Period.hour_segments: DST-correct)."""
    acc: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    _no_jit(s)
    minute = _utc_minute_of_day(s)
    for seg_start, seg_end, offset in segments:
        # offsets are whole minutes; +1440 keeps the sum positive before the modulo
        hour = ((minute + (offset // 60 + 1440)) // 60) % 24
        q = (select(C.c.user_id, hour.label("h"), func.count(),
                    _sum_if(OUTCOME == CallOutcome.SUCCESS.value))
             .where(_in_range(seg_start, seg_end, user_ids), COUNTED)
             .group_by(C.c.user_id, hour))
        for uid, h, n, answered in s.execute(q):
            a = acc[(uid, int(h))]
            a[0] += int(n)
            a[1] += int(answered)
    return [(uid, h, n, a) for (uid, h), (n, a) in sorted(acc.items(), key=lambda kv: kv[0][1])]


def effective_by_bucket(s: Session, bounds: Sequence[datetime],
                        user_ids: Sequence[uuid.UUID] | None, min_talk: float) -> list[int]:
    """Effective calls in each [bounds[i], bounds[i+1])."""
    if len(bounds) < 2:
        return []
    bucket = case(*[(C.c.started_at < b, i) for i, b in enumerate(bounds[1:])], else_=-1)
    q = (select(bucket.label("b"), func.count()).where(
        _in_range(bounds[0], bounds[-1], user_ids), _effective(min_talk)).group_by(bucket))
    out = [0] * (len(bounds) - 1)
    for b, n in s.execute(q):
        if 0 <= b < len(out):
            out[b] = int(n)
    return out


# -- who, plans, settings --------------------------------------------------------------------

@dataclass(frozen=True)
class Person:
    id: uuid.UUID
    login: str
    name: str
    role: str
    team_id: uuid.UUID | None
    team: str
    active: bool = True


def people(s: Session, *, team_id: uuid.UUID | None = None,
           user_id: uuid.UUID | None = None) -> list[Person]:
    """Users (not deleted) of a team, one user, or everybody, ordered by name."""
    q = (select(U.c.id, U.c.login, U.c.full_name, U.c.role, U.c.team_id, Team.name, U.c.active)
         .outerjoin(Team, Team.id == U.c.team_id).where(U.c.deleted.is_(False)))
    if team_id is not None:
        q = q.where(U.c.team_id == team_id)
    if user_id is not None:
        q = q.where(U.c.id == user_id)
    rows = s.execute(q.order_by(U.c.full_name, U.c.login)).all()
    return [Person(r[0], r[1], r[2] or r[1], r[3], r[4], r[5] or "", bool(r[6])) for r in rows]


def users_with_calls(s: Session, start: datetime, end: datetime) -> set[uuid.UUID]:
    return set(s.scalars(select(C.c.user_id).where(_in_range(start, end, None),
                                                   C.c.user_id.is_not(None)).distinct()))


def teams(s: Session) -> list[tuple[uuid.UUID, str]]:
    return [(r[0], r[1]) for r in s.execute(select(Team.id, Team.name).where(
        Team.deleted.is_(False)).order_by(Team.name))]


def plan_rows(s: Session) -> list[tuple]:
    """(user_id, team_id, metric, period, target) of every live plan."""
    return [tuple(r) for r in s.execute(select(
        KpiPlan.user_id, KpiPlan.team_id, KpiPlan.metric, KpiPlan.period, KpiPlan.target)
        .where(KpiPlan.deleted.is_(False)))]


def time_zone_setting(s: Session) -> dict:
    value = s.scalar(select(SharedSetting.value).where(SharedSetting.key == TIME_ZONE_KEY,
                                                       SharedSetting.deleted.is_(False)))
    return value if isinstance(value, dict) else {}


def set_time_zone(s: Session, zone_name: str, team_id: uuid.UUID | None = None) -> None:
    """The team's (or, without a team, everybody's default) time zone; ORM
    write, so the outbox takes it to the other workstations."""
    row = s.scalar(select(SharedSetting).where(SharedSetting.key == TIME_ZONE_KEY))
    if row is None:
        row = SharedSetting(key=TIME_ZONE_KEY, value={})
        s.add(row)
    value = dict(row.value or {})
    if team_id is None:
        value["zone"] = zone_name
    else:
        value["teams"] = {**(value.get("teams") or {}), str(team_id): zone_name}
    row.value, row.deleted = value, False
    s.flush()


def last_sync(s: Session, key: str = "*") -> datetime | None:
    return s.scalar(select(SyncState.at).where(SyncState.key == key))


@dataclass(frozen=True)
class CallBrief:
    """A call behind a figure, as the drill-down list shows it."""

    id: uuid.UUID
    started_at: datetime
    manager: str
    lead_id: uuid.UUID | None
    company: str
    outcome: str | None
    talk_seconds: float
    result: str | None


def call_briefs(s: Session, call_ids: Sequence[uuid.UUID], limit: int = 2000) -> list[CallBrief]:
    L = Lead.__table__
    ids = list(call_ids)[:limit]
    out: list[CallBrief] = []
    for i in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        q = (select(C.c.id, C.c.started_at, func.coalesce(U.c.full_name, U.c.login, ""),
                    C.c.lead_id, func.coalesce(L.c.company, ""), OUTCOME.label("o"),
                    func.coalesce(C.c.talk_seconds, 0.0), C.c.result)
             .outerjoin(U, U.c.id == C.c.user_id).outerjoin(L, L.c.id == C.c.lead_id)
             .where(C.c.id.in_(ids[i:i + 500])))
        out.extend(CallBrief(*r) for r in s.execute(q))
    out.sort(key=lambda b: b.started_at, reverse=True)
    return out


def lead_names(s: Session, lead_ids: Sequence[uuid.UUID]) -> list[tuple[uuid.UUID, str]]:
    ids = list(lead_ids)
    out = []
    for i in range(0, len(ids), 500):
        out += [(r[0], r[1]) for r in s.execute(select(Lead.id, Lead.company).where(
            Lead.id.in_(ids[i:i + 500])))]
    return sorted(out, key=lambda r: r[1])
