"""The calls browser's table model: keyset pages fetched on demand, off the GUI thread.

As the lead list (views/leadlist/model.py): Qt asks ``canFetchMore`` /
``fetchMore`` when the view nears the end; a page is read on a worker
(``ops.run_op``) from the current source (the shared database or the local
store) and appended. Each filter, sort or source change starts a new
generation; pages of an older one are dropped when they arrive. The paging
itself is :class:`~workstation.views.paging.PagedTableModel`'s.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from workstation.services import browse as B
from workstation.views import labels
from workstation.views.leadlist.model import format_local
from workstation.views.paging import PagedTableModel

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


class CallsModel(PagedTableModel):
    """The calls matching a :class:`~workstation.services.browse.CallFilter`, from
    :attr:`source`; nothing is read before the first :meth:`set_filter`."""

    _log = log
    _what = "calls browser"

    def __init__(self, ctx, parent=None, page_size: int = B.PAGE_SIZE) -> None:
        super().__init__(ctx, parent, page_size, B.CallFilter(), wait_for_filter=True)
        self.source = None
        """None: the local store; else a shared-database reader (sync.browse)."""
        self.pending = Pending()

    # -- filter and source --------------------------------------------------------
    def call_filter(self) -> B.CallFilter:
        return self._filter

    def set_source(self, source) -> None:
        self.source = source
        self.refresh()

    # -- reads (PagedTableModel) --------------------------------------------------
    def _track(self, op):
        return self.pending.add(op)

    def _page_reader(self, after, limit, _query):
        ctx, flt, src = self.ctx, self._filter, self.source
        return lambda: B.page(ctx, flt, after=after, limit=limit, source=src)

    def _count_reader(self, _query):
        ctx, flt, src = self.ctx, self._filter, self.source
        return lambda: B.count(ctx, flt, source=src)

    def _error_text(self, exc: BaseException) -> str:
        return self.tr("Could not read the calls: %1").replace("%1", str(exc))

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
