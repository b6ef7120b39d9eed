"""Helpers for the UI tests (imported by the tests and by conftest.py)."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select

from workstation.store.leads import make_name_key
from workstation.store.models import Contact, FunnelStage, Lead, Phone
from workstation.store.types import utcnow

TYPES = ["interested", "not_interested", "hypothetical", None]


def add_leads(store, n: int, start: int = 0) -> None:
    """``n`` leads "Company 0000"… with one contact and phone +38067000NNNN (Core bulk)."""
    now = utcnow()
    with store.session() as s, s.begin():
        stages = list(s.scalars(select(FunnelStage).order_by(FunnelStage.position)))
        leads, contacts, phones = [], [], []
        for i in range(start, start + n):
            lid = uuid.uuid4()
            company = f"Company {i:04d}"
            person = f"Person {i}"
            stage = stages[i % 3]
            leads.append(dict(id=lid, company=company, lead_type=TYPES[i % 4],
                              funnel_id=stage.funnel_id, stage_id=stage.id,
                              name_key=make_name_key(company, [person]),
                              created_at=now, updated_at=now))
            contacts.append(dict(id=uuid.uuid4(), lead_id=lid, full_name=person,
                                 created_at=now, updated_at=now))
            phones.append(dict(id=uuid.uuid4(), lead_id=lid, raw=f"067000{i:04d}",
                               e164=f"+38067000{i:04d}", position=0, created_at=now,
                               updated_at=now))
        s.execute(insert(Lead), leads)
        s.execute(insert(Contact), contacts)
        s.execute(insert(Phone), phones)


def wait_rows(qtbot, model, n: int, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: model.rowCount() == n and not model.is_loading(), timeout=timeout)
