"""Funnel stages of a lead: find a stage by code, move a lead (with its history
event), and restore a Refused lead that called in."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain import attempts as attempts_rule
from workstation.domain.enums import HistoryKind
from workstation.domain.funnel import DEFAULT_FUNNEL_CODE, REFUSED_STAGE
from workstation.store.common import WorkspaceError, aware, in_transaction
from workstation.store.history import add_event
from workstation.store.models import Funnel, FunnelStage, Lead
from workstation.store.types import utcnow


def default_funnel_id(session: Session) -> uuid.UUID | None:
    return session.scalar(select(Funnel.id).where(Funnel.code == DEFAULT_FUNNEL_CODE))


def funnel_for(session: Session, product: str = "", topic: str = "") -> uuid.UUID | None:
    """The funnel of a lead's product (else its topic), else the default funnel."""
    for column, value in ((Funnel.product, product), (Funnel.topic, topic)):
        if (value or "").strip():
            fid = session.scalar(select(Funnel.id).where(column == value.strip(),
                                                         Funnel.deleted.is_(False))
                                 .order_by(Funnel.code).limit(1))
            if fid is not None:
                return fid
    return default_funnel_id(session)


def stage_by_code(session: Session, funnel_id: uuid.UUID | None, code: str) -> FunnelStage:
    fid = funnel_id or default_funnel_id(session)
    st = session.scalar(select(FunnelStage).where(FunnelStage.funnel_id == fid,
                                                  FunnelStage.code == code))
    if st is None:
        raise WorkspaceError(f"stage: no stage {code!r} in the lead's funnel")
    return st


def stage_code(session: Session, stage_id: uuid.UUID | None) -> str | None:
    if stage_id is None:
        return None
    return session.scalar(select(FunnelStage.code).where(FunnelStage.id == stage_id))



def set_stage(session: Session, lead: Lead, code: str, user_id, at: datetime, *,
              call_id=None, reason: str = "", data: dict | None = None) -> bool:
    """Move the lead to stage ``code`` with a history event; False when already there."""
    st = stage_by_code(session, lead.funnel_id, code)
    if lead.stage_id == st.id:
        return False
    old = stage_code(session, lead.stage_id)
    if lead.funnel_id is None:
        lead.funnel_id = st.funnel_id
    lead.stage_id = st.id
    payload = dict(data or {})
    if reason:
        payload["reason"] = reason
    add_event(session, lead.id, HistoryKind.STAGE_CHANGE, user_id, at, call_id=call_id,
              field_name="stage", old=old, new=code, data=payload or None)
    if code == REFUSED_STAGE and old and old != REFUSED_STAGE:
        extra = dict(lead.extra or {})
        extra["stage_before_refused"] = old
        lead.extra = extra
    return True


def restore_if_refused(session: Session, lead_id: uuid.UUID, user_id=None,
                       call_id=None, now: datetime | None = None) -> str | None:
    """A Refused lead called in: back to its earlier stage. Returns the stage or None."""
    now = aware(now, "now") or utcnow()
    with in_transaction(session):
        lead = session.get(Lead, lead_id)
        if lead is None or stage_code(session, lead.stage_id) != REFUSED_STAGE:
            return None
        stage = attempts_rule.restore_stage((lead.extra or {}).get("stage_before_refused"))
        set_stage(session, lead, stage, user_id, now, call_id=call_id, reason="called_in")
        lead.attempts = 0
        lead.last_contact_at = now
        return stage
