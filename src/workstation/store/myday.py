"""My day: the manager's queue (callbacks due now, overdue, new leads), due
reminders, snooze and dismiss, and closing a task."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from workstation.domain.enums import HistoryKind, LeadType, TaskStatus
from workstation.domain.kpi import day_bounds
from workstation.store.common import WorkspaceError, aware, in_transaction
from workstation.store.history import add_event
from workstation.store.models import (
    NEW_LEADS_WHERE_PG,
    NEW_LEADS_WHERE_SQLITE,
    Contact,
    FunnelStage,
    Lead,
    Phone,
    Task,
)
from workstation.store.types import utcnow


DUE_NOW_WINDOW = timedelta(minutes=15)
TYPE_PRIORITY = {LeadType.INTERESTED: 0, LeadType.POTENTIAL: 1, LeadType.CLIENT: 2,
                 LeadType.HYPOTHETICAL: 3, None: 4, LeadType.FALSE_POSITIONING: 5}



DUE_NOW, OVERDUE, NEW, LATER = "due_now", "overdue", "new", "later"
BUCKET_ORDER = {DUE_NOW: 0, OVERDUE: 1, NEW: 2, LATER: 3}


@dataclass(frozen=True)
class QueueItem:
    bucket: str
    lead_id: uuid.UUID
    company: str
    contact: str
    phone: str
    lead_type: str | None
    due_at: datetime | None
    task_id: uuid.UUID | None = None
    task_title: str = ""


def my_day_queue(session: Session, user_id: uuid.UUID, now: datetime | None = None,
                 limit: int = 200, include_later_today: bool = True,
                 tz: tzinfo | None = None) -> list[QueueItem]:
    """The manager's queue: callbacks due now, overdue, new leads (then later today).

    Within a bucket, hotter lead types first, then by due time (new leads:
    oldest first). Refused leads and never-recall types are left out.
    """
    now = aware(now, "now") or utcnow()
    _day_start, day_end = day_bounds(now, tz)
    horizon = day_end if include_later_today else now + DUE_NOW_WINDOW
    never = [LeadType.NOT_INTERESTED.value, LeadType.HOSTILE.value]
    refused_ids = list(session.scalars(select(FunnelStage.id).where(FunnelStage.is_lost.is_(True))))
    tasks = session.execute(
        select(Task.id, Task.lead_id, Task.due_at, Task.title, Lead.company, Lead.lead_type,
               Lead.stage_id)
        .join(Lead, Lead.id == Task.lead_id)
        .where(Task.owner_id == user_id, Task.status == TaskStatus.OPEN,
               Task.due_at.is_not(None), Task.due_at < horizon, Task.deleted.is_(False),
               Lead.deleted.is_(False))
        .order_by(Task.due_at).limit(limit * 2)).all()
    items: list[QueueItem] = []
    seen: set[uuid.UUID] = set()
    for t in tasks:
        if t.lead_id in seen or t.lead_type in never or t.stage_id in refused_ids:
            continue
        seen.add(t.lead_id)
        if t.due_at < now - DUE_NOW_WINDOW:
            bucket = OVERDUE
        elif t.due_at <= now + DUE_NOW_WINDOW:
            bucket = DUE_NOW
        else:
            bucket = LATER
        items.append(QueueItem(bucket, t.lead_id, t.company or "", "", "", t.lead_type,
                               t.due_at, t.id, t.title))
    # the terms of the partial index ix_leads_new_queue, word for word (SQLite
    # uses a partial index only then): one manager's untouched leads, oldest
    # first, read in index order and stopped at the limit
    untouched = NEW_LEADS_WHERE_PG if session.get_bind().dialect.name == "postgresql" \
        else NEW_LEADS_WHERE_SQLITE
    new_q = (select(Lead.id, Lead.company, Lead.lead_type, Lead.created_at)
             .where(Lead.owner_id == user_id, untouched)
             .order_by(Lead.created_at).limit(limit))
    if refused_ids:
        new_q = new_q.where(or_(Lead.stage_id.is_(None), Lead.stage_id.not_in(refused_ids)))
    for r in session.execute(new_q):
        if r.id in seen:
            continue
        seen.add(r.id)
        items.append(QueueItem(NEW, r.id, r.company or "", "", "", None, None))
    items.sort(key=lambda i: (BUCKET_ORDER[i.bucket], TYPE_PRIORITY.get(i.lead_type, 4),
                              i.due_at or datetime.max.replace(tzinfo=timezone.utc)))
    items = items[:limit]
    # contact name and first phone, per lead (indexed by lead id)
    ids = [i.lead_id for i in items]
    if ids:
        names: dict[uuid.UUID, str] = {}
        for c in session.execute(select(Contact.lead_id, Contact.full_name)
                                 .where(Contact.lead_id.in_(ids), Contact.deleted.is_(False))
                                 .order_by(Contact.created_at)):
            names.setdefault(c.lead_id, c.full_name)
        first_phone: dict[uuid.UUID, str] = {}
        for p in session.execute(select(Phone.lead_id, Phone.e164)
                                 .where(Phone.lead_id.in_(ids), Phone.deleted.is_(False))
                                 .order_by(Phone.position)):
            first_phone.setdefault(p.lead_id, p.e164)
        items = [QueueItem(i.bucket, i.lead_id, i.company, names.get(i.lead_id, ""),
                           first_phone.get(i.lead_id, ""), i.lead_type, i.due_at, i.task_id,
                           i.task_title) for i in items]
    return items


@dataclass(frozen=True)
class Reminder:
    task_id: uuid.UUID
    lead_id: uuid.UUID | None
    company: str
    title: str
    due_at: datetime | None
    remind_at: datetime


def due_reminders(session: Session, user_id: uuid.UUID,
                  now: datetime | None = None) -> list[Reminder]:
    """Open tasks of this user whose reminder time has come (not yet dismissed)."""
    now = aware(now, "now") or utcnow()
    q = (select(Task.id, Task.lead_id, Task.title, Task.due_at, Task.remind_at, Lead.company)
         .outerjoin(Lead, Lead.id == Task.lead_id)
         .where(Task.owner_id == user_id, Task.status == TaskStatus.OPEN,
                Task.remind.is_(True), Task.remind_at.is_not(None), Task.remind_at <= now,
                Task.deleted.is_(False))
         .order_by(Task.remind_at))
    return [Reminder(r.id, r.lead_id, r.company or "", r.title, r.due_at, r.remind_at)
            for r in session.execute(q)]


def snooze(session: Session, task_id: uuid.UUID, minutes: int,
           now: datetime | None = None) -> datetime:
    """Remind again in ``minutes``. Returns the new reminder time."""
    if minutes <= 0:
        raise WorkspaceError(f"minutes: must be positive, got {minutes}")
    now = aware(now, "now") or utcnow()
    with in_transaction(session):
        task = session.get(Task, task_id)
        if task is None:
            raise WorkspaceError(f"task_id: no task {task_id}")
        task.remind = True
        task.remind_at = now + timedelta(minutes=minutes)
        return task.remind_at


def dismiss_reminder(session: Session, task_id: uuid.UUID) -> None:
    """The reminder was seen: it does not pop again (the task stays open)."""
    with in_transaction(session):
        task = session.get(Task, task_id)
        if task is None:
            raise WorkspaceError(f"task_id: no task {task_id}")
        task.remind = False


def complete_task(session: Session, task_id: uuid.UUID, user_id=None,
                  now: datetime | None = None) -> None:
    now = aware(now, "now") or utcnow()
    with in_transaction(session):
        task = session.get(Task, task_id)
        if task is None:
            raise WorkspaceError(f"task_id: no task {task_id}")
        task.status, task.done_at, task.updated_by = TaskStatus.DONE, now, user_id
        if task.lead_id:
            add_event(session, task.lead_id, HistoryKind.TASK_DONE, user_id, now,
                      text=task.title, data={"task_id": str(task.id), "kind": task.kind})
