"""The review lists: the manager's "My reviews", the reviewer's queue (with the
sampling dialog), the missing-recordings panel. Each re-reads itself when the
bus says REVIEWS changed; a row double-clicked opens the call
(``ops.bus().sig_open_call``: the calls browser answers it)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain import review as rules
from workstation.services import review
from workstation.views import ops
from workstation.views.ops import REVIEWS
from workstation.views.review import operations, texts

__all__ = ["MissingPanel", "MyReviews", "ReviewQueue", "SampleDialog", "make_table",
           "shared_engine_for", "when_text"]


def make_table(parent, name: str) -> QTableWidget:
    t = QTableWidget(parent)
    t.setObjectName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setWordWrap(False)
    t.horizontalHeader().setStretchLastSection(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return t


def when_text(at: datetime | None, short: bool = False) -> str:
    if at is None:
        return ""
    return at.astimezone().strftime("%d.%m %H:%M" if short else "%Y-%m-%d %H:%M")


def _length(seconds: float | None) -> str:
    return texts.clock(int((seconds or 0) * 1000))


class _ReviewList(QWidget):
    """A table of ReviewRow, re-read on REVIEWS changes."""

    sig_selected = Signal(object)
    """The call of the selected row (a uuid.UUID)."""

    def __init__(self, ctx, name: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list = []
        self.table = make_table(self, name)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.cellDoubleClicked.connect(self._open)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        ops.bus().sig_changed.connect(self._on_changed)

    def _on_changed(self, changes) -> None:
        if changes.touches(REVIEWS, ops.CALLS):
            self.reload()

    def fetch(self):
        raise NotImplementedError

    def reload(self) -> None:
        ops.query(self, self.fetch, self._fill, lambda e: self.info.setText(str(e)))

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("ReviewList", "When"),
                QCoreApplication.translate("ReviewList", "Manager"),
                QCoreApplication.translate("ReviewList", "Company"),
                QCoreApplication.translate("ReviewList", "Status"),
                QCoreApplication.translate("ReviewList", "Score")]

    def cells(self, r) -> list[str]:
        mark = " ⊘" if rules.without_consent(r.consent) else ""
        fault = " ⚑" if r.manager_fault else ""
        return [when_text(r.started_at, short=True), r.manager, (r.company or r.number) + mark,
                texts.status(r.status), texts.score_text(r.score, r.failed_critical) + fault]

    def tip(self, r) -> str:
        length = QCoreApplication.translate("ReviewList", "Length %1")
        lines = [r.company, r.number, length.replace("%1", _length(r.talk_seconds)),
                 texts.consent(r.consent)]
        if r.manager_fault:
            lines.append(QCoreApplication.translate("ReviewList", "manager's fault"))
        if r.failed_critical:
            lines.append(QCoreApplication.translate("ReviewList", "a critical item failed"))
        return "\n".join(x for x in lines if x)

    def _fill(self, rows) -> None:
        self.rows = list(rows)
        self.table.setColumnCount(len(self.headers()))
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.setRowCount(len(self.rows))
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for i, r in enumerate(self.rows):
            for j, text in enumerate(self.cells(r)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.call_id)
                item.setToolTip(self.tip(r))
                self.table.setItem(i, j, item)
        self.info.setText(self.summary())

    def summary(self) -> str:
        return ""

    def current(self):
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _selected(self) -> None:
        r = self.current()
        if r is not None:
            self.sig_selected.emit(r.call_id)

    def _open(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.rows):
            ops.bus().sig_open_call.emit(self.rows[row].call_id)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill(self.rows)
        super().changeEvent(event)

    def retranslate(self) -> None:
        pass


class MyReviews(_ReviewList):
    """The manager's scored calls; acknowledge or dispute in the scorecard panel."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, "myReviews", parent)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.info)

    def fetch(self):
        return review.my_reviews(self.ctx)

    def headers(self) -> list[str]:
        h = super().headers()
        h[1] = self.tr("Reviewer")
        return h

    def cells(self, r) -> list[str]:
        c = super().cells(r)
        c[1] = r.reviewer
        return c

    def summary(self) -> str:
        waiting = sum(r.status in (rules.SCORED, rules.RESOLVED) for r in self.rows)
        return self.tr("%1 reviews; %2 wait for your acknowledgement").replace(
            "%1", str(len(self.rows))).replace("%2", str(waiting))


class SampleDialog(QDialog):
    """"N unreviewed calls of each manager for this period" -> the queue."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleDialog")
        self.ctx = ctx
        self.result_value = None
        self.date_from = QDateEdit(self)
        self.date_from.setCalendarPopup(True)
        self.date_from.setDate(QDate.currentDate().addDays(-7))
        self.date_to = QDateEdit(self)
        self.date_to.setCalendarPopup(True)
        self.date_to.setDate(QDate.currentDate())
        self.count = QSpinBox(self)
        self.count.setRange(1, 1000)
        self.count.setValue(rules.DEFAULT_SAMPLE)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 1_000_000)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.labels = [QLabel(self) for _ in range(4)]
        for label, w in zip(self.labels, (self.date_from, self.date_to, self.count, self.seed)):
            form.addRow(label, w)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sample calls for review"))
        for label, text in zip(self.labels, (self.tr("From"), self.tr("To"),
                                             self.tr("Calls per manager"), self.tr("Seed"))):
            label.setText(text)
        self.message.setText(self.tr("Unreviewed answered calls of each manager of your team, "
                                     "spread over outcomes, call lengths and hours; calls "
                                     "under the minimum length are left out."))

    def period(self) -> tuple[datetime, datetime]:
        local = datetime.now().astimezone().tzinfo
        start = datetime.combine(self.date_from.date().toPython(), time.min, tzinfo=local)
        end = datetime.combine(self.date_to.date().toPython() + timedelta(days=1), time.min,
                               tzinfo=local)
        return start, end

    def run(self) -> None:
        start, end = self.period()
        self.buttons.setEnabled(False)
        operations.sample(self, self.ctx, start, end, n=self.count.value(),
                          seed=self.seed.value(), on_done=self._done, on_error=self._failed)

    def _done(self, res) -> None:
        self.result_value = res
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(str(exc))


class ReviewQueue(_ReviewList):
    """The reviewer's queue: sampled calls to score, and disputes."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, "reviewQueue", parent)
        self.sample_button = QPushButton(self)
        self.sample_button.setObjectName("sampleButton")
        self.sample_button.clicked.connect(self.open_sample)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.info, 1)
        row.addWidget(self.sample_button)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        self.dialog: SampleDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.sample_button.setText(self.tr("Sample calls…"))

    def fetch(self):
        return review.queue(self.ctx)

    def summary(self) -> str:
        disputes = sum(r.status == rules.DISPUTED for r in self.rows)
        return self.tr("%1 calls to review, %2 disputes").replace(
            "%1", str(len(self.rows) - disputes)).replace("%2", str(disputes))

    def open_sample(self) -> SampleDialog:
        self.dialog = SampleDialog(self.ctx, self)
        self.dialog.open()
        return self.dialog


def shared_engine_for(ctx):
    # (deferred: psycopg and the shared database load only when a check runs)
    from workstation.sync.shared import shared_engine

    return shared_engine(ctx.settings)


class MissingPanel(QWidget):
    """Calls whose recording did not reach the shared store, per workstation;
    "Check now" runs the check (off the GUI thread, cancellable) and stores it."""

    def __init__(self, ctx, parent=None, engine_factory=None) -> None:
        super().__init__(parent)
        self.setObjectName("missingPanel")
        self.ctx = ctx
        self.engine_factory = engine_factory or (lambda: shared_engine_for(ctx))
        self.rows: list = []
        self.op = None
        self.table = make_table(self, "missingTable")
        self.table.cellDoubleClicked.connect(self._open)
        self.counts = QLabel(self)
        self.counts.setObjectName("missingCounts")
        self.counts.setWordWrap(True)
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("checkMissing")
        self.check_button.clicked.connect(self.check)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(self.progress)
        row.addWidget(self.check_button)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        ops.bus().sig_changed.connect(self._on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.check_button.setText(self.tr("Check now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderLabels([self.tr("Workstation"), self.tr("Reason"),
                                              self.tr("Found"), self.tr("Call or file"),
                                              self.tr("Details")])

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill(self.rows)
        super().changeEvent(event)

    def _on_changed(self, changes) -> None:
        if changes.touches(REVIEWS):
            self.reload()

    def reload(self) -> None:
        ops.query(self, lambda: review.open_flags(self.ctx), self._fill,
                  lambda e: self.counts.setText(str(e)))

    def _fill(self, rows) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for i, f in enumerate(self.rows):
            for j, text in enumerate((f.workstation or "?", texts.reason(f.reason),
                                      when_text(f.detected_at), str(f.call_id or f.recording_id),
                                      f.detail)):
                self.table.setItem(i, j, QTableWidgetItem(text))
        per: dict[str, int] = {}
        for f in self.rows:
            per[f.workstation or "?"] = per.get(f.workstation or "?", 0) + 1
        if not self.rows:
            self.counts.setText(self.tr("No missing recordings"))
        else:
            parts = ", ".join(f"{ws}: {n}" for ws, n in sorted(per.items()))
            self.counts.setText(self.tr("%1 missing or damaged recordings (%2)")
                                .replace("%1", str(len(self.rows))).replace("%2", parts))

    def _open(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.rows) and self.rows[row].call_id is not None:
            ops.bus().sig_open_call.emit(self.rows[row].call_id)

    def check(self):
        ctx, factory = self.ctx, self.engine_factory

        def work(_progress, cancel):
            # (deferred: psycopg loads only when a check runs)
            from workstation.sync import review as checks

            engine = factory()
            try:
                rep = checks.check_missing(engine, cancel=cancel)
            finally:
                engine.dispose()
            if cancel.is_set():
                return None
            return review.save_check(ctx, rep.flags, rep.checked, rep.fine)

        self._busy(True)
        self.op = ops.run_op(self, work, self._checked, self._check_failed)
        return self.op

    def cancel(self) -> None:
        if self.op is not None:
            self.op.cancel()

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.check_button.setEnabled(not on)

    def _checked(self, result) -> None:
        self._busy(False)
        self.op = None
        if result is not None:
            ops.bus().sig_changed.emit(ops.Changes.of(REVIEWS, source=self))
        self.reload()

    def _check_failed(self, exc) -> None:
        self._busy(False)
        self.op = None
        self.counts.setText(self.tr("The check failed: %1").replace("%1", str(exc)))
