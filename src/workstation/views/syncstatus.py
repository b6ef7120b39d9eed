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
        self.rejected, self.rejected_detail = 0, ""
        self.transport = "local"
        self.set_alone()

    def attach(self, service) -> None:
        """Follow a SyncService (None: no shared database, working alone)."""
        if service is None:
            self.set_alone()
            return
        self.transport = service.transport
        service.sig_status.connect(self.set_status)
        service.sig_rejected.connect(self.set_rejected)
        self.set_status(service.last.connected, service.last.waiting, service.last.last_sync)

    def set_alone(self) -> None:
        self.connected = None
        self.setText(self.tr("Local only"))
        self.setToolTip(self.tr("No shared database is set: this workstation works alone."))
        self.setStyleSheet("")

    @Slot(int, str)
    def set_rejected(self, count: int, detail: str) -> None:
        self.rejected, self.rejected_detail = count, detail
        if self.connected is not None:
            self.set_status(self.connected, self.waiting, self.last_sync)

    @Slot(bool, int, object)
    def set_status(self, connected: bool, waiting: int, last_sync) -> None:
        self.connected, self.waiting, self.last_sync = connected, waiting, last_sync
        state = self.tr("Synced") if connected else self.tr("Offline")
        text = state if not waiting else self.tr("%1 · %n waiting", "", waiting).replace("%1", state)
        if self.rejected:
            text = self.tr("%1 · %n refused", "", self.rejected).replace("%1", text)
        if self.transport == "insecure":
            text = self.tr("%1 · not verified").replace("%1", text)
        self.setText(text)
        when = (last_sync.astimezone().strftime("%Y-%m-%d %H:%M:%S") if last_sync
                else self.tr("never"))
        tip = self.tr("Shared database: %1\nChanges waiting to be sent: %2\nLast sync: %3")
        self.setToolTip(tip.replace("%1", self.tr("connected") if connected else
                                    self.tr("unreachable; changes are kept and sent later"))
                        .replace("%2", str(waiting)).replace("%3", when)
                        + self._warnings())
        warn = not connected or self.rejected or self.transport == "insecure"
        self.setStyleSheet("color: #b91c1c;" if self.rejected else
                           "color: #b45309;" if warn else "")

    def _warnings(self) -> str:
        out = ""
        if self.transport == "insecure":
            out += "\n" + self.tr("The connection does not check the server's certificate "
                                   "(db.allow_insecure_tls): someone on the network could pose as it.")
        if self.rejected:
            out += "\n" + self.tr("%n change(s) refused by the shared database and kept on this "
                                   "workstation (workstation sync status lists them):", "",
                                   self.rejected)
            if self.rejected_detail:
                out += "\n" + self.rejected_detail
        return out
