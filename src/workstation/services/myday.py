"""My day: the signed-in manager's queue, today's effective calls against the
plan, reminders with snooze and dismiss."""

from __future__ import annotations

import uuid
from datetime import datetime

from workstation.domain.kpi import PlanProgress
from workstation.services.context import Context
from workstation.store import kpi as _kpi
from workstation.store import myday as _myday
from workstation.store.myday import (  # row types and buckets, handed on to the views
    DUE_NOW,
    LATER,
    NEW,
    OVERDUE,
    QueueItem,
    Reminder,
)

__all__ = ["DUE_NOW", "LATER", "NEW", "OVERDUE", "QueueItem", "Reminder", "queue", "reminders",
           "snooze", "dismiss", "complete"]


def queue(ctx: Context, now: datetime) -> tuple[list[QueueItem], PlanProgress]:
    """The queue and today's effective calls against the plan, read together."""
    with ctx.read() as s:
        return (_myday.my_day_queue(s, ctx.user.id, now),
                _kpi.effective_progress(s, ctx.user.id, now, default_plan=ctx.daily_plan))


def reminders(ctx: Context, now: datetime) -> list[Reminder]:
    with ctx.read() as s:
        return _myday.due_reminders(s, ctx.user.id, now)


def snooze(ctx: Context, task_id: uuid.UUID, minutes: int, now: datetime) -> datetime:
    with ctx.write() as s:
        return _myday.snooze(s, task_id, minutes, now)


def dismiss(ctx: Context, task_id: uuid.UUID) -> None:
    with ctx.write() as s:
        _myday.dismiss_reminder(s, task_id)


def complete(ctx: Context, task_id: uuid.UUID, now: datetime | None = None) -> None:
    with ctx.write() as s:
        _myday.complete_task(s, task_id, ctx.user.id, now)
