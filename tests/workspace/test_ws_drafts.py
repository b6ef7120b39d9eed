"""A call's unsaved work taken from the workspace and put back (real widgets, real
store; the two-line flow with real SIP is tests/telephony/test_two_lines_drafts.py):
every wrap-up field and the text cursor round-trip, a draft never lands on another
call's card, a restored draft saves card and wrap-up in one transaction, Discard
drops what was typed."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QDateTime, Qt
from ws_builders import add_lead, add_user

from workstation.store.models import Call, Lead
from workstation.store.scripts_seed import ensure_sample_scripts
from workstation.views.callmodel import CallModel
from workstation.views.workspace import CallWorkspace


@pytest.fixture
def data(store):
    with store.session() as s:
        ensure_sample_scripts(s)
        user = add_user(s, full_name="Ivan Seller")
        a = add_lead(s, company="Acme Ltd", contact="Olena Test", phone_list=("+380671234567",),
                     owner_id=user, topic="Financial consulting")
        b = add_lead(s, company="Beta Group", contact="Petro Beta",
                     phone_list=("+380935550102",), owner_id=user, topic="Financial consulting")
        s.commit()
    return {"user": user, "a": a, "b": b}


@pytest.fixture
def ws(qtbot, store, data, make_ctx):
    w = CallWorkspace(make_ctx(store, data["user"], "Ivan Seller"))
    w.history.open_with_system_player = False
    w.confirm_discard = False
    qtbot.addWidget(w)
    w.resize(1200, 900)
    w.show()
    return w


def _show(qtbot, ws, lead_id, model):
    """The card of ``model``'s lead (filled at once; the first pop is awaited painted)."""
    if model.pop_latency_ms is not None:  # shown before: the pop is timed once
        ws.start_outgoing(lead_id, model.number, call=model)
        return
    with qtbot.waitSignal(ws.sig_popped, timeout=10_000):
        ws.start_outgoing(lead_id, model.number, call=model)


def _type(qtbot, ws, tag: str) -> None:
    w = ws.wrapup
    qtbot.keyClicks(ws.card.ui.companyEdit, f" {tag}")
    qtbot.keyClicks(ws.card.ui.notesEdit, f"card {tag}")
    w.resultCombo.setCurrentIndex(w.resultCombo.findData("negative"))
    w.reasonCombo.setCurrentIndex(w.reasonCombo.count() - 1)
    w.typeCombo.setCurrentIndex(2)
    w.stageCombo.setCurrentIndex(w.stageCombo.count() - 1)
    qtbot.keyClicks(w.notesEdit, f"wrap {tag} tail")
    w.notesEdit.moveCursor(w.notesEdit.textCursor().MoveOperation.StartOfWord)
    for code in ("invoice", "demo_access"):
        w.toolChecks[code].setChecked(True)
    w.invoiceSum.setValue(99.5)
    w.nextCheck.setChecked(True)
    w.nextEdit.setDateTime(QDateTime.currentDateTime().addDays(3))
    w.remindCheck.setChecked(False)
    w.remindBefore.setValue(42)
    w.consentRefusedCheck.setChecked(True)
    ws.script.choose(ws.script.run.current.answers[0].id)


def _seen(ws) -> dict:
    v = ws.wrapup.values()
    v.pop("wrapup_seconds")
    return {**v, "company": ws.card.ui.companyEdit.text(), "dirty": ws.card.is_dirty(),
            "card_notes": ws.card.ui.notesEdit.toPlainText(),
            "cursor": ws.wrapup.notesEdit.textCursor().position(),
            "remind_shown": ws.wrapup.remindCheck.isChecked(),
            "remind_before_shown": ws.wrapup.remindBefore.value(),
            "step": ws.script.run.current.id, "path": len(ws.script.run.path)}


def test_a_draft_comes_back_only_on_its_own_call_and_saves_in_one_go(qtbot, store, ws, data):
    a = CallModel(uuid.uuid4(), "out", "+380671234567")
    b = CallModel(uuid.uuid4(), "out", "+380935550102")
    _show(qtbot, ws, data["a"], a)
    _type(qtbot, ws, "A")
    typed = _seen(ws)
    assert typed["cursor"] == len("wrap A ") and typed["path"] == 2
    draft = ws.take_draft()
    assert draft.typed and draft.call_id == a.call_id

    _show(qtbot, ws, data["b"], b)
    fresh = _seen(ws)
    assert not ws.take_draft().typed  # nothing typed on line 2: no "unsaved edits" mark
    assert fresh["company"] == "Beta Group" and fresh["result"] is None and not fresh["dirty"]
    assert not ws.restore_draft(draft)  # line 1's draft on line 2's card: refused
    assert _seen(ws) == fresh

    _show(qtbot, ws, data["a"], a)
    assert _seen(ws)["company"] == "Acme Ltd"  # the pop alone: as stored
    assert ws.restore_draft(draft)
    assert _seen(ws) == typed
    qtbot.keyClicks(ws.wrapup.notesEdit, "more ")  # typing goes on where it was left
    assert ws.wrapup.notesEdit.toPlainText() == "wrap A more tail"

    ws.call_ended("no_answer", talk_seconds=0)
    assert ws.wrapup.resultCombo.currentData() == "negative"  # the choice made stays
    with qtbot.waitSignal(ws.sig_wrapup_saved, timeout=10_000) as saved:
        qtbot.mouseClick(ws.wrapup.saveButton, Qt.MouseButton.LeftButton)
    with store.session() as s:
        row = s.get(Call, saved.args[0].call_id)
        assert row.notes == "wrap A more tail" and row.invoice_amount == 99.5
        assert sorted(row.tools) == ["demo_access", "invoice"] and len(row.script_path) == 2
        assert s.get(Lead, data["a"]).company == "Acme Ltd A"
        assert s.get(Lead, data["b"]).company == "Beta Group"


def test_discard_drops_what_was_typed(qtbot, store, ws, data):
    a = CallModel(uuid.uuid4(), "out", "+380671234567")
    _show(qtbot, ws, data["a"], a)
    blank = _seen(ws)
    _type(qtbot, ws, "A")
    ws.call_ended("no_answer", talk_seconds=0)
    qtbot.mouseClick(ws.wrapup.discardButton, Qt.MouseButton.LeftButton)
    after = _seen(ws)
    assert after["company"] == "Acme Ltd" and not after["dirty"] and after["card_notes"] == ""
    assert after["notes"] == "" and after["tools"] == [] and after["path"] == 1
    # what signalling says stays: a failed call is Undefined, "call later"
    assert after["result"] == "undefined" and after["reason"] == "call_later"
    assert blank["result"] is None
    assert ws.take_draft().card is None
    with qtbot.waitSignal(ws.sig_wrapup_saved, timeout=10_000):
        ws.wrapup.saveButton.click()
    with store.session() as s:
        assert s.get(Lead, data["a"]).company == "Acme Ltd"


def test_an_interest_card_keeps_its_draft_and_discard_keeps_its_defaults(qtbot, store, ws,
                                                                          data):
    unknown = CallModel(None, "in", "+380441112233")  # (no call log row: the workspace alone)
    b = CallModel(uuid.uuid4(), "out", "+380935550102")
    with qtbot.waitSignal(ws.sig_popped, timeout=10_000):
        ws.pop_incoming(unknown.number, call=unknown)
    assert ws.call.interest and ws.card.ui.sourceEdit.text() == "Incoming call"
    qtbot.keyClicks(ws.card.ui.companyEdit, "Gamma Foods")
    qtbot.keyClicks(ws.wrapup.notesEdit, "asked for prices")
    draft = ws.take_draft()
    assert draft.interest and draft.typed

    _show(qtbot, ws, data["b"], b)
    assert not ws.restore_draft(draft)
    ws.start_interest("+380441112233", call=unknown)  # (what the controller does)
    assert ws.card.ui.companyEdit.text() == ""
    assert ws.restore_draft(draft)
    assert ws.card.ui.companyEdit.text() == "Gamma Foods"
    assert ws.wrapup.notesEdit.toPlainText() == "asked for prices"

    qtbot.mouseClick(ws.wrapup.discardButton, Qt.MouseButton.LeftButton)
    assert ws.card.ui.companyEdit.text() == "" and ws.wrapup.notesEdit.toPlainText() == ""
    assert ws.card.ui.sourceEdit.text() == "Incoming call"
    assert ws.wrapup.stageCombo.currentData() == "interest"  # the Interest default again

    qtbot.keyClicks(ws.card.ui.companyEdit, "Gamma Foods LLC")
    ws.call_ended("success", talk_seconds=30)
    ws.wrapup.resultCombo.setCurrentIndex(ws.wrapup.resultCombo.findData("positive"))
    with qtbot.waitSignal(ws.sig_lead_created, timeout=10_000) as created:
        ws.wrapup.saveButton.click()
    with store.session() as s:
        assert s.get(Lead, created.args[0]).company == "Gamma Foods LLC"
