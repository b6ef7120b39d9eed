"""Occupancy report: time in each state per manager and day, for a day or a range;
exported to CSV/XLSX with ``workstation.tables.write_table``."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from PySide6.QtCore import QDate, QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain import presence as P
from workstation.services import board as board_service
from workstation.tables import write_table
from workstation.views import ops
from workstation.views.board.labels import hms, state_label

_CTX = "OccupancyReport"
_COLUMNS = (QT_TRANSLATE_NOOP("OccupancyReport", "Manager"),
            QT_TRANSLATE_NOOP("OccupancyReport", "Day"))
_TAIL = (QT_TRANSLATE_NOOP("OccupancyReport", "Logged in"),
         QT_TRANSLATE_NOOP("OccupancyReport", "Occupancy"))


def local_range(first: QDate, last: QDate) -> tuple[datetime, datetime]:
    """Local days [first, last] as an aware UTC half-open interval."""
    tz = datetime.now().astimezone().tzinfo
    lo = datetime.combine(first.toPython(), time.min, tzinfo=tz)
    hi = datetime.combine(last.toPython() + timedelta(days=1), time.min, tzinfo=tz)
    return lo.astimezone(timezone.utc), hi.astimezone(timezone.utc)


class OccupancyReport(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("occupancyReport")
        self.ctx = ctx
        self.rows: list = []
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today, self)
        self.to_edit = QDateEdit(today, self)
        for e in (self.from_edit, self.to_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
            e.dateChanged.connect(self.refresh)
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        self.status = QLabel(self)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSortingEnabled(True)
        top = QHBoxLayout()
        for w in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        ops.bus().sig_changed.connect(self._on_changed)  # (a method: dropped with the widget)
        self.retranslate()
        self.refresh()

    def _on_changed(self, changes) -> None:
        if changes.touches(ops.PRESENCE):
            self.refresh()

    def refresh(self, *_args) -> None:
        lo, hi = local_range(self.from_edit.date(), max(self.to_edit.date(),
                                                          self.from_edit.date()))
        ctx = self.ctx  # (the work holds no widget: a worker thread drops it)
        ops.query(self, lambda: board_service.occupancy_report(ctx, lo, hi), self._show,
                  lambda exc: self.status.setText(str(exc)))

    def _show(self, rows) -> None:
        self.rows = rows
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [r.name, r.day, *(hms(r.seconds[s]) for s in P.STATES), hms(r.logged_in),
                     "" if r.occupancy is None else f"{r.occupancy * 100:.0f} %"]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.setSortingEnabled(True)

    def export(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export occupancy"),
                                                  "occupancy.xlsx",
                                                  self.tr("Excel (*.xlsx);;CSV (*.csv)"))
            if not path:
                return
        rows = [board_service.occupancy_cells(r) for r in self.rows]
        header = board_service.OCCUPANCY_HEADER
        ops.run_op(self, lambda _p, cancel: write_table(path, header, rows, sheet="occupancy",
                                                        cancel=cancel),
                   lambda n: self.status.setText(self.tr("%1 rows written").replace("%1", str(n))),
                   lambda exc: self.status.setText(self.tr("Not exported: %1")
                                                   .replace("%1", str(exc))))

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.export_button.setText(self.tr("Export…"))
        heads = [QCoreApplication.translate(_CTX, c) for c in _COLUMNS]
        heads += [state_label(s) for s in P.STATES]
        heads += [QCoreApplication.translate(_CTX, c) for c in _TAIL]
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
