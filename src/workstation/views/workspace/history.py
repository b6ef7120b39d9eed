"""The history pane: earlier contacts with the lead, newest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from workstation.store.workspace import HistoryRow
from workstation.views import labels
from workstation.views.leadlist.model import format_local

RowRole = Qt.ItemDataRole.UserRole + 1
"""data(index, RowRole) → the HistoryRow."""
RecordingRole = Qt.ItemDataRole.UserRole + 2
"""data(index, RecordingRole) → the recording's path ("" when none)."""


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    s = int(round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class HistoryModel(QAbstractTableModel):
    """Rows of :func:`workstation.store.workspace.history_for_lead`, newest first."""

    COLUMNS = ("date", "manager", "direction", "outcome", "talk", "notes")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: r.at, reverse=True)
        self.endResetModel()

    def history_row(self, row: int) -> HistoryRow:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Manager"), self.tr("Direction"), self.tr("Outcome"),
                self.tr("Talk"), self.tr("Notes"))[section]

    def _outcome(self, r: HistoryRow) -> str:
        if r.kind != "call":
            text = labels.history_kind_label(r.kind)
            if r.field in ("stage", "stage_id") and r.new_value:
                return f"{text}: {labels.stage_label(r.new_value, r.new_value)}"
            if r.field == "lead_type" and r.new_value:
                return f"{text}: {labels.lead_type_label(r.new_value)}"
            return text
        parts = [labels.outcome_label(r.outcome)] if r.outcome else []
        if r.result:
            parts.append(labels.result_label(r.result))
        return " · ".join(parts)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "date":
                return format_local(r.at)
            if col == "manager":
                return r.manager
            if col == "direction":
                return labels.direction_label(r.direction) if r.direction else ""
            if col == "outcome":
                return self._outcome(r)
            if col == "talk":
                return format_duration(r.talk_seconds)
            if col == "notes":
                text = r.notes.replace("\n", " ")
                return ("🎧 " + text) if r.recording_path and col == "notes" else text
        if role == Qt.ItemDataRole.ToolTipRole and col == "notes":
            tip = r.notes
            if r.recording_path:
                tip = (tip + "\n" if tip else "") + self.tr("Double-click to play the recording")
            return tip or None
        if role == RowRole:
            return r
        if role == RecordingRole:
            return r.recording_path
        return None


class HistoryPane(QWidget):
    sig_open_recording = Signal(str)
    """A row with a recording was activated; carries the recording's path."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("historyView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.activated.connect(self._activated)
        self.open_with_system_player = True

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.model.set_rows(rows)

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        path = self.model.data(index, RecordingRole)
        if path:
            self.open_recording(path)

    def open_recording(self, path: str) -> None:
        self.sig_open_recording.emit(path)
        if self.open_with_system_player:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
