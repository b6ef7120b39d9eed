"""The live team board (VICIdial's real-time report): who is available, ringing,
on a call (with whom, how long), in wrap-up, on a break or offline, and today's
figures; sortable; a double-click opens the current call's lead.

It never polls: it re-reads when the change bus says presence or calls changed
(sync's NOTIFY-woken pulls, announced by the call center, and this
workstation's own writes); between reads the model's clock ticks each second.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain import presence as P
from workstation.services import board as board_service
from workstation.views import ops
from workstation.views.board.model import COL_NAME, COL_STATE, SORT_ROLE, BoardModel

log = logging.getLogger(__name__)

monitor_hook: Callable | None = None
"""``views.monitor.offer_actions(menu, ctx, user_id)`` (contracts.md): set by the
integrator once the monitor branch is on main (``views.board.set_monitor_hook``).
Until then the context menu shows Listen / Whisper / Barge disabled, saying why."""


class BoardView(QWidget):
    sig_error = Signal(str)
    """A read failed (the message)."""

    def __init__(self, ctx, *, sync=None, stale_s: float = P.STALE_S, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("teamBoard")
        self.ctx = ctx
        self.stale_s = stale_s
        self.model = BoardModel(self, stale_s=stale_s)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("boardTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_STATE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line per manager; the tooltip has the whole detail
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.doubleClicked.connect(self._double_clicked)
        self.title = QLabel(self)
        self.title.setObjectName("boardTitle")
        self.as_of = QLabel(self)
        self.as_of.setObjectName("boardAsOf")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.as_of)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        self._loading = self._dirty = False
        self._connected = True
        self._last_sync = None
        self.refreshes = 0
        """Reads of the board done (tests: the board re-read on a change, not a timer)."""
        ops.bus().sig_changed.connect(self._on_changed)
        if sync is not None:
            sync.sig_status.connect(self._sync_status)
        self.retranslate()
        self.refresh()

    # -- reading ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the rows (in the background); a change during a read reads again after."""
        if self._loading:
            self._dirty = True
            return
        self._loading, self._dirty = True, False
        ctx, stale = self.ctx, self.stale_s  # (the work holds no widget: a worker drops it)
        ops.query(self, lambda: board_service.board(ctx, stale_s=stale),
                  self._loaded, self._failed)

    def _loaded(self, rows) -> None:
        self._loading = False
        self.refreshes += 1
        self.model.set_rows(rows)
        self._show_as_of()
        if self._dirty:
            self.refresh()

    def _failed(self, exc) -> None:
        self._loading = False
        log.warning("team board not read: %s", exc)
        self.sig_error.emit(str(exc))
        if self._dirty:
            self.refresh()

    def _on_changed(self, changes) -> None:
        if changes.touches(ops.PRESENCE, ops.CALLS, ops.USERS, ops.CONFIG):
            self.refresh()

    def _sync_status(self, connected: bool, _waiting: int, last_sync) -> None:
        self._connected, self._last_sync = connected, last_sync
        self._show_as_of()

    def _show_as_of(self) -> None:
        if not self._connected and self._last_sync is not None:
            self.as_of.setText(self.tr("Shared database unreachable: as of %1").replace(
                "%1", self._last_sync.astimezone().strftime("%H:%M:%S")))
            self.as_of.setStyleSheet("color: #c62828")
        elif self.model.refreshed_at is not None:
            self.as_of.setText(self.tr("Updated %1").replace(
                "%1", self.model.refreshed_at.astimezone().strftime("%H:%M:%S")))
            self.as_of.setStyleSheet("")

    # -- acting on a row ---------------------------------------------------------------
    def _source_row(self, proxy_index) -> int:
        return self.proxy.mapToSource(proxy_index).row() if proxy_index.isValid() else -1

    def _double_clicked(self, proxy_index) -> None:
        self.open_lead_of(self._source_row(proxy_index))

    def open_lead_of(self, row: int) -> bool:
        """Drill-down: the row's current call's lead card (bus ``sig_open_lead``)."""
        if row < 0:
            return False
        r = self.model.rows[row]
        if r.lead_id is None or self.model.state_of(row) not in (P.ON_CALL, P.RINGING, P.WRAPUP):
            return False
        ops.bus().sig_open_lead.emit(r.lead_id)
        return True

    def build_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        r = self.model.rows[row]
        open_act = menu.addAction(self.tr("Open the lead of this call"))
        open_act.setEnabled(r.lead_id is not None
                            and self.model.state_of(row) in (P.ON_CALL, P.RINGING, P.WRAPUP))
        open_act.triggered.connect(lambda: self.open_lead_of(row))
        menu.addSeparator()
        if monitor_hook is not None:
            monitor_hook(menu, self.ctx, r.user_id)
        else:
            placeholder = menu.addAction(self.tr("Listen / Whisper / Barge"))
            placeholder.setObjectName("monitorPlaceholder")
            placeholder.setEnabled(False)
            placeholder.setToolTip(self.tr("Call monitoring is not installed on this workstation."))
        return menu

    def _menu(self, pos) -> None:
        row = self._source_row(self.table.indexAt(pos))
        if row < 0:
            return
        self.build_menu(row).popup(self.table.viewport().mapToGlobal(pos))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Team board: today"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COL_NAME + 8)
        self._show_as_of()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
