"""Leases as the call controller uses them when dialling (Qt-free, call off the GUI thread).

    leases = DialLeases(store, shared_engine)
    holder = leases.acquire_for_dial(lead_id)   # None: dial; else "Olena" is calling it
    ...                                          # call, wrap-up
    leases.release(lead_id)                      # after the wrap-up is saved

Only leads of a shared pool (``Lead.shared_pool``) are leased; a lead of one's
own is dialled as it is. When the shared database cannot be reached the lead
is dialled anyway (the workstation works offline; nobody else can see the
lease either) and the miss is logged. A lease nobody releases expires by
itself (:data:`workstation.sync.leases.DEFAULT_SECONDS`).
"""

from __future__ import annotations

import logging
import threading
import uuid

from sqlalchemy import Engine, select

from workstation.store.models import Lead, User
from workstation.sync import leases
from workstation.sync.shared import SharedUnavailable

log = logging.getLogger(__name__)


class DialLeases:
    def __init__(self, store, shared: Engine, *, seconds: int = leases.DEFAULT_SECONDS) -> None:
        self.store = store
        self.shared = shared
        self.seconds = seconds
        self._held: set[uuid.UUID] = set()
        self._lock = threading.Lock()

    def held(self) -> set[uuid.UUID]:
        with self._lock:
            return set(self._held)

    def needs_lease(self, lead_id: uuid.UUID) -> bool:
        with self.store.session() as s:
            return bool(s.scalar(select(Lead.shared_pool).where(Lead.id == lead_id)))

    def acquire_for_dial(self, lead_id: uuid.UUID) -> str | None:
        """Lease ``lead_id`` for the call. None: go ahead and dial; otherwise the
        display name of the manager who holds it (do not dial)."""
        if not self.needs_lease(lead_id):
            return None
        try:
            leases.acquire(self.shared, lead_id, self.seconds)
        except leases.LeaseBusy as exc:
            return self.display_name(exc.lease.holder)
        except SharedUnavailable as exc:
            log.warning("lead %s dialled without a lease (offline): %s", lead_id, exc)
            return None
        except PermissionError as exc:  # not ours to dial in the shared base: say so, dial
            log.warning("lead %s: lease refused: %s", lead_id, exc)
            return None
        with self._lock:
            self._held.add(lead_id)
        return None

    def release(self, lead_id: uuid.UUID) -> None:
        """Give the lead back (errors are logged: the lease expires anyway)."""
        with self._lock:
            if lead_id not in self._held:
                return
            self._held.discard(lead_id)
        try:
            leases.release(self.shared, lead_id)
        except Exception as exc:  # noqa: BLE001 - expiry is the safety net
            log.warning("lease of lead %s not released (it expires by itself): %s", lead_id, exc)

    def release_all(self, keep: uuid.UUID | None = None) -> None:
        for lead_id in self.held() - {keep}:
            self.release(lead_id)

    def busy(self) -> dict[uuid.UUID, str]:
        """Leads someone else is calling now: lead id -> display name (for lists)."""
        try:
            held = leases.busy_leads(self.shared)
        except SharedUnavailable:
            return {}
        return {lid: self.display_name(h) for lid, h in held.items()}

    def display_name(self, login: str) -> str:
        with self.store.session() as s:
            name = s.scalar(select(User.full_name).where(User.login == login))
        return name or login
