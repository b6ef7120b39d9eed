"""The lead card: a reusable widget, and a dialog that holds it.

``LeadCardWidget`` shows and edits one lead (the card fields of DOMAIN.md that
the data model has). It loads and saves through background operations; the
call workspace embeds the same widget next to the script and history panes.

    card = LeadCardWidget(ctx)       # a services.context.Context
    card.sig_dial.connect(softphone.dial)
    card.open_lead(lead_id)          # reads in the background, then shows
    card.save()                      # one transaction, history for changed fields
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from workstation.services import leads as L
from workstation.views import ops
from workstation.views import labels
from workstation.views.forms.ui_leadcard import Ui_LeadCardForm
from workstation.views.leadcard.rows import ContactsEditor, EmailsEditor, PhonesEditor

_TEXT_FIELDS = {
    "company": "companyEdit", "category": "categoryEdit", "address": "addressEdit",
    "site": "siteEdit", "source": "sourceEdit", "topic": "topicEdit",
    "product": "productEdit", "project": "projectEdit",
}


def _uuid_or_none(text) -> uuid.UUID | None:
    return uuid.UUID(text) if text else None


def to_qdatetime(dt: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(dt.astimezone(timezone.utc).timestamp()),
                                        QTimeZone.systemTimeZone())


def from_qdatetime(q: QDateTime) -> datetime:
    return datetime.fromtimestamp(q.toSecsSinceEpoch(), tz=timezone.utc)


class LeadCardWidget(QWidget):
    sig_dial = Signal(str)
    """Click-to-call on one of the lead's phones; carries the E.164 number."""
    sig_loaded = Signal(object)
    """The lead was read and shown; carries its LeadData."""
    sig_saved = Signal(object)
    """The edits were saved; carries the lead's uuid.UUID."""
    sig_error = Signal(str)
    """Loading or saving failed; carries a message for the user."""
    sig_dirty = Signal(bool)
    """True once the user changed something since loading or saving."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_LeadCardForm()
        self.ui.setupUi(self)
        self.contacts = ContactsEditor(self.ui.contactsBox)
        self.phones = PhonesEditor(ctx.region, self.ui.phonesBox)
        self.emails = EmailsEditor(self.ui.emailsBox)
        self.ui.contactsLayout.addWidget(self.contacts)
        self.ui.phonesLayout.addWidget(self.phones)
        self.ui.emailsLayout.addWidget(self.emails)
        self.ui.errorLabel.hide()
        font = self.ui.companyEdit.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.ui.companyEdit.setFont(font)
        self.ui.nextContactEdit.setDateTime(QDateTime.currentDateTime())
        self._data = L.LeadData()
        self._choices = L.CardChoices((), ())
        self._dirty = False
        self._busy = False
        self._seq = 0
        """Bumped by every shown lead: a late background load is dropped."""
        self.phones.sig_dial.connect(self.sig_dial)
        self.phones.sig_invalid.connect(self.show_error)
        for w in (self.contacts, self.phones, self.emails):
            w.sig_changed.connect(self._mark_dirty)
        for name in _TEXT_FIELDS.values():
            getattr(self.ui, name).textEdited.connect(self._mark_dirty)
        for combo in (self.ui.typeCombo, self.ui.stageCombo, self.ui.ownerCombo):
            combo.activated.connect(self._mark_dirty)
        self.ui.nextContactCheck.toggled.connect(self._mark_dirty)
        self.ui.nextContactEdit.dateTimeChanged.connect(self._mark_dirty)
        self.ui.remindCheck.toggled.connect(self._mark_dirty)
        self.ui.notesEdit.textChanged.connect(self._notes_changed)
        self._fill_combos()

    # -- state ------------------------------------------------------------
    def lead_id(self) -> uuid.UUID | None:
        return self._data.id

    def is_dirty(self) -> bool:
        return self._dirty

    def is_busy(self) -> bool:
        return self._busy

    def discard_changes(self) -> None:
        """Forget unsaved edits (the window is closing without saving)."""
        if self._dirty:
            self._dirty = False
            self.sig_dirty.emit(False)

    def _mark_dirty(self, *_args) -> None:
        if not self._dirty:
            self._dirty = True
            self.sig_dirty.emit(True)

    def _notes_changed(self) -> None:
        if self.ui.notesEdit.toPlainText() != (self._data.notes or ""):
            self._mark_dirty()

    def show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))
        if text:
            self.sig_error.emit(text)

    # -- choices ----------------------------------------------------------
    def set_choices(self, choices: L.CardChoices) -> None:
        if self._apply_choices(choices):
            self._show_selection(self._data)

    def _apply_choices(self, choices: L.CardChoices) -> bool:
        """Refill the combo boxes only when the stages or users changed."""
        if choices == self._choices:
            return False
        self._choices = choices
        self._fill_combos()
        return True

    def _fill_combos(self) -> None:
        ui = self.ui
        ui.typeCombo.clear()
        ui.typeCombo.addItem(self.tr("— not set —"), None)
        for code in labels.lead_type_codes():
            ui.typeCombo.addItem(labels.lead_type_label(code), code)
        ui.stageCombo.clear()
        ui.stageCombo.addItem(self.tr("— not set —"), None)
        for st in self._choices.stages:
            ui.stageCombo.addItem(labels.stage_label(st.code, st.name), str(st.id))
        ui.ownerCombo.clear()
        ui.ownerCombo.addItem(self.tr("— nobody —"), None)
        for u in self._choices.users:
            ui.ownerCombo.addItem(u.name, str(u.id))
        # the admin's lead sources as suggestions; any other text is still allowed
        ui.sourceEdit.setCompleter(QCompleter([src.name for src in self._choices.sources], self)
                                   if self._choices.sources else None)

    @staticmethod
    def _select(combo, value) -> None:
        # uuids travel as text: QVariant compares Python objects by identity
        if isinstance(value, uuid.UUID):
            value = str(value)
        idx = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(idx if idx >= 0 else 0)

    def _show_selection(self, data: L.LeadData) -> None:
        self._select(self.ui.typeCombo, data.lead_type)
        self._select(self.ui.stageCombo, data.stage_id)
        self._select(self.ui.ownerCombo, data.owner_id)

    # -- show / read ------------------------------------------------------
    def set_lead(self, data: L.LeadData) -> None:
        """Show ``data`` (no database access); the card is clean afterwards.
        A background load still running for an earlier lead is dropped."""
        self._seq += 1
        self._busy = False
        self._data = data.copy()
        ui = self.ui
        for fname, wname in _TEXT_FIELDS.items():
            getattr(ui, wname).setText(getattr(data, fname) or "")
        self._show_selection(data)
        has_next = data.next_contact_at is not None
        ui.nextContactCheck.setChecked(has_next)
        ui.nextContactEdit.setEnabled(has_next)
        ui.nextContactEdit.setDateTime(to_qdatetime(data.next_contact_at) if has_next else
                                       QDateTime.currentDateTime().addSecs(3600))
        ui.remindCheck.setChecked(bool(data.remind))
        ui.notesEdit.setPlainText(data.notes or "")
        self.contacts.set_items(data.contacts)
        self.phones.set_items(data.phones)
        self.emails.set_items(data.emails)
        self.show_error("")
        title = data.company or (data.contacts[0].full_name if data.contacts else "")
        self.setWindowTitle(title or self.tr("New lead"))
        self._dirty = False
        self.sig_dirty.emit(False)

    def lead_data(self) -> L.LeadData:
        """The card's current contents as LeadData (what save() would write)."""
        ui = self.ui
        d = self._data.copy()
        for fname, wname in _TEXT_FIELDS.items():
            setattr(d, fname, getattr(ui, wname).text())
        d.lead_type = ui.typeCombo.currentData()
        d.stage_id = _uuid_or_none(ui.stageCombo.currentData())
        d.owner_id = _uuid_or_none(ui.ownerCombo.currentData())
        if ui.nextContactCheck.isChecked():
            new = from_qdatetime(ui.nextContactEdit.dateTime())
            old = self._data.next_contact_at
            # the editor has minute precision: keep the stored value if it shows the same
            d.next_contact_at = old if old and abs(old - new) < timedelta(minutes=1) else new
        else:
            d.next_contact_at = None
        d.remind = ui.remindCheck.isChecked()
        d.notes = ui.notesEdit.toPlainText()
        d.contacts = self.contacts.items()
        d.phones = self.phones.items()
        d.emails = self.emails.items()
        return d

    def edits(self) -> tuple[L.LeadData, L.LeadData, int] | None:
        """(the lead as shown, the card with the user's edits, the notes' text cursor),
        or None when the card is clean: what :meth:`restore_edits` puts back."""
        if not self._dirty:
            return None
        return self._data.copy(), self.lead_data(), self.ui.notesEdit.textCursor().position()

    def restore_edits(self, base: L.LeadData, edited: L.LeadData, notes_cursor: int = 0) -> None:
        """Show ``edited`` over ``base`` as unsaved edits (dirty, as they were left):
        :meth:`lead_data` and a save then give what the user had typed."""
        self.set_lead(edited)
        self._data = base.copy()
        cursor = self.ui.notesEdit.textCursor()
        cursor.setPosition(min(max(notes_cursor, 0), len(edited.notes or "")))
        self.ui.notesEdit.setTextCursor(cursor)
        self._mark_dirty()

    # -- background work --------------------------------------------------
    def new_lead(self, phone: str = "", choices: L.CardChoices | None = None) -> None:
        """An empty card ("Interest"), optionally with the caller's number; the
        combo choices are read in the background unless given."""
        data = L.LeadData(owner_id=self.ctx.user.id)
        if phone:
            data.phones = [L.PhoneData(raw=phone)]
        if choices is None:
            self.load_choices()
        else:
            self._apply_choices(choices)
        self.set_lead(data)

    def load_choices(self) -> None:
        ctx = self.ctx
        ops.query(self, lambda: L.choices(ctx), self.set_choices,
                  lambda exc: self.show_error(str(exc)))

    def open_lead(self, lead_id: uuid.UUID) -> None:
        """Read the lead and the combo choices in the background, then show them."""
        ctx = self.ctx
        self._busy = True
        seq = self._seq

        def done(result):
            if seq != self._seq:
                return  # another lead was shown meanwhile: this load is stale
            self._busy = False
            self.show_loaded(*result)

        def failed(exc):
            if seq != self._seq:
                return
            self._busy = False
            self.show_error(self.tr("Could not read the lead: %1").replace("%1", str(exc)))

        ops.query(self, lambda: L.load(ctx, lead_id), done, failed)

    def show_loaded(self, choices: L.CardChoices, data: L.LeadData | None) -> None:
        """Show a lead read elsewhere (the workspace's screen pop reads it with the
        history and script in one go); emits sig_loaded like open_lead."""
        self._apply_choices(choices)
        if data is None:
            self.show_error(self.tr("This lead no longer exists."))
            return
        self.set_lead(data)
        self.sig_loaded.emit(data)

    def save(self) -> None:
        """Write the edits in one transaction (background); sig_saved or sig_error."""
        if self._busy:
            return
        data = self.lead_data()
        self._busy = True
        self.show_error("")
        seq = self._seq

        def done(fresh: L.LeadData):
            if seq == self._seq:  # else another lead is shown now: keep it
                self._busy = False
                self.set_lead(fresh)
            self.sig_saved.emit(fresh.id)

        def failed(exc):
            if seq != self._seq:
                return
            self._busy = False
            if isinstance(exc, L.LeadValidationError):
                self.show_error(self.tr("Not saved: %1").replace("%1", str(exc)))
            else:
                self.show_error(self.tr("Could not save the lead: %1").replace("%1", str(exc)))

        ops.save_card(self, self.ctx, data, done, failed)


class LeadCardDialog(QDialog):
    """A window holding a LeadCardWidget with Save / Close buttons."""

    sig_saved = Signal(object)
    """The lead was saved; carries its uuid.UUID."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("leadCardDialog")
        self.card = LeadCardWidget(ctx, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.handOverButton = self.buttons.addButton(self.tr("Hand over…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.handOverButton.setObjectName("handOverButton")
        self.handOverButton.setEnabled(False)
        self.handOverButton.clicked.connect(self.hand_over)
        layout = QVBoxLayout(self)
        layout.addWidget(self.card)
        layout.addWidget(self.buttons)
        self.resize(900, 640)
        self.setWindowTitle(self.tr("Lead card"))
        self.buttons.accepted.connect(self.card.save)
        self.buttons.rejected.connect(self.close)
        self.card.sig_dirty.connect(
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled)
        self.card.sig_saved.connect(self.sig_saved)
        self.card.sig_loaded.connect(
            lambda d: self.setWindowTitle(self.tr("Lead card: %1").replace(
                "%1", self.card.windowTitle())))
        self.card.sig_loaded.connect(
            lambda d: self.handOverButton.setEnabled(d.id is not None))

    def hand_over(self):
        """The hand-over dialog for the lead shown (services.leads.hand_over)."""
        from workstation.views.leadcard.handover import HandOverDialog  # (deferred: rare)

        dialog = HandOverDialog(self.card.ctx, self.card.lead_id(), self)
        dialog.sig_done.connect(lambda lead_id: self.card.open_lead(lead_id))
        dialog.open()
        return dialog

    @property
    def sig_dial(self):
        return self.card.sig_dial

    def open_lead(self, lead_id: uuid.UUID) -> None:
        self.card.open_lead(lead_id)

    def closeEvent(self, event) -> None:
        if self.card.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"),
                self.tr("The lead card has unsaved changes. Close without saving?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        super().closeEvent(event)
