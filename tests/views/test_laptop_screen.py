"""The main window on a call-center laptop (1366×768, also 1280×800): the real
window with the real CallCenter (softphone on a real TelephonyEngine listening on
loopback, My day, the Call tab), pytest-qt offscreen, in English and Russian
(longer words). During a call with the wrap-up open the Call tab has no
sideways scroll bar, and the status bar's softphone keeps its number field and
buttons at their minimum sizes, side by side."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from callcenter_parts import CallCenterParts, add_lead_with_phone, loopback_engine
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from workstation.store.models import HistoryEvent
from workstation.store.scripts_seed import ensure_sample_scripts
from workstation.views.language import switch_language

LONG_STATUS = "Call with +380 67 123 4567 ended: Success. Fill in the wrap-up."


@pytest.fixture
def language(request, qapp):
    lang = request.param
    switch_language(lang)
    yield lang
    switch_language("en")


@pytest.fixture
def laptop(qtbot, config, store, tmp_path, language):
    from workstation.services.users import sign_in

    config.set("ui.language", language)
    ctx = sign_in(store, config)
    user_id = ctx.user.id
    now = datetime.now(timezone.utc)
    with store.session() as s, s.begin():
        ensure_sample_scripts(s)
        lead_id = add_lead_with_phone(
            s, user_id, "+380671234567", company="Northwind Bakery and Confectionery LLC",
            contact="Olena Kovalenko-Shevchenko", position="Chief financial officer",
            source="exhibition", notes="Bakery chain, 14 shops; wants monthly reporting help.")
        for n in range(6):
            s.add(HistoryEvent(id=uuid.uuid4(), lead_id=lead_id, user_id=user_id, kind="note",
                               at=now - timedelta(days=n + 1),
                               text="Offer sent by e-mail: audit and monthly reporting; "
                                    "call back after the board meeting."))
    parts = CallCenterParts(qtbot, ctx, loopback_engine(tmp_path))
    yield parts.window, parts.center, lead_id  # sized, then shown, by the test (as app.py does)
    parts.close()


def _settle(qtbot, window) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


def _in_call_with_wrapup(qtbot, window, center, lead_id) -> None:
    ws = center.workspace
    with qtbot.waitSignal(ws.sig_popped, timeout=10_000):
        ws.pop_incoming("+380 67 123 45 67")
    center.show_workspace()
    assert ws.card.lead_id() == lead_id
    ws.call_ended("success", talk_seconds=95)
    window.status_message.setText(LONG_STATUS)
    center.softphone.status.setText("Call ended: 00:01:35 with +380 67 123 4567")


def _check_fits(window, center) -> None:
    scroll = center.workspace_scroll
    ws = center.workspace
    assert not scroll.horizontalScrollBar().isVisible(), (
        f"Call tab scrolls sideways: workspace needs {ws.minimumSizeHint().width()} px, "
        f"viewport {scroll.viewport().width()} px")
    assert ws.width() <= scroll.viewport().width()
    # the wrap-up's Save and Discard buttons are in view, not under a scroll, side by side
    for button in (ws.wrapup.saveButton, ws.wrapup.discardButton):
        top_left = button.mapTo(scroll.viewport(), button.rect().topLeft())
        assert scroll.viewport().rect().contains(QRect(top_left, button.size())), \
            f"{button.objectName()} off screen"
        assert button.width() >= button.minimumSizeHint().width(), button.objectName()
    assert not ws.wrapup.saveButton.geometry().intersects(ws.wrapup.discardButton.geometry())
    # the card's company and the script's answers are in view
    assert ws.card.ui.companyEdit.visibleRegion().boundingRect().width() > 200
    assert ws.script.answers.buttons and all(
        b.visibleRegion().boundingRect().height() >= b.minimumSizeHint().height()
        for b in ws.script.answers.buttons)

    # the status bar: every softphone control at least its minimum, none overlapping
    sp = center.softphone
    bar = window.statusBar()
    assert bar.rect().contains(QRect(sp.mapTo(bar, sp.rect().topLeft()), sp.size()))
    controls = [sp.number, sp.pad_button, sp.call_button, sp.answer_button, sp.reject_button,
                sp.hangup_button, sp.hold_button, sp.mute_button, sp.transfer_button]
    for w in controls:
        need = max(w.minimumSizeHint().width(), w.minimumWidth())
        assert w.isVisible() and w.width() >= need, (w.objectName(), w.width(), need)
    rects = [(w.objectName(), w.geometry()) for w in [sp.reg_label, *controls, sp.status]]
    for i, (name_a, a) in enumerate(rects):
        assert sp.rect().contains(a), (name_a, a, sp.rect())
        for name_b, b in rects[i + 1:]:
            assert not a.intersects(b), (name_a, a, name_b, b)
    # the indicator strip (KPI, sync) and the message sit beside the softphone, not under it
    ind, msg = window.indicators, window.status_message
    for w in (ind, msg):
        r = QRect(w.mapTo(bar, w.rect().topLeft()), w.size())
        assert r.width() > 0 and bar.rect().contains(r)
        assert not r.intersects(QRect(sp.mapTo(bar, sp.rect().topLeft()), sp.size()))
    assert msg.text() == LONG_STATUS  # elided on screen, whole in text() and the tooltip
    if msg.is_elided():
        assert msg.toolTip() == LONG_STATUS
    # My day: the queue needs no sideways scroll either
    assert not center.myday.view.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("language", ["en", "ru"], indirect=True)
@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_call_tab_and_status_bar_fit_a_laptop_screen(qtbot, laptop, language, size):
    window, center, lead_id = laptop
    window.resize(*size)
    window.show()
    _in_call_with_wrapup(qtbot, window, center, lead_id)
    _settle(qtbot, window)
    assert (window.width(), window.height()) == size, "the window grew past the screen"
    _check_fits(window, center)
    dock = center.dock
    assert dock.width() <= int(size[0] * 0.3)  # the dock leaves room for the Call tab


def test_wide_screen_keeps_the_dock_and_fits_too(qtbot, laptop):
    window, center, lead_id = laptop
    window.resize(1366, 768)  # started on the laptop, then moved to a wide screen
    window.show()
    _settle(qtbot, window)
    narrow_dock = center.dock.width()
    window.resize(1920, 1080)
    _in_call_with_wrapup(qtbot, window, center, lead_id)
    _settle(qtbot, window)
    assert center.dock.width() >= narrow_dock  # never narrower on the wider screen
    _check_fits(window, center)
    # nothing elided in the softphone on a wide screen
    assert not center.softphone.reg_label.is_elided()


test_wide_screen_keeps_the_dock_and_fits_too = pytest.mark.parametrize(
    "language", ["en"], indirect=True)(test_wide_screen_keeps_the_dock_and_fits_too)
