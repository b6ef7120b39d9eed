"""Reassign a selection of leads from the Leads tab (admin, team lead,
supervisor): to one manager, evenly among several, or to a team's shared pool
(services.leads.reassign; every lead's history keeps the move)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
)

from workstation.services import admin
from workstation.views import ops


class ReassignDialog(QDialog):
    sig_done = Signal(int)
    """How many leads moved."""

    def __init__(self, ctx, lead_ids, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reassignDialog")
        self.setWindowTitle(self.tr("Reassign %n leads", "", len(lead_ids)))
        self.ctx, self.lead_ids = ctx, list(lead_ids)
        self.toManagers = QRadioButton(self.tr("To the managers ticked (evenly, in turn)"), self)
        self.toManagers.setObjectName("reassignToManagers")
        self.toManagers.setChecked(True)
        self.managers = QListWidget(self)
        self.managers.setObjectName("reassignManagers")
        self.toPool = QRadioButton(self.tr("To a team's shared pool"), self)
        self.toPool.setObjectName("reassignToPool")
        self.teamCombo = QComboBox(self)
        self.teamCombo.setObjectName("reassignTeam")
        self.noteEdit = QLineEdit(self)
        self.noteEdit.setObjectName("reassignNote")
        self.noteEdit.setPlaceholderText(self.tr("Why (kept in each lead's history)"))
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("reassignError")
        self.errorLabel.setStyleSheet("color: #b00020")
        self.errorLabel.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reassign"))
        form = QFormLayout()
        form.addRow(self.toManagers)
        form.addRow(self.managers)
        form.addRow(self.toPool, self.teamCombo)
        form.addRow(self.tr("Note:"), self.noteEdit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.reassign)
        self.buttons.rejected.connect(self.reject)
        ops.query(self, lambda: (admin.users(ctx), admin.teams(ctx)), self._loaded)

    def _loaded(self, got) -> None:
        users, teams = got
        for u in users:
            if u.active and u.role == "manager":
                item = QListWidgetItem(f"{u.full_name or u.login} ({u.team or '—'})")
                item.setData(Qt.ItemDataRole.UserRole, u.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.managers.addItem(item)
        for t in teams:
            if self.ctx.user.role == "admin" or t.id == self.ctx.user.team_id:
                self.teamCombo.addItem(t.name, t.id)

    def tick(self, *logins_or_names: str) -> None:
        """Tick managers by the text shown (tests, keyboard users)."""
        for i in range(self.managers.count()):
            item = self.managers.item(i)
            if any(item.text().startswith(n) for n in logins_or_names):
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list:
        return [self.managers.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.managers.count())
                if self.managers.item(i).checkState() == Qt.CheckState.Checked]

    def reassign(self) -> None:
        owners = self.chosen() if self.toManagers.isChecked() else []
        team = self.teamCombo.currentData() if self.toPool.isChecked() else None
        if self.toManagers.isChecked() and not owners:
            self.errorLabel.setText(self.tr("Tick at least one manager."))
            return
        if self.toPool.isChecked() and team is None:
            self.errorLabel.setText(self.tr("Choose a team."))
            return
        self.buttons.setEnabled(False)

        def done(n):
            self.sig_done.emit(n)
            self.accept()

        def failed(exc):
            self.buttons.setEnabled(True)
            self.errorLabel.setText(self.tr("Not reassigned: %1").replace("%1", str(exc)))

        ops.reassign(self, self.ctx, self.lead_ids, owners=owners, team_id=team,
                     note=self.noteEdit.text(), on_done=done, on_error=failed)
