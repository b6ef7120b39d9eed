"""The team board's table model: one row per manager, the time in state ticking.

Rows come from ``services.board.board`` (a background query, run when the change
bus says presence or calls changed: sync's NOTIFY-woken pulls and local writes);
between them a one-second timer only repaints the clock and the colour
(a heartbeat gone stale turns the row offline), with no query.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from workstation.domain import presence as P
from workstation.domain.presence import utcnow
from workstation.views.board.labels import COLOURS, hms, reason_label, state_label

(COL_NAME, COL_STATE, COL_DETAIL, COL_TIME, COL_CALLS, COL_SUCCESS, COL_TALK, COL_EFFECTIVE,
 COL_OCCUPANCY) = range(9)
HEADERS = (QT_TRANSLATE_NOOP("BoardModel", "Manager"), QT_TRANSLATE_NOOP("BoardModel", "State"),
           QT_TRANSLATE_NOOP("BoardModel", "With whom / reason"),
           QT_TRANSLATE_NOOP("BoardModel", "Time in state"),
           QT_TRANSLATE_NOOP("BoardModel", "Calls"), QT_TRANSLATE_NOOP("BoardModel", "Success"),
           QT_TRANSLATE_NOOP("BoardModel", "Talk time"),
           QT_TRANSLATE_NOOP("BoardModel", "Effective / plan"),
           QT_TRANSLATE_NOOP("BoardModel", "Occupancy"))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ORDER = {s: i for i, s in enumerate((P.ON_CALL, P.RINGING, P.WRAPUP, P.AVAILABLE,
                                           P.BREAK, P.OFFLINE))}


class BoardModel(QAbstractTableModel):
    sig_refreshed = Signal()
    """New rows arrived (a query's result was applied)."""

    def __init__(self, parent=None, *, stale_s: float = P.STALE_S,
                 clock=utcnow) -> None:
        super().__init__(parent)
        self.rows: list = []
        self.stale_s = stale_s
        self.clock = clock
        self.now: datetime = clock()
        self.refreshed_at: datetime | None = None
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self.tick)
        self.tick_timer.start()

    # -- data in ------------------------------------------------------------------
    def set_rows(self, rows: list) -> None:
        self.now = self.clock()
        old = [r.user_id for r in self.rows]
        if old == [r.user_id for r in rows]:
            self.rows = list(rows)
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, COL_OCCUPANCY))
        else:
            self.beginResetModel()
            self.rows = list(rows)
            self.endResetModel()
        self.refreshed_at = self.now
        self.sig_refreshed.emit()

    def tick(self) -> None:
        """Each second: the clock and the states that went stale; no query."""
        self.now = self.clock()
        if self.rows:
            self.dataChanged.emit(self.index(0, COL_STATE), self.index(len(self.rows) - 1,
                                                                      COL_TIME))

    # -- what a row shows -----------------------------------------------------------
    def state_of(self, row: int) -> str:
        return self.rows[row].shown_state(self.now, self.stale_s)

    def row_of(self, user_id) -> int:
        for i, r in enumerate(self.rows):
            if r.user_id == user_id:
                return i
        return -1

    def seconds_in_state(self, row: int) -> float | None:
        since = self.rows[row].shown_since(self.now, self.stale_s)
        return (self.now - since).total_seconds() if since is not None else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("BoardModel", HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        state = self.state_of(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col, state, index.row())
        if role == SORT_ROLE:
            return self._sort_key(r, col, state, index.row())
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_STATE, COL_TIME):
            return QColor(COLOURS.get(state, "#000000"))
        if role == Qt.ItemDataRole.FontRole and col == COL_STATE:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= COL_TIME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_DETAIL:
            return self._text(r, col, state, index.row()) or None
        return None

    def _text(self, r, col: int, state: str, row: int) -> str:
        if col == COL_NAME:
            return r.name
        if col == COL_STATE:
            return "● " + state_label(state)
        if col == COL_DETAIL:
            if state == P.OFFLINE:
                return ""
            if state == P.BREAK:
                return reason_label(r.detail)
            return " · ".join(x for x in (r.company, r.detail) if x)
        if col == COL_TIME:
            return hms(self.seconds_in_state(row))
        if col == COL_CALLS:
            return str(r.calls)
        if col == COL_SUCCESS:
            return str(r.success)
        if col == COL_TALK:
            return hms(r.talk_seconds)
        if col == COL_EFFECTIVE:
            return f"{r.effective} / {r.plan}"
        if col == COL_OCCUPANCY:
            return "" if r.occupancy is None else f"{r.occupancy * 100:.0f} %"
        return ""

    def _sort_key(self, r, col: int, state: str, row: int):
        if col == COL_NAME:
            return r.name.casefold()
        if col == COL_STATE:
            return STATE_ORDER.get(state, 99)
        if col == COL_DETAIL:
            return self._text(r, col, state, row).casefold()
        if col == COL_TIME:
            return self.seconds_in_state(row) or 0.0
        return {COL_CALLS: r.calls, COL_SUCCESS: r.success, COL_TALK: r.talk_seconds,
                COL_EFFECTIVE: (r.effective / r.plan) if r.plan else r.effective,
                COL_OCCUPANCY: r.occupancy if r.occupancy is not None else -1.0}[col]
