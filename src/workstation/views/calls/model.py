"""The calls browser's table model: keyset pages fetched on demand, off the GUI thread.

As the lead list (views/leadlist/model.py): Qt asks ``canFetchMore`` /
``fetchMore`` when the view nears the end; a page is read on a worker
(``ops.run_op``) from the current source (the shared database or the local
store) and appended. Each filter, sort or source change starts a new
generation; pages of an older one are dropped when they arrive.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from workstation.services import browse as B
from workstation.views import labels, ops
from workstation.views.leadlist.model import format_local

log = logging.getLogger(__name__)

COLUMNS = ("started_at", "manager", "team", "company", "number", "direction", "outcome",
           "result", "lead_type", "duration", "recording", "codec", "jitter", "loss",
           "security", "score")
"""Column keys, in order; every one but "recording" is also a sort key."""
CallIdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2


class Pending:
    """The background operations a view started and has not heard back from.

    ``detach()`` (the view is closing) lets each still running one finish on its
    own, unparented and silenced: its result goes nowhere instead of to a widget
    being deleted (a worker emitting on a deleted op would raise)."""

    def __init__(self) -> None:
        self._ops: list = []

    def add(self, op):
        self._ops = [o for o in self._ops if not o.finished.is_set()]
        self._ops.append(op)
        return op

    def detach(self) -> None:
        for op in self._ops:
            if not op.finished.is_set():
                op.blockSignals(True)
                op.setParent(None)
                _DETACHED.append(op)  # kept alive until its worker is done with it
        self._ops = []
        _DETACHED[:] = [o for o in _DETACHED if not o.finished.is_set()]


_DETACHED: list = []


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class CallsModel(QAbstractTableModel):
    sig_loading = Signal(bool)
    """True while a page is being read."""
    sig_page_loaded = Signal(int)
    """A page arrived and was inserted; carries its row count."""
    sig_count = Signal(int)
    """Calls matching the filter (counted in the background)."""
    sig_error = Signal(str)
    """A query failed; carries a message for the user."""

    def __init__(self, ctx, parent=None, page_size: int = B.PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.source = None
        """None: the local store; else a shared-database reader (sync.browse)."""
        self._rows: list[B.CallRow] = []
        self._filter = B.CallFilter()
        self._generation = 0
        self._exhausted = True
        self._op = None
        self._headers = self._make_headers()
        self.pending = Pending()

    # -- filter and source --------------------------------------------------------
    def call_filter(self) -> B.CallFilter:
        return self._filter

    def set_source(self, source) -> None:
        self.source = source
        self.refresh()

    def set_filter(self, flt: B.CallFilter) -> None:
        """Show the calls matching ``flt``: old rows go, the first page is read."""
        self._filter = flt
        self._generation += 1
        if self._op is not None:
            self._op.cancel()
        self._op = None
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())
        self._start_count()

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def _start_count(self) -> None:
        gen, flt, ctx, src = self._generation, self._filter, self.ctx, self.source

        def done(n):
            if gen == self._generation:
                self.sig_count.emit(int(n))

        self.pending.add(ops.query(self, lambda: B.count(ctx, flt, source=src), done,
                                   lambda exc: None))

    # -- fetching -----------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._op is not None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt API)
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 (Qt API)
        if parent.isValid() or self._exhausted or self._op is not None:
            return
        gen, flt, ctx, size, src = (self._generation, self._filter, self.ctx, self.page_size,
                                    self.source)
        after = self._rows[-1].key if self._rows else None

        def work(_progress, cancel):
            if cancel.is_set():
                return None
            return B.page(ctx, flt, after=after, limit=size, source=src)

        self.sig_loading.emit(True)
        self._op = self.pending.add(ops.run_op(
            self, work, on_done=lambda rows: self._page_done(gen, rows),
            on_error=lambda exc: self._page_failed(gen, exc)))

    def _page_done(self, gen: int, rows: list[B.CallRow] | None) -> None:
        if gen != self._generation:
            return  # stale: a newer filter started meanwhile
        self._op = None
        rows = rows or []
        if len(rows) < self.page_size:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.sig_loading.emit(False)
        self.sig_page_loaded.emit(len(rows))

    def _page_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self._op = None
        self._exhausted = True
        log.error("calls browser query failed: %s", exc)
        self.sig_loading.emit(False)
        self.sig_error.emit(self.tr("Could not read the calls: %1").replace("%1", str(exc)))

    def row_of(self, call_id: uuid.UUID) -> int:
        for i, r in enumerate(self._rows):
            if r.id == call_id:
                return i
        return -1

    def call_row(self, row: int) -> B.CallRow:
        return self._rows[row]

    # -- sorting ------------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column]
        if key == "recording":
            return
        self.set_filter(replace(self._filter, sort=key,
                                descending=order == Qt.SortOrder.DescendingOrder))

    # -- QAbstractTableModel ------------------------------------------------------
    def _make_headers(self) -> list[str]:
        return [self.tr("Started"), self.tr("Manager"), self.tr("Team"), self.tr("Company"),
                self.tr("Number"), self.tr("Direction"), self.tr("Outcome"), self.tr("Result"),
                self.tr("Lead type"), self.tr("Duration"), self.tr("Rec."), self.tr("Codec"),
                self.tr("Jitter, ms"), self.tr("Loss, %"), self.tr("Security"),
                self.tr("Score")]

    def retranslate(self) -> None:
        self._headers = self._make_headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _text(self, r: B.CallRow, key: str) -> str:
        if key == "started_at":
            return format_local(r.started_at)
        if key == "manager":
            return r.manager
        if key == "team":
            return r.team
        if key == "company":
            return r.company
        if key == "number":
            return r.remote_number
        if key == "direction":
            return labels.direction_label(r.direction)
        if key == "outcome":
            return labels.outcome_label(r.outcome)
        if key == "result":
            return labels.result_label(r.result)
        if key == "lead_type":
            return labels.lead_type_label(r.lead_type)
        if key == "duration":
            return duration_text(r.talk_seconds)
        if key == "recording":
            return "●" if r.has_recording else ""
        if key == "codec":
            return r.codec
        if key == "jitter":
            return "" if r.jitter_ms is None else f"{r.jitter_ms:.1f}"
        if key == "loss":
            return "" if r.loss_pct is None else f"{r.loss_pct:.1f}"
        if key == "security":
            return labels.call_security_short(r.signalling_tls, r.media_security)
        if key == "score":
            if r.score is not None:
                return f"{r.score:.0f}"
            return self.tr("not reviewed") if r.reviewed is False else ""
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "score" and r.score is None:
            return QColor(Qt.GlobalColor.gray)
        if role == Qt.ItemDataRole.ToolTipRole and key == "security":
            return labels.call_security_label(r.signalling_tls, r.media_security)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in (
                "duration", "jitter", "loss", "score", "recording"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CallIdRole:
            return r.id
        if role == RowRole:
            return r
        return None
