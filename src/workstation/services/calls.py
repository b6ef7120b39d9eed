"""Calls: the screen pop's reads, the call log, and the wrap-up, which saves the
card's edits and the outcome in ONE transaction.

The pop's reads (:func:`lookup`, :func:`pop`) are indexed and run on the GUI
thread (docs/architecture.md, Threads); the writes run on workers.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from workstation.domain import phones
from workstation.services.context import Context
from workstation.store import interest as _interest
from workstation.store import leads as _leads
from workstation.store import pop as _pop
from workstation.store import review as _review
from workstation.store import wrapup as _wrapup
from workstation.store.common import NEW_DEAL_STAGE, WorkspaceError
from workstation.store.history import HistoryRow
from workstation.store.pop import Match, PopData
from workstation.store.wrapup import TaskSpec, WrapUp, WrapUpSaved

__all__ = [  # the types views need are handed on from the store
    "NEW_DEAL_STAGE", "WorkspaceError", "HistoryRow", "Match", "PopData", "TaskSpec", "WrapUp",
    "WrapUpSaved", "lookup", "lookup_quiet", "pop", "log_call", "save_wrapup", "warm_up",
]

NO_LEAD_NUMBER = "+380441234567"
"""A valid number of no lead: the warm-up's lookup."""


def lookup(ctx: Context, number: str) -> list[Match]:
    """The caller's lead(s); [] for an unknown number, ``PhoneError`` for no number."""
    with ctx.read() as s:
        return _pop.lookup_by_phone(s, number, ctx.region)


def lookup_quiet(ctx: Context, number: str) -> list[Match]:
    """:func:`lookup`, with text that is no phone number matching nothing."""
    try:
        return lookup(ctx, number)
    except phones.PhoneError:
        return []


def pop(ctx: Context, lead_id: uuid.UUID | None) -> PopData:
    """Card, combo choices, newest history and script of ``lead_id`` (None: an
    Interest card: choices and script only), in one session."""
    with ctx.read() as s:
        return _pop.pop_data(s, lead_id, language=ctx.language)


def log_call(ctx: Context, call_id: uuid.UUID, values: dict) -> None:
    """What signalling knows about a call, written to its row (inserted when new)."""
    with ctx.write() as s:
        _wrapup.log_call(s, call_id, values, ctx.user.id)


def save_wrapup(ctx: Context, w: WrapUp, *, card: _leads.LeadData | None = None,
                new_lead: bool = False) -> tuple[uuid.UUID | None, WrapUpSaved]:
    """The wrap-up and the card, in ONE transaction: both are saved or neither.

    ``card`` is the edited card of the call's lead (its edits are saved first,
    with their history), or with ``new_lead`` the Interest card of an unknown
    caller, which becomes the lead the call is linked to. Returns (lead id, saved).
    """
    w = replace(w, user_id=ctx.user.id)
    with ctx.write() as s:
        if new_lead:
            if card is None:
                raise WorkspaceError("card: an Interest call needs the card of the new lead")
            w.lead_id = _interest.create_lead_from_interest(
                s, phone=next((p.raw for p in card.phones if p.raw.strip()), w.remote_number),
                user_id=ctx.user.id, company=card.company,
                contact_name=next((c.full_name for c in card.contacts if c.full_name.strip()), ""),
                topic=card.topic, notes=card.notes, call_id=w.call_id, region=ctx.region,
                email=next((e.address for e in card.emails if e.address.strip()), ""),
                source=card.source or "incoming call")
        elif card is not None:
            _leads.save(s, card, user_id=ctx.user.id, region=ctx.region)
        saved = _wrapup.save_wrapup(s, w, policy=ctx.attempt_policy(), rule=ctx.effective_rule())
        if w.consent_refused:  # in the same transaction as the wrap-up
            _review.mark_consent_refused(s, saved.call_id, ctx.user.id)
    return w.lead_id, saved


def warm_up(ctx: Context) -> PopData | None:
    """Compile the pop's and the wrap-up's statements and parse the scripts once,
    so that the first call does not pay for it. The trial wrap-up is rolled
    back: nothing is written. Returns a pop of some lead (None: no lead yet)."""
    with ctx.read() as s:
        any_lead = _pop.any_lead_id(s)
        data = _pop.pop_data(s, any_lead or uuid.UUID(int=0), language=ctx.language)
        _pop.lookup_by_phone(s, NO_LEAD_NUMBER)
    if any_lead is None:
        return None
    try:
        with ctx.write() as s:
            _wrapup.save_wrapup(s, WrapUp(lead_id=any_lead, user_id=ctx.user.id,
                                          direction="out", outcome="no_answer",
                                          result="undefined", reason="call_later"))
            raise _Rehearsal()
    except _Rehearsal:
        pass
    return data


class _Rehearsal(Exception):
    """Rolls the warm-up's trial wrap-up back."""
