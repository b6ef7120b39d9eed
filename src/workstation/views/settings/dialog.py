"""The settings dialog: option pages in a list on the left, OK / Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
)

from workstation.config import Config, ConfigError
from workstation.views.settings.headset import HeadsetPage
from workstation.views.settings.pages import (DatabasePage, GeneralSettingsPage, OptionPage,
                                              SipPage)

DIALOG_PAGES: tuple[type[OptionPage], ...] = (GeneralSettingsPage, HeadsetPage, SipPage,
                                              DatabasePage)
"""The pages of the dialog: General without the devices, which the Headset page lists."""


class SettingsDialog(QDialog):
    sig_language_changed = Signal(str)
    """The interface language setting changed; carries the new code ("" = system)."""
    sig_saved = Signal()
    """Settings were written to config.json (and passwords to the keyring)."""

    def __init__(self, config: Config, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.config = config
        self.pages: list[OptionPage] = [cls(self) for cls in DIALOG_PAGES]
        self.nav = QListWidget(self)
        self.nav.setObjectName("settingsNav")
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.nav.addItem(page.title())
            self.stack.addWidget(page)
        self.nav.setFixedWidth(max(160, self.nav.sizeHintForColumn(0) + 24))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(720, 380)
        for page in self.pages:
            page.load(config)

    def page(self, cls: type[OptionPage]) -> OptionPage:
        return next(p for p in self.pages if isinstance(p, cls))

    def apply(self) -> bool:
        """Validate and save every page; False (and a message) if something is wrong."""
        for i, page in enumerate(self.pages):
            problem = page.validate() if hasattr(page, "validate") else ""
            if problem:
                self.nav.setCurrentRow(i)
                QMessageBox.warning(self, self.tr("Settings"), problem)
                return False
        old_language = self.config.get("ui.language")
        try:
            for page in self.pages:
                page.save(self.config)
            self.config.save()
        except (ConfigError, OSError) as exc:
            QMessageBox.critical(self, self.tr("Settings"),
                                 self.tr("Settings were not saved: %1").replace("%1", str(exc)))
            return False
        self.sig_saved.emit()
        new_language = self.config.get("ui.language")
        if new_language != old_language:
            self.sig_language_changed.emit(new_language)
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
