"""The admin's review settings: the scorecard's criteria (each save is a new
version), recording retention and the minimum call length for sampling, the
recording access audit."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workstation.domain import review as rules
from workstation.services import review
from workstation.views import ops
from workstation.views.review import operations
from workstation.views.review.lists import shared_engine_for, make_table, when_text

__all__ = ["AuditList", "CriteriaEditor", "ReviewAdminDialog", "RetentionPage"]

NAME, WEIGHT, KIND, MAX, CRITICAL = range(5)


class CriteriaEditor(QWidget):
    """Rows of criteria: name, weight, yes/no or 0..N, critical."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = QLineEdit(self)
        self.name.setObjectName("scorecardName")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("criteriaTable")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_row)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveScorecard")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.name_label = QLabel(self)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.name_label)
        row.addWidget(self.name, 1)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        lay.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("Scorecard"))
        self.table.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Weight"),
                                              self.tr("Answer"), self.tr("Max"),
                                              self.tr("Critical")])
        self.add_button.setText(self.tr("Add criterion"))
        self.remove_button.setText(self.tr("Remove"))
        self.save_button.setText(self.tr("Save as new version"))
        for i in range(self.table.rowCount()):
            kind = self.table.cellWidget(i, KIND)
            kind.setItemText(0, self.tr("Yes / no"))
            kind.setItemText(1, self.tr("Scale 0..N"))

    def load(self) -> None:
        ops.query(self, lambda: review.scorecard(self.ctx), self._fill,
                  lambda e: self.message.setText(str(e)))

    def _fill(self, card) -> None:
        self.table.setRowCount(0)
        if card is None:
            self.name.setText(self.tr("Call quality"))
            self.message.setText(self.tr("No scorecard yet: add the criteria and save."))
            return
        self.name.setText(card.name)
        for c in card.criteria:
            self.add_row(c.name, c.weight, c.kind, c.top, c.critical)
        self.message.setText(self.tr("Version %1; saving makes version %2 (reviews keep the "
                                     "criteria they were scored with)")
                             .replace("%1", str(card.version)).replace("%2", str(card.version + 1)))

    def add_row(self, name: str = "", weight: float = 1.0, kind: str = rules.YES_NO,
                top: int = 1, critical: bool = False) -> int:
        i = self.table.rowCount()
        self.table.insertRow(i)
        self.table.setItem(i, NAME, QTableWidgetItem(name))
        w = QDoubleSpinBox(self.table)
        w.setRange(0, 1000)
        w.setDecimals(1)
        w.setValue(weight)
        self.table.setCellWidget(i, WEIGHT, w)
        k = QComboBox(self.table)
        k.addItem(self.tr("Yes / no"), rules.YES_NO)
        k.addItem(self.tr("Scale 0..N"), rules.SCALE)
        k.setCurrentIndex(0 if kind == rules.YES_NO else 1)
        self.table.setCellWidget(i, KIND, k)
        m = QSpinBox(self.table)
        m.setRange(1, 100)
        m.setValue(max(1, top))
        m.setEnabled(kind == rules.SCALE)
        k.currentIndexChanged.connect(lambda _i, k=k, m=m: m.setEnabled(
            k.currentData() == rules.SCALE))
        self.table.setCellWidget(i, MAX, m)
        c = QCheckBox(self.table)
        c.setChecked(critical)
        self.table.setCellWidget(i, CRITICAL, c)
        return i

    def remove_row(self) -> None:
        i = self.table.currentRow()
        if i >= 0:
            self.table.removeRow(i)

    def specs(self) -> list[review.CriterionSpec]:
        out = []
        for i in range(self.table.rowCount()):
            item = self.table.item(i, NAME)
            kind = self.table.cellWidget(i, KIND).currentData()
            out.append(review.CriterionSpec(
                (item.text() if item else "").strip(), self.table.cellWidget(i, WEIGHT).value(),
                kind, self.table.cellWidget(i, MAX).value() if kind == rules.SCALE else 1,
                self.table.cellWidget(i, CRITICAL).isChecked()))
        return out

    def save(self) -> None:
        operations.save_scorecard(self, self.ctx, self.name.text(), self.specs(),
                                  on_done=lambda _r: self.load(),
                                  on_error=lambda e: self.message.setText(str(e)))


class RetentionPage(QWidget):
    """Retention days (0: keep for ever) and the minimum call length; "Apply
    retention now" lists what would go, asks, then deletes (admins only)."""

    def __init__(self, ctx, parent=None, engine_factory=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.engine_factory = engine_factory or (lambda: shared_engine_for(ctx))
        self.days = QSpinBox(self)
        self.days.setObjectName("retentionDays")
        self.days.setRange(0, 36500)
        self.min_seconds = QSpinBox(self)
        self.min_seconds.setObjectName("minCallSeconds")
        self.min_seconds.setRange(0, 3600)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("applyRetention")
        self.apply_button.clicked.connect(self.preview)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.labels = [QLabel(self), QLabel(self)]
        form = QFormLayout(self)
        form.addRow(self.labels[0], self.days)
        form.addRow(self.labels[1], self.min_seconds)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.labels[0].setText(self.tr("Keep recordings (days)"))
        self.labels[1].setText(self.tr("Shortest call to sample (s)"))
        self.days.setSpecialValueText(self.tr("for ever"))
        self.save_button.setText(self.tr("Save settings"))
        self.apply_button.setText(self.tr("Apply retention now…"))

    def load(self) -> None:
        ops.query(self, lambda: (review.retention_days(self.ctx),
                                 review.min_call_seconds(self.ctx)), self._fill,
                  lambda e: self.message.setText(str(e)))

    def _fill(self, values) -> None:
        days, low = values
        self.days.setValue(days or 0)
        self.min_seconds.setValue(int(low))

    def save(self) -> None:
        operations.set_settings(self, self.ctx, retention_days=self.days.value() or None,
                                min_seconds=self.min_seconds.value(),
                                on_done=lambda _r: self.message.setText(self.tr("Saved")),
                                on_error=lambda e: self.message.setText(str(e)))

    def _run(self, apply: bool, on_done) -> ops.Op:
        days, factory = self.days.value() or None, self.engine_factory

        def work(_p, _c):
            # (deferred: psycopg loads only when retention runs)
            from workstation.sync import review as checks

            engine = factory()
            try:
                return checks.retention(engine, days, apply=apply)
            finally:
                engine.dispose()

        return ops.run_op(self, work, on_done, lambda e: self.message.setText(
            str(getattr(e, "orig", e)).strip().splitlines()[0]))

    def preview(self) -> ops.Op:
        return self._run(False, self._confirm)

    def _confirm(self, rows) -> None:
        gone = sum(r.action == "would_delete" for r in rows)
        kept = sum(r.action == "kept" for r in rows)
        if not gone:
            self.message.setText(self.tr("No recording is older than the retention (%1 kept: "
                                         "in review or disputed)").replace("%1", str(kept)))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete recordings"),
                          self.tr("Delete %1 recordings from the shared store? Their calls "
                                  "and scores stay; %2 under review or disputed are kept.")
                          .replace("%1", str(gone)).replace("%2", str(kept)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("retentionConfirm")
        box.accepted.connect(lambda: self._run(True, self._applied))
        box.open()
        self.confirm_box = box

    def _applied(self, rows) -> None:
        self.message.setText(self.tr("Deleted %1 recordings").replace(
            "%1", str(sum(r.action == "deleted" for r in rows))))


class AuditList(QWidget):
    """Who played or downloaded which recording, newest first."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list = []
        self.table = make_table(self, "auditTable")
        self.login = QLineEdit(self)
        self.login.returnPressed.connect(self.load)
        lay = QVBoxLayout(self)
        lay.addWidget(self.login)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.login.setPlaceholderText(self.tr("Filter by login (Enter)"))
        self.table.setColumnCount(6)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"),
                                              self.tr("Action"), self.tr("Played (s)"),
                                              self.tr("Call"), self.tr("Recording")])

    def load(self) -> None:
        login = self.login.text().strip() or None
        ops.query(self, lambda: review.access_log(self.ctx, login=login), self._fill, None)

    def _fill(self, rows) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        actions = {"play": self.tr("Played"), "download": self.tr("Downloaded")}
        for i, r in enumerate(self.rows):
            cells = (when_text(r.at), r.login, actions.get(r.action, r.action),
                     "" if r.played_seconds is None else f"{r.played_seconds:.0f}",
                     str(r.call_id or ""), str(r.recording_id or ""))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))


class ReviewAdminDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewAdminDialog")
        self.resize(900, 560)
        self.tabs = QTabWidget(self)
        self.criteria = CriteriaEditor(ctx, self)
        self.retention = RetentionPage(ctx, self)
        self.audit = AuditList(ctx, self)
        self.tabs.addTab(self.criteria, "")
        self.tabs.addTab(self.retention, "")
        self.tabs.addTab(self.audit, "")
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        self.retranslate()
        self.criteria.load()
        self.retention.load()
        self.audit.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Call review settings"))
        self.tabs.setTabText(0, self.tr("Scorecard"))
        self.tabs.setTabText(1, self.tr("Retention and sampling"))
        self.tabs.setTabText(2, self.tr("Recording access"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            for w in (self, self.criteria, self.retention, self.audit):
                w.retranslate()
        super().changeEvent(event)

