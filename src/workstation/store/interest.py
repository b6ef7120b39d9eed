"""An unknown caller's "Interest" card saved as a new lead."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain import phones
from workstation.domain.enums import HistoryKind
from workstation.store.common import NEW_DEAL_STAGE, WorkspaceError, aware, in_transaction
from workstation.store.history import add_event
from workstation.store.leads import make_name_key
from workstation.store.models import Call, Contact, Email, Lead, Phone, User
from workstation.store.stages import funnel_for, stage_by_code
from workstation.store.types import utcnow


def create_lead_from_interest(session: Session, *, phone: str, user_id: uuid.UUID | None,
                              company: str = "", contact_name: str = "", topic: str = "",
                              source: str = "incoming call", notes: str = "",
                              email: str = "", at: datetime | None = None,
                              call_id: uuid.UUID | None = None, region: str = "UA",
                              team_id: uuid.UUID | None = None) -> uuid.UUID:
    """Save the "Interest" card of an unknown caller as a new lead (stage Interest found).

    Writes the lead, its contact and phone, links the call (when given) and a
    history event "incoming call", in one transaction. Raises
    ``WorkspaceError`` when the phone is not a number or already belongs to a lead.
    """
    at = aware(at, "at") or utcnow()
    try:
        e164 = phones.normalize(phone, region)
    except phones.PhoneError as exc:
        raise WorkspaceError(f"phone: {exc}") from None
    if not (company.strip() or contact_name.strip()):
        raise WorkspaceError("company: give the company or the contact's name")
    with in_transaction(session):
        existing = session.scalar(select(Phone.lead_id).where(Phone.e164 == e164,
                                                              Phone.deleted.is_(False)).limit(1))
        if existing is not None:
            raise WorkspaceError(f"phone: {e164} already belongs to lead {existing}")
        stage = stage_by_code(session, funnel_for(session, topic=topic), NEW_DEAL_STAGE)
        if team_id is None and user_id is not None:  # the lead joins its owner's team
            team_id = session.scalar(select(User.team_id).where(User.id == user_id))
        lead = Lead(id=uuid.uuid4(), company=company.strip(), topic=topic, source=source,
                    channel="call", owner_id=user_id, team_id=team_id, funnel_id=stage.funnel_id,
                    stage_id=stage.id, last_contact_at=at, notes=notes,
                    name_key=make_name_key(company, [contact_name]),
                    created_by=user_id, updated_by=user_id)
        session.add(lead)
        contact = None
        if contact_name.strip():
            contact = Contact(id=uuid.uuid4(), lead_id=lead.id, full_name=contact_name.strip(),
                              created_by=user_id)
            session.add(contact)
        session.add(Phone(lead_id=lead.id, contact_id=contact.id if contact else None,
                          raw=phone.strip()[:64], e164=e164, position=0, created_by=user_id))
        if email.strip():
            session.add(Email(lead_id=lead.id, contact_id=contact.id if contact else None,
                              address=email.strip(), created_by=user_id))
        session.flush()
        if call_id is not None:
            call = session.get(Call, call_id)
            if call is not None:
                call.lead_id = lead.id
                call.contact_id = contact.id if contact else None
        add_event(session, lead.id, HistoryKind.NOTE, user_id, at, call_id=call_id,
                  text=notes or "Interest: incoming call",
                  data={"event": "incoming_call", "phone": e164, "interest": True})
        return lead.id
