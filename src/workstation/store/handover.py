"""Hand a lead over to another manager or team, with the note as history."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workstation.domain.enums import HistoryKind, TaskStatus
from workstation.store.common import WorkspaceError, aware, in_transaction
from workstation.store.history import add_event
from workstation.store.models import Lead, Task, Team, User
from workstation.store.outbox import record_bulk
from workstation.store.types import utcnow


def hand_over(session: Session, lead_id: uuid.UUID, *, to_user_id: uuid.UUID | None = None,
              to_team_id: uuid.UUID | None = None, note: str = "", reason: str = "",
              by_user_id: uuid.UUID | None = None, now: datetime | None = None) -> uuid.UUID:
    """Give a lead to another manager or team, with the note (and the reason's
    code) as a history event.

    Open tasks move to the new manager (or become unowned on a team hand-over).
    """
    if (to_user_id is None) == (to_team_id is None):
        raise WorkspaceError("to: give exactly one of a manager or a team")
    if not note.strip():
        raise WorkspaceError("note: say why the lead is handed over")
    now = aware(now, "now") or utcnow()
    with in_transaction(session):
        lead = session.get(Lead, lead_id)
        if lead is None or lead.deleted:
            raise WorkspaceError(f"lead_id: no lead {lead_id}")
        data: dict = {"from_user": str(lead.owner_id) if lead.owner_id else None,
                      "from_team": str(lead.team_id) if lead.team_id else None}
        if reason:
            data["reason"] = reason
        if to_user_id is not None:
            user = session.get(User, to_user_id)
            if user is None or user.deleted or not user.active:
                raise WorkspaceError(f"to_user_id: no active user {to_user_id}")
            data["to_user"] = str(user.id)
            lead.owner_id = user.id
            lead.team_id = user.team_id or lead.team_id
            lead.shared_pool = False
            new_owner = user.id
        else:
            team = session.get(Team, to_team_id)
            if team is None or team.deleted:
                raise WorkspaceError(f"to_team_id: team {to_team_id} does not exist")
            data["to_team"] = str(team.id)
            lead.owner_id = None
            lead.team_id = team.id
            lead.shared_pool = True
            new_owner = None
        lead.updated_by = by_user_id
        session.execute(update(Task).where(Task.lead_id == lead.id,
                                           Task.status == TaskStatus.OPEN)
                        .values(owner_id=new_owner, updated_at=now, updated_by=by_user_id))
        open_ids = list(session.scalars(select(Task.id).where(Task.lead_id == lead.id,
                                                              Task.status == TaskStatus.OPEN)))
        if open_ids:
            record_bulk(session, "tasks", open_ids)
        ev = add_event(session, lead.id, HistoryKind.HANDOVER, by_user_id, now,
                       text=note.strip(), data=data)
        session.flush()
        return ev.id
