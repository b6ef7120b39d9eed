"""A thin QObject around :class:`workstation.sync.worker.SyncWorker` (QtCore only).

    service = SyncService.from_config(config, store.url)   # None: no shared database
    service.sig_status.connect(indicator.set_status)
    service.start()      # ...  service.wake() after a wrap-up;  service.stop() on quit

The worker thread emits the signal; Qt queues it to receivers on the GUI thread.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from workstation.sync.worker import Status, SyncReport, Syncer, SyncWorker


class SyncService(QObject):
    sig_status = Signal(bool, int, object)
    """(connected, changes waiting, last sync time as an aware datetime or None)."""
    sig_report = Signal(object)
    """A :class:`SyncReport` after a round that moved something."""

    def __init__(self, syncer: Syncer, *, poll_s: float = 5.0, parent=None) -> None:
        super().__init__(parent)
        self.syncer = syncer
        self.poll_s = poll_s
        self._worker: SyncWorker | None = None
        self.last: Status = Status(False, 0, None)

    @classmethod
    def from_config(cls, config, store_url: str, parent=None) -> SyncService | None:
        from workstation.sync.recordings import RecordingUploader
        from workstation.sync.shared import NotConfigured, shared_engine

        try:
            engine = shared_engine(config)
        except NotConfigured:
            return None
        syncer = Syncer(store_url, engine, recordings=RecordingUploader.from_config(config))
        return cls(syncer, parent=parent)

    def _on_status(self, st: Status) -> None:
        self.last = st
        self.sig_status.emit(st.connected, st.waiting, st.last_sync)

    def _on_report(self, report: SyncReport) -> None:
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
