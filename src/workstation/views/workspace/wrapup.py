"""The wrap-up form: what the manager records when the call ends."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication, QDateTime, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.enums import CallResult
from workstation.views import labels
from workstation.views.leadcard.widget import from_qdatetime, to_qdatetime
from workstation.views.workspace.draft import WrapUpDraft

_TOOLS = ("offer_sent", "presentation", "demo_access", "decision_maker", "invoice")


def tool_label(code: str) -> str:
    names = {
        "offer_sent": QCoreApplication.translate("WrapUp", "Offer sent"),
        "presentation": QCoreApplication.translate("WrapUp", "Presentation"),
        "demo_access": QCoreApplication.translate("WrapUp", "Demo access"),
        "decision_maker": QCoreApplication.translate("WrapUp", "Decision-maker contact"),
        "invoice": QCoreApplication.translate("WrapUp", "Invoice"),
    }
    return names.get(code, code)


def _put_cursor(edit: QPlainTextEdit, position: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(min(max(position, 0), len(edit.toPlainText())))
    edit.setTextCursor(cursor)


class VerticalScroll(QScrollArea):
    """Scrolls its widget up and down, never sideways: as wide as the widget needs
    (plus the scroll bar), as low as a few rows."""

    def __init__(self, widget: QWidget, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        inner = self.widget().minimumSizeHint()
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        return QSize(inner.width() + bar + 2 * self.frameWidth(),
                     min(inner.height(), 4 * self.fontMetrics().height()))

    def sizeHint(self) -> QSize:  # noqa: N802
        inner = self.widget().sizeHint()
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        return QSize(inner.width() + bar, inner.height())


class WrapUpForm(QWidget):
    sig_save = Signal()
    """The manager pressed Save."""
    sig_discard = Signal()
    """The manager pressed Discard: what was typed for this call is to be dropped."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._started = time.monotonic()
        self._timed = False
        self.fields = QWidget(self)
        self.fields.setObjectName("wrapupFields")
        self.outcomeLabel = QLabel(self)
        self.outcomeLabel.setObjectName("wrapupOutcome")
        self.resultCombo = QComboBox(self)
        self.resultCombo.setObjectName("resultCombo")
        self.resultCombo.addItem(self.tr("— choose —"), None)
        for r in CallResult:
            self.resultCombo.addItem(labels.result_label(r.value), r.value)
        self.reasonCombo = QComboBox(self)
        self.reasonCombo.setObjectName("reasonCombo")
        self.reasonCombo.addItem(self.tr("— choose —"), "")
        self.typeCombo = QComboBox(self)
        self.typeCombo.setObjectName("wrapTypeCombo")
        self.typeCombo.addItem(self.tr("— unchanged —"), None)
        for code in labels.lead_type_codes():
            self.typeCombo.addItem(labels.lead_type_label(code), code)
        self.stageCombo = QComboBox(self)
        self.stageCombo.setObjectName("wrapStageCombo")
        self.stageCombo.addItem(self.tr("— unchanged —"), None)
        self.notesEdit = QPlainTextEdit(self)
        self.notesEdit.setObjectName("wrapNotes")
        self.notesEdit.setPlaceholderText(self.tr("What was said, what was agreed"))
        self.notesEdit.setMaximumHeight(80)
        tools = QGroupBox(self.tr("Tools used"), self)
        tl = QGridLayout(tools)
        self.toolChecks: dict[str, QCheckBox] = {}
        for n, code in enumerate(_TOOLS):
            cb = QCheckBox(tool_label(code), tools)
            cb.setObjectName(f"tool_{code}")
            self.toolChecks[code] = cb
            tl.addWidget(cb, n // 2, n % 2)
        # the invoice's sum, counted by the statistics (enabled with the Invoice tool)
        self.invoiceSum = QDoubleSpinBox(tools)
        self.invoiceSum.setObjectName("invoiceSum")
        self.invoiceSum.setRange(0, 1_000_000_000)
        self.invoiceSum.setDecimals(2)
        self.invoiceSum.setGroupSeparatorShown(True)
        self.invoiceSum.setPrefix(self.tr("Invoice sum: "))
        self.invoiceSum.setEnabled(False)
        self.toolChecks["invoice"].toggled.connect(self.invoiceSum.setEnabled)
        tl.addWidget(self.invoiceSum, len(_TOOLS) // 2, len(_TOOLS) % 2)
        self.nextCheck = QCheckBox(self.tr("Next contact"), self)
        self.nextCheck.setObjectName("nextCheck")
        self.nextEdit = QDateTimeEdit(self)
        self.nextEdit.setObjectName("nextEdit")
        self.nextEdit.setCalendarPopup(True)
        self.nextEdit.setDateTime(QDateTime.currentDateTime().addDays(1))
        self.nextEdit.setEnabled(False)
        self.remindCheck = QCheckBox(self.tr("Remind"), self)
        self.remindCheck.setObjectName("remindCheck")
        self.remindCheck.setChecked(True)
        self.remindBefore = QSpinBox(self)
        self.remindBefore.setObjectName("remindBefore")
        self.remindBefore.setRange(0, 24 * 60)
        self.remindBefore.setValue(5)
        self.remindBefore.setSuffix(self.tr(" min before"))
        self.newDealCheck = QCheckBox(self.tr("New deal"), self)
        self.newDealCheck.setObjectName("newDealCheck")
        # the client said no to the recording: the call is marked recorded without
        # consent (calls.recording_consent), for the supervisor and retention
        self.consentRefusedCheck = QCheckBox(self.tr("Client refused recording"), self)
        self.consentRefusedCheck.setObjectName("consentRefusedCheck")
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("wrapError")
        self.errorLabel.setStyleSheet("color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.hide()
        self.saveButton = QPushButton(self.tr("Save wrap-up"), self)
        self.saveButton.setObjectName("wrapSave")
        self.saveButton.setDefault(True)
        self.discardButton = QPushButton(self.tr("Discard"), self)
        self.discardButton.setObjectName("wrapDiscard")
        self.discardButton.setToolTip(self.tr(
            "Drop what was typed for this call: the card's edits and the wrap-up"))

        for combo in (self.resultCombo, self.reasonCombo, self.typeCombo, self.stageCombo):
            # long reason/stage names must not widen the form on a laptop screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Call"), self.outcomeLabel)
        form.addRow(self.tr("Result"), self.resultCombo)
        form.addRow(self.tr("Reason"), self.reasonCombo)
        form.addRow(self.tr("Lead type"), self.typeCombo)
        form.addRow(self.tr("Stage"), self.stageCombo)
        nxt = QGridLayout()
        nxt.addWidget(self.nextCheck, 0, 0)
        nxt.addWidget(self.nextEdit, 0, 1)
        nxt.addWidget(self.remindCheck, 1, 0)
        nxt.addWidget(self.remindBefore, 1, 1)
        nxt.setColumnStretch(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.newDealCheck)
        bottom.addWidget(self.consentRefusedCheck)
        bottom.addStretch(1)
        bottom.addWidget(self.discardButton)
        bottom.addWidget(self.saveButton)
        # The fields scroll (vertically only) when the window is low; the error and
        # the Save button stay in view below them.
        fl = QVBoxLayout(self.fields)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addLayout(form)
        fl.addWidget(self.notesEdit)
        fl.addWidget(tools)
        fl.addLayout(nxt)
        fl.addStretch(1)
        self.scroll = VerticalScroll(self.fields, self)
        self.scroll.setObjectName("wrapupScroll")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.errorLabel)
        layout.addLayout(bottom)

        self.resultCombo.currentIndexChanged.connect(self._result_changed)
        self.nextCheck.toggled.connect(self.nextEdit.setEnabled)
        self.nextCheck.toggled.connect(self.remindCheck.setEnabled)
        self.nextCheck.toggled.connect(self.remindBefore.setEnabled)
        self.saveButton.clicked.connect(self.sig_save)
        self.discardButton.clicked.connect(self.sig_discard)
        self.reset()

    # -- state --------------------------------------------------------------
    def set_choices(self, choices) -> None:
        """The lead's funnel's stages and the refusal reasons, as the store has them
        (``services.leads.CardChoices``: the admin's lists, synced); the choice made
        stays when it is still offered."""
        for combo, items, label in ((self.stageCombo, choices.stages, labels.stage_label),
                                    (self.reasonCombo, choices.reasons,
                                     labels.refusal_reason_label)):
            offered = [(c.code, c.name) for c in items]
            if getattr(combo, "_offered", None) == offered:
                continue
            current = combo.currentData()
            first = combo.itemText(0), combo.itemData(0)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(*first)
            for code, name in offered:
                combo.addItem(label(code, name), code)
            combo._offered = offered
            self._select(combo, current)
            combo.blockSignals(False)

    def reset(self, outcome: str | None = None) -> None:
        """A fresh form; ``outcome`` from signalling is shown and kept."""
        self.outcome = outcome
        self.outcomeLabel.setText(labels.outcome_label(outcome) if outcome else
                                  self.tr("in progress"))
        self.resultCombo.setCurrentIndex(0)
        self.reasonCombo.setCurrentIndex(0)
        self.typeCombo.setCurrentIndex(0)
        self.stageCombo.setCurrentIndex(0)
        self.notesEdit.clear()
        for cb in self.toolChecks.values():
            cb.setChecked(False)
        self.invoiceSum.setValue(0)
        self.nextCheck.setChecked(False)
        self.nextEdit.setEnabled(False)
        self.remindCheck.setEnabled(False)
        self.remindBefore.setEnabled(False)
        self.newDealCheck.setChecked(False)
        self.consentRefusedCheck.setChecked(False)
        self.show_error("")
        self._result_changed()
        self._started = time.monotonic()
        self._timed = False

    def start_timing(self) -> None:
        """Wrap-up time counts from here (the call ended); a form restored from a
        draft taken after the end keeps counting from the end."""
        if not self._timed:
            self._started = time.monotonic()
            self._timed = True

    def draft(self) -> WrapUpDraft:
        """Every field as it is now (the line is left; see :meth:`restore`)."""
        return WrapUpDraft(
            result=self.resultCombo.currentData(), reason=self.reasonCombo.currentData() or "",
            lead_type=self.typeCombo.currentData(), stage=self.stageCombo.currentData(),
            notes=self.notesEdit.toPlainText(),
            notes_cursor=self.notesEdit.textCursor().position(),
            tools=[c for c, cb in self.toolChecks.items() if cb.isChecked()],
            invoice_sum=self.invoiceSum.value(), next_on=self.nextCheck.isChecked(),
            next_at=self.nextEdit.dateTime().toSecsSinceEpoch(),
            remind=self.remindCheck.isChecked(), remind_before=self.remindBefore.value(),
            new_deal=self.newDealCheck.isChecked(),
            consent_refused=self.consentRefusedCheck.isChecked(),
            started=self._started, timed=self._timed)

    def restore(self, d: WrapUpDraft) -> None:
        """The fields exactly as :meth:`draft` took them (the choices of the call's
        lead are set first: a stage no longer offered stays unchosen)."""
        self.reset(self.outcome)
        for combo, value in ((self.resultCombo, d.result), (self.reasonCombo, d.reason),
                             (self.typeCombo, d.lead_type), (self.stageCombo, d.stage)):
            # (the result first: it enables the reason and ticks New deal)
            idx = combo.findData(value) if value not in (None, "") else 0
            combo.setCurrentIndex(max(idx, 0))
        self.notesEdit.setPlainText(d.notes)
        _put_cursor(self.notesEdit, d.notes_cursor)
        for code, cb in self.toolChecks.items():
            cb.setChecked(code in d.tools)
        self.invoiceSum.setValue(d.invoice_sum)
        self.nextEdit.setDateTime(QDateTime.fromSecsSinceEpoch(d.next_at))
        self.nextCheck.setChecked(d.next_on)
        self.remindCheck.setChecked(d.remind)
        self.remindBefore.setValue(d.remind_before)
        self.newDealCheck.setChecked(d.new_deal)
        self.consentRefusedCheck.setChecked(d.consent_refused)
        self._started, self._timed = d.started, d.timed

    def elapsed(self) -> float:
        return time.monotonic() - self._started

    def set_outcome(self, outcome: str | None) -> None:
        self.outcome = outcome
        self.outcomeLabel.setText(labels.outcome_label(outcome) if outcome else
                                  self.tr("in progress"))
        if outcome and outcome != "success" and self.resultCombo.currentData() is None:
            # a failed call: Undefined, reason "call later" until the manager says otherwise
            self._select(self.resultCombo, CallResult.UNDEFINED.value)

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        idx = combo.findData(value)
        if idx >= 0:
            combo.setCurrentIndex(idx)

    def apply_hints(self, hints: dict) -> None:
        """Pre-fill from the script's answers (the manager may change anything)."""
        if hints.get("result"):
            self._select(self.resultCombo, hints["result"])
        if hints.get("reason"):
            self._select(self.reasonCombo, hints["reason"])
        if hints.get("lead_type"):
            self._select(self.typeCombo, hints["lead_type"])
        if hints.get("stage"):
            self._select(self.stageCombo, hints["stage"])
        for code in hints.get("tools", []):
            if code in self.toolChecks:
                self.toolChecks[code].setChecked(True)

    def set_default_stage(self, code: str | None) -> None:
        self._select(self.stageCombo, code)

    def _result_changed(self, *_a) -> None:
        result = self.resultCombo.currentData()
        positive = result == CallResult.POSITIVE
        self.reasonCombo.setEnabled(result is not None and not positive)
        self.newDealCheck.setEnabled(positive)
        if not positive:
            self.newDealCheck.setChecked(False)
        elif not self.newDealCheck.isChecked():
            self.newDealCheck.setChecked(True)

    def show_error(self, text: str) -> None:
        self.errorLabel.setText(text)
        self.errorLabel.setVisible(bool(text))

    def set_next_contact(self, when: datetime | None) -> None:
        self.nextCheck.setChecked(when is not None)
        if when is not None:
            self.nextEdit.setDateTime(to_qdatetime(when))

    def values(self) -> dict:
        """Fields for :class:`workstation.services.calls.WrapUp`."""
        result = self.resultCombo.currentData()
        nxt = from_qdatetime(self.nextEdit.dateTime()) if self.nextCheck.isChecked() else None
        return {
            "result": result,
            "reason": (self.reasonCombo.currentData() or "") if result != "positive" else "",
            "lead_type": self.typeCombo.currentData(),
            "stage": self.stageCombo.currentData(),
            "notes": self.notesEdit.toPlainText().strip(),
            "tools": [c for c, cb in self.toolChecks.items() if cb.isChecked()],
            "invoice_amount": (self.invoiceSum.value()
                               if self.toolChecks["invoice"].isChecked() else None),
            "next_contact_at": nxt,
            "remind": self.remindCheck.isChecked() if nxt else False,
            "remind_before_minutes": self.remindBefore.value() if nxt else 0,
            "new_deal": self.newDealCheck.isChecked() and result == "positive",
            "consent_refused": self.consentRefusedCheck.isChecked(),
            "wrapup_seconds": round(self.elapsed(), 1),
        }

    def check(self) -> str:
        """A message for the user when the form cannot be saved yet, else ""."""
        v = self.values()
        if v["result"] is None:
            return self.tr("Choose the result of the call.")
        if v["result"] != "positive" and not v["reason"]:
            return self.tr("Choose a reason for the result %1.").replace(
                "%1", labels.result_label(v["result"]))
        if v["next_contact_at"] and v["next_contact_at"] < datetime.now(timezone.utc) - \
                timedelta(minutes=1):
            return self.tr("The next contact is in the past.")
        return ""
