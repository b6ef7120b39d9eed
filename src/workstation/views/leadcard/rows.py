"""Small editable lists inside the lead card: contacts, phones, e-mails.

A lead has a handful of each, so every entry is a row of plain widgets with a
remove button, and an "Add" button below. Each editor keeps the row's database
id so that saving updates the same row instead of inserting a new one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workstation.domain import phones as ph
from workstation.services import leads as L
from workstation.views.icons import icon

PHONE_KINDS = {
    "work": QT_TRANSLATE_NOOP("RowsEditor", "work"),
    "mobile": QT_TRANSLATE_NOOP("RowsEditor", "mobile"),
    "home": QT_TRANSLATE_NOOP("RowsEditor", "home"),
    "fax": QT_TRANSLATE_NOOP("RowsEditor", "fax"),
}


class _Row(QWidget):
    def __init__(self, item_id, parent=None) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.remove_button = QToolButton(self)
        self.remove_button.setIcon(icon("remove"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(QCoreApplication.translate("RowsEditor", "Remove"))


class RowsEditor(QWidget):
    """A vertical list of rows plus an "Add" button."""

    sig_changed = Signal()
    """A row was added, removed or edited."""

    add_text = QT_TRANSLATE_NOOP("RowsEditor", "Add")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []
        self._spare: list[_Row] = []
        """Hidden rows (at the end of the layout, in reverse order) for reuse."""
        self._box = QVBoxLayout()
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(2)
        self.add_button = QPushButton(icon("add"), QCoreApplication.translate(
            "RowsEditor", self.add_text), self)
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        outer.addStretch(1)

    def make_row(self, item) -> _Row:  # pragma: no cover - overridden
        raise NotImplementedError

    def fill_row(self, row: _Row, item) -> None:  # pragma: no cover - overridden
        """Show ``item`` in an existing row (no signals, no new widgets)."""
        raise NotImplementedError

    def add_row(self, item=None, focus: bool = False) -> _Row:
        if self._spare:
            row = self._spare.pop()
            self._fill(row, item)
            row.show()
        else:
            row = self.make_row(item)
            row.remove_button.clicked.connect(lambda: self.remove_row(row))
            self._box.addWidget(row)
        self.rows.append(row)
        if focus:
            row.focusNextChild()
            first = row.findChild(QLineEdit)
            if first is not None:
                first.setFocus()
            self.sig_changed.emit()
        return row

    def _fill(self, row: _Row, item) -> None:
        blocked = [(w, w.blockSignals(True)) for w in row.findChildren(QWidget)]
        try:
            self.fill_row(row, item)
        finally:
            for w, was in blocked:
                w.blockSignals(was)

    def remove_row(self, row: _Row) -> None:
        self.rows.remove(row)
        self._box.removeWidget(row)
        row.deleteLater()
        self.sig_changed.emit()

    def set_items(self, items) -> None:
        """Show ``items``: the existing row widgets are refilled (setText), extra
        ones hidden and kept for the next lead; new widgets only when a lead has
        more entries than any shown before. The layout keeps its order: rows are
        taken from and returned to the spare list at the end."""
        items = list(items)
        keep = min(len(items), len(self.rows))
        for row, item in zip(self.rows[:keep], items[:keep]):
            self._fill(row, item)
        for row in reversed(self.rows[keep:]):
            row.hide()
            self._spare.append(row)
        del self.rows[keep:]
        for item in items[keep:]:
            self.add_row(item)


class ContactsEditor(RowsEditor):
    def make_row(self, item: L.ContactData | None) -> _Row:
        row = _Row(None, self)
        row.name = QLineEdit(row)
        row.name.setPlaceholderText(QCoreApplication.translate("RowsEditor", "Full name"))
        row.position = QLineEdit(row)
        row.position.setPlaceholderText(QCoreApplication.translate("RowsEditor", "Position"))
        row.dm = QCheckBox(QCoreApplication.translate("RowsEditor", "DM"), row)
        row.dm.setToolTip(QCoreApplication.translate("RowsEditor", "Decision maker"))
        self.fill_row(row, item)
        for w in (row.name, row.position):
            w.textEdited.connect(lambda _t: self.sig_changed.emit())
        row.dm.toggled.connect(lambda _b: self.sig_changed.emit())
        row.layout_.addWidget(row.name, 3)
        row.layout_.addWidget(row.position, 2)
        row.layout_.addWidget(row.dm)
        row.layout_.addWidget(row.remove_button)
        return row

    def fill_row(self, row: _Row, item: L.ContactData | None) -> None:
        item = item or L.ContactData()
        row.item_id = item.id
        row.name.setText(item.full_name)
        row.position.setText(item.position)
        row.dm.setChecked(item.is_decision_maker)

    def items(self) -> list[L.ContactData]:
        return [L.ContactData(r.name.text(), r.position.text(), r.dm.isChecked(), r.item_id)
                for r in self.rows]


class PhonesEditor(RowsEditor):
    sig_dial = Signal(str)
    """The call button of a phone row was pressed; carries the E.164 number."""
    sig_invalid = Signal(str)
    """The call button was pressed on a number that is not valid; carries the message."""

    def __init__(self, region: str = "UA", parent=None) -> None:
        self.region = region
        super().__init__(parent)

    def make_row(self, item: L.PhoneData | None) -> _Row:
        row = _Row(None, self)
        row.number = QLineEdit(row)
        row.number.setPlaceholderText("+380 67 123 45 67")
        row.kind = QComboBox(row)
        for code, text in PHONE_KINDS.items():
            row.kind.addItem(QCoreApplication.translate("RowsEditor", text), code)
        row.call_button = QToolButton(row)
        row.call_button.setObjectName("callButton")
        row.call_button.setIcon(icon("phone"))
        row.call_button.setAutoRaise(True)
        row.call_button.setToolTip(QCoreApplication.translate("RowsEditor", "Call this number"))
        self.fill_row(row, item)
        row.call_button.clicked.connect(lambda: self.dial(row))
        row.number.textEdited.connect(lambda _t: self.sig_changed.emit())
        row.kind.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())
        row.layout_.addWidget(row.number, 3)
        row.layout_.addWidget(row.kind, 1)
        row.layout_.addWidget(row.call_button)
        row.layout_.addWidget(row.remove_button)
        return row

    def fill_row(self, row: _Row, item: L.PhoneData | None) -> None:
        item = item or L.PhoneData()
        row.item_id = item.id
        row.number.setText(item.raw or item.e164)
        row.number.setToolTip(ph.display(item.e164) if item.e164 else "")
        idx = row.kind.findData(item.kind or "work")
        row.kind.setCurrentIndex(max(idx, 0))

    def dial(self, row: _Row) -> None:
        try:
            e164 = ph.normalize(row.number.text(), self.region)
        except ph.PhoneError as exc:
            self.sig_invalid.emit(str(exc))
            return
        self.sig_dial.emit(e164)

    def items(self) -> list[L.PhoneData]:
        return [L.PhoneData(raw=r.number.text(), kind=r.kind.currentData(), id=r.item_id)
                for r in self.rows]


class EmailsEditor(RowsEditor):
    def make_row(self, item: L.EmailData | None) -> _Row:
        row = _Row(None, self)
        row.address = QLineEdit(row)
        row.address.setPlaceholderText("name@example.com")
        self.fill_row(row, item)
        row.address.textEdited.connect(lambda _t: self.sig_changed.emit())
        row.layout_.addWidget(row.address)
        row.layout_.addWidget(row.remove_button)
        return row

    def fill_row(self, row: _Row, item: L.EmailData | None) -> None:
        item = item or L.EmailData()
        row.item_id = item.id
        row.address.setText(item.address)

    def items(self) -> list[L.EmailData]:
        return [L.EmailData(r.address.text(), r.item_id) for r in self.rows]
