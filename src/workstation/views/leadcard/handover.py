"""Hand a lead over from its card: to a manager or to a team's shared pool, with a
reason and a note that land in the lead's history (services.leads.hand_over; in
the shared database the move goes through ws_assign_lead's rules)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from workstation.services import admin, leads
from workstation.views import ops

_CTX = "HandOver"
REASONS = {
    "region": QT_TRANSLATE_NOOP("HandOver", "Another team's region"),
    "language": QT_TRANSLATE_NOOP("HandOver", "The client speaks another language"),
    "product": QT_TRANSLATE_NOOP("HandOver", "Another team sells this product"),
    "absent": QT_TRANSLATE_NOOP("HandOver", "I am away"),
    "client_asked": QT_TRANSLATE_NOOP("HandOver", "The client asked for someone else"),
    "other": QT_TRANSLATE_NOOP("HandOver", "Other"),
}


class HandOverDialog(QDialog):
    sig_done = Signal(object)
    """The lead was handed over; carries its id."""

    def __init__(self, ctx, lead_id: uuid.UUID, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("handOverDialog")
        self.setWindowTitle(self.tr("Hand the lead over"))
        self.ctx, self.lead_id = ctx, lead_id
        self.toCombo = QComboBox(self)
        self.toCombo.setObjectName("handOverTo")
        self.reasonCombo = QComboBox(self)
        self.reasonCombo.setObjectName("handOverReason")
        for code, text in REASONS.items():
            self.reasonCombo.addItem(QCoreApplication.translate(_CTX, text), code)
        self.noteEdit = QPlainTextEdit(self)
        self.noteEdit.setObjectName("handOverNote")
        self.noteEdit.setPlaceholderText(self.tr("What the new manager should know"))
        self.noteEdit.setMaximumHeight(100)
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("handOverError")
        self.errorLabel.setStyleSheet("color: #b00020")
        self.errorLabel.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Hand over"))
        form = QFormLayout()
        form.addRow(self.tr("To:"), self.toCombo)
        form.addRow(self.tr("Reason:"), self.reasonCombo)
        form.addRow(self.tr("Note:"), self.noteEdit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.hand_over)
        self.buttons.rejected.connect(self.reject)
        ops.query(self, lambda: (leads.choices(ctx).users, admin.teams(ctx)), self._loaded)

    def _loaded(self, got) -> None:
        users, teams = got
        for u in users:
            if u.id != self.ctx.user.id:
                self.toCombo.addItem(self.tr("Manager: %1").replace("%1", u.name), ("user", u.id))
        for t in teams:
            self.toCombo.addItem(self.tr("Shared pool of team %1").replace("%1", t.name),
                                 ("team", t.id))

    def hand_over(self) -> None:
        to = self.toCombo.currentData()
        note = self.noteEdit.toPlainText().strip()
        if to is None:
            self.errorLabel.setText(self.tr("Choose who takes the lead."))
            return
        if not note:
            self.errorLabel.setText(self.tr("Write a note for the new manager."))
            return
        self.errorLabel.clear()
        self.buttons.setEnabled(False)
        kind, target = to

        def done(_event_id):
            self.sig_done.emit(self.lead_id)
            self.accept()

        def failed(exc):
            self.buttons.setEnabled(True)
            self.errorLabel.setText(self.tr("Not handed over: %1").replace("%1", str(exc)))

        ops.hand_over(self, self.ctx, self.lead_id,
                      to_user_id=target if kind == "user" else None,
                      to_team_id=target if kind == "team" else None, note=note,
                      reason=self.reasonCombo.currentData(), on_done=done, on_error=failed)
