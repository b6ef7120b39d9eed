"""The first-run wizard, from no settings to a registered softphone against a real
Kamailio; live tests that say what failed (SIP password, database password, refused).
pytest-qt, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from audio_rig import HEADSET, HEADSET_MIC, pulse_rig, rms, speech_wav  # noqa: F401
from sync.pgfixtures import pg_cluster, pg_template, shared_db  # noqa: F401 - fixtures
from telephony.sipbed import USERS, kamailio  # noqa: F401 - fixture

pytestmark = pytest.mark.slow


def _wizard(qtbot, config):
    from workstation.views import firstrun
    from workstation.views.firstrun.wizard import FirstRunWizard

    assert firstrun.needed(config)
    wizard = FirstRunWizard(config)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _next(qtbot, wizard):
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type_sip(qtbot, page, domain, password):
    ui = page.page.ui
    qtbot.keyClicks(ui.usernameEdit, "manager")
    qtbot.keyClicks(ui.domainEdit, domain)
    qtbot.keyClicks(ui.passwordEdit, password)


@pytest.mark.sip
def test_wizard_from_nothing_to_a_registered_softphone(qtbot, qapp, config, kamailio):  # noqa: F811
    wizard = _wizard(qtbot, config)
    general = wizard.general.page.ui
    general.languageCombo.setCurrentIndex(general.languageCombo.findData("uk"))
    general.regionCombo.setCurrentIndex(general.regionCombo.findData("PL"))
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.database
    assert wizard.database.alone.isChecked()  # single user unless a shared URL is typed
    _next(qtbot, wizard)
    page = wizard.sip
    assert wizard.currentPage() is page
    _type_sip(qtbot, page, kamailio.domain, USERS["manager"])
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    nxt = wizard.button(QWizard.WizardButton.NextButton)
    assert not nxt.isEnabled()  # an account is typed: it must register first
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith("Registered with"), timeout=15_000)
    _next(qtbot, wizard)  # the headset page: nothing to do there
    qtbot.waitUntil(finish.isEnabled, timeout=2000)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    from workstation import secrets
    from workstation.config import Config
    from workstation.views import firstrun

    saved = Config()
    assert not firstrun.needed(saved)
    assert saved.get("sip.username") == "manager" and saved.get("sip.domain") == kamailio.domain
    assert saved.get("ui.language") == "uk" and saved.get("phone.default_region") == "PL"
    assert saved.get("db.shared_url") == ""
    assert secrets.get_secret("sip.password") == USERS["manager"]
    assert USERS["manager"] not in saved.path.read_text()
    # the app started on these settings registers its softphone
    from workstation.app import Workstation

    ws = Workstation(saved, qapp, headset=False)
    try:
        ws.start()
        qtbot.addWidget(ws.window)
        qtbot.waitUntil(lambda: ws.engine is not None
                        and ws.engine.registration_state == "registered", timeout=15_000)
    finally:
        ws.stop()


@pytest.mark.sip
def test_wrong_sip_password_is_named_and_blocks_finish(qtbot, config, kamailio):  # noqa: F811
    wizard = _wizard(qtbot, config)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    page = wizard.sip
    _type_sip(qtbot, page, kamailio.domain, "not-the-password")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong user name or password" in page.status.text(), timeout=15_000)
    assert "401" in page.status.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()


@pytest.mark.pg
def test_shared_database_sign_in_says_what_failed(qtbot, config, shared_db, pg_cluster):  # noqa: F811
    from sqlalchemy.engine import make_url

    member = shared_db.add_user("olena")
    u = make_url(member.url)
    wizard = _wizard(qtbot, config)
    _next(qtbot, wizard)
    page = wizard.database
    page.shared.setChecked(True)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    ui = page.page.ui
    ui.urlEdit.setText(f"postgresql://{u.username}@{u.host}:{u.port}/{u.database}")
    ui.passwordEdit.setText("wrong-password")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong user name or password." in page.status.text(), timeout=15_000)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    # nothing listens on this port
    from workstation.telephony.testbed import free_port

    ui.urlEdit.setText(f"postgresql://{u.username}@127.0.0.1:{free_port()}/{u.database}")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused" in page.status.text(), timeout=15_000)
    # the right password: signed in, Next allowed, and the password goes to the keyring
    ui.urlEdit.setText(f"postgresql://{u.username}@{u.host}:{u.port}/{u.database}")
    ui.passwordEdit.setText(member.password)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith("Signed in"), timeout=15_000)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _next(qtbot, wizard)
    _next(qtbot, wizard)  # no SIP account: on to the headset page
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    from workstation import secrets
    from workstation.config import Config

    assert Config().get("db.shared_url").endswith(f"/{u.database}")
    assert secrets.get_secret("db.shared_password") == member.password


@pytest.mark.audio
def test_headset_check_shows_the_level_and_plays_the_recording_back(qtbot, config, pulse_rig,  # noqa: F811
                                                                    tmp_path):
    wizard = _wizard(qtbot, config)
    for _ in range(3):
        _next(qtbot, wizard)
    page = wizard.headset
    assert wizard.currentPage() is page
    page.inputs.setCurrentIndex(page.inputs.findData(HEADSET_MIC))
    page.outputs.setCurrentIndex(page.outputs.findData(HEADSET))
    wav = speech_wav(tmp_path / "hello.wav", "hello, this is a headset test, one two three")
    assert page.level.value() < 20  # nobody speaks yet
    peaks = []
    page.level.valueChanged.connect(peaks.append)
    talk = pulse_rig.play("mic_feed", wav)
    qtbot.waitUntil(lambda: max(peaks, default=0) > 40, timeout=10_000)
    talk.wait(30)
    talk = pulse_rig.play("mic_feed", wav)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith("Playing back"), timeout=10_000)
    heard = pulse_rig.record("headset.monitor", tmp_path / "heard.wav")
    qtbot.waitUntil(lambda: page.status.text().startswith("Done."), timeout=10_000)
    played = heard.stop()
    talk.wait(30)
    assert rms(played) > 0.01  # the recording came back on the headset, not silence
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    from workstation.config import Config

    saved = Config()
    assert saved.get("audio.input") == HEADSET_MIC and saved.get("audio.output") == HEADSET
