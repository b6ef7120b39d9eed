"""The history pane: earlier contacts with the lead, newest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from workstation.services.calls import HistoryRow
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
    """Rows of :func:`workstation.store.history.history_for_lead`, newest first."""

    COLUMNS = ("date", "manager", "direction", "outcome", "talk", "notes")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._text: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[HistoryRow]) -> None:
        """One model reset; the cell texts are formatted here once, so that
        painting (and size hints) only look strings up."""
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: r.at, reverse=True)
        self._text = [self._texts(r) for r in self._rows]
        self.endResetModel()

    def _texts(self, r: HistoryRow) -> tuple[str, ...]:
        notes = r.notes.replace("\n", " ")
        return (format_local(r.at), r.manager,
                labels.direction_label(r.direction) if r.direction else "",
                self._outcome(r), format_duration(r.talk_seconds),
                ("🎧 " + notes) if r.recording_path else notes)

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
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[index.row()][index.column()]
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[index.column()] == "notes":
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
        self.view.setWordWrap(False)
        # No per-pop measuring: fixed row height, fixed column widths (the user
        # may drag them), notes stretch. ResizeToContents would ask every cell
        # of every row for its size hint on each model reset.
        vheader = self.view.verticalHeader()
        vheader.hide()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fit_columns()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.activated.connect(self._activated)
        self.open_with_system_player = True

    WIDTHS_EM = (11, 9, 6, 11, 4)
    """Date, manager, direction, outcome, talk time; notes take the rest."""
    NOTES_EM = 12

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_columns()

    def _fit_columns(self) -> None:
        """The fixed widths, narrowed (down to 60 %) when the pane is narrow (a laptop
        screen), so that the notes stay in view without a sideways scroll. Runs on a
        resize, never on a pop."""
        em = self.fontMetrics().horizontalAdvance("M")
        room = self.view.viewport().width() if self.isVisible() else 0
        total = sum(self.WIDTHS_EM) * em
        scale = 1.0
        if room and total + self.NOTES_EM * em > room:
            scale = max(0.6, (room - self.NOTES_EM * em) / total)
        header = self.view.horizontalHeader()
        for col, width in enumerate(self.WIDTHS_EM):
            header.resizeSection(col, int(width * em * scale))

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
