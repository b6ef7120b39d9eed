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
from datetime import datetime

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from workstation.domain import presence as P
from workstation.store.common import WorkspaceError, aware, in_transaction
from workstation.store.models import AgentState, Call, Lead, User


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


def latest(session: Session, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, StateRow]:
    """Each user's newest interval (open or not)."""
    ids = list(user_ids)
    if not ids:
        return {}
    newest = (select(AgentState.user_id, func.max(AgentState.started_at).label("at"))
              .where(AgentState.user_id.in_(ids), AgentState.deleted.is_(False))
              .group_by(AgentState.user_id).subquery())
    q = (select(AgentState).join(newest, (newest.c.user_id == AgentState.user_id)
                                 & (newest.c.at == AgentState.started_at))
         .where(AgentState.deleted.is_(False)).order_by(AgentState.ended_at.is_not(None)))
    out: dict[uuid.UUID, StateRow] = {}
    for r in session.scalars(q):
        out.setdefault(r.user_id, _row(r))  # an open one first, when two began at once
    return out


def intervals(session: Session, user_ids: Iterable[uuid.UUID], lo: datetime,
              hi: datetime) -> list[StateRow]:
    """Intervals of these users overlapping [lo, hi), by user and start."""
    ids = list(user_ids)
    if not ids:
        return []
    q = (select(AgentState).where(
        AgentState.user_id.in_(ids), AgentState.deleted.is_(False), AgentState.started_at < hi,
        or_(AgentState.ended_at.is_(None), AgentState.ended_at > lo))
        .order_by(AgentState.user_id, AgentState.started_at))
    return [_row(r) for r in session.scalars(q)]


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
