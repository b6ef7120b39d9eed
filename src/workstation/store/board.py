"""Presence intervals (agent_states) and the board's reads; queries take a session.

A state change closes the user's open interval and opens the next one in the
same transaction (ORM writes: the outbox takes both to sync). An open interval
left by a workstation that went away (its heartbeat stale) is closed at its
last heartbeat, not at the next start, so the gap counts as offline.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from workstation.domain import presence as P
from workstation.store.common import WorkspaceError, aware, in_transaction
from workstation.domain.kpi import EFFECTIVE_CALLS
from workstation.store.models import AgentState, Call, KpiPlan, Lead, User
from workstation.store.types import UTCDateTime


def open_intervals(session: Session, user_id: uuid.UUID) -> list[AgentState]:
    return list(session.scalars(select(AgentState).where(
        AgentState.user_id == user_id, AgentState.ended_at.is_(None),
        AgentState.deleted.is_(False)).order_by(AgentState.started_at)))


def switch(session: Session, user_id: uuid.UUID, state: str, at: datetime, *,
           detail: str = "", lead_id: uuid.UUID | None = None,
           call_id: uuid.UUID | None = None,
           stale_s: float = P.STALE_S) -> AgentState | None:
    """``user_id`` is in ``state`` from ``at`` (OFFLINE: no open interval). The same
    state again only refreshes its detail. Returns the open interval (None: offline)."""
    aware(at, "at")
    if state != P.OFFLINE and state not in P.STATES:
        raise WorkspaceError(f"state: {state!r} is not one of {', '.join(P.STATES)}")
    with in_transaction(session):
        current = open_intervals(session, user_id)
        keep = None
        for row in current:
            if P.is_stale(row.heartbeat_at, at, stale_s):
                row.ended_at = row.heartbeat_at  # that workstation went away
            elif keep is None and row.state == state and row is current[-1]:
                keep = row
            else:
                row.ended_at = max(at, row.started_at)
                row.heartbeat_at = row.ended_at
        if state == P.OFFLINE:
            session.flush()
            return None
        if keep is not None:
            if (keep.detail, keep.lead_id, keep.call_id) != (detail[:300], lead_id, call_id):
                keep.detail, keep.lead_id, keep.call_id = detail[:300], lead_id, call_id
            keep.heartbeat_at = at
            session.flush()
            return keep
        row = AgentState(user_id=user_id, state=state, detail=detail[:300], lead_id=lead_id,
                         call_id=call_id, started_at=at, heartbeat_at=at,
                         created_by=user_id, updated_by=user_id)
        session.add(row)
        session.flush()
        return row


def heartbeat(session: Session, user_id: uuid.UUID, at: datetime) -> int:
    """Refresh the open interval's heartbeat; how many rows (0: offline)."""
    aware(at, "at")
    with in_transaction(session):
        rows = open_intervals(session, user_id)
        for row in rows:
            row.heartbeat_at = at
        session.flush()
        return len(rows)


@dataclass(frozen=True)
class StateRow:
    user_id: uuid.UUID
    state: str
    detail: str
    lead_id: uuid.UUID | None
    started_at: datetime
    ended_at: datetime | None
    heartbeat_at: datetime


def _newest(session: Session, user_id: uuid.UUID,
            before: datetime | None = None) -> list[AgentState]:
    """The user's newest interval(s) (begun before ``before``), in one statement: the
    max is one descent of ix_agent_states_user_id_started_at, however long the
    history; two rows when two began at the same instant (an open one first)."""
    top = select(func.max(AgentState.started_at)).where(AgentState.user_id == user_id)
    if before is not None:
        top = top.where(AgentState.started_at < before)
    return list(session.scalars(select(AgentState).where(
        AgentState.user_id == user_id, AgentState.deleted.is_(False),
        AgentState.started_at == top.scalar_subquery())
        .order_by(AgentState.ended_at.is_not(None))))


def latest(session: Session, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, StateRow]:
    """Each user's newest interval (open or not; an open one first)."""
    out: dict[uuid.UUID, StateRow] = {}
    for uid in dict.fromkeys(user_ids):
        rows = _newest(session, uid)
        if rows:
            out[uid] = _row(rows[0])
    return out


def intervals(session: Session, user_ids: Iterable[uuid.UUID], lo: datetime,
              hi: datetime) -> list[StateRow]:
    """Intervals of these users overlapping [lo, hi), by user and start: those that
    began inside it (an index range) and the user's last one begun before it, when
    it reaches into it (a user's intervals follow each other: only that one can)."""
    ids = list(dict.fromkeys(user_ids))
    if not ids:
        return []
    cols = (AgentState.id, AgentState.user_id, AgentState.state, AgentState.detail,
            AgentState.lead_id, AgentState.started_at, AgentState.ended_at,
            AgentState.heartbeat_at)
    found: dict[uuid.UUID, StateRow] = {}
    for uid in ids:
        for r in _newest(session, uid, lo):
            if r.ended_at is None or r.ended_at > lo:
                found[r.id] = _row(r)
    for rid, *rest in session.execute(select(*cols).where(  # tuples: a day is thousands
            AgentState.user_id.in_(ids), AgentState.deleted.is_(False),
            AgentState.started_at >= lo, AgentState.started_at < hi)):
        found[rid] = StateRow(*rest)
    return sorted(found.values(), key=lambda r: (str(r.user_id), r.started_at))


def state_seconds(session: Session, user_ids: Iterable[uuid.UUID], lo: datetime, hi: datetime,
                  now: datetime, stale_s: float = P.STALE_S) -> dict[uuid.UUID, P.Occupancy]:
    """Seconds per state of each user inside [lo, hi) (what ``presence.occupancy``
    computes from :func:`intervals`), summed by the database: a team's day is
    thousands of intervals, and the board re-reads on every change."""
    ids = list(dict.fromkeys(user_ids))
    out = {uid: P.Occupancy() for uid in ids}
    if not ids:
        return out
    if session.get_bind().dialect.name != "sqlite":
        for r in intervals(session, ids, lo, hi):
            out[r.user_id].add(r.state, P.clip_seconds(
                r.started_at, P.effective_end(r.ended_at, r.heartbeat_at, now, stale_s), lo, hi))
        return out
    for uid in ids:  # the one interval reaching in from before lo
        for r in _newest(session, uid, lo):
            end = P.effective_end(r.ended_at, r.heartbeat_at, now, stale_s)
            out[uid].add(r.state, P.clip_seconds(r.started_at, end, lo, hi))
    stale_before = now - timedelta(seconds=stale_s)
    end = case((AgentState.ended_at.is_not(None), AgentState.ended_at),
               (AgentState.heartbeat_at < stale_before, AgentState.heartbeat_at),
               else_=literal(now, UTCDateTime))
    secs = func.round((func.julianday(func.min(end, literal(hi, UTCDateTime)))
                       - func.julianday(AgentState.started_at)) * 86400.0, 3)  # (julianday: ~µs)
    q = (select(AgentState.user_id, AgentState.state, func.sum(case((secs > 0, secs), else_=0.0)))
         .where(AgentState.user_id.in_(ids), AgentState.deleted.is_(False),
                AgentState.started_at >= lo, AgentState.started_at < hi)
         .group_by(AgentState.user_id, AgentState.state))
    for uid, state, total in session.execute(q):
        out[uid].add(state, float(total or 0.0))
    return out


def _row(r: AgentState) -> StateRow:
    return StateRow(r.user_id, r.state, r.detail, r.lead_id, r.started_at, r.ended_at,
                    r.heartbeat_at)


@dataclass(frozen=True)
class Member:
    id: uuid.UUID
    login: str
    name: str
    role: str
    team_id: uuid.UUID | None


def members(session: Session, team_id: uuid.UUID | None, *,
            user_ids: Iterable[uuid.UUID] | None = None) -> list[Member]:
    """Active managers of ``team_id`` (None: of every team), or exactly ``user_ids``."""
    q = select(User).where(User.deleted.is_(False), User.active.is_(True))
    if user_ids is not None:
        q = q.where(User.id.in_(list(user_ids)))
    else:
        q = q.where(User.role == "manager")
        if team_id is not None:
            q = q.where(User.team_id == team_id)
    return [Member(u.id, u.login, u.full_name or u.login, u.role, u.team_id)
            for u in session.scalars(q.order_by(User.full_name, User.login))]


def team_of(session: Session, user_id: uuid.UUID | None) -> uuid.UUID | None:
    return session.scalar(select(User.team_id).where(User.id == user_id)) if user_id else None


@dataclass(frozen=True)
class CallCounts:
    calls: int = 0
    success: int = 0
    talk_seconds: float = 0.0
    effective: int = 0


def call_counts(session: Session, user_ids: Iterable[uuid.UUID], lo: datetime,
                hi: datetime) -> dict[uuid.UUID, CallCounts]:
    """Calls started in [lo, hi) per user: total, successful, talk time, effective
    (from the call records, as statistics count them)."""
    ids = list(user_ids)
    if not ids:
        return {}
    q = (select(Call.user_id, func.count(),
                func.sum(case((Call.outcome == "success", 1), else_=0)),
                func.coalesce(func.sum(Call.talk_seconds), 0.0),
                func.sum(case((Call.effective.is_(True), 1), else_=0)))
         .where(Call.user_id.in_(ids), Call.started_at >= lo, Call.started_at < hi,
                Call.deleted.is_(False))
         .group_by(Call.user_id))
    return {uid: CallCounts(int(n), int(ok or 0), float(talk or 0), int(eff or 0))
            for uid, n, ok, talk, eff in session.execute(q)}



def companies(session: Session, lead_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The company of each lead this store has (a lead not synced yet is missing)."""
    ids = [i for i in lead_ids if i is not None]
    if not ids:
        return {}
    return dict(session.execute(select(Lead.id, Lead.company).where(Lead.id.in_(ids))).all())


def daily_plans(session: Session, people: Iterable[Member], default: int) -> dict[uuid.UUID, int]:
    """``store.kpi.daily_plan`` for many users in one query: own plan, else the team's,
    else the global one, else ``default``."""
    people = list(people)
    rows = session.execute(select(KpiPlan.user_id, KpiPlan.team_id, KpiPlan.target).where(
        KpiPlan.metric == EFFECTIVE_CALLS, KpiPlan.period == "day",
        KpiPlan.deleted.is_(False))).all()
    own = {r.user_id: int(r.target) for r in rows if r.user_id is not None}
    team = {r.team_id: int(r.target) for r in rows if r.user_id is None and r.team_id}
    everyone = [int(r.target) for r in rows if r.user_id is None and r.team_id is None]
    fallback = everyone[0] if everyone else default
    return {m.id: own.get(m.id, team.get(m.team_id, fallback) if m.team_id else fallback)
            for m in people}
