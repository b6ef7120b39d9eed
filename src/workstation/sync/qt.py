"""A thin QObject around :class:`workstation.sync.runner.SyncWorker` (QtCore only).

    service = SyncService.from_config(config, store.url)   # None: no shared database
    service.sig_status.connect(indicator.set_status)
    service.watch_login(login, user_id)  # sig_user_id when the shared row's id is adopted
    service.start()      # ...  service.wake() after a wrap-up;  service.stop() on quit

Nothing here touches the network on the calling thread: the worker thread
connects (and retries while the shared database is unreachable) and emits the
signals; Qt queues them to receivers on the GUI thread.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from workstation.sync.recordings import RecordingUploader
from workstation.sync.runner import Status, SyncWorker
from workstation.sync.shared import NotConfigured, shared_engine, transport_state
from workstation.sync.worker import SyncReport, Syncer


class SyncService(QObject):
    sig_status = Signal(bool, int, object)
    """(connected, changes waiting, last sync time as an aware datetime or None)."""
    sig_report = Signal(object)
    """A :class:`SyncReport` after a round that moved something."""
    sig_rejected = Signal(int, str)
    """(how many changes the shared database refused, what it said): emitted when
    the count changes; the changes stay in the outbox until fixed or retried."""
    sig_user_id = Signal(object, object)
    """(old id, new id): the watched login's users.id in the local store changed:
    the row created locally at an offline first start was merged (by login) with
    the shared database's row, whose id every later write must carry."""

    def __init__(self, syncer: Syncer, *, poll_s: float = 5.0, parent=None) -> None:
        super().__init__(parent)
        self.syncer = syncer
        self.poll_s = poll_s
        self._worker: SyncWorker | None = None
        self.last: Status = Status(False, 0, None)
        self._login: str | None = None
        self._login_id = None
        self._login_checked = False
        self._rejected = 0
        self.transport = transport_state(syncer.shared.url)
        """"local", "verified" or "insecure" (TLS without a certificate check)."""

    @classmethod
    def from_config(cls, config, store_url: str, parent=None) -> SyncService | None:
        try:
            engine = shared_engine(config)
        except NotConfigured:
            return None
        syncer = Syncer(store_url, engine, recordings=RecordingUploader.from_config(config))
        return cls(syncer, parent=parent)

    def watch_login(self, login: str, user_id) -> None:
        """Emit :attr:`sig_user_id` when ``login``'s local users.id stops being ``user_id``."""
        self._login, self._login_id, self._login_checked = login, user_id, False

    def _check_login(self) -> None:  # on the worker thread
        if not self._login:
            return
        try:
            uid = self.syncer.local_user_id(self._login)
        except Exception:  # noqa: BLE001 - a busy local store: next round
            return
        self._login_checked = True
        if uid is not None and uid != self._login_id:
            old, self._login_id = self._login_id, uid
            self.sig_user_id.emit(old, uid)

    def _on_status(self, st: Status) -> None:
        self.last = st
        self.sig_status.emit(st.connected, st.waiting, st.last_sync)
        if st.rejected != self._rejected:
            self._rejected = st.rejected
            try:
                detail = "\n".join(self.syncer.rejected_lines(10))
            except Exception:  # noqa: BLE001 - a busy local store: the count still goes out
                detail = ""
            self.sig_rejected.emit(st.rejected, detail)
        if st.connected and not self._login_checked:  # the first round pulled users
            self._check_login()

    def _on_report(self, report: SyncReport) -> None:
        if report.pulled.get("users") or report.merged.get("users"):
            self._check_login()
        self.sig_report.emit(report)

    def start(self) -> None:
        if self._worker is None or not self._worker.is_alive():
            self._worker = SyncWorker(self.syncer, poll_s=self.poll_s,
                                      on_status=self._on_status, on_report=self._on_report)
            self._worker.start()

    def wake(self) -> None:
        if self._worker is not None:
            self._worker.wake()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        self.syncer.shared.dispose()

    def last_sync(self) -> datetime | None:
        return self.last.last_sync
