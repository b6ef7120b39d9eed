"""My day: the manager's queue, the next-lead button, today's effective calls
against the plan, and reminders that pop at their time (with snooze)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.phones import display
from workstation.services import myday
from workstation.views import labels, ops
from workstation.views.leadlist.model import format_local

ItemRole = Qt.ItemDataRole.UserRole + 1
"""data(index, ItemRole) → the QueueItem."""


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class QueueModel(QAbstractTableModel):
    COLUMNS = ("bucket", "due", "company", "contact", "phone", "type")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[myday.QueueItem] = []

    def set_items(self, items: list[myday.QueueItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> myday.QueueItem:
        return self._items[row]

    def items(self) -> list[myday.QueueItem]:
        return list(self._items)

    def remove_lead(self, lead_id: uuid.UUID) -> None:
        for row, it in enumerate(self._items):
            if it.lead_id == lead_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._items[row]
                self.endRemoveRows()
                return

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Due"), self.tr("Company"), self.tr("Contact"),
                self.tr("Phone"), self.tr("Type"))[section]

    def bucket_label(self, bucket: str) -> str:
        return {myday.DUE_NOW: self.tr("Due now"), myday.OVERDUE: self.tr("Overdue"),
                myday.NEW: self.tr("New lead"),
                myday.LATER: self.tr("Later today")}.get(bucket, bucket)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._items):
            return None
        it = self._items[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"bucket": self.bucket_label(it.bucket), "due": format_local(it.due_at),
                    "company": it.company, "contact": it.contact,
                    "phone": display(it.phone) if it.phone else "",
                    "type": labels.lead_type_label(it.lead_type)}[col]
        if role == Qt.ItemDataRole.ToolTipRole:  # whole row: a narrow dock hides columns
            return " · ".join(t for t in (
                self.bucket_label(it.bucket), format_local(it.due_at), it.company, it.contact,
                display(it.phone) if it.phone else "", labels.lead_type_label(it.lead_type))
                if t)
        if role == Qt.ItemDataRole.ForegroundRole and it.bucket == myday.OVERDUE:
            return QColor("#b00020")
        if role == ItemRole:
            return it
        return None


class ReminderPopup(QDialog):
    """A non-modal reminder: open the lead, snooze, or dismiss."""

    sig_snooze = Signal(object, int)
    """(task id, minutes)."""
    sig_dismiss = Signal(object)
    """task id."""
    sig_open = Signal(object)
    """lead id."""

    def __init__(self, reminder: myday.Reminder, parent=None) -> None:
        super().__init__(parent)
        self.reminder = reminder
        self.setObjectName("reminderPopup")
        self.setModal(False)
        self.setWindowTitle(self.tr("Reminder"))
        text = reminder.title or self.tr("Call back")
        if reminder.company:
            text += f" — {reminder.company}"
        if reminder.due_at:
            text += "\n" + self.tr("Due: %1").replace("%1", format_local(reminder.due_at))
        self.label = QLabel(text, self)
        self.label.setObjectName("reminderText")
        buttons = QHBoxLayout()
        self.openButton = QPushButton(self.tr("Open lead"), self)
        self.openButton.setObjectName("reminderOpen")
        self.openButton.setEnabled(reminder.lead_id is not None)
        buttons.addWidget(self.openButton)
        self.snoozeButtons: dict[int, QPushButton] = {}
        for minutes in (5, 15, 60):
            b = QPushButton(self.tr("Snooze %1 min").replace("%1", str(minutes)), self)
            b.setObjectName(f"snooze{minutes}")
            b.clicked.connect(lambda _=False, m=minutes: self._snooze(m))
            self.snoozeButtons[minutes] = b
            buttons.addWidget(b)
        self.dismissButton = QPushButton(self.tr("Dismiss"), self)
        self.dismissButton.setObjectName("reminderDismiss")
        buttons.addWidget(self.dismissButton)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.openButton.clicked.connect(self._open)
        self.dismissButton.clicked.connect(self._dismiss)

    def _snooze(self, minutes: int) -> None:
        self.sig_snooze.emit(self.reminder.task_id, minutes)
        self.close()

    def _dismiss(self) -> None:
        self.sig_dismiss.emit(self.reminder.task_id)
        self.close()

    def _open(self) -> None:
        self.sig_open.emit(self.reminder.lead_id)
        self.sig_dismiss.emit(self.reminder.task_id)
        self.close()


class MyDayPanel(QWidget):
    sig_open_lead = Signal(object)
    """Open this lead's card (uuid.UUID)."""
    sig_next_lead = Signal(object, str)
    """The next-lead button: (lead id, E.164 phone to dial, "" when none)."""
    sig_reminder = Signal(object)
    """A reminder popped (a services.myday.Reminder)."""
    sig_progress = Signal(int, int)
    """Today's effective calls and the plan."""
    sig_error = Signal(str)
    """A background read failed."""

    DROP_ORDER = ("type", "phone", "contact", "due")
    """Columns hidden first when the dock is narrow (each row's tooltip has them all)."""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()

    def fit_columns(self) -> None:
        """Show as many columns as fit the dock's width without a sideways scroll."""
        view, header = self.view, self.view.horizontalHeader()
        cols = QueueModel.COLUMNS
        room = view.viewport().width() or view.width()
        needed = {c: max(header.sectionSizeHint(i), view.sizeHintForColumn(i))
                  for i, c in enumerate(cols)}
        needed["company"] = min(needed["company"], 10 * self.fontMetrics().averageCharWidth())
        shown = list(cols)
        for col in self.DROP_ORDER:
            if sum(needed[c] for c in shown) <= room:
                break
            shown.remove(col)
        for i, c in enumerate(cols):
            if header.isSectionHidden(i) != (c not in shown):
                header.setSectionHidden(i, c not in shown)

    def __init__(self, ctx, parent=None, *, clock: Callable[[], datetime] = _utcnow,
                 reminder_interval_ms: int = 30_000, tray: QSystemTrayIcon | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.clock = ctx, clock
        self.tray = tray
        self.model = QueueModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("queueView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(QueueModel.COLUMNS.index("company"),
                                    QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.model.modelReset.connect(self.fit_columns)
        self.nextButton = QPushButton(self.tr("Next lead"), self)
        self.nextButton.setObjectName("nextLead")
        self.refreshButton = QPushButton(self.tr("Refresh"), self)
        self.refreshButton.setObjectName("queueRefresh")
        self.counterLabel = QLabel(self)
        self.counterLabel.setObjectName("effectiveCounter")
        self.counterBar = QProgressBar(self)
        self.counterBar.setObjectName("effectiveBar")
        self.counterBar.setTextVisible(False)
        self.counterBar.setMaximumHeight(8)
        # the counter on its own line: the dock stays narrow in every language
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.refreshButton)
        top.addWidget(self.nextButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counterLabel)
        layout.addWidget(self.counterBar)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.nextButton.clicked.connect(self.next_lead)
        self.refreshButton.clicked.connect(self.refresh)
        self.view.activated.connect(
            lambda idx: self.sig_open_lead.emit(self.model.item(idx.row()).lead_id))
        self.popups: dict[uuid.UUID, ReminderPopup] = {}
        self._shown: set[tuple[uuid.UUID, datetime]] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(reminder_interval_ms)
        self.timer.timeout.connect(self.check_reminders)
        self.progress = None
        self._show_progress(0, ctx.daily_plan)
        ops.bus().sig_changed.connect(self._on_changed)

    def start(self) -> None:
        """Load the queue and the counter, and start watching reminders."""
        self.refresh()
        self.check_reminders()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    # -- queue and counter -----------------------------------------------------
    def refresh(self) -> None:
        ctx, now = self.ctx, self.clock()

        def done(result):
            items, progress = result
            self.model.set_items(items)
            self.progress = progress
            self._show_progress(progress.done, progress.target)

        ops.query(self, lambda: myday.queue(ctx, now), done,
                  lambda exc: self.sig_error.emit(str(exc)))

    def _on_changed(self, changes: ops.Changes) -> None:
        """Tasks changed elsewhere (a wrap-up, a hand-over): the queue and the counter again."""
        if changes.touches(ops.TASKS) and changes.source is not self:
            self.refresh()

    def _show_progress(self, done: int, target: int) -> None:
        self.counterLabel.setText(self.tr("Effective calls today: %1 of %2")
                                  .replace("%1", str(done)).replace("%2", str(target)))
        self.counterBar.setMaximum(max(1, target))
        self.counterBar.setValue(min(done, max(1, target)))
        self.sig_progress.emit(done, target)

    def next_lead(self) -> None:
        """Open the first lead of the queue and ask to dial it."""
        if self.model.rowCount() == 0:
            return
        it = self.model.item(0)
        self.model.remove_lead(it.lead_id)
        self.sig_open_lead.emit(it.lead_id)
        self.sig_next_lead.emit(it.lead_id, it.phone)

    # -- reminders ----------------------------------------------------------------
    def check_reminders(self) -> None:
        ctx, now = self.ctx, self.clock()
        ops.query(self, lambda: myday.reminders(ctx, now), self._pop,
                  lambda exc: self.sig_error.emit(str(exc)))

    def _pop(self, reminders: list[myday.Reminder]) -> None:
        for r in reminders:
            key = (r.task_id, r.remind_at)
            if key in self._shown or r.task_id in self.popups:
                continue
            self._shown.add(key)
            popup = ReminderPopup(r, self)
            popup.sig_snooze.connect(self.snooze)
            popup.sig_dismiss.connect(self.dismiss)
            popup.sig_open.connect(self.sig_open_lead)
            popup.finished.connect(lambda _c, tid=r.task_id: self.popups.pop(tid, None))
            self.popups[r.task_id] = popup
            popup.show()
            if self.tray is not None and QSystemTrayIcon.supportsMessages():
                self.tray.showMessage(self.tr("Reminder"),
                                      f"{r.title} — {r.company}" if r.company else r.title)
            self.sig_reminder.emit(r)

    def snooze(self, task_id: uuid.UUID, minutes: int) -> None:
        self.popups.pop(task_id, None)
        ops.snooze(self, self.ctx, task_id, minutes, self.clock(),
                   on_error=lambda exc: self.sig_error.emit(str(exc)))

    def dismiss(self, task_id: uuid.UUID) -> None:
        self.popups.pop(task_id, None)
        ops.dismiss(self, self.ctx, task_id, on_error=lambda exc: self.sig_error.emit(str(exc)))
