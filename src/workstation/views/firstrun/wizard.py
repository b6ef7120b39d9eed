"""The first-run wizard: language and region, shared database or single user, SIP account,
headset check (views/firstrun/headset.py).

Each page embeds the settings dialog's own page (views/settings/pages.py), so
everything set here is changed later in Settings. The database and the SIP
account are tested live before *Next* is allowed: the database sign-in on a
worker thread, the REGISTER on the Qt thread (pjsua2's thread in this app; the
test engine is stopped before the app starts its own). Failures say what went
wrong: DNS, refused, wrong password, TLS, no answer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QPushButton, QRadioButton,
                               QVBoxLayout, QWizard, QWizardPage)

from workstation import secrets
from workstation.config import Config
from workstation.views.ops import run_op
from workstation.views.settings.pages import DatabasePage, GeneralPage, SipPage

SIP_TIMEOUT_MS = 10_000


def _status(parent) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setObjectName("testStatus")
    return label


class GeneralWizardPage(QWizardPage):
    def __init__(self, config: Config, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Language and region"))
        self.setSubTitle(self.tr("The interface language and the region for phone numbers "
                                 "written without a country code."))
        self.page = GeneralPage(self)
        self.page.load(config)
        QVBoxLayout(self).addWidget(self.page)


class DatabaseWizardPage(QWizardPage):
    """Single user, or a shared database signed in to (tested) before Next."""

    def __init__(self, config: Config, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Shared database"))
        self.setSubTitle(self.tr("Work alone on this computer, or sign in to your team's "
                                 "shared database."))
        self.alone = QRadioButton(self.tr("Single user: work alone on this computer"), self)
        self.shared = QRadioButton(self.tr("Sign in to a shared database"), self)
        group = QButtonGroup(self)
        group.addButton(self.alone)
        group.addButton(self.shared)
        self.page = DatabasePage(self)
        self.page.load(config)
        self.test_button = QPushButton(self.tr("Test sign-in"), self)
        self.test_button.setObjectName("testDatabase")
        self.status = _status(self)
        self._ok_for: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        for w in (self.alone, self.shared, self.page):
            layout.addWidget(w)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        (self.shared if config.get("db.shared_url") else self.alone).setChecked(True)
        self.alone.toggled.connect(self._mode_changed)
        self.page.ui.urlEdit.textChanged.connect(self._edited)
        self.page.ui.passwordEdit.textChanged.connect(self._edited)
        self.test_button.clicked.connect(self.test)
        self._mode_changed()

    def _typed(self) -> tuple[str, str]:
        return self.page.ui.urlEdit.text().strip(), self.page.ui.passwordEdit.text()

    def _mode_changed(self) -> None:
        shared = self.shared.isChecked()
        self.page.setEnabled(shared)
        self.test_button.setEnabled(shared)
        self.completeChanged.emit()

    def _edited(self) -> None:
        self._ok_for = None
        self.status.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.alone.isChecked() or self._ok_for == self._typed()

    def test(self) -> None:
        problem = self.page.validate()
        if problem:
            self.status.setText(problem)
            return
        url, password = self._typed()
        if not url:
            self.status.setText(self.tr("Type the database URL your admin gave you."))
            return
        from workstation.cli.checks import shared_database_at  # (deferred: psycopg loads only when the sign-in is tested)

        self.test_button.setEnabled(False)
        self.status.setText(self.tr("Signing in…"))
        run_op(self, lambda _p, _c: shared_database_at(url, password or None),
               on_done=lambda r: self._tested(r, (url, password)),
               on_error=lambda exc: self._tested(None, (url, password), str(exc)))

    def _tested(self, result, typed, error: str = "") -> None:
        self.test_button.setEnabled(self.shared.isChecked())
        if result is not None and result.ok:
            self._ok_for = typed
            self.status.setText(self.tr("Signed in: %1").replace("%1", result.detail))
        else:
            detail = result.detail if result is not None else error
            self.status.setText(db_problem(self, detail))
        self.completeChanged.emit()


def db_problem(owner, detail: str) -> str:
    low = detail.lower()
    if "password" in low or "authentication" in low:
        what = owner.tr("Wrong user name or password.")
    elif "translate host" in low or "name or service" in low or "resolve" in low:
        what = owner.tr("The server name is not found (DNS): check the address.")
    elif "refused" in low:
        what = owner.tr("The server refused the connection: check the port and that it runs.")
    elif "ssl" in low or "certificate" in low:
        what = owner.tr("The secure connection (SSL) failed: check sslmode and the certificate.")
    elif "timeout" in low or "timed out" in low:
        what = owner.tr("No answer from the server: check the network and VPN.")
    else:
        what = owner.tr("Cannot sign in.")
    return f"{what}\n{detail}"


class SipWizardPage(QWizardPage):
    """The SIP account, registered once (tested) before Next; empty = no softphone."""

    def __init__(self, config: Config, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("SIP account"))
        self.setSubTitle(self.tr("The phone account from your PBX. Leave the user name empty "
                                 "to set it up later (the softphone stays off)."))
        self.page = SipPage(self)
        self.page.load(config)
        self.test_button = QPushButton(self.tr("Test registration"), self)
        self.test_button.setObjectName("testSip")
        self.status = _status(self)
        self._ok_for: tuple | None = None
        self.engine = None
        self._tmp = tempfile.TemporaryDirectory(prefix="workstation-firstrun-")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._finish("failed", 0, ""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        ui = self.page.ui
        for edit in (ui.usernameEdit, ui.domainEdit, ui.proxyEdit, ui.passwordEdit):
            edit.textChanged.connect(self._edited)
        ui.transportCombo.currentIndexChanged.connect(self._edited)
        self.test_button.clicked.connect(self.test)

    def _typed(self) -> tuple:
        ui = self.page.ui
        return (ui.usernameEdit.text().strip(), ui.domainEdit.text().strip(),
                ui.proxyEdit.text().strip(), ui.transportCombo.currentData(),
                ui.passwordEdit.text() or secrets.get_secret("sip.password") or "")

    def _edited(self) -> None:
        self._ok_for = None
        self.status.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        typed = self._typed()
        return self.engine is None and (not typed[0] or self._ok_for == typed)

    def test(self) -> None:
        from workstation.telephony.engine import TelephonyEngine, TelephonyError  # (deferred: pjsua2 loads only when the SIP account is tested)
        from workstation.telephony.settings import SipSettings  # (deferred with the engine above)

        username, domain, proxy, transport, password = typed = self._typed()
        if not (username and domain):
            self.status.setText(self.tr("Type the user name and the domain (the PBX address)."))
            return
        settings = SipSettings(username=username, password=password, domain=domain, proxy=proxy,
                               transport=transport, record_calls=False,
                               recordings_dir=Path(self._tmp.name), backoff_initial=3600.0,
                               backoff_max=3600.0)
        self.engine = TelephonyEngine(settings, self)
        self._testing = typed
        self.engine.sig_registration.connect(self._on_registration)
        self.test_button.setEnabled(False)
        self.status.setText(self.tr("Registering…"))
        self.completeChanged.emit()
        try:
            self.engine.start()
        except TelephonyError as exc:
            self._finish("failed", -1, str(exc))
            return
        self._timer.start(SIP_TIMEOUT_MS)

    def _on_registration(self, state: str, code: int, reason: str) -> None:
        if state in ("registered", "failed"):
            # not inside pjsua2's callback: the engine is stopped from the event loop
            QTimer.singleShot(0, lambda: self._finish(state, code, reason))

    def _finish(self, state: str, code: int, reason: str) -> None:
        engine, self.engine = self.engine, None
        if engine is None:
            return
        self._timer.stop()
        engine.stop()
        engine.deleteLater()
        self.test_button.setEnabled(True)
        if state == "registered":
            self._ok_for = self._testing
            self.status.setText(self.tr("Registered with %1.").replace("%1", self._testing[1]))
        else:
            self.status.setText(sip_problem(self, code, reason, self._testing[1]))
        self.completeChanged.emit()

    def cleanup(self) -> None:
        if self.engine is not None:
            self._finish("failed", 0, "")
        self._tmp.cleanup()


def sip_problem(owner, code: int, reason: str, domain: str) -> str:
    if code in (401, 403, 407):
        what = owner.tr("Wrong user name or password (the PBX answered %1).").replace(
            "%1", f"{code} {reason}")
    elif code == 404:
        what = owner.tr("The PBX does not know this user.")
    elif code in (502, 503) or "resolve" in reason.lower() or "dns" in reason.lower():
        what = owner.tr("%1 cannot be found or reached (DNS, address).").replace("%1", domain)
    elif "tls" in reason.lower() or "certificate" in reason.lower() or "ssl" in reason.lower():
        what = owner.tr("The TLS connection failed (certificate?): %1").replace("%1", reason)
    elif code == 0 or code == 408:
        what = owner.tr("No answer from %1: check the address and the network.").replace(
            "%1", domain)
    else:
        what = owner.tr("Registration failed: %1").replace("%1", f"{code} {reason}".strip())
    return what


class FirstRunWizard(QWizard):
    def __init__(self, config: Config, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.config = config
        self.setWindowTitle(self.tr("Welcome to Workstation"))
        self.general = GeneralWizardPage(config, self)
        self.database = DatabaseWizardPage(config, self)
        self.sip = SipWizardPage(config, self)
        from workstation.views.firstrun.headset import HeadsetWizardPage  # (deferred: QtMultimedia loads only for the headset page)

        self.headset = HeadsetWizardPage(self.general.page, self)
        for page in (self.general, self.database, self.sip, self.headset):
            self.addPage(page)
        self.finished.connect(lambda _r: (self.sip.cleanup(), self.headset.close_audio()))

    def accept(self) -> None:
        """Save every page (passwords to the keyring) and the settings file."""
        self.general.page.save(self.config)
        if self.database.alone.isChecked():
            self.database.page.ui.urlEdit.clear()
            self.database.page.ui.passwordEdit.clear()
        self.database.page.save(self.config)
        self.sip.page.save(self.config)
        self.config.save()
        super().accept()
