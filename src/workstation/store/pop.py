"""The screen pop's reads: the caller's lead(s) by phone and everything the
workspace shows of one lead (card, combo choices, newest history, script).

Indexed reads only (``ix_phones_e164``, then primary keys and the ``lead_id``
indexes; history by ``(lead_id, at)`` LIMITed): the pop runs them on the GUI
thread, the one deliberate exception (docs/architecture.md, Threads).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import bindparam, false, select, true
from sqlalchemy.orm import Session

from workstation.domain import phones
from workstation.domain.scripts import Script as ScriptDef
from workstation.store import leads
from workstation.store.history import HistoryRow, history_for_lead
from workstation.store.models import Contact, FunnelStage, Lead, Phone
from workstation.store.scripts import active_script


@dataclass(frozen=True)
class Match:
    lead_id: uuid.UUID
    company: str
    contact_id: uuid.UUID | None
    contact: str
    phones: tuple[str, ...]
    stage: str = ""
    lead_type: str | None = None
    owner_id: uuid.UUID | None = None

    def to_json(self) -> dict:
        return {"id": str(self.lead_id), "company": self.company, "contact": self.contact,
                "phones": list(self.phones)}


def _lookup_statement():
    """One prebuilt Core statement (compiled once, cached by SQLAlchemy): the
    caller's phone rows via ``ix_phones_e164``, then per lead its stage, contacts
    (``ix_contacts_lead_id``) and every phone (``ix_phones_lead_id``)."""
    hit, allp = Phone.__table__.alias("hit"), Phone.__table__.alias("allp")
    ld, fs, c = Lead.__table__, FunnelStage.__table__, Contact.__table__
    return (select(ld.c.id, ld.c.company, ld.c.lead_type, ld.c.owner_id, fs.c.code,
                   hit.c.contact_id.label("hit_contact"), c.c.id.label("contact_id"),
                   c.c.full_name, c.c.created_at.label("contact_at"),
                   allp.c.e164, allp.c.position)
            .select_from(hit)
            .join(ld, ld.c.id == hit.c.lead_id)
            .outerjoin(fs, fs.c.id == ld.c.stage_id)
            .outerjoin(c, (c.c.lead_id == ld.c.id) & (c.c.deleted == false()))
            .outerjoin(allp, (allp.c.lead_id == ld.c.id) & (allp.c.deleted == false()))
            .where(hit.c.e164 == bindparam("e164"), hit.c.deleted == false(),
                   ld.c.deleted == false(), true()))


_LOOKUP = _lookup_statement()


def lookup_by_phone(session: Session, text: str, region: str = "UA") -> list[Match]:
    """Leads (with the contact) whose phone is ``text`` in any format.

    An empty list for an unknown number; ``phones.PhoneError`` when the text is
    no phone number at all. Sorted by company, then id. One indexed query.
    """
    e164 = phones.normalize(text, region)
    rows = session.connection().execute(_LOOKUP, {"e164": e164}).all()
    if not rows:
        return []
    leads: dict[uuid.UUID, dict] = {}
    for r in rows:
        d = leads.get(r.id)
        if d is None:
            d = leads[r.id] = {"row": r, "hit": r.hit_contact, "contacts": {}, "phones": {}}
        if d["hit"] is None and r.hit_contact is not None:
            d["hit"] = r.hit_contact
        if r.contact_id is not None:
            d["contacts"][r.contact_id] = (r.contact_at, r.full_name)
        if r.e164 is not None:
            d["phones"].setdefault(r.e164, r.position)
    out = []
    epoch = datetime.min.replace(tzinfo=timezone.utc)
    for lead_id, d in leads.items():
        r = d["row"]
        contacts = sorted(d["contacts"].items(), key=lambda kv: (kv[1][0] or epoch, str(kv[0])))
        chosen = next(((cid, v) for cid, v in contacts if cid == d["hit"]),
                      contacts[0] if contacts else None)
        out.append(Match(lead_id=lead_id, company=r.company or "",
                         contact_id=chosen[0] if chosen else None,
                         contact=chosen[1][1] if chosen else "",
                         phones=tuple(sorted(d["phones"], key=lambda e: (d["phones"][e], e))),
                         stage=r.code or "", lead_type=r.lead_type, owner_id=r.owner_id))
    out.sort(key=lambda m: (m.company.casefold(), str(m.lead_id)))
    return out


@dataclass
class PopData:
    """Everything a screen pop shows, read in one session (``pop_data``)."""

    lead: object | None
    """store.leads.LeadData, or None when the lead is gone."""
    choices: object
    """store.leads.CardChoices for the card's combo boxes."""
    history: list[HistoryRow]
    script: tuple[uuid.UUID, ScriptDef] | None


def pop_data(session: Session, lead_id: uuid.UUID | None, *, language: str | None = None,
             history_limit: int = 100) -> PopData:
    """The card, its combo choices, the newest history and the lead's script.

    Indexed reads only (lead by primary key, contacts/phones/e-mails by
    ``lead_id``, history by ``(lead_id, at)`` LIMITed, the small stage/user/script
    tables): the screen pop runs it on the GUI thread in one go so that the
    whole workspace is filled and painted once.
    """
    data = leads.load(session, lead_id) if lead_id is not None else None
    # the stages of the lead's funnel (the default one for a new lead), reasons, users
    choices = leads.card_choices(session, funnel=True,
                                 funnel_id=data.funnel_id if data is not None else None,
                                 keep=data.stage_id if data is not None else None)
    rows = history_for_lead(session, lead_id, limit=history_limit) if data is not None else []
    script = active_script(session, topic=data.topic if data is not None else "",
                           language=language)
    return PopData(data, choices, rows, script)


def any_lead_id(session: Session) -> uuid.UUID | None:
    """Some live lead (the warm-up pops it), or None in an empty store."""
    return session.scalar(select(Lead.id).where(Lead.deleted.is_(False)).limit(1))
