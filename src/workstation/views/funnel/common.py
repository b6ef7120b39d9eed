"""Parts both analytics tabs use: a table model of cells that know what is behind
them (drill-down), a titled table panel with CSV/XLSX export, a horizontal bar
chart drawn with QPainter, and the drill-down list dialog.

A :class:`Cell` carries the text shown, the value exported (numbers stay
numbers in XLSX), and ``drill``: ``("leads" | "calls", fn)`` where ``fn()`` is
a service call returning the ids behind the number; it runs off the GUI thread
(``ops.query``). Leads open in the list dialog (a row opens its card through
``ops.bus().sig_open_lead``); calls go to ``ops.bus().sig_open_calls`` and, when
nothing answers that signal (no calls browser), to the list dialog as well.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
    SIGNAL,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation import tables
from workstation.services import funnel as funnel_svc
from workstation.services import scriptstats as script_svc
from workstation.views import labels, ops

log = logging.getLogger(__name__)

DrillRole = Qt.ItemDataRole.UserRole + 1
OUTLIER = QColor("#ffcdd2")
WORST = QColor("#ffe0b2")


@dataclass
class Cell:
    text: str
    value: Any = None
    """What the export writes (None: the text)."""
    drill: tuple[str, Callable[[], list]] | None = None
    background: QColor | None = None
    tip: str = ""
    bold: bool = False
    muted: bool = False

    @property
    def export(self) -> Any:
        return self.text if self.value is None else self.value


class CellModel(QAbstractTableModel):
    """Rows of :class:`Cell` under a header."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.header: list[str] = []
        self.header_tips: list[str] = []
        self.rows: list[list[Cell]] = []

    def set_rows(self, header: Sequence[str], rows: list[list[Cell]],
                 tips: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self.header, self.rows = list(header), rows
        self.header_tips = list(tips) + [""] * (len(header) - len(tips))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.header)

    def cell(self, row: int, col: int) -> Cell:
        return self.rows[row][col]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.text
        if role == Qt.ItemDataRole.BackgroundRole and c.background is not None:
            return QBrush(c.background)
        if role == Qt.ItemDataRole.ForegroundRole:
            if c.background is not None:
                return QBrush(QColor("#000000"))
            if c.muted:
                return QBrush(QColor("#808080"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if c.tip:
                return c.tip
            return QCoreApplication.translate(
                "FunnelCells", "Double-click: what is behind this number") if c.drill else None
        if role == Qt.ItemDataRole.FontRole and c.bold:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DrillRole:
            return c.drill
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or section >= len(self.header):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips[section] or None
        return None

    def export_rows(self):
        return ([c.export for c in row] for row in self.rows)

    def export_header(self) -> list[str]:
        return [h.replace("\n", " ") for h in self.header]


# -- the table panel ------------------------------------------------------------------------

class TablePanel(QWidget):
    """A title, an Export button and a table of cells; double-click drills down."""

    sig_drill = Signal(object)
    """A cell's ``drill`` tuple: ("leads" | "calls", fn)."""
    sig_exported = Signal(str, int)
    """(path, rows) once an export is written."""
    sig_error = Signal(str)

    def __init__(self, name: str, parent=None, *, stretch: int | None = 0) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.stretch = stretch
        """The column that takes the spare width (None: none does)."""
        self.title = QLabel(self)
        self.title.setObjectName(f"{name}Title")
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName(f"{name}Export")
        self.model = CellModel(self)
        self.view = QTableView(self)
        self.view.setObjectName(f"{name}Table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(False)
        self.model.modelReset.connect(self._stretch)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.activated.connect(self._double_clicked)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        self.tools = top
        top.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        self.export_button.clicked.connect(self.export)
        self.sheet = name
        self.retranslate()

    def _stretch(self) -> None:
        if self.stretch is not None and self.stretch < self.model.columnCount():
            self.view.horizontalHeader().setSectionResizeMode(
                self.stretch, QHeaderView.ResizeMode.Stretch)

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save this table as CSV or XLSX"))

    def _double_clicked(self, index) -> None:
        drill = index.data(DrillRole) if index.isValid() else None
        if drill:
            self.sig_drill.emit(drill)

    def export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the table"), f"{self.sheet}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if path:
            if not path.lower().endswith((".csv", ".xlsx")):
                path += ".csv" if "csv" in chosen.lower() else ".xlsx"
            self.export_to(path)

    def export_to(self, path: str):
        """Write the table (off the GUI thread; formulas escaped, 0600, atomic)."""
        header, rows = self.model.export_header(), [list(r) for r in self.model.export_rows()]
        return ops.run_op(
            self, lambda _p, cancel: tables.write_table(path, header, rows, sheet=self.sheet[:31],
                                                        cancel=cancel),
            lambda n: self.sig_exported.emit(path, int(n)),
            lambda exc: self.sig_error.emit(self.tr("Export failed: %1").replace("%1", str(exc))))


# -- bars ------------------------------------------------------------------------------------

@dataclass
class Bar:
    label: str
    value: float
    """The long (light) bar."""
    inner: float = 0.0
    """The short (dark) bar drawn over it."""
    text: str = ""
    highlight: bool = False


class BarChart(QWidget):
    """Horizontal bars, one row each: a light bar (``value``) with a dark one over it
    (``inner``), a label at the left and a text at the right. Click: ``sig_clicked``."""

    sig_clicked = Signal(int)
    """The row index of the bar clicked."""

    ROW = 21

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.bars: list[Bar] = []
        self.legend = ("", "")
        self.setMouseTracking(True)
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[Bar], legend: tuple[str, str] = ("", "")) -> None:
        self.bars, self.legend = bars, legend
        self.setMinimumHeight(self.ROW * (len(bars) + 1) + 8)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(420, self.ROW * (len(self.bars) + 1) + 8)

    def _geometry(self):
        fm = self.fontMetrics()
        label_w = min(max([fm.horizontalAdvance(b.label) for b in self.bars] or [0]) + 12,
                      int(self.width() * 0.35))
        text_w = max([fm.horizontalAdvance(b.text) for b in self.bars] or [0]) + 12
        return label_w, text_w

    def row_at(self, y: float) -> int:
        i = int((y - 4) // self.ROW)
        return i if 0 <= i < len(self.bars) else -1

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        i = self.row_at(event.position().y())
        if i >= 0:
            self.sig_clicked.emit(i)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        label_w, text_w = self._geometry()
        width = max(10, self.width() - label_w - text_w - 8)
        top = max([b.value for b in self.bars] + [b.inner for b in self.bars] + [1])
        light, dark = QColor("#90caf9"), QColor("#1565c0")
        fm = self.fontMetrics()
        for i, b in enumerate(self.bars):
            y = 4 + i * self.ROW
            rect = QRectF(0, y, label_w - 6, self.ROW)
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       fm.elidedText(b.label, Qt.TextElideMode.ElideRight, int(rect.width())))
            bar_h = self.ROW - 8
            if b.highlight:
                p.fillRect(QRectF(label_w - 4, y + 1, width + 8, self.ROW - 2), WORST)
            p.fillRect(QRectF(label_w, y + 4, width * b.value / top, bar_h), light)
            p.fillRect(QRectF(label_w, y + 4, width * b.inner / top, bar_h), dark)
            p.drawText(QRectF(label_w + width + 6, y, text_w, self.ROW),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), b.text)
        y = 4 + len(self.bars) * self.ROW
        x = label_w
        for color, text in ((light, self.legend[0]), (dark, self.legend[1])):
            if not text:
                continue
            p.fillRect(QRectF(x, y + 8, 12, 10), color)
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(QRectF(x + 16, y, fm.horizontalAdvance(text) + 4, self.ROW),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            x += fm.horizontalAdvance(text) + 36
        p.end()


# -- drill-down ------------------------------------------------------------------------------

class DrillDialog(QDialog):
    """The leads or calls behind a number: a list (exportable); a row opens the lead's
    card (``sig_open_lead``) or the call (``sig_open_call``) through the bus."""

    def __init__(self, ctx, kind: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDialog")
        self.ctx, self.kind = ctx, kind
        self.ids: list[uuid.UUID] = []
        self.setWindowTitle(title)
        self.panel = TablePanel("drillList", self)
        self.panel.title.setText(title)
        self.panel.sig_drill.connect(self._open)
        self.status = QLabel(self)
        self.status.setObjectName("drillStatus")
        self.panel.sig_exported.connect(lambda path, n: self.status.setText(
            self.tr("%1 rows written to %2").replace("%1", str(n)).replace("%2", path)))
        self.panel.sig_error.connect(self.status.setText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.panel, 1)
        lay.addWidget(self.status)
        lay.addWidget(buttons)
        self.resize(820, 460)

    def load(self, ids: list[uuid.UUID]) -> None:
        self.ids = list(ids)
        self.status.setText(self.tr("Loading…"))
        svc = funnel_svc.lead_lines if self.kind == "leads" else script_svc.call_lines
        ops.query(self, lambda: svc(self.ctx, self.ids), self._show,
                  lambda exc: self.status.setText(str(exc)))

    def _show(self, lines) -> None:
        if self.kind == "leads":
            header = [self.tr("Company"), self.tr("Base"), self.tr("Lead type"),
                      self.tr("Stage"), self.tr("Manager")]
            rows = [[Cell(ln.company, drill=("lead", ln.id)), Cell(ln.source),
                     Cell(labels.lead_type_label(ln.lead_type)),
                     Cell(labels.stage_label(None, ln.stage)), Cell(ln.manager)]
                    for ln in lines]
        else:
            header = [self.tr("Started"), self.tr("Manager"), self.tr("Company"),
                      self.tr("Outcome"), self.tr("Result"), self.tr("Talk")]
            rows = [[Cell(c.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                          c.started_at.astimezone().replace(tzinfo=None), ("call", c.id)),
                     Cell(c.manager), Cell(c.company), Cell(labels.outcome_label(c.outcome)),
                     Cell(labels.result_label(c.result)),
                     Cell(hms(c.talk_seconds), c.talk_seconds)] for c in lines]
        self.panel.model.set_rows(header, rows)
        self.status.setText(self.tr("%1 shown; double-click a row to open it")
                            .replace("%1", str(len(rows))))

    def _open(self, drill) -> None:
        kind, the_id = drill
        if kind == "lead":
            ops.bus().sig_open_lead.emit(the_id)
        else:
            ops.bus().sig_open_call.emit(the_id)


def calls_answered() -> bool:
    """Something (the calls browser) answers ``sig_open_calls``."""
    return ops.bus().receivers(SIGNAL("sig_open_calls(PyObject)")) > 0


def hms(seconds: float | None) -> str:
    if seconds is None:
        return ""
    s = int(round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def pct(share: float | None, digits: int = 1) -> str:
    return "" if share is None else f"{100.0 * share:.{digits}f} %"


class DrillRunner:
    """Runs a cell's drill off the GUI thread and shows what it found."""

    def __init__(self, owner: QWidget, ctx) -> None:
        self.owner, self.ctx = owner, ctx
        self.dialogs: list[DrillDialog] = []

    def run(self, drill, title: str) -> None:
        kind, fn = drill
        ops.query(self.owner, fn, lambda ids: self.show(kind, list(ids), title),
                  lambda exc: log.error("drill-down failed: %s", exc))

    def show(self, kind: str, ids: list, title: str) -> DrillDialog | None:
        if kind == "calls":
            ops.bus().sig_open_calls.emit(ids)
            if calls_answered():
                return None
        dlg = DrillDialog(self.ctx, kind, title, self.owner)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dlg.destroyed.connect(lambda _o=None, d=dlg: self.dialogs.remove(d)
                              if d in self.dialogs else None)
        self.dialogs.append(dlg)
        dlg.load(ids)
        dlg.show()
        return dlg
