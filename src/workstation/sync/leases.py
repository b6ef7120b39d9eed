"""Leases: a lead being dialled is held in the shared database by one manager.

Acquire before dialling a shared-pool lead, keep it through the wrap-up
(acquire again to extend), release after. The decision is one atomic
statement in the database (``ws_acquire_lease``); a lease nobody releases
expires by itself. Qt-free; call from a worker thread (network).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from workstation.sync.shared import SharedUnavailable, describe, short_error

DEFAULT_SECONDS = 15 * 60


@dataclass(frozen=True)
class Lease:
    lead_id: uuid.UUID
    holder: str
    expires_at: datetime
    mine: bool


class LeaseBusy(RuntimeError):
    """Another manager holds the lead."""

    def __init__(self, lease: Lease) -> None:
        super().__init__(f"lead {lease.lead_id} is being called by {lease.holder} "
                         f"(until {lease.expires_at:%H:%M:%S} UTC)")
        self.lease = lease


def _guard(engine: Engine, fn):
    try:
        return fn()
    except OperationalError as exc:
        raise SharedUnavailable(f"shared database {describe(engine)}: {short_error(exc)}") from exc


def acquire(engine: Engine, lead_id: uuid.UUID, seconds: int = DEFAULT_SECONDS) -> Lease:
    """Hold ``lead_id`` for ``seconds`` (or extend our hold). Raises LeaseBusy."""
    def go():
        with engine.begin() as c:
            row = c.execute(text("SELECT * FROM ws_acquire_lease(:l, :s)"),
                            {"l": lead_id, "s": int(seconds)}).one()
        return Lease(lead_id, row.holder, row.expires_at, bool(row.acquired))

    try:
        lease = _guard(engine, go)
    except DBAPIError as exc:
        raise PermissionError(short_error(exc)) from exc
    if not lease.mine:
        raise LeaseBusy(lease)
    return lease


def release(engine: Engine, lead_id: uuid.UUID) -> bool:
    def go():
        with engine.begin() as c:
            return bool(c.scalar(text("SELECT ws_release_lease(:l)"), {"l": lead_id}))

    return _guard(engine, go)


def current(engine: Engine, lead_id: uuid.UUID) -> Lease | None:
    """Who holds the lead now (None: free or expired)."""
    def go():
        with engine.connect() as c:
            row = c.execute(text("SELECT holder, expires_at, holder = session_user AS mine "
                                 "FROM leases WHERE lead_id = :l AND expires_at > now()"),
                            {"l": lead_id}).first()
        return Lease(lead_id, row.holder, row.expires_at, bool(row.mine)) if row else None

    return _guard(engine, go)


def busy_leads(engine: Engine) -> dict[uuid.UUID, str]:
    """Leads held by someone else right now: lead id -> holder (for the lead list)."""
    def go():
        with engine.connect() as c:
            return dict(c.execute(text("SELECT lead_id, holder FROM leases WHERE "
                                       "expires_at > now() AND holder <> session_user")).all())

    return _guard(engine, go)
