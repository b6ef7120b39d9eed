"""The lead list model: pages fetched on demand, queries off the GUI thread.

Qt asks ``canFetchMore``/``fetchMore`` when the view scrolls near the end; a
page of :data:`~workstation.store.leads.PAGE_SIZE` rows is read by keyset
(company, id) on a worker (``run_op``) and appended with beginInsertRows.
Each filter change starts a new *generation*: pages from an older one arrive
late and are dropped, so a slow query never overwrites a newer result.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timezone

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
    Signal,
)

from workstation.domain import phones as ph
from workstation.services import leads as L
from workstation.views import labels
from workstation.views import ops

log = logging.getLogger(__name__)


COL_COMPANY, COL_CONTACT, COL_PHONE, COL_TYPE, COL_STAGE, COL_OWNER, COL_NEXT = range(7)
LeadIdRole = Qt.ItemDataRole.UserRole + 1
"""data(index, LeadIdRole) → the lead's uuid.UUID."""
RowRole = Qt.ItemDataRole.UserRole + 2
"""data(index, RowRole) → the whole LeadRow."""


def format_local(dt) -> str:
    """An aware datetime in the user's local time, short locale format."""
    if dt is None:
        return ""
    qdt = QDateTime.fromSecsSinceEpoch(int(dt.astimezone(timezone.utc).timestamp()),
                                       QTimeZone.systemTimeZone())
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


class LeadListModel(QAbstractTableModel):
    sig_loading = Signal(bool)
    """True while a page is being read."""
    sig_page_loaded = Signal(int)
    """A page arrived and was inserted; carries its row count."""
    sig_count = Signal(int)
    """Total number of leads matching the filter (counted in the background)."""
    sig_error = Signal(str)
    """A query failed; carries a message for the user."""

    def __init__(self, ctx, parent=None, page_size: int = L.PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self._rows: list[L.LeadRow] = []
        self._filter = L.LeadFilter()
        self._generation = 0
        self._exhausted = False
        self._op = None
        self._count_op = None
        self._running: list[L.Interruptible] = []
        self._headers = self._make_headers()
        self._phone_text: dict[str, str] = {}

    def _display_phone(self, e164: str) -> str:
        """International display form, cached: formatting costs ~30 µs a call."""
        text = self._phone_text.get(e164)
        if text is None:
            if len(self._phone_text) > 20_000:
                self._phone_text.clear()
            text = self._phone_text[e164] = ph.display(e164) if e164 else ""
        return text

    # -- filter ---------------------------------------------------------
    def lead_filter(self) -> L.LeadFilter:
        return self._filter

    def set_filter(self, flt: L.LeadFilter) -> None:
        """Show the leads matching ``flt``: old rows go, the first page is read."""
        self._filter = flt
        self._generation += 1
        for op in (self._op, self._count_op):
            if op is not None:
                op.cancel()
        for query in self._running:
            query.interrupt()
        self._running = []
        self._op = self._count_op = None
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())
        self._start_count()

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def _start_count(self) -> None:
        gen, flt, ctx = self._generation, self._filter, self.ctx
        query = L.Interruptible()
        self._running.append(query)

        def done(n):
            if gen == self._generation:
                self.sig_count.emit(int(n))

        def finished(*_a):
            if query in self._running:
                self._running.remove(query)

        self._count_op = ops.query(self, lambda: L.count(ctx, flt, query), done,
                                   lambda exc: None)
        self._count_op.sig_done.connect(finished)
        self._count_op.sig_error.connect(finished)

    # -- fetching -------------------------------------------------------
    def is_loading(self) -> bool:
        return self._op is not None

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._exhausted or self._op is not None:
            return
        gen, flt, ctx, size = self._generation, self._filter, self.ctx, self.page_size
        after = self._rows[-1].key if self._rows else None

        query = L.Interruptible()
        self._running.append(query)

        def work(_progress, cancel):
            if cancel.is_set():
                return None
            return L.page(ctx, flt, after=after, limit=size, query=query)

        def finished(*_a):
            if query in self._running:
                self._running.remove(query)

        self.sig_loading.emit(True)
        self._op = ops.run_op(self, work,
                          on_done=lambda rows: self._page_done(gen, rows),
                          on_error=lambda exc: self._page_failed(gen, exc))
        self._op.sig_done.connect(finished)
        self._op.sig_error.connect(finished)

    def _page_done(self, gen: int, rows: list[L.LeadRow] | None) -> None:
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
        log.error("lead list query failed: %s", exc)
        self.sig_loading.emit(False)
        self.sig_error.emit(self.tr("Could not read the lead list: %1").replace("%1", str(exc)))

    # -- one row changed ------------------------------------------------
    def reload_lead(self, lead_id: uuid.UUID) -> None:
        """Re-read one lead after its card was saved and update its row in place."""
        ctx, gen = self.ctx, self._generation

        def done(new_row):
            if gen != self._generation or new_row is None:
                return
            for i, r in enumerate(self._rows):
                if r.id == lead_id:
                    self._rows[i] = new_row
                    self.dataChanged.emit(self.index(i, 0),
                                          self.index(i, self.columnCount() - 1))
                    return

        ops.query(self, lambda: L.row(ctx, lead_id), done)

    def row_of(self, lead_id: uuid.UUID) -> int:
        for i, r in enumerate(self._rows):
            if r.id == lead_id:
                return i
        return -1

    def lead_row(self, row: int) -> L.LeadRow:
        return self._rows[row]

    # -- QAbstractTableModel --------------------------------------------
    def _make_headers(self) -> list[str]:
        return [self.tr("Company"), self.tr("Contact"), self.tr("Phone"), self.tr("Type"),
                self.tr("Stage"), self.tr("Owner"), self.tr("Next contact")]

    def retranslate(self) -> None:
        self._headers = self._make_headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_COMPANY:
                return r.company
            if col == COL_CONTACT:
                return r.contact
            if col == COL_PHONE:
                return self._display_phone(r.phone)
            if col == COL_TYPE:
                return labels.lead_type_label(r.lead_type)
            if col == COL_STAGE:
                return labels.stage_label(r.stage_code, r.stage_name)
            if col == COL_OWNER:
                return r.owner
            if col == COL_NEXT:
                return format_local(r.next_contact_at)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_COMPANY:
            return r.company
        if role == LeadIdRole:
            return r.id
        if role == RowRole:
            return r
        return None
