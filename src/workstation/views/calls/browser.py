"""The Calls tab: filters, the table of calls, the player and the call's context.

Online it reads the shared database (every call of the team the role may see,
row-level security deciding); offline, or with no shared database set, the
local store; the bar above the table says which. Answers the bus's drill-down
signals: ``sig_open_call`` selects the call (and loads its recording),
``sig_open_calls`` shows exactly those calls.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from datetime import datetime, time, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.services import browse as B
from workstation.views import labels, monitor, ops
from workstation.views.calls.context import CallContextPane
from workstation.views.calls.model import COLUMNS, CallIdRole, CallsModel
from workstation.views.calls.player import Player

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250

MONITOR_ACTIONS = monitor.offer_actions
"""What a live call's row menu adds: ``views.monitor.offer_actions(menu, ctx,
user_id)`` (Listen / Whisper / Barge for a supervisor or team lead; nothing for
anyone else). A module attribute so that a test can watch the call."""
_DIRECTIONS = ("in", "out")
_OUTCOMES = ("success", "no_answer", "busy", "error")
COLUMN_EM = (11, 11, 6, 14, 10, 7, 8, 8, 10, 6, 3, 5, 6, 5, 7, 8)


def index_of(combo: QComboBox, data) -> int:
    """The row holding ``data`` (QComboBox.findData cannot compare Python objects
    such as a uuid.UUID); -1 when none does."""
    for i in range(combo.count()):
        if combo.itemData(i) == data:
            return i
    return -1


def _day_start(d: QDate) -> datetime:
    local = datetime.combine(d.toPython(), time.min).astimezone()
    return local.astimezone(timezone.utc)


class CallsBrowser(QWidget):
    sig_source = Signal(str)
    """"shared" or "local": where the rows come from now."""
    sig_call_shown = Signal(object)
    """A call's context and recording are loaded (carries the call id)."""

    def __init__(self, ctx, parent=None, *, reader=None, cache=None,
                 page_size: int = B.PAGE_SIZE) -> None:
        super().__init__(parent)
        self.setObjectName("callsBrowser")
        self.ctx = ctx
        self.reader = reader
        """The shared database's read-only door (sync.browse.SharedReader) or None."""
        self.model = CallsModel(ctx, self, page_size=page_size)
        self.current_call: uuid.UUID | None = None
        self._pending_select: uuid.UUID | None = None
        self._choices: B.Choices | None = None
        self._lead_id: uuid.UUID | None = None
        self._call_ids: tuple[uuid.UUID, ...] = ()

        # -- the bar: where from, how many --------------------------------------------
        self.source_label = QLabel(self)
        self.source_label.setObjectName("sourceLabel")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.refresh_button = QPushButton(self)
        self.clear_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.source_label, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.clear_button)
        top.addWidget(self.refresh_button)

        # -- filters ------------------------------------------------------------------
        self.manager = QComboBox(self)
        self.manager.setObjectName("managerFilter")
        self.team = QComboBox(self)
        self.team.setObjectName("teamFilter")
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setSpecialValueText(" ")
            d.setMinimumDate(QDate(2000, 1, 1))
            d.setDate(d.minimumDate())
        self.direction = QComboBox(self)
        self.outcome = QComboBox(self)
        self.lead_type = QComboBox(self)
        self.min_minutes = QSpinBox(self)
        self.min_minutes.setRange(0, 600)
        self.min_minutes.setObjectName("minDuration")
        self.max_minutes = QSpinBox(self)
        self.max_minutes.setRange(0, 600)
        self.recording = QComboBox(self)
        self.min_score = QSpinBox(self)
        self.min_score.setRange(0, 100)
        self.unreviewed = QCheckBox(self)
        self.unreviewed.setObjectName("unreviewed")
        self.search = QLineEdit(self)
        self.search.setObjectName("callSearch")
        self.search.setClearButtonEnabled(True)
        self.lead_chip = QPushButton(self)
        self.lead_chip.setVisible(False)
        self._labels: list[tuple[QLabel, str]] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)

        def put(row, col, text, w):
            lab = QLabel(self)
            lab.setBuddy(w)
            self._labels.append((lab, text))
            grid.addWidget(lab, row, col)
            grid.addWidget(w, row, col + 1)

        # four filters a row: six did not fit a laptop's 1366 px in Russian
        put(0, 0, QT_TRANSLATE_NOOP("CallsBrowser", "Manager"), self.manager)
        put(0, 2, QT_TRANSLATE_NOOP("CallsBrowser", "Team"), self.team)
        put(0, 4, QT_TRANSLATE_NOOP("CallsBrowser", "From"), self.date_from)
        put(0, 6, QT_TRANSLATE_NOOP("CallsBrowser", "To"), self.date_to)
        put(1, 0, QT_TRANSLATE_NOOP("CallsBrowser", "Direction"), self.direction)
        put(1, 2, QT_TRANSLATE_NOOP("CallsBrowser", "Outcome"), self.outcome)
        put(1, 4, QT_TRANSLATE_NOOP("CallsBrowser", "Lead type"), self.lead_type)
        put(1, 6, QT_TRANSLATE_NOOP("CallsBrowser", "Recording"), self.recording)
        put(2, 0, QT_TRANSLATE_NOOP("CallsBrowser", "Talk from, min"), self.min_minutes)
        put(2, 2, QT_TRANSLATE_NOOP("CallsBrowser", "to, min"), self.max_minutes)
        put(2, 4, QT_TRANSLATE_NOOP("CallsBrowser", "Score from"), self.min_score)
        grid.addWidget(self.unreviewed, 2, 6, 1, 2)
        put(3, 0, QT_TRANSLATE_NOOP("CallsBrowser", "Search"), self.search)
        grid.addWidget(self.lead_chip, 3, 2, 1, 4)
        for c in (1, 3, 5, 7):
            grid.setColumnStretch(c, 1)
        for combo in (self.manager, self.team, self.direction, self.outcome, self.lead_type,
                      self.recording):
            # long names (a manager's, a lead type's) must not widen the window
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)

        # -- the table ----------------------------------------------------------------
        self.table = QTableView(self)
        self.table.setObjectName("callsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        # -- player and context ---------------------------------------------------------
        self.player = Player(ctx, self, cache=cache)
        self.player.install_keys(self.table)
        self.side = CallContextPane(self)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.player)
        lower.addWidget(self.side)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addLayout(grid)
        lay.addWidget(self.splitter, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        for combo in (self.manager, self.team, self.direction, self.outcome, self.lead_type,
                      self.recording):
            combo.currentIndexChanged.connect(self._debounce.start)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self._debounce.start)
        for w in (self.min_minutes, self.max_minutes, self.min_score):
            w.valueChanged.connect(self._debounce.start)
        self.unreviewed.toggled.connect(self._debounce.start)
        self.search.textChanged.connect(self._debounce.start)
        self.refresh_button.clicked.connect(self.go_online)
        self.clear_button.clicked.connect(self.clear_filters)
        self.lead_chip.clicked.connect(lambda: self.filter_lead(None))
        self.model.sig_count.connect(self._show_count)
        self.model.sig_error.connect(self._show_error)
        self.model.sig_page_loaded.connect(self._page_loaded)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._activated)  # double-click / Enter: play
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        bus = ops.bus()
        bus.sig_open_call.connect(self.open_call)
        bus.sig_open_calls.connect(self.open_calls)
        bus.sig_changed.connect(self._on_changed)

        self._shown_kind = "local"
        self._show_gen = 0
        self.reveal = None
        """Set by install(): brings the Calls tab to the front (drill-down)."""
        self._fill_static_combos()
        self.retranslate()

    # -- text ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        for lab, text in self._labels:
            lab.setText(self.tr(text))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the calls again (from the shared "
                                               "database when it can be reached)"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.unreviewed.setText(self.tr("Not yet reviewed"))
        self.search.setPlaceholderText(self.tr("Number or company"))
        self.model.retranslate()
        self._fit_columns()
        self.side.retranslate()
        self.player.retranslate()
        self._fill_static_combos()
        self._set_source_label(self._shown_kind)

    def _fit_columns(self) -> None:
        """Each column its width in em, never narrower than its (translated) title."""
        header = self.table.horizontalHeader()
        fm = header.fontMetrics()
        em = self.fontMetrics().horizontalAdvance("M")
        for col, width in enumerate(COLUMN_EM):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            header.resizeSection(col, max(int(width * em), fm.horizontalAdvance(title) + 22))

    def _fill_static_combos(self) -> None:
        def fill(combo, items):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            i = index_of(combo, keep)
            combo.setCurrentIndex(max(0, i))
            combo.blockSignals(False)

        any_text = self.tr("Any")
        fill(self.direction, [(any_text, None)]
             + [(labels.direction_label(d), d) for d in _DIRECTIONS])
        fill(self.outcome, [(any_text, None)] + [(labels.outcome_label(o), o) for o in _OUTCOMES])
        fill(self.lead_type, [(any_text, None), (self.tr("No type"), "")]
             + [(labels.lead_type_label(c), c) for c in labels.lead_type_codes()])
        fill(self.recording, [(any_text, None), (self.tr("With recording"), True),
                              (self.tr("Without"), False)])
        self._fill_people()

    def _fill_people(self) -> None:
        c = self._choices
        for combo, items in ((self.manager, c.people if c else []),
                             (self.team, c.teams if c else [])):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for item in items:
                combo.addItem(item[1], item[0])
            combo.setCurrentIndex(max(0, index_of(combo, keep)))
            combo.blockSignals(False)
        reviews = bool(c and c.reviews)
        self.unreviewed.setEnabled(reviews)
        self.min_score.setEnabled(reviews)
        if not reviews:
            tip = self.tr("Needs the call reviews (not in this database yet)")
            self.unreviewed.setToolTip(tip)
            self.min_score.setToolTip(tip)

    # -- source -------------------------------------------------------------------------
    def _set_source_label(self, kind: str) -> None:
        self._shown_kind = kind
        if kind == "shared":
            text = self.tr("Online: every call you may see, from the shared database")
        elif self.reader is None:
            text = self.tr("This workstation's calls (no shared database is set)")
        else:
            text = self.tr("Offline: the calls in this workstation's store; "
                           "the shared database cannot be reached")
        self.source_label.setText(text)

    def source_kind(self) -> str:
        return "shared" if self.model.source is not None else "local"

    def start(self) -> None:
        """First load: online when the shared database answers, else local."""
        self.go_online()

    def watch_sync(self, service) -> None:
        """Follow the sync service's connection (``sig_status``): back online when the
        shared database answers again, to the local store when it is lost."""
        service.sig_status.connect(self._sync_status)

    def _sync_status(self, connected: bool, _waiting: int, _last) -> None:
        if self.reader is None:
            return
        if connected and self.model.source is None:
            self.go_online()
        elif not connected and self.model.source is not None:
            self._use(None)

    def go_online(self) -> None:
        if self.reader is None:
            self._use(None)
            return
        reader = self.reader

        def check():
            reader.check()
            return True

        self.model.pending.add(ops.query(self, check, lambda _ok: self._use(reader),
                  lambda exc: (log.info("calls browser offline: %s", exc), self._use(None))))

    def _use(self, source) -> None:
        self.model.source = source
        kind = "shared" if source is not None else "local"
        self._set_source_label(kind)
        self.sig_source.emit(kind)
        ctx = self.ctx

        def got(choices):
            self._choices = choices
            self._fill_people()

        self.model.pending.add(ops.query(self, lambda: B.choices(ctx, source=source), got,
                                         lambda exc: None))
        self.apply_filter()

    # -- filters ------------------------------------------------------------------------
    def current_filter(self) -> B.CallFilter:
        df, dt = self.date_from.date(), self.date_to.date()
        sort_col = self.table.horizontalHeader().sortIndicatorSection()
        sort = COLUMNS[sort_col] if 0 <= sort_col < len(COLUMNS) else "started_at"
        if sort == "recording":
            sort = "started_at"
        desc = self.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        reviews = bool(self._choices and self._choices.reviews)
        return B.CallFilter(
            user_ids=(self.manager.currentData(),) if self.manager.currentData() else (),
            team_id=self.team.currentData(),
            date_from=_day_start(df) if df != self.date_from.minimumDate() else None,
            date_to=_day_start(dt.addDays(1)) if dt != self.date_to.minimumDate() else None,
            lead_id=self._lead_id, direction=self.direction.currentData(),
            outcome=self.outcome.currentData(), lead_type=self.lead_type.currentData(),
            min_seconds=self.min_minutes.value() * 60 or None,
            max_seconds=self.max_minutes.value() * 60 or None,
            has_recording=self.recording.currentData(),
            min_score=(self.min_score.value() or None) if reviews else None,
            unreviewed=self.unreviewed.isChecked() and reviews,
            call_ids=self._call_ids, search=self.search.text(), sort=sort, descending=desc)

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def set_filter(self, flt: B.CallFilter) -> None:
        """Drive the browser with a whole filter (tests, drill-down)."""
        self._lead_id, self._call_ids = flt.lead_id, flt.call_ids
        self.model.set_filter(flt)

    def clear_filters(self) -> None:
        widgets = (self.manager, self.team, self.direction, self.outcome, self.lead_type,
                   self.recording, self.date_from, self.date_to, self.min_minutes,
                   self.max_minutes, self.min_score, self.unreviewed, self.search)
        for w in widgets:
            w.blockSignals(True)
        for combo in (self.manager, self.team, self.direction, self.outcome, self.lead_type,
                      self.recording):
            combo.setCurrentIndex(0)
        for d in (self.date_from, self.date_to):
            d.setDate(d.minimumDate())
        for s in (self.min_minutes, self.max_minutes, self.min_score):
            s.setValue(0)
        self.unreviewed.setChecked(False)
        self.search.clear()
        for w in widgets:
            w.blockSignals(False)
        self._call_ids = ()
        self.filter_lead(None)

    def filter_lead(self, lead_id: uuid.UUID | None, name: str = "") -> None:
        self._lead_id = lead_id
        self.lead_chip.setVisible(lead_id is not None)
        self.lead_chip.setText(self.tr("Lead: %1 ✕").replace("%1", name or str(lead_id)))
        self.apply_filter()

    # -- drill-down ----------------------------------------------------------------------
    def open_calls(self, call_ids) -> None:
        self._call_ids = tuple(call_ids)
        self._show_tab()
        self.apply_filter()

    def open_call(self, call_id) -> None:
        self._show_tab()
        row = self.model.row_of(call_id)
        if row >= 0:
            self._select_row(row)
            return
        self._pending_select = call_id
        self._call_ids = (call_id,)
        self.apply_filter()

    def _show_tab(self) -> None:
        if self.reveal is not None:
            self.reveal()

    def _page_loaded(self, n: int) -> None:
        if self._pending_select is not None:
            row = self.model.row_of(self._pending_select)
            if row >= 0:
                self._pending_select = None
                self._select_row(row)

    def _select_row(self, row: int) -> None:
        idx = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(idx)

    # -- a call chosen -------------------------------------------------------------------
    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        call_id = self.model.data(current, CallIdRole)
        if call_id != self.current_call:
            self.show_call(call_id)

    def _activated(self, index) -> None:
        call_id = self.model.data(index, CallIdRole)
        if call_id == self.current_call and self.player.recording is not None:
            self.player.play()
        else:
            self.show_call(call_id, play=True)

    def show_call(self, call_id: uuid.UUID, *, play: bool = False) -> None:
        """Load the call's context and recording (``play``: then play it). A newer
        request drops the answers of older ones."""
        self.current_call = call_id
        self._show_gen += 1
        gen = self._show_gen
        ctx, src = self.ctx, self.model.source
        self.side.clear(self.tr("Loading…"))
        self.player.clear(self.tr("Loading…"))

        def work():
            return (B.context(ctx, call_id, source=src), B.recording(ctx, call_id, source=src))

        def done(result):
            if gen != self._show_gen:
                return
            context, rec = result
            if context is None:
                self.side.clear(self.tr("This call is not visible to you."))
                self.player.clear()
                return
            self.side.show_context(context)
            if rec is None:
                self.player.clear(self.tr("No recording of this call."))
            else:
                ring_ms = int((context.info.ring_seconds or 0) * 1000)
                self.player.open(call_id, rec, ring_ms=ring_ms, markers=context.markers,
                                 source=src, autoplay=play)
            self.sig_call_shown.emit(call_id)

        def failed(exc):
            if gen == self._show_gen:
                self.side.clear(self.tr("Could not read the call: %1").replace("%1", str(exc)))

        self.model.pending.add(ops.query(self, work, done, failed))

    def row_menu(self, row: int) -> QMenu:
        """The menu of a row: open the lead's card; monitoring for a live call (hook)."""
        r = self.model.call_row(row)
        menu = QMenu(self)
        act = menu.addAction(self.tr("Open the lead card"))
        act.setEnabled(r.lead_id is not None)
        act.triggered.connect(lambda: ops.bus().sig_open_lead.emit(r.lead_id))
        act = menu.addAction(self.tr("Show this lead's calls"))
        act.setEnabled(r.lead_id is not None)
        act.triggered.connect(lambda: self.filter_lead(r.lead_id, r.company))
        if r.live:
            MONITOR_ACTIONS(menu, self.ctx, r.user_id)
        return menu

    def _row_menu(self, pos) -> None:
        idx = self.table.indexAt(pos)
        if idx.isValid():
            self.row_menu(idx.row()).exec(self.table.viewport().mapToGlobal(pos))

    # -- other features ------------------------------------------------------------------
    def add_side_panel(self, title: str, widget: QWidget) -> int:
        """A tab beside the call's context (the review panel)."""
        return self.side.add_panel(title, widget)

    def _on_changed(self, changes) -> None:
        if changes.touches(ops.CALLS) and changes.source is not self:
            if self.model.source is None:  # the local store changed: show it
                self.model.refresh()

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("%n call(s)", "", n))

    def _show_error(self, message: str) -> None:
        self.count_label.setText(message)

    def shutdown(self) -> None:
        """Stop playback and background work, leave the bus; safe to call twice."""
        if getattr(self, "_shut", False):
            return
        self._shut = True
        self.model.pending.detach()
        self.player.shutdown()
        bus = ops.bus()
        for sig, slot in ((bus.sig_open_call, self.open_call),
                          (bus.sig_open_calls, self.open_calls),
                          (bus.sig_changed, self._on_changed)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        if self.reader is not None:
            self.reader.dispose()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.shutdown()
        super().closeEvent(event)
