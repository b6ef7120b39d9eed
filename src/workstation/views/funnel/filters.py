"""The filter row both analytics tabs start with: team, manager, a period (dates in
this computer's time zone, the end day included), Refresh, and "as of" (when the
numbers shown were read). The choices come from ``services.funnel.choices``, so a
team lead is offered only their team."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workstation.services import funnel as svc
from workstation.services.funnel import Interruptible, QueryCancelled


class LiveReads(QObject):
    """The background reads of a tab: one at a time (a new read interrupts the one
    before it; the Stop button the current one), numbered so that a late result of
    an older read is dropped, and live: changes on the bus start a read after
    ``delay_ms``, or one more after the read under way, never a pile of them."""

    def __init__(self, owner, bar: FilterBar, reload, delay_ms: int) -> None:
        super().__init__(owner)
        self.bar, self.seq = bar, 0
        self.query: Interruptible | None = None
        self.busy = self.again = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(reload)
        bar.cancel.clicked.connect(self.stop)

    def begin(self) -> tuple[int, Interruptible]:
        """A new read: its number and the handle that interrupts it."""
        self.timer.stop()
        self.busy, self.again = True, False
        self.seq += 1
        if self.query is not None:
            self.query.interrupt()
        self.query = Interruptible()
        self.bar.cancel.setVisible(True)
        return self.seq, self.query

    def stop(self) -> None:
        if self.query is not None:
            self.query.interrupt()

    def changed(self) -> None:
        """The bus says the data changed."""
        if self.busy:
            self.again = True
        else:
            self.timer.start()

    def ended(self, seq: int | None) -> bool:
        """Read ``seq`` ended (None: a read outside the numbering); False when a newer
        read replaced it (its result is dropped)."""
        if seq is not None and seq != self.seq:
            return False
        self.busy = False
        self.query = None
        self.bar.cancel.setVisible(False)
        if self.again:
            self.again = False
            self.timer.start()
        return True

    @staticmethod
    def cancelled(exc: BaseException) -> bool:
        return isinstance(exc, QueryCancelled)


def combo(parent, name: str) -> QComboBox:
    c = QComboBox(parent)
    c.setObjectName(name)
    c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    c.setMinimumContentsLength(8)
    return c


def fill(c: QComboBox, everybody: str, items, keep=None) -> None:
    """``items``: (data, text); the first entry is ``everybody`` (data None)."""
    keep = c.currentData() if keep is None else keep
    c.blockSignals(True)
    c.clear()
    if everybody:
        c.addItem(everybody, None)
    for data, text in items:
        c.addItem(text, data)
    c.setCurrentIndex(max(index_of(c, keep), 0))
    c.blockSignals(False)


def index_of(c: QComboBox, data) -> int:
    """The row holding ``data`` (findData does not compare Python objects such as UUIDs)."""
    if data is None:
        return -1
    return next((i for i in range(c.count()) if c.itemData(i) == data), -1)


class FilterBar(QWidget):
    sig_changed = Signal()
    """A filter changed or Refresh was pressed: read again."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.team = combo(self, "teamFilter")
        self.manager = combo(self, "managerFilter")
        self.period = QCheckBox(self)
        self.period.setObjectName("periodFilter")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30), self)
        self.date_from.setObjectName("dateFrom")
        self.date_to = QDateEdit(today, self)
        self.date_to.setObjectName("dateTo")
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
        self.refresh = QPushButton(self)
        self.refresh.setObjectName("refreshButton")
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.setVisible(False)
        self.as_of = QLabel(self)
        self.as_of.setObjectName("asOf")
        self.team_label, self.manager_label = QLabel(self), QLabel(self)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        self.lay, self.row2 = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(self.lay)
        rows.addLayout(self.row2)
        for w in (self.team_label, self.team, self.manager_label, self.manager):
            self.lay.addWidget(w)
        self.extras = QHBoxLayout()
        self.lay.addLayout(self.extras)
        self.lay.addStretch(1)
        for w in (self.period, self.date_from, self.date_to):
            self.row2.addWidget(w)
        self.extras2 = QHBoxLayout()
        self.row2.addLayout(self.extras2)
        self.row2.addStretch(1)
        self.row2.addWidget(self.as_of)
        self.row2.addWidget(self.cancel)
        self.row2.addWidget(self.refresh)
        self.team.currentIndexChanged.connect(self.sig_changed)
        self.manager.currentIndexChanged.connect(self.sig_changed)
        self.period.toggled.connect(self._period_toggled)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.refresh.clicked.connect(self.sig_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.team_label.setText(self.tr("Team:"))
        self.manager_label.setText(self.tr("Manager:"))
        self.period.setText(self.tr("Period"))
        self.period.setToolTip(self.tr("Only what happened between these days (both included)"))
        self.refresh.setText(self.tr("Refresh"))
        self.cancel.setText(self.tr("Stop"))
        self.cancel.setToolTip(self.tr("Stop reading (the numbers shown stay as they were)"))

    def add(self, *widgets, row: int = 1) -> None:
        for w in widgets:
            (self.extras if row == 1 else self.extras2).addWidget(w)

    def _period_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.sig_changed.emit()

    def _dates_changed(self, _d=None) -> None:
        if self.period.isChecked():
            self.sig_changed.emit()

    def set_choices(self, ch: svc.Choices) -> None:
        fill(self.team, self.tr("All teams") if len(ch.teams) != 1 else "", ch.teams)
        self.team.setEnabled(self.team.count() > 1)
        fill(self.manager, self.tr("All managers"), ch.managers)

    def team_id(self):
        return self.team.currentData()

    def manager_id(self):
        return self.manager.currentData()

    def span(self) -> tuple[datetime | None, datetime | None]:
        """[from, to) in UTC: local midnight of the first day to the one after the last."""
        if not self.period.isChecked():
            return None, None
        a, b = self.date_from.date(), self.date_to.date()
        start = datetime(a.year(), a.month(), a.day()).astimezone()
        end = datetime(b.year(), b.month(), b.day()).astimezone() + timedelta(days=1)
        return start, end

    def show_as_of(self, when: datetime) -> None:
        self.as_of.setText(self.tr("as of %1").replace(
            "%1", when.astimezone().strftime("%H:%M:%S")))
        self.as_of.setToolTip(when.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z"))
