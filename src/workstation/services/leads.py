"""Leads: the lead list's pages and counts, the card's reads and its save,
hand-over. The card's data types live in ``store.leads`` and are handed on
here, so that views import them from their one door."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from workstation.services.context import Context
from workstation.store import handover as _handover
from workstation.store import leads as _leads
from workstation.store.models import Lead as _Lead
from workstation.store.models import User as _User
from workstation.store.leads import (  # the card's data types, handed on to the views
    DUE_ANY,
    DUE_NONE,
    DUE_OVERDUE,
    DUE_RANGE,
    DUE_TODAY,
    DUE_TODAY_OR_OVERDUE,
    NO_OWNER,
    PAGE_SIZE,
    CardChoices,
    Choice,
    ContactData,
    EmailData,
    LeadData,
    LeadFilter,
    LeadRow,
    LeadValidationError,
    PhoneData,
)

__all__ = [
    "DUE_ANY", "DUE_NONE", "DUE_OVERDUE", "DUE_RANGE", "DUE_TODAY", "DUE_TODAY_OR_OVERDUE",
    "NO_OWNER", "PAGE_SIZE", "CardChoices", "Choice", "ContactData", "EmailData", "LeadData",
    "LeadFilter", "LeadRow", "LeadValidationError", "PhoneData", "Interruptible",
    "QueryCancelled", "page", "count", "row", "choices", "load", "load_new", "save", "hand_over",
    "may_reassign", "reassign", "TEAM_WIDE",
]


class QueryCancelled(Exception):
    """A newer filter replaced this query before it started."""


class Interruptible:
    """Lets the GUI thread stop a worker's running SQLite query.

    A search over 1M leads for "067" reads ~80,000 rows; when the user types
    the next digit that query is useless, so it is interrupted
    (``sqlite3.Connection.interrupt`` is safe to call from another thread)
    instead of holding a worker and a CPU core for seconds.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn = None
        self._cancelled = False

    @contextmanager
    def attached(self, session) -> Iterator[None]:
        dbapi = session.connection().connection.driver_connection
        with self._lock:
            if self._cancelled:
                raise QueryCancelled()
            self._conn = dbapi if hasattr(dbapi, "interrupt") else None
        try:
            yield
        finally:
            with self._lock:
                self._conn = None

    def interrupt(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._conn is not None:
                self._conn.interrupt()

    @property
    def cancelled(self) -> bool:
        """interrupt() was called (a long read checks it between its steps)."""
        return self._cancelled


# -- the lead list ------------------------------------------------------------------

def page(ctx: Context, flt: LeadFilter, after: tuple[str, uuid.UUID] | None = None,
         limit: int = PAGE_SIZE, query: Interruptible | None = None) -> list[LeadRow]:
    """One page of the list by keyset (company, id); ``query`` can interrupt it."""
    with ctx.read() as s, (query or Interruptible()).attached(s):
        return _leads.page(s, flt, after=after, limit=limit)


def count(ctx: Context, flt: LeadFilter, query: Interruptible | None = None) -> int:
    with ctx.read() as s, (query or Interruptible()).attached(s):
        return _leads.count(s, flt)


def row(ctx: Context, lead_id: uuid.UUID) -> LeadRow | None:
    with ctx.read() as s:
        return _leads.row(s, lead_id)


# -- the card -------------------------------------------------------------------------

def choices(ctx: Context) -> CardChoices:
    """Stages and users for the card's and the list's combo boxes."""
    with ctx.read() as s:
        return _leads.card_choices(s)


def load(ctx: Context, lead_id: uuid.UUID) -> tuple[CardChoices, LeadData | None]:
    """The card's combo choices (its funnel's stages) and the lead (None when gone)."""
    with ctx.read() as s:
        data = _leads.load(s, lead_id)
        return _leads.card_choices(s, funnel=True, funnel_id=data and data.funnel_id,
                                   keep=data and data.stage_id), data


def load_new(ctx: Context) -> CardChoices:
    """The combo choices of a new lead's card (the default funnel)."""
    with ctx.read() as s:
        return _leads.card_choices(s, funnel=True)


def save(ctx: Context, data: LeadData) -> LeadData:
    """Write the card's edits (one transaction, history per change); the lead as saved."""
    with ctx.write() as s:
        lead_id, _changed = _leads.save(s, data, user_id=ctx.user.id, region=ctx.region)
    with ctx.read() as s:
        return _leads.load(s, lead_id)


TEAM_WIDE = ("teamlead", "supervisor")


def may_reassign(ctx: Context) -> bool:
    """Admins and the team's lead or supervisor move leads; a manager only hands over."""
    return ctx.user.role == "admin" or ctx.user.role in TEAM_WIDE


def _check_move(s, ctx: Context, lead_id: uuid.UUID, to_user_id) -> None:
    """The shared database's rules (ws_assign_lead), said here first."""
    role, me, mine = ctx.user.role, ctx.user.id, ctx.user.team_id
    if role == "admin":
        return
    lead = s.get(_Lead, lead_id)
    if lead is None:
        raise LeadValidationError(f"lead_id: no lead {lead_id}")
    if role in TEAM_WIDE:
        owner_team = s.get(_User, lead.owner_id).team_id if lead.owner_id else None
        if mine is None or (lead.team_id != mine and owner_team != mine):
            raise LeadValidationError("the lead is not of your team")
        return
    if not (lead.owner_id == me or (lead.shared_pool and mine and lead.team_id == mine)):
        raise LeadValidationError("the lead is not yours to hand over")
    if to_user_id is not None and to_user_id == me:
        raise LeadValidationError("a manager cannot take a lead; ask your team lead")


def hand_over(ctx: Context, lead_id: uuid.UUID, *, to_user_id: uuid.UUID | None = None,
              to_team_id: uuid.UUID | None = None, note: str = "",
              reason: str = "") -> uuid.UUID:
    """Give the lead to another manager or team (the note and the reason go to its
    history); returns the history event's id."""
    with ctx.write() as s:
        _check_move(s, ctx, lead_id, to_user_id)
        return _handover.hand_over(s, lead_id, to_user_id=to_user_id, to_team_id=to_team_id,
                                   note=note, reason=reason, by_user_id=ctx.user.id)


def reassign(ctx: Context, lead_ids: list[uuid.UUID], *, owners: list[uuid.UUID] = (),
             team_id: uuid.UUID | None = None, note: str = "") -> int:
    """Move a selection of leads (admin, team lead, supervisor): to one manager, in
    turn among several (``owners``: evenly), or to ``team_id``'s shared pool. Each
    lead's history keeps the move. One transaction; returns how many moved."""
    if not may_reassign(ctx):
        raise LeadValidationError("only an admin, a team lead or a supervisor reassigns leads")
    if not lead_ids:
        raise LeadValidationError("select the leads to reassign")
    if bool(owners) == (team_id is not None):
        raise LeadValidationError("to: give the managers or a team's pool")
    note = note.strip() or "reassigned"
    with ctx.write() as s:
        for n, lead_id in enumerate(lead_ids):
            to_user = owners[n % len(owners)] if owners else None
            _check_move(s, ctx, lead_id, to_user)
            _handover.hand_over(s, lead_id, to_user_id=to_user,
                                to_team_id=None if to_user else team_id, note=note,
                                reason="reassigned", by_user_id=ctx.user.id)
    return len(lead_ids)
