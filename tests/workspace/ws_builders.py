"""Builders for workspace tests: users, leads with contacts and phones, calls."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest

from workstation.domain import phones
from workstation.store.models import Contact, Lead, Phone, User
from workstation.store.stages import stage_by_code


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def add_user(session, login="anna", full_name="Anna Manager", team_id=None) -> uuid.UUID:
    u = User(id=uuid.uuid4(), login=login, full_name=full_name, team_id=team_id)
    session.add(u)
    session.flush()
    return u.id


def add_lead(session, company="Acme Ltd", contact="Olena Test", phone_list=("0671234567",),
             owner_id=None, stage="not_aware", **kw) -> uuid.UUID:
    st = stage_by_code(session, None, stage) if stage else None
    lead = Lead(id=uuid.uuid4(), company=company, owner_id=owner_id,
                funnel_id=st.funnel_id if st else None, stage_id=st.id if st else None, **kw)
    session.add(lead)
    c = Contact(id=uuid.uuid4(), lead_id=lead.id, full_name=contact) if contact else None
    if c:
        session.add(c)
    for pos, raw in enumerate(phone_list):
        session.add(Phone(lead_id=lead.id, contact_id=c.id if c else None, raw=raw,
                          e164=phones.normalize(raw), position=pos))
    session.flush()
    return lead.id


@pytest.fixture
def s(store):
    with store.session() as session:
        yield session
