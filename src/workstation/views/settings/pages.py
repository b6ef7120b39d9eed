"""Option pages: each maps a few settings (config.OPTIONS) to its widgets.

A page has ``load(config)`` (settings → widgets) and ``save(config)``
(widgets → settings). Passwords never touch ``config``: they go to the OS
keyring through :mod:`workstation.secrets`; without a keyring the page says so
and keeps the password for this session only.
"""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from workstation import secrets
from workstation.config import OPTIONS, Config
from workstation.i18n import LANGUAGES
from workstation.views.forms.ui_settings_database import Ui_DatabasePageForm
from workstation.views.forms.ui_settings_general import Ui_GeneralPageForm
from workstation.views.forms.ui_settings_sip import Ui_SipPageForm


class SecretField:
    """A password line edit bound to one secret setting."""

    def __init__(self, owner: QWidget, key: str, edit: QLineEdit, notice: QLabel) -> None:
        self.owner, self.key, self.edit, self.notice = owner, key, edit, notice

    def load(self) -> None:
        self.edit.clear()
        if not secrets.keyring_available():
            self.edit.setPlaceholderText(QCoreApplication.translate("SecretField", "Not stored"))
            self.notice.setText(QCoreApplication.translate(
                "SecretField",
                "No system keyring is available on this computer, so passwords are not "
                "stored. A password typed here is kept in memory until the app closes; "
                "otherwise it is asked for when it is needed."))
            self.notice.show()
            return
        if secrets.get_secret(self.key):
            hint = QCoreApplication.translate("SecretField",
                                              "Stored in the system keyring; type to replace")
        else:
            hint = QCoreApplication.translate("SecretField", "Not set")
        self.edit.setPlaceholderText(hint)
        self.notice.setText(QCoreApplication.translate(
            "SecretField", "Passwords are kept in the system keyring, never in files."))
        self.notice.show()

    def save(self) -> str:
        """Store a typed password; returns "keyring", "session" or "" (unchanged)."""
        value = self.edit.text()
        if not value:
            return ""
        try:
            secrets.set_secret(self.key, value)
            where = "keyring"
        except secrets.NoKeyringError:
            secrets.remember_for_session(self.key, value)
            where = "session"
        self.edit.clear()
        return where


def _fill_choices(combo: QComboBox, key: str, labels: dict[str, str] | None = None) -> None:
    combo.clear()
    for value in OPTIONS[key].choices or ():
        combo.addItem((labels or {}).get(value, value), value)


def _select(combo: QComboBox, value) -> None:
    idx = combo.findData(value)
    combo.setCurrentIndex(idx if idx >= 0 else 0)


class OptionPage(QWidget):
    """Base: a titled page with load()/save()."""

    def title(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def load(self, config: Config) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def save(self, config: Config) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class GeneralPage(OptionPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("generalPage")
        self.ui = Ui_GeneralPageForm()
        self.ui.setupUi(self)
        self.ui.languageCombo.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.ui.languageCombo.addItem(name, code)
        regions = []
        for code in phonenumbers.SUPPORTED_REGIONS:
            territory = QLocale.codeToTerritory(code)
            name = QLocale.territoryToString(territory) if territory.value else code
            regions.append((name, code))
        for name, code in sorted(regions):
            self.ui.regionCombo.addItem(f"{name} ({code}, +"
                                        f"{phonenumbers.country_code_for_region(code)})", code)
        self.ui.languageNotice.setText(self.tr("A new language applies at once to the main "
                                               "window and to windows opened afterwards."))

    def title(self) -> str:
        return self.tr("General")

    def load(self, config: Config) -> None:
        _select(self.ui.languageCombo, config.get("ui.language"))
        _select(self.ui.regionCombo, config.get("phone.default_region"))
        self.ui.audioInputEdit.setText(config.get("audio.input"))
        self.ui.audioOutputEdit.setText(config.get("audio.output"))
        self.ui.audioRingEdit.setText(config.get("audio.ring"))

    def save(self, config: Config) -> None:
        config.set("ui.language", self.ui.languageCombo.currentData())
        config.set("phone.default_region", self.ui.regionCombo.currentData())
        if self.with_audio:
            config.set("audio.input", self.ui.audioInputEdit.text().strip())
            config.set("audio.output", self.ui.audioOutputEdit.text().strip())
            config.set("audio.ring", self.ui.audioRingEdit.text().strip())

    with_audio = True
    """The first-run wizard's page keeps the device names (its headset check fills
    them); the settings dialog has a Headset page of its own."""


class GeneralSettingsPage(GeneralPage):
    """General in the settings dialog: the devices are on the Headset page there."""

    with_audio = False

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        form = self.layout()
        for edit in (self.ui.audioInputEdit, self.ui.audioOutputEdit, self.ui.audioRingEdit):
            form.setRowVisible(edit, False)


class SipPage(OptionPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sipPage")
        self.ui = Ui_SipPageForm()
        self.ui.setupUi(self)
        _fill_choices(self.ui.transportCombo, "sip.transport",
                      {"udp": "UDP", "tcp": "TCP", "tls": "TLS"})
        _fill_choices(self.ui.srtpCombo, "sip.srtp",
                      {"off": self.tr("Off"), "optional": self.tr("When the other side can"),
                       "mandatory": self.tr("Always (calls without it fail)")})
        self.password = SecretField(self, "sip.password", self.ui.passwordEdit,
                                    self.ui.passwordNotice)

    def title(self) -> str:
        return self.tr("SIP account")

    def load(self, config: Config) -> None:
        self.ui.usernameEdit.setText(config.get("sip.username"))
        self.ui.domainEdit.setText(config.get("sip.domain"))
        self.ui.proxyEdit.setText(config.get("sip.proxy"))
        _select(self.ui.transportCombo, config.get("sip.transport"))
        _select(self.ui.srtpCombo, config.get("sip.srtp"))
        self.ui.caFileEdit.setText(config.get("sip.tls_ca_file"))
        self.password.load()

    def save(self, config: Config) -> None:
        config.set("sip.username", self.ui.usernameEdit.text().strip())
        config.set("sip.domain", self.ui.domainEdit.text().strip())
        config.set("sip.proxy", self.ui.proxyEdit.text().strip())
        config.set("sip.transport", self.ui.transportCombo.currentData())
        config.set("sip.srtp", self.ui.srtpCombo.currentData())
        config.set("sip.tls_ca_file", self.ui.caFileEdit.text().strip())
        self.password.save()


class DatabasePage(OptionPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("databasePage")
        self.ui = Ui_DatabasePageForm()
        self.ui.setupUi(self)
        self.password = SecretField(self, "db.shared_password", self.ui.passwordEdit,
                                    self.ui.passwordNotice)

    def title(self) -> str:
        return self.tr("Shared database")

    def load(self, config: Config) -> None:
        self.ui.urlEdit.setText(config.get("db.shared_url"))
        self.password.load()

    def validate(self) -> str:
        """A message if the URL holds a password (it must go to the keyring)."""
        url = self.ui.urlEdit.text().strip()
        head = url.split("@", 1)[0] if "@" in url else ""
        if "://" in head and ":" in head.split("://", 1)[1]:
            return self.tr("Remove the password from the database URL and type it in the "
                           "Password field: it is kept in the system keyring.")
        if url and not url.startswith(("postgresql://", "postgresql+psycopg://",
                                       "postgres://", "sqlite:///")):
            return self.tr("The database URL must start with postgresql:// (or be empty).")
        return ""

    def save(self, config: Config) -> None:
        config.set("db.shared_url", self.ui.urlEdit.text().strip())
        self.password.save()


PAGES: tuple[type[OptionPage], ...] = (GeneralPage, SipPage, DatabasePage)
