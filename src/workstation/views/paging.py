"""A table model over keyset pages, fetched on demand off the GUI thread.

Qt asks ``canFetchMore`` / ``fetchMore`` when the view nears the end; one page
of ``page_size`` rows is read on a worker (``ops.run_op``) after the last row's
keyset key and appended with beginInsertRows. The total is counted beside it
(``ops.query``). Each filter change starts a new *generation*: pages and counts
of an older one arrive late and are dropped, so a slow query never overwrites
a newer result.

A subclass says how to read (:meth:`PagedTableModel._page_reader`,
:meth:`PagedTableModel._count_reader`), what a failure tells the user
(:meth:`PagedTableModel._error_text`, translated in the subclass so its tr()
context stays the subclass's name) and how its cells look. This base holds no
user-facing string.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from workstation.views import ops

log = logging.getLogger(__name__)


class PagedTableModel(QAbstractTableModel):
    sig_loading = Signal(bool)
    """True while a page is being read."""
    sig_page_loaded = Signal(int)
    """A page arrived and was inserted; carries its row count."""
    sig_count = Signal(int)
    """Total number of rows matching the filter (counted in the background)."""
    sig_error = Signal(str)
    """A query failed; carries a message for the user."""

    _log: logging.Logger = log
    """Where a failed page is logged (a subclass names its own module's logger)."""
    _what: str = "paged table"
    """What a failed page is logged as: "<_what> query failed: <error>"."""

    def __init__(self, ctx, parent, page_size: int, flt: Any, *,
                 wait_for_filter: bool = False) -> None:
        """``wait_for_filter``: nothing is fetched before the first :meth:`set_filter`."""
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self._rows: list = []
        self._filter = flt
        self._generation = 0
        self._exhausted = wait_for_filter
        self._op = None
        self._count_op = None
        self._running: list = []
        """Interruptible handles (:meth:`_new_query`) of the reads under way."""
        self._headers = self._make_headers()

    # -- hooks --------------------------------------------------------------------
    def _page_reader(self, after, limit: int, query) -> Callable[[], list]:
        """Called on the GUI thread: the read of the page after key ``after`` (None:
        the first), at most ``limit`` rows, as a function the worker calls. Capture
        here what the read needs (filter, source): the worker touches no model state.
        ``query`` is :meth:`_new_query`'s handle (or None) for the read to attach to."""
        raise NotImplementedError

    def _count_reader(self, query) -> Callable[[], int]:
        """As :meth:`_page_reader`: the count of every row the filter matches."""
        raise NotImplementedError

    def _error_text(self, exc: BaseException) -> str:
        """The message :attr:`sig_error` carries when a page fails (translated)."""
        raise NotImplementedError

    def _make_headers(self) -> list[str]:
        """The column titles (translated); their count is the column count."""
        raise NotImplementedError

    def _new_query(self):
        """A handle a read can attach to so that a newer filter interrupts it (an
        object with ``interrupt()``), or None when the reads cannot be interrupted."""
        return None

    def _track(self, op):
        """Every op this model starts passes here; returns it."""
        return op

    @staticmethod
    def _row_key(row):
        """The keyset key the next page starts after."""
        return row.key

    # -- filter ---------------------------------------------------------------------
    def set_filter(self, flt) -> None:
        """Show the rows matching ``flt``: old rows go, the first page is read."""
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

    def _hold(self, query) -> None:
        """A read with ``query`` is about to start: a newer filter interrupts it."""
        if query is not None:
            self._running.append(query)

    def _started(self, op, query) -> None:
        """``op`` reads with ``query``: the handle is let go when the op ends."""
        if query is None:
            return

        def finished(*_a):
            if query in self._running:
                self._running.remove(query)

        op.sig_done.connect(finished)
        op.sig_error.connect(finished)

    def _start_count(self) -> None:
        gen, query = self._generation, self._new_query()
        read = self._count_reader(query)
        self._hold(query)
        self._count_op = self._track(ops.query(self, read, lambda n: self._count_done(gen, n),
                                               lambda exc: None))
        self._started(self._count_op, query)

    def _count_done(self, gen: int, n) -> None:
        if gen == self._generation:
            self.sig_count.emit(int(n))

    # -- fetching -------------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._op is not None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt API)
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 (Qt API)
        if parent.isValid() or self._exhausted or self._op is not None:
            return
        gen, query = self._generation, self._new_query()
        after = self._row_key(self._rows[-1]) if self._rows else None
        read = self._page_reader(after, self.page_size, query)
        self._hold(query)

        def work(_progress, cancel):
            if cancel.is_set():
                return None
            return read()

        self.sig_loading.emit(True)
        self._op = self._track(ops.run_op(
            self, work, on_done=lambda rows: self._page_done(gen, rows),
            on_error=lambda exc: self._page_failed(gen, exc)))
        self._started(self._op, query)

    def _page_done(self, gen: int, rows: list | None) -> None:
        if gen != self._generation:
            return  # stale: a newer filter started meanwhile
        rows = rows or []
        if len(rows) < self.page_size:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            # The page stays "under way" until its rows are in: a fetchMore from a
            # rowsAboutToBeInserted slot (QAbstractItemModelTester makes one) would
            # otherwise read the same page again after the old last row.
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self._op = None
            self.endInsertRows()
        else:
            self._op = None
        self.sig_loading.emit(False)
        self.sig_page_loaded.emit(len(rows))

    def _page_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._generation:
            return
        self._op = None
        self._exhausted = True
        self._log.error("%s query failed: %s", self._what, exc)
        self.sig_loading.emit(False)
        self.sig_error.emit(self._error_text(exc))

    # -- rows -----------------------------------------------------------------------
    def row_of(self, row_id) -> int:
        """The row whose ``id`` is ``row_id``; -1 when it is not loaded."""
        for i, r in enumerate(self._rows):
            if r.id == row_id:
                return i
        return -1

    # -- QAbstractTableModel --------------------------------------------------------
    def retranslate(self) -> None:
        self._headers = self._make_headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
