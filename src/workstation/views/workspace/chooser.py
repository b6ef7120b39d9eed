"""A short chooser when a number matches several leads."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from workstation.domain.phones import display
from workstation.services.calls import Match


class LeadChooserDialog(QDialog):
    def __init__(self, number: str, matches: list[Match], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("leadChooser")
        self.setWindowTitle(self.tr("Which client is calling?"))
        self.list = QListWidget(self)
        self.list.setObjectName("chooserList")
        for m in matches:
            who = " — ".join(x for x in (m.company, m.contact) if x) or self.tr("(no name)")
            item = QListWidgetItem(f"{who}\n{', '.join(display(p) for p in m.phones)}")
            item.setData(Qt.ItemDataRole.UserRole, m.lead_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%1 matches %2 leads:").replace("%1", display(number))
                                .replace("%2", str(len(matches))), self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
