"""Builders for tests of the whole call center: a lead with a contact and a phone,
and the real main window wired to a real TelephonyEngine (CallCenter)."""

from __future__ import annotations

import uuid

from workstation.domain import phones
from workstation.store.models import Contact, Lead, Phone


def add_lead_with_phone(s, owner_id, number: str, *, company: str = "Acme Ltd",
                        contact: str = "Olena Test", position: str = "",
                        raw: str = "067 123 45 67", **lead_fields) -> uuid.UUID:
    """A lead (topic "Financial consulting" unless given) with one contact and
    ``number`` as its phone, in the open session ``s``; returns the lead's id."""
    lead_fields.setdefault("topic", "Financial consulting")
    lead = Lead(id=uuid.uuid4(), company=company, owner_id=owner_id, **lead_fields)
    s.add(lead)
    s.flush()
    c = Contact(id=uuid.uuid4(), lead_id=lead.id, full_name=contact, position=position)
    s.add(c)
    s.flush()
    s.add(Phone(lead_id=lead.id, contact_id=c.id, raw=raw, e164=phones.normalize(number),
                position=0))
    return lead.id


class CallCenterParts:
    """The main window, its CallCenter and the engine, as app.py wires them."""

    def __init__(self, qtbot, ctx, engine) -> None:
        from workstation.views import callcenter
        from workstation.views.mainwindow import MainWindow

        self.engine, self.ctx, self.store = engine, ctx, ctx.store
        self.window = MainWindow(ctx)
        qtbot.addWidget(self.window)
        self.center = callcenter.install(self.window, ctx, engine=engine)

    def close(self) -> None:
        for key in list(self.engine.calls()):
            try:
                self.engine.hangup(key)
            except Exception:  # noqa: BLE001 - already ended
                pass
        self.center.shutdown()
        self.window.shutdown()
        self.engine.stop()


def loopback_engine(tmp_path):
    """A TelephonyEngine listening on 127.0.0.1 with no registrar (direct IP calls)."""
    from workstation.telephony.engine import TelephonyEngine
    from workstation.telephony.settings import SipSettings

    engine = TelephonyEngine(SipSettings(bind_address="127.0.0.1",
                                         recordings_dir=tmp_path / "rec", log_level=1))
    engine.start()
    return engine
