"""The lead list: a search box, filters and the table over :class:`LeadListModel`.

Typing in the search box waits :data:`DEBOUNCE_MS` after the last key before
querying; a phone-looking text searches phones (any format, or the digits
typed so far as a prefix), anything else searches company and contact names.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timezone

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.services import leads as L
from workstation.views import labels, ops
from workstation.views.leadlist.model import LeadIdRole, LeadListModel

DEBOUNCE_MS = 250
_ANY = object()


class LeadTable(QTableView):
    """The table; Enter opens the current lead like a double-click."""

    sig_activated = Signal(object)
    """A lead was chosen to open (double-click or Enter); carries its uuid."""

    COLUMN_WIDTHS = (280, 180, 140, 210, 150, 150, 130)
    """Column widths on a wide screen; a narrower table shares its width in
    these proportions (never below MIN_COLUMN) until the user drags a column."""
    MIN_COLUMN = 70
    PHONE_COLUMN = 2
    """Keeps its width: a phone number cut short is no use."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._fitting = False
        self._user_sized = False

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        if self._user_sized or header.count() == 0:
            return
        widths = self.COLUMN_WIDTHS[:header.count()]
        fixed = self.PHONE_COLUMN if self.PHONE_COLUMN < len(widths) else None
        room = self.viewport().width() - (widths[fixed] if fixed is not None else 0)
        rest = sum(widths) - (widths[fixed] if fixed is not None else 0)
        scale = min(1.0, room / rest) if room > 0 else 1.0
        self._fitting = True
        try:
            for col, width in enumerate(widths):
                if col != fixed:
                    width = max(self.MIN_COLUMN, int(width * scale))
                header.resizeSection(col, width)
        finally:
            self._fitting = False

    def column_resized(self, column: int, _old: int, _new: int) -> None:
        # the last column stretches by itself whenever the table is resized
        if not self._fitting and column != self.horizontalHeader().count() - 1:
            self._user_sized = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_activated.emit(self.currentIndex().data(LeadIdRole))
            return
        super().keyPressEvent(event)


class LeadListWidget(QWidget):
    sig_open_lead = Signal(object)
    """The user asked to open a lead's card; carries the lead's uuid.UUID."""
    sig_status = Signal(str)
    """A short status text (lead count, errors) for the status bar."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = LeadListModel(ctx, self)
        self._choices = L.CardChoices((), ())
        self._count: int | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("leadSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("typeFilter")
        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("stageFilter")
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("ownerFilter")
        self.due_combo = QComboBox(self)
        self.due_combo.setObjectName("dueFilter")
        self.due_from = QDateEdit(QDate.currentDate(), self)
        self.due_to = QDateEdit(QDate.currentDate().addDays(7), self)
        for d in (self.due_from, self.due_to):
            d.setCalendarPopup(True)
            d.setVisible(False)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("leadCount")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.search, 3)
        for combo in (self.type_combo, self.stage_combo, self.owner_combo, self.due_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        for w in (self.type_combo, self.stage_combo, self.owner_combo, self.due_combo,
                  self.due_from, self.due_to):
            bar.addWidget(w, 1)
        bar.addWidget(self.count_label)
        self.reassignButton = QPushButton(self.tr("Reassign…"), self)
        self.reassignButton.setObjectName("reassignButton")
        self.reassignButton.setVisible(L.may_reassign(ctx))
        self.reassignButton.clicked.connect(self.reassign_selected)
        bar.addWidget(self.reassignButton)

        self.table = LeadTable(self)
        self.table.setObjectName("leadTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.fit_columns()
        header.sectionResized.connect(self.table.column_resized)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filter)
        for combo in (self.type_combo, self.stage_combo, self.owner_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.due_combo.currentIndexChanged.connect(self._due_changed)
        self.due_from.dateChanged.connect(lambda _d: self.apply_filter())
        self.due_to.dateChanged.connect(lambda _d: self.apply_filter())
        self.table.doubleClicked.connect(lambda idx: self.sig_open_lead.emit(idx.data(LeadIdRole)))
        self.table.sig_activated.connect(self.sig_open_lead)
        self.model.sig_count.connect(self._count_arrived)
        self.model.sig_error.connect(self.sig_status)
        self.model.sig_loading.connect(self._loading)

        self._filling = False
        self.retranslate()

    def selected_ids(self) -> list:
        return [i.data(LeadIdRole) for i in self.table.selectionModel().selectedRows()]

    def reassign_selected(self):
        """Reassign the selected leads (admin, team lead, supervisor)."""
        from workstation.views.leadlist.reassign import ReassignDialog  # (deferred: rare)

        ids = self.selected_ids()
        if not ids:
            self.sig_status.emit(self.tr("Select the leads to reassign first."))
            return None
        dialog = ReassignDialog(self.ctx, ids, self)
        dialog.sig_done.connect(lambda n: self.sig_status.emit(
            self.tr("%n leads reassigned", "", n)))
        dialog.open()
        return dialog

    # -- set-up ---------------------------------------------------------
    def start(self) -> None:
        """Read the first page and the stage/owner choices (both in the background)."""
        self.apply_filter()
        self.reload_choices()

    def reload_choices(self) -> None:
        ctx = self.ctx
        ops.query(self, lambda: L.choices(ctx), self._choices_arrived)

    def _choices_arrived(self, choices: L.CardChoices) -> None:
        self._choices = choices
        self._fill_combos()

    def _fill(self, combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData() if combo.count() else _ANY
        combo.clear()
        for text, value in items:
            combo.addItem(text, value)
        idx = next((i for i in range(combo.count()) if combo.itemData(i) == current), 0)
        combo.setCurrentIndex(idx)

    def _fill_combos(self) -> None:
        self._filling = True
        try:
            self._fill(self.type_combo,
                       [(self.tr("All types"), _ANY), (self.tr("No type yet"), "")]
                       + [(labels.lead_type_label(c), c) for c in labels.lead_type_codes()])
            self._fill(self.stage_combo, [(self.tr("All stages"), _ANY)]
                       + [(labels.stage_label(st.code, st.name), st.id)
                          for st in self._choices.stages])
            self._fill(self.owner_combo,
                       [(self.tr("All owners"), _ANY), (self.tr("Nobody"), L.NO_OWNER)]
                       + [(u.name, u.id) for u in self._choices.users])
            self._fill(self.due_combo, [
                (self.tr("Any next contact"), L.DUE_ANY),
                (self.tr("Due today"), L.DUE_TODAY),
                (self.tr("Overdue"), L.DUE_OVERDUE),
                (self.tr("Today or overdue"), L.DUE_TODAY_OR_OVERDUE),
                (self.tr("No date set"), L.DUE_NONE),
                (self.tr("Date range…"), L.DUE_RANGE)])
        finally:
            self._filling = False

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by phone (any format) or name…"))
        self.due_from.setToolTip(self.tr("Next contact from"))
        self.due_to.setToolTip(self.tr("Next contact up to and including"))
        self._fill_combos()
        self.model.retranslate()
        self._show_count()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- filtering ------------------------------------------------------
    def _due_changed(self, _i: int) -> None:
        is_range = self.due_combo.currentData() == L.DUE_RANGE
        self.due_from.setVisible(is_range)
        self.due_to.setVisible(is_range)
        self.apply_filter()

    @staticmethod
    def _value(combo: QComboBox):
        v = combo.currentData()
        return None if v is _ANY or combo.count() == 0 else v

    @staticmethod
    def _day_start(d: QDate) -> datetime:
        local = datetime.combine(d.toPython(), time(0)).astimezone()
        return local.astimezone(timezone.utc)

    def current_filter(self) -> L.LeadFilter:
        due = self.due_combo.currentData() or L.DUE_ANY
        due_from = due_to = None
        if due == L.DUE_RANGE:
            due_from = self._day_start(self.due_from.date())
            due_to = self._day_start(self.due_to.date().addDays(1))
        stage = self._value(self.stage_combo)
        owner = self._value(self.owner_combo)
        return L.LeadFilter(
            lead_type=self._value(self.type_combo),
            stage_id=stage if isinstance(stage, uuid.UUID) else None,
            owner_id=owner if isinstance(owner, uuid.UUID) else None,
            due=due, due_from=due_from, due_to=due_to,
            search=self.search.text().strip(), region=self.ctx.region)

    def apply_filter(self) -> None:
        if self._filling:
            return
        self._debounce.stop()
        self._count = None
        self.model.set_filter(self.current_filter())

    def _loading(self, busy: bool) -> None:
        if self._count is not None:
            return
        if busy:
            self.count_label.setText(self.tr("Searching…"))
        elif self.model.canFetchMore():
            self.count_label.setText(self.tr("Counting…"))
        else:  # every matching lead is already in the list
            self._count = self.model.rowCount()
            self._show_count()

    def _count_arrived(self, n: int) -> None:
        self._count = n
        self._show_count()

    def _show_count(self) -> None:
        if self._count is None:
            self.count_label.setText("")
            return
        text = self.tr("%Ln lead(s)", "", self._count)
        if self._count == 0:
            flt = self.model.lead_filter()
            empty_base = flt == L.LeadFilter(region=flt.region)
            self.count_label.setText(
                self.tr("No leads yet: File → Import leads…") if empty_base
                else self.tr("Nothing matches"))
            self.sig_status.emit(self.count_label.text())
            return
        self.count_label.setText(text)
        self.sig_status.emit(text)
