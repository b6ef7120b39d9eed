"""The status bar's sync indicator: connected / offline and the changes waiting.

Fed by :class:`workstation.sync.qt.SyncService.sig_status`; it never queries
anything itself. Without a shared database it says the workstation works alone.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel


class SyncStatusWidget(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.connected: bool | None = None
        self.waiting = 0
        self.last_sync: datetime | None = None
        self.set_alone()

    def attach(self, service) -> None:
        """Follow a SyncService (None: no shared database, working alone)."""
        if service is None:
            self.set_alone()
            return
        service.sig_status.connect(self.set_status)
        self.set_status(service.last.connected, service.last.waiting, service.last.last_sync)

    def set_alone(self) -> None:
        self.connected = None
        self.setText(self.tr("Local only"))
        self.setToolTip(self.tr("No shared database is set: this workstation works alone."))
        self.setStyleSheet("")

    @Slot(bool, int, object)
    def set_status(self, connected: bool, waiting: int, last_sync) -> None:
        self.connected, self.waiting, self.last_sync = connected, waiting, last_sync
        state = self.tr("Synced") if connected else self.tr("Offline")
        text = state if not waiting else self.tr("%1 · %n waiting", "", waiting).replace("%1", state)
        self.setText(text)
        when = (last_sync.astimezone().strftime("%Y-%m-%d %H:%M:%S") if last_sync
                else self.tr("never"))
        tip = self.tr("Shared database: %1\nChanges waiting to be sent: %2\nLast sync: %3")
        self.setToolTip(tip.replace("%1", self.tr("connected") if connected else
                                    self.tr("unreachable; changes are kept and sent later"))
                        .replace("%2", str(waiting)).replace("%3", when))
        self.setStyleSheet("" if connected else "color: #b45309;")
