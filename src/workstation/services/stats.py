"""Call statistics against the plan, per manager and for the team (issue 12).

``report(ctx, period, team_id=..., user_id=...)`` reads every figure from the
database in a handful of aggregate queries (:mod:`workstation.store.stats`)
and adds the plans (kpi_plans: own, else team, else everybody's) and the pace
for the time of day (:mod:`workstation.domain.stats`). The team row is the sum
of the manager rows. Who sees what: a manager their own row; a team lead their
team; a supervisor and an admin any team or everybody.

Days are the team's time zone: the shared setting ``team.time_zone``
(``set_time_zone``), else the machine's zone.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from workstation.domain import stats as dstats
from workstation.domain.enums import Role
from workstation.domain.kpi import PLAN_PERIODS
from workstation.domain.stats import Pace, Period, RangeKind, hms
from workstation.services.context import Context
from workstation.store import stats as _stats
from workstation.store.stats import OUTCOMES, CallBrief, Person

__all__ = [
    "Period", "RangeKind", "Pace", "Person", "Row", "Report", "Charts", "Cell", "COLUMNS",
    "OUTCOMES", "NotAllowed", "report", "drill", "charts", "team_zone", "set_time_zone",
    "scope_choices", "period_of", "hms", "table_rows", "CallBrief", "call_briefs",
    "lead_names",
]

PLANNED: dict[str, str] = {"effective": "effective_calls", "presentations": "presentations",
                           "invoices": "invoices", "warm_clients": "warm_clients",
                           "sales": "sales"}
"""Figure -> its plan metric (kpi_plans.metric)."""


class NotAllowed(PermissionError):
    """The signed-in user's role does not allow this view."""


@dataclass(frozen=True)
class Column:
    key: str
    kind: str = "count"  # count | duration | money | plan | assigned | text


COLUMNS: tuple[Column, ...] = (
    Column("name", "text"),
    *(Column(f"n_{o}") for o in OUTCOMES),
    Column("n_total"),
    Column("talk_success", "duration"),
    Column("talk_avg", "duration"),
    *(Column(f"dur_{o}", "duration") for o in OUTCOMES),
    Column("dur_total", "duration"),
    Column("effective", "plan"),
    Column("presentations", "plan"),
    Column("presentations_assigned", "assigned"),
    Column("invoices", "plan"),
    Column("invoices_assigned", "assigned"),
    Column("invoice_sum", "money"),
    Column("decision_makers"),
    Column("decision_makers_assigned", "assigned"),
    Column("demo_accesses"),
    Column("demo_accesses_assigned", "assigned"),
    Column("warm_clients", "plan"),
    Column("sales", "plan"),
)
"""The table's columns, by key (the export's header; the views give them titles:
views/stats/model.py TITLES)."""
FIGURES = tuple(c.key for c in COLUMNS if c.kind != "text")


@dataclass(frozen=True)
class Cell:
    """A planned figure: done against the plan of the period and the pace now."""

    done: float
    plan: float | None
    expected: float | None
    pace: Pace


@dataclass
class Row:
    user_id: uuid.UUID | None  # None: the team row
    name: str
    values: dict[str, float] = field(default_factory=dict)
    cells: dict[str, Cell] = field(default_factory=dict)

    def value(self, key: str) -> float:
        return self.values.get(key, 0.0)


@dataclass
class Report:
    period: Period
    zone: str
    rows: list[Row]
    team: Row
    as_of: datetime
    """When the figures were read."""
    synced_at: datetime | None
    """The last successful sync (the shared database's freshness); None: never."""
    user_ids: list[uuid.UUID]
    min_talk: float


def team_zone(ctx: Context, team_id: uuid.UUID | None = None) -> str:
    """The team's time zone name ("" = this machine's zone)."""
    with ctx.read() as s:
        value = _stats.time_zone_setting(s)
    if team_id is None and ctx.user.team_id is not None:
        team_id = ctx.user.team_id
    per_team = value.get("teams") or {}
    name = per_team.get(str(team_id)) if team_id is not None else None
    return str(name or value.get("zone") or "")


def set_time_zone(ctx: Context, zone_name: str, team_id: uuid.UUID | None = None) -> None:
    """Admin only: the time zone days are counted in, for a team or by default."""
    if ctx.user.role != Role.ADMIN:
        raise NotAllowed(f"time zone: only an admin may change this (you are {ctx.user.role})")
    dstats.zone(zone_name)  # raises ValueError naming a bad zone
    with ctx.write() as s:
        _stats.set_time_zone(s, zone_name, team_id)


def period_of(ctx: Context, kind: str, day: date, last: date | None = None,
              team_id: uuid.UUID | None = None, zone_name: str | None = None) -> Period:
    """The day/week/month containing ``day`` (or ``day``..``last``) in the team's zone."""
    tz = dstats.zone(zone_name if zone_name is not None else team_zone(ctx, team_id))
    if RangeKind(kind) is RangeKind.CUSTOM:
        return Period(day, last or day, tz)
    return Period.of(kind, day, tz)


def _scope(ctx: Context, s, team_id: uuid.UUID | None, user_id: uuid.UUID | None
           ) -> list[Person]:
    role = ctx.user.role
    if role == Role.MANAGER:
        if user_id not in (None, ctx.user.id):
            raise NotAllowed("statistics: a manager sees only their own figures")
        return _stats.people(s, user_id=ctx.user.id)
    if role == Role.TEAMLEAD:
        own = ctx.user.team_id
        if team_id not in (None, own):
            raise NotAllowed("statistics: a team lead sees only their team")
        team_id = own
        if team_id is None:
            return _stats.people(s, user_id=ctx.user.id)
    people = _stats.people(s, team_id=team_id, user_id=user_id)
    if role == Role.TEAMLEAD and user_id is not None and not people:
        raise NotAllowed("statistics: that manager is not in your team")
    return people


def scope_choices(ctx: Context) -> tuple[list[tuple[uuid.UUID, str]], list[Person]]:
    """Teams and people the signed-in user may filter on."""
    with ctx.read() as s:
        if ctx.user.role == Role.MANAGER:
            return [], _stats.people(s, user_id=ctx.user.id)
        if ctx.user.role == Role.TEAMLEAD:
            t = ctx.user.team_id
            return ([tt for tt in _stats.teams(s) if tt[0] == t],
                    _stats.people(s, team_id=t) if t else [])
        return _stats.teams(s), _stats.people(s)


class _Plans:
    """kpi_plans resolved per user: own plan, else the team's, else everybody's."""

    def __init__(self, rows: Iterable[tuple]) -> None:
        self.rows = list(rows)

    def targets(self, person: Person, metric: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for period in PLAN_PERIODS.get(metric, ()):
            mine = [r for r in self.rows if r[2] == metric and r[3] == period]
            pick = ([r for r in mine if r[0] == person.id]
                    or [r for r in mine if r[0] is None and person.team_id is not None
                        and r[1] == person.team_id]
                    or [r for r in mine if r[0] is None and r[1] is None])
            if pick:
                out[period] = float(pick[0][4])
        return out


def report(ctx: Context, period: Period, *, team_id: uuid.UUID | None = None,
           user_id: uuid.UUID | None = None, now: datetime | None = None) -> Report:
    """Every figure of the period per person in scope, and the team row."""
    now = now or datetime.now(timezone.utc)
    min_talk = float(ctx.effective_rule().min_talk_seconds)
    start, end = period.start, period.end
    with ctx.read() as s:
        people = _scope(ctx, s, team_id, user_id)
        ids = [p.id for p in people]
        calls = _stats.call_figures(s, start, end, ids, min_talk)
        assigned = _stats.assigned_figures(s, start, end, ids)
        leads = _stats.lead_figures(s, start, end, ids)
        plans = _Plans(_stats.plan_rows(s))
        synced = _stats.last_sync(s)
    rows: list[Row] = []
    for p in people:
        values = dict.fromkeys(FIGURES, 0.0)
        values.update(calls.get(p.id, {}))
        for metric, n in assigned.get(p.id, {}).items():
            values[f"{metric}_assigned"] = float(n)
        for metric, n in leads.get(p.id, {}).items():
            values[metric] = float(n)
        if (p.role != Role.MANAGER or not p.active) and not any(values.values()):
            continue  # a team lead, supervisor, admin or former manager without figures
        values["talk_avg"] = (values["talk_success"] / values["n_success"]
                              if values["n_success"] else 0.0)
        row = Row(p.id, p.name, values)
        for key, metric in PLANNED.items():
            # a manager has a plan; a team lead's own calls are counted, not planned
            plan = (dstats.plan_for(plans.targets(p, metric), period)
                    if p.role == Role.MANAGER else None)
            exp = dstats.expected(plan, period, now)
            row.cells[key] = Cell(values[key], plan, exp, dstats.verdict(values[key], exp))
        rows.append(row)
    team = _team_row(rows)
    for key in PLANNED:
        plans_ = [r.cells[key].plan for r in rows if r.cells[key].plan is not None]
        plan = sum(plans_) if plans_ else None
        exp = dstats.expected(plan, period, now)
        team.cells[key] = Cell(team.values[key], plan, exp, dstats.verdict(team.values[key], exp))
    return Report(period, getattr(period.tz, "key", str(period.tz)), rows, team, now,
                  synced, [r.user_id for r in rows], min_talk)


def _team_row(rows: list[Row]) -> Row:
    team = Row(None, "Team", dict.fromkeys(FIGURES, 0.0))
    for r in rows:
        for k in FIGURES:
            if k != "talk_avg":
                team.values[k] += r.values.get(k, 0.0)
    n = team.values["n_success"]
    team.values["talk_avg"] = team.values["talk_success"] / n if n else 0.0
    return team


def drill(ctx: Context, rep: Report, key: str, user_id: uuid.UUID | None = None
          ) -> tuple[str, list[uuid.UUID]]:
    """What is behind one cell: ("calls", call ids) or ("leads", lead ids) for
    an "assigned" figure. ``user_id`` None: the team row (everybody in it)."""
    ids = [user_id] if user_id is not None else rep.user_ids
    if user_id is not None and user_id not in rep.user_ids:
        raise NotAllowed("statistics: that person is not in this report")
    start, end = rep.period.start, rep.period.end
    with ctx.read() as s:
        if key.endswith("_assigned"):
            return "leads", _stats.drill_assigned(s, start, end, ids, key[:-len("_assigned")])
        if key == "talk_avg":
            key = "n_success"
        return "calls", _stats.drill_calls(s, start, end, ids, key, rep.min_talk)


@dataclass
class Charts:
    hours: list[int]
    calls_per_hour: dict[uuid.UUID, list[int]]
    """Per person: calls started in each local hour of the day (0-23)."""
    answered_per_hour: list[int]
    total_per_hour: list[int]
    outcome_mix: dict[str, int]
    week_starts: list[date]
    effective_per_week: list[int]
    plan_per_week: list[float | None]


def charts(ctx: Context, rep: Report, weeks: int = 8) -> Charts:
    """The charts of a report: calls per hour per manager, answer rate by hour
    of day, outcome mix, effective calls per week of the last ``weeks`` weeks."""
    tz = rep.period.tz
    mondays = dstats.week_starts(rep.period.last, weeks)
    bounds = [dstats.local_midnight(m, tz) for m in mondays]
    bounds.append(dstats.local_midnight(mondays[-1] + timedelta(days=7), tz))
    with ctx.read() as s:
        hourly = _stats.by_hour(s, rep.period.hour_segments(), rep.user_ids)
        per_week = _stats.effective_by_bucket(s, bounds, rep.user_ids, rep.min_talk)
        plans = _Plans(_stats.plan_rows(s))
        people = {p.id: p for p in _stats.people(s)}
    per_user: dict[uuid.UUID, list[int]] = {}
    total, answered = [0] * 24, [0] * 24
    for uid, h, n, a in hourly:
        per_user.setdefault(uid, [0] * 24)[h] += n
        total[h] += n
        answered[h] += a
    plan_week: list[float | None] = []
    for m in mondays:
        wp = Period(m, m + timedelta(days=6), tz)
        values = [dstats.plan_for(plans.targets(people[u], "effective_calls"), wp)
                  for u in rep.user_ids if u in people and people[u].role == Role.MANAGER]
        values = [v for v in values if v is not None]
        plan_week.append(sum(values) if values else None)
    mix = {o: int(rep.team.value(f"n_{o}")) for o in OUTCOMES}
    return Charts(list(range(24)), per_user, answered, total, mix, mondays, per_week, plan_week)


def _number(v: float) -> int | float:
    """A whole number as an int (30, not 30.0); else two decimals."""
    v = round(v, 2)
    return int(v) if v == int(v) else v


def table_rows(rep: Report, *, durations_as_hms: bool = True) -> tuple[list[str], list[list]]:
    """Header and rows (managers, then the team) for export and the CLI; plan
    columns get a "plan" companion column."""
    header: list[str] = []
    for c in COLUMNS:
        header.append(c.key)
        if c.kind == "plan":
            header.append(f"{c.key}_plan")
    out = []
    for r in [*rep.rows, rep.team]:
        line: list = []
        for c in COLUMNS:
            if c.kind == "text":
                line.append(r.name)
                continue
            v = r.value(c.key)
            if c.kind == "duration":
                line.append(hms(v) if durations_as_hms else round(v, 3))
            elif c.kind == "money":
                line.append(_number(v))
            else:
                line.append(int(v))
            if c.kind == "plan":
                plan = r.cells[c.key].plan
                line.append(None if plan is None else _number(plan))
        out.append(line)
    return header, out



def call_briefs(ctx: Context, call_ids: list[uuid.UUID]) -> list[CallBrief]:
    """The calls behind a figure, newest first (the drill-down list)."""
    with ctx.read() as s:
        return _stats.call_briefs(s, call_ids)


def lead_names(ctx: Context, lead_ids: list[uuid.UUID]) -> list[tuple[uuid.UUID, str]]:
    with ctx.read() as s:
        return _stats.lead_names(s, lead_ids)
