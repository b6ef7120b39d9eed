"""The statistics table: one row per manager, then the team row (their sum).

Planned figures show "done / plan" on a background coloured by the pace for
the time of day (behind: red, on track: amber, ahead: green); the tooltip says
what the plan expects by now. A new report of the same people updates the
cells in place (dataChanged: the selection and the scroll stay)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from workstation.services import stats

translate = QCoreApplication.translate  # (lupdate reads translate("Context", "text"))

TITLES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Stats", "Manager"),
    "n_no_answer": QT_TRANSLATE_NOOP("Stats", "No answer"),
    "n_busy": QT_TRANSLATE_NOOP("Stats", "Busy"),
    "n_error": QT_TRANSLATE_NOOP("Stats", "Error"),
    "n_success": QT_TRANSLATE_NOOP("Stats", "Success"),
    "n_total": QT_TRANSLATE_NOOP("Stats", "Total"),
    "talk_success": QT_TRANSLATE_NOOP("Stats", "Talk time"),
    "talk_avg": QT_TRANSLATE_NOOP("Stats", "Average talk"),
    "dur_no_answer": QT_TRANSLATE_NOOP("Stats", "Call time: no answer"),
    "dur_busy": QT_TRANSLATE_NOOP("Stats", "Call time: busy"),
    "dur_error": QT_TRANSLATE_NOOP("Stats", "Call time: error"),
    "dur_success": QT_TRANSLATE_NOOP("Stats", "Call time: success"),
    "dur_total": QT_TRANSLATE_NOOP("Stats", "Call time"),
    "effective": QT_TRANSLATE_NOOP("Stats", "Effective calls"),
    "presentations": QT_TRANSLATE_NOOP("Stats", "Presentations"),
    "presentations_assigned": QT_TRANSLATE_NOOP("Stats", "Presentations assigned"),
    "invoices": QT_TRANSLATE_NOOP("Stats", "Invoices"),
    "invoices_assigned": QT_TRANSLATE_NOOP("Stats", "Invoices assigned"),
    "invoice_sum": QT_TRANSLATE_NOOP("Stats", "Invoice sum"),
    "decision_makers": QT_TRANSLATE_NOOP("Stats", "Decision-maker contacts"),
    "decision_makers_assigned": QT_TRANSLATE_NOOP("Stats", "Decision-maker contacts assigned"),
    "demo_accesses": QT_TRANSLATE_NOOP("Stats", "Demo accesses"),
    "demo_accesses_assigned": QT_TRANSLATE_NOOP("Stats", "Demo accesses assigned"),
    "warm_clients": QT_TRANSLATE_NOOP("Stats", "Warm clients"),
    "sales": QT_TRANSLATE_NOOP("Stats", "Sales"),
}
PLAN_TITLES = {"": QT_TRANSLATE_NOOP("Stats", "No plan"),
               "behind": QT_TRANSLATE_NOOP("Stats", "Behind the plan"),
               "on_track": QT_TRANSLATE_NOOP("Stats", "On track"),
               "ahead": QT_TRANSLATE_NOOP("Stats", "Ahead of the plan")}
PACE_COLOURS = {stats.Pace.BEHIND: QColor("#f8d0cc"), stats.Pace.ON_TRACK: QColor("#fbe8b4"),
                stats.Pace.AHEAD: QColor("#cdeccf")}

KeyRole = Qt.ItemDataRole.UserRole + 1
"""The figure's key (``n_success``, ``effective``...)."""
UserRole = Qt.ItemDataRole.UserRole + 2
"""The row's user id (None: the team row)."""
PaceRole = Qt.ItemDataRole.UserRole + 3
"""A planned figure's :class:`workstation.services.stats.Pace`."""


def tr(text: str) -> str:
    return translate("Stats", text)


def _num(v: float) -> str:
    return f"{int(v)}" if float(v).is_integer() else f"{v:.1f}"


def _money(v: float) -> str:
    return f"{v:,.2f}".replace(",", "\u202f")


class StatsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.columns = list(stats.COLUMNS)
        self.report: stats.Report | None = None
        self.rows: list[stats.Row] = []

    # -- feeding -------------------------------------------------------------------
    def set_report(self, rep: stats.Report) -> None:
        rows = [*rep.rows, rep.team]
        same = [r.user_id for r in rows] == [r.user_id for r in self.rows]
        self.report = rep
        if same and self.rows:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(rows) - 1, len(self.columns) - 1))
        else:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

    def key(self, column: int) -> str:
        return self.columns[column].key

    def row(self, row: int) -> stats.Row:
        return self.rows[row]

    # -- Qt model ------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return tr(TITLES[self.columns[section].key])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], self.columns[index.column()]
        team = r.user_id is None
        if role == KeyRole:
            return col.key
        if role == UserRole:
            return r.user_id
        cell = r.cells.get(col.key)
        if role == PaceRole:
            return cell.pace if cell is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col.kind == "text":
                return translate("Stats", "Team") if team else r.name
            v = r.value(col.key)
            if col.kind == "duration":
                return stats.hms(v)
            if col.kind == "money":
                return _money(v)
            if cell is not None and cell.plan is not None:
                return f"{_num(v)} / {_num(round(cell.plan, 1))}"
            return _num(v)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and cell is not None:
            colour = PACE_COLOURS.get(cell.pace)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and cell is not None and \
                cell.pace in PACE_COLOURS:
            return QBrush(QColor("#1d1d1d"))  # dark text on the light pace colours
        if role == Qt.ItemDataRole.FontRole and team:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell is not None and cell.plan is not None:
                return translate(
                    "Stats", "%1\nPlan for the period: %2\nExpected by now: %3\nDone: %4") \
                    .replace("%1", tr(PLAN_TITLES[cell.pace.value])) \
                    .replace("%2", _num(round(cell.plan, 1))) \
                    .replace("%3", _num(round(cell.expected or 0, 1))) \
                    .replace("%4", _num(cell.done))
            if col.kind != "text":
                return translate("Stats", "Double-click to see the calls behind this number")
        return None
