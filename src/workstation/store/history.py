"""A lead's history: the newest events for the workspace, and the one helper
that adds an event (stage, type, note, hand-over...) in the caller's session."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from workstation.store.models import Call, HistoryEvent, User


def add_event(session: Session, lead_id: uuid.UUID, kind: str, user_id, at: datetime, *,
              call_id=None, text: str = "", field_name: str = "", old=None, new=None,
              data: dict | None = None) -> HistoryEvent:
    """A history event of the lead, added to the session (written with its transaction)."""
    ev = HistoryEvent(id=uuid.uuid4(), lead_id=lead_id, kind=str(kind), user_id=user_id, at=at,
                      call_id=call_id, text=text, field=field_name, old_value=old, new_value=new,
                      data=data, created_by=user_id, updated_by=user_id)
    session.add(ev)
    return ev



@dataclass(frozen=True)
class HistoryRow:
    event_id: uuid.UUID
    at: datetime
    kind: str
    manager: str
    direction: str | None
    outcome: str | None
    result: str | None
    talk_seconds: float | None
    notes: str
    recording_path: str
    call_id: uuid.UUID | None
    field: str = ""
    old_value: str | None = None
    new_value: str | None = None


_HISTORY = (select(HistoryEvent.id, HistoryEvent.at, HistoryEvent.kind, HistoryEvent.text,
                   HistoryEvent.field, HistoryEvent.old_value, HistoryEvent.new_value,
                   HistoryEvent.call_id, User.full_name, User.login, Call.direction,
                   Call.outcome, Call.result, Call.talk_seconds, Call.recording_path)
            .outerjoin(User, User.id == HistoryEvent.user_id)
            .outerjoin(Call, Call.id == HistoryEvent.call_id)
            .where(HistoryEvent.lead_id == bindparam("lead_id"),
                   HistoryEvent.deleted.is_(False))
            .order_by(HistoryEvent.at.desc(), HistoryEvent.id.desc())
            .limit(bindparam("limit")))


def history_for_lead(session: Session, lead_id: uuid.UUID, limit: int = 100) -> list[HistoryRow]:
    """Earlier contacts with this lead, newest first (indexed, LIMITed)."""
    rows = []
    for r in session.connection().execute(_HISTORY, {"lead_id": lead_id, "limit": limit}):
        rows.append(HistoryRow(event_id=r.id, at=r.at, kind=r.kind,
                               manager=r.full_name or r.login or "", direction=r.direction,
                               outcome=r.outcome, result=r.result, talk_seconds=r.talk_seconds,
                               notes=r.text or "", recording_path=r.recording_path or "",
                               call_id=r.call_id, field=r.field or "", old_value=r.old_value,
                               new_value=r.new_value))
    return rows
