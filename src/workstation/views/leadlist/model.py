"""The lead list model: pages fetched on demand, queries off the GUI thread.

Qt asks ``canFetchMore``/``fetchMore`` when the view scrolls near the end; a
page of :data:`~workstation.store.leads.PAGE_SIZE` rows is read by keyset
(company, id) on a worker (``run_op``) and appended with beginInsertRows.
Each filter change starts a new *generation*: pages from an older one arrive
late and are dropped, so a slow query never overwrites a newer result. The
paging itself is :class:`~workstation.views.paging.PagedTableModel`'s.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timezone

from PySide6.QtCore import (
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimeZone,
)

from workstation.domain import phones as ph
from workstation.services import leads as L
from workstation.views import labels
from workstation.views import ops
from workstation.views.paging import PagedTableModel

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


class LeadListModel(PagedTableModel):
    """The leads matching a :class:`~workstation.services.leads.LeadFilter`, by
    keyset (company, id); a newer filter interrupts the running SQLite reads."""

    _log = log
    _what = "lead list"

    def __init__(self, ctx, parent=None, page_size: int = L.PAGE_SIZE) -> None:
        super().__init__(ctx, parent, page_size, L.LeadFilter())
        self._phone_text: dict[str, str] = {}

    def _display_phone(self, e164: str) -> str:
        """International display form, cached: formatting costs ~30 µs a call."""
        text = self._phone_text.get(e164)
        if text is None:
            if len(self._phone_text) > 20_000:
                self._phone_text.clear()
            text = self._phone_text[e164] = ph.display(e164) if e164 else ""
        return text

    # -- filter and reads (PagedTableModel) ---------------------------------
    def lead_filter(self) -> L.LeadFilter:
        return self._filter

    def _new_query(self) -> L.Interruptible:
        return L.Interruptible()

    def _page_reader(self, after, limit, query):
        ctx, flt = self.ctx, self._filter
        return lambda: L.page(ctx, flt, after=after, limit=limit, query=query)

    def _count_reader(self, query):
        ctx, flt = self.ctx, self._filter
        return lambda: L.count(ctx, flt, query)

    def _error_text(self, exc: BaseException) -> str:
        return self.tr("Could not read the lead list: %1").replace("%1", str(exc))

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

    def lead_row(self, row: int) -> L.LeadRow:
        return self._rows[row]

    # -- QAbstractTableModel --------------------------------------------
    def _make_headers(self) -> list[str]:
        return [self.tr("Company"), self.tr("Contact"), self.tr("Phone"), self.tr("Type"),
                self.tr("Stage"), self.tr("Owner"), self.tr("Next contact")]

    def retranslate(self) -> None:
        super().retranslate()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

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
