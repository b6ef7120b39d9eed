"""Settings dialog (passwords to the keyring, never to config.json) and languages."""

from __future__ import annotations

import json

import keyring
import pytest
from PySide6.QtCore import QCoreApplication

from workstation import APP_NAME, secrets
from workstation.config import Config, config_path
from workstation.views.labels import lead_type_label, stage_label
from workstation.views.language import switch_language
from workstation.views.settings.dialog import SettingsDialog
from workstation.views.settings.pages import DatabasePage, GeneralPage, SipPage


def test_sip_password_goes_to_keyring_not_config(qtbot, config):
    dlg = SettingsDialog(config)
    qtbot.addWidget(dlg)
    sip = dlg.page(SipPage)
    sip.ui.usernameEdit.setText("1001")
    sip.ui.domainEdit.setText("127.0.0.1:5060")
    sip.ui.transportCombo.setCurrentIndex(sip.ui.transportCombo.findData("tcp"))
    qtbot.keyClicks(sip.ui.passwordEdit, "s3cret-Pa55")
    dlg.page(DatabasePage).ui.urlEdit.setText("postgresql://anna@db.example:5432/sales")
    qtbot.keyClicks(dlg.page(DatabasePage).ui.passwordEdit, "db-Pa55")
    assert dlg.apply()
    text = config_path().read_text(encoding="utf-8")
    assert "s3cret-Pa55" not in text and "db-Pa55" not in text
    values = json.loads(text)["values"]
    assert values["sip.username"] == "1001"
    assert values["sip.transport"] == "tcp"
    assert values["db.shared_url"] == "postgresql://anna@db.example:5432/sales"
    assert keyring.get_password(APP_NAME, "sip.password") == "s3cret-Pa55"
    assert secrets.get_secret("db.shared_password") == "db-Pa55"
    # reopened: the password is not shown, only said to be stored
    again = SettingsDialog(Config())
    qtbot.addWidget(again)
    page = again.page(SipPage)
    assert page.ui.passwordEdit.text() == ""
    assert "keyring" in page.ui.passwordEdit.placeholderText()
    assert page.ui.domainEdit.text() == "127.0.0.1:5060"


def test_without_keyring_password_is_kept_for_the_session_only(qtbot, config, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import keyring.core

    keyring.core._keyring_backend = None
    assert not secrets.keyring_available()
    dlg = SettingsDialog(config)
    qtbot.addWidget(dlg)
    sip = dlg.page(SipPage)
    assert "No system keyring" in sip.ui.passwordNotice.text()
    qtbot.keyClicks(sip.ui.passwordEdit, "only-in-memory")
    assert dlg.apply()
    assert "only-in-memory" not in config_path().read_text(encoding="utf-8")
    assert secrets.get_secret("sip.password") == "only-in-memory"


def test_database_url_with_password_is_refused(qtbot, config, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    dlg = SettingsDialog(config)
    qtbot.addWidget(dlg)
    dlg.page(DatabasePage).ui.urlEdit.setText("postgresql://anna:pw@db:5432/sales")
    assert not dlg.apply()
    assert "password" in warnings[0]
    assert not config_path().exists()


def test_sip_page_saves_srtp_and_the_tls_ca_file(qtbot, config, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: errors.append(a[2]))
    dlg = SettingsDialog(config)
    qtbot.addWidget(dlg)
    sip = dlg.page(SipPage)
    assert sip.ui.srtpCombo.currentData() == "optional"  # the default
    assert [sip.ui.srtpCombo.itemData(i) for i in range(sip.ui.srtpCombo.count())] == [
        "off", "optional", "mandatory"]
    sip.ui.srtpCombo.setCurrentIndex(sip.ui.srtpCombo.findData("mandatory"))
    sip.ui.caFileEdit.setText(str(tmp_path / "missing.pem"))
    assert not dlg.apply()  # a CA file that is not there is named, nothing saved
    assert "sip.tls_ca_file" in errors[0] and "missing.pem" in errors[0]
    assert not config_path().exists()
    ca = tmp_path / "pbx-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    sip.ui.caFileEdit.setText(str(ca))
    assert dlg.apply()
    saved = Config()
    assert (saved.get("sip.srtp"), saved.get("sip.tls_ca_file")) == ("mandatory", str(ca))
    again = SettingsDialog(saved)
    qtbot.addWidget(again)
    page = again.page(SipPage)
    assert page.ui.srtpCombo.currentData() == "mandatory"
    assert page.ui.caFileEdit.text() == str(ca)


def test_general_page_saves_region_and_language(qtbot, config):
    dlg = SettingsDialog(config)
    qtbot.addWidget(dlg)
    general = dlg.page(GeneralPage)
    general.ui.regionCombo.setCurrentIndex(general.ui.regionCombo.findData("PL"))
    general.ui.languageCombo.setCurrentIndex(general.ui.languageCombo.findData("uk"))
    with qtbot.waitSignal(dlg.sig_language_changed) as blocker:
        assert dlg.apply()
    assert blocker.args == ["uk"]
    saved = Config()
    assert saved.get("phone.default_region") == "PL"
    assert saved.get("ui.language") == "uk"


@pytest.fixture
def english_after():
    yield
    switch_language("en")


def test_language_switch_translates_menus_list_and_labels(qtbot, window, english_after):
    assert window.menus["file"].title() == "&File"
    assert switch_language("ru") == "ru"
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&Файл")
    assert window.actions["settings"].text() == "&Настройки…"
    model = window.lead_list.model
    from PySide6.QtCore import Qt

    assert model.headerData(0, Qt.Orientation.Horizontal) == "Компания"
    assert lead_type_label("not_interested") == "Не заинтересован"
    assert stage_label("refused") == "Отказ"
    assert stage_label("custom_stage", "My stage") == "My stage"
    switch_language("uk")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&Файл"
                    and window.menus["help"].title() == "&Довідка")
    assert QCoreApplication.translate("Labels", "Hostile") == "Упереджений"
    assert window.lead_list.tr("%Ln lead(s)", "", 5) == "5 лідів"
