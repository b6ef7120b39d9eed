"""Effective calls today against the daily plan (own, else team, else global)."""

from __future__ import annotations

import uuid
from datetime import datetime, tzinfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from workstation.domain.kpi import DEFAULT_DAILY_PLAN, EFFECTIVE_CALLS, PlanProgress, day_bounds
from workstation.store.common import aware
from workstation.store.models import Call, KpiPlan, User
from workstation.store.types import utcnow


def effective_calls_today(session: Session, user_id: uuid.UUID, now: datetime | None = None,
                          tz: tzinfo | None = None) -> int:
    now = aware(now, "now") or utcnow()
    start, end = day_bounds(now, tz)
    return session.scalar(select(func.count()).select_from(Call).where(
        Call.user_id == user_id, Call.started_at >= start, Call.started_at < end,
        Call.effective.is_(True), Call.deleted.is_(False))) or 0


def daily_plan(session: Session, user_id: uuid.UUID | None,
               default: int = DEFAULT_DAILY_PLAN) -> int:
    """The user's daily plan of effective calls: own plan, else team, else global."""
    team_id = session.scalar(select(User.team_id).where(User.id == user_id)) if user_id else None
    rows = session.execute(select(KpiPlan.user_id, KpiPlan.team_id, KpiPlan.target).where(
        KpiPlan.metric == EFFECTIVE_CALLS, KpiPlan.period == "day", KpiPlan.deleted.is_(False),
        or_(KpiPlan.user_id == user_id,
            and_(KpiPlan.user_id.is_(None), KpiPlan.team_id == team_id),
            and_(KpiPlan.user_id.is_(None), KpiPlan.team_id.is_(None))))).all()
    for pick in (lambda r: r.user_id is not None and r.user_id == user_id,
                 lambda r: r.user_id is None and team_id is not None and r.team_id == team_id,
                 lambda r: r.user_id is None and r.team_id is None):
        for r in rows:
            if pick(r):
                return int(r.target)
    return default


def effective_progress(session: Session, user_id: uuid.UUID, now: datetime | None = None,
                       default_plan: int = DEFAULT_DAILY_PLAN,
                       tz: tzinfo | None = None) -> PlanProgress:
    return PlanProgress(effective_calls_today(session, user_id, now, tz),
                        daily_plan(session, user_id, default_plan))
