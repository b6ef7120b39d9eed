"""Each line keeps its own unsaved work: in the real main window with real Kamailio
+ baresip callers (both leads), the manager types card edits, wrap-up fields and a
script step on line 1, answers line 2 and types other ones there, swaps back and
forth ten times, saves line 2's wrap-up, and finds line 1 exactly as left; each
saved row has its own line's edits only (card and wrap-up in one transaction)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from sqlalchemy import select

from lines_bed import lines_kamailio, phone_a, phone_b, phone_c  # noqa: F401
from test_two_lines_ui import _ring, app  # noqa: F401
from workstation.store.models import Call, Lead

pytestmark = [pytest.mark.sip, pytest.mark.slow]

SWAPS = 10
from shots import screenshot_path  # noqa: E402

SCREENSHOT = screenshot_path("two-lines-drafts-1366x768.png")


def _pick(combo, value) -> None:
    idx = combo.findData(value)
    assert idx >= 0, value
    combo.setCurrentIndex(idx)


def _snapshot(ws) -> dict:
    """What the manager sees of the line shown: card, wrap-up, script."""
    v = ws.wrapup.values()
    v.pop("wrapup_seconds")
    run = ws.script.run
    return {"call": ws.call.call_id, "lead": ws.card.lead_id(),
            "company": ws.card.ui.companyEdit.text(),
            "card_notes": ws.card.ui.notesEdit.toPlainText(), "card_dirty": ws.card.is_dirty(),
            "card_cursor": ws.card.ui.notesEdit.textCursor().position(),
            "notes_cursor": ws.wrapup.notesEdit.textCursor().position(),
            "script_step": run.current.id if run else None,
            "script_path": [(e["step"], e.get("answer")) for e in run.to_path()] if run else None,
            "next_shown": ws.wrapup.nextEdit.dateTime().toSecsSinceEpoch(), **v}


def _type_line(qtbot, ws, tag: str, *, result: str, tools: list[str], next_in_days: int | None,
               script_moves: int) -> None:
    """Type what a manager types during the call on the card shown."""
    card, w = ws.card, ws.wrapup
    qtbot.keyClicks(card.ui.companyEdit, f" {tag}-edit")
    qtbot.keyClicks(card.ui.notesEdit, f"card notes {tag}")
    assert card.is_dirty()
    _pick(w.resultCombo, result)
    if result != "positive":
        assert w.reasonCombo.count() > 1
        w.reasonCombo.setCurrentIndex(1 if tag == "A" else w.reasonCombo.count() - 1)
    qtbot.keyClicks(w.notesEdit, f"wrap-up {tag}: ")
    for code in tools:
        w.toolChecks[code].setChecked(True)
    if "invoice" in tools:
        w.invoiceSum.setValue(1234.5)
    if next_in_days is not None:
        w.nextCheck.setChecked(True)
        w.nextEdit.setDateTime(QDateTime.currentDateTime().addDays(next_in_days))
        w.remindBefore.setValue(15)
    w.consentRefusedCheck.setChecked(tag == "B")
    for _ in range(script_moves):
        run = ws.script.run
        assert run is not None and run.current.answers, "the lead's topic has a script"
        ws.script.choose(run.current.answers[0].id)


def _talking(center, model) -> bool:
    ctx = center.engine.calls().get(model.key)
    return ctx is not None and ctx.media_active and not model.held


def _swap_to(qtbot, center, panel, target, other) -> None:
    """Swap from the lines panel; the manager talks once the line's media is back."""
    qtbot.mouseClick(panel.swap_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: center.calls.active is target and other.held
                    and _talking(center, target)
                    and center.workspace.call.call_id == target.call_id, timeout=10000)


def _rows(store, *ids):
    with store.session() as s:
        calls = {r.id: r for r in s.scalars(select(Call).where(Call.id.in_(ids)))}
        leads = {r.id: (r.company, r.notes) for r in s.scalars(select(Lead))}
    return calls, leads


def test_each_line_keeps_its_own_unsaved_card_and_wrap_up(qtbot, app, phone_a, phone_b):
    center, store = app["center"], app["store"]
    calls, ws, phone = center.calls, center.workspace, center.softphone
    panel = phone.lines
    lead_a, lead_b = app["lead_a"], app["lead_b"]

    a = _ring(qtbot, calls, phone_a)
    qtbot.waitUntil(lambda: ws.card.lead_id() == lead_a, timeout=5000)
    phone.answer()
    qtbot.waitUntil(lambda: a.answered_clock is not None, timeout=10000)
    _type_line(qtbot, ws, "A", result="negative", tools=["offer_sent"], next_in_days=2,
               script_moves=1)
    seen = {a.call_id: _snapshot(ws)}
    assert seen[a.call_id]["company"] == "Acme Ltd A-edit"

    b = _ring(qtbot, calls, phone_b)
    qtbot.waitUntil(lambda: panel.rows[1].model is b, timeout=5000)
    qtbot.mouseClick(panel.rows[1].answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: b.answered_clock is not None and a.held
                    and ws.card.lead_id() == lead_b, timeout=10000)
    # line 2's card is its lead as stored, the wrap-up blank: nothing of line 1
    fresh = _snapshot(ws)
    assert "unsaved edits" in panel.rows[0].state.text()  # line 1's typing waits there
    assert fresh["company"] == "Beta Group" and not fresh["card_dirty"]
    assert fresh["result"] is None and fresh["notes"] == "" and fresh["tools"] == []
    assert fresh["script_path"] is None or len(fresh["script_path"]) == 1
    _type_line(qtbot, ws, "B", result="positive", tools=["presentation", "invoice"],
               next_in_days=None, script_moves=0)
    seen[b.call_id] = _snapshot(ws)

    for n in range(SWAPS):
        for target, other in ((a, b), (b, a)):
            _swap_to(qtbot, center, panel, target, other)
            assert _snapshot(ws) == seen[target.call_id], (n, target.line)
            # the line left says it has unsaved edits; the line shown does not
            assert "unsaved edits" in panel.rows[other.line - 1].state.text()
            assert "unsaved" not in panel.rows[target.line - 1].state.text()
            # a little more typed on this line every round: the newest is what is kept
            qtbot.keyClicks(ws.wrapup.notesEdit, f"{target.line}.{n} ")
            qtbot.keyClicks(ws.card.ui.notesEdit, f" {target.line}")
            seen[target.call_id] = _snapshot(ws)
    assert seen[a.call_id]["notes"].endswith("1.8 1.9") and seen[b.call_id]["notes"].endswith("2.9")
    assert seen[a.call_id]["card_notes"] == "card notes A" + " 1" * SWAPS
    _swap_to(qtbot, center, panel, a, b)  # line 1 as left, for the picture
    assert _snapshot(ws) == seen[a.call_id]
    assert app["parts"].window.grab().save(str(SCREENSHOT))
    _swap_to(qtbot, center, panel, b, a)
    assert _snapshot(ws) == seen[b.call_id]

    # line 2 hangs up while shown: its wrap-up keeps what was typed, and is saved
    phone_b.command("hangup")
    qtbot.waitUntil(lambda: b.ended and ws.wrapup.outcome == "success", timeout=10000)
    assert ws.call.call_id == b.call_id
    assert _snapshot(ws) == seen[b.call_id]
    with qtbot.waitSignal(ws.sig_wrapup_saved, timeout=10000) as saved:
        ws.wrapup.saveButton.click()
    assert saved.args[0].call_id == b.call_id
    qtbot.waitUntil(center.controller.idle, timeout=10000)
    rows, leads = _rows(store, a.call_id, b.call_id)
    rb = rows[b.call_id]
    assert rb.lead_id == lead_b and rb.result == "positive"
    assert rb.notes == seen[b.call_id]["notes"].strip() and "A" not in rb.notes
    assert rb.tools == ["presentation", "invoice"] and rb.invoice_amount == 1234.5
    assert rb.script_path is None or len(rb.script_path) == 1  # B's walk: no step taken
    assert leads[lead_b] == ("Beta Group B-edit", "card notes B" + " 2" * SWAPS)
    assert leads[lead_a][0] == "Acme Ltd" and "card notes A" not in (leads[lead_a][1] or "")
    assert rows[a.call_id].result is None  # line 1: nothing saved yet

    # line 1 resumed (the softphone's Hold button: the lines panel left with line 2)
    assert phone.call is a and a.held
    qtbot.mouseClick(phone.hold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: calls.active is a and _talking(center, a)
                    and ws.call.call_id == a.call_id, timeout=10000)
    assert _snapshot(ws) == seen[a.call_id]
    phone.hangup()
    qtbot.waitUntil(lambda: a.ended and ws.wrapup.outcome == "success", timeout=10000)
    assert _snapshot(ws) == seen[a.call_id]
    with qtbot.waitSignal(ws.sig_wrapup_saved, timeout=10000):
        ws.wrapup.saveButton.click()
    qtbot.waitUntil(center.controller.idle, timeout=10000)
    rows, leads = _rows(store, a.call_id, b.call_id)
    ra = rows[a.call_id]
    assert ra.result == "negative" and ra.notes == seen[a.call_id]["notes"].strip()
    assert ra.tools == ["offer_sent"] and ra.invoice_amount is None
    assert ra.refusal_reason == seen[a.call_id]["reason"] != ""
    assert len(ra.script_path) == 2 and ra.script_path[0]["answer"]  # A's one step
    assert leads[lead_a] == ("Acme Ltd A-edit", "card notes A" + " 1" * SWAPS)
    assert leads[lead_b] == ("Beta Group B-edit", "card notes B" + " 2" * SWAPS)  # A's save: not B


def test_a_line_that_ended_keeps_its_draft_behind_the_other_line(qtbot, app, phone_a,
                                                                 phone_b):
    """Line 2 ends while shown, the manager resumes line 1 before its wrap-up: line 1
    comes back as left, and line 2's wrap-up, queued, comes back as typed."""
    center, store = app["center"], app["store"]
    calls, ws, phone = center.calls, center.workspace, center.softphone
    panel = phone.lines
    a = _ring(qtbot, calls, phone_a)
    qtbot.waitUntil(lambda: ws.card.lead_id() == app["lead_a"], timeout=5000)
    phone.answer()
    qtbot.waitUntil(lambda: a.answered_clock is not None, timeout=10000)
    _type_line(qtbot, ws, "A", result="negative", tools=[], next_in_days=1, script_moves=1)
    seen_a = _snapshot(ws)
    b = _ring(qtbot, calls, phone_b)
    qtbot.waitUntil(lambda: panel.rows[1].model is b, timeout=5000)
    qtbot.mouseClick(panel.rows[1].answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: b.answered_clock is not None and ws.card.lead_id() == app["lead_b"],
                    timeout=10000)
    _type_line(qtbot, ws, "B", result="positive", tools=["demo_access"], next_in_days=3,
               script_moves=0)
    phone_b.command("hangup")
    qtbot.waitUntil(lambda: b.ended and ws.wrapup.outcome == "success", timeout=10000)
    seen_b = _snapshot(ws)
    # back to line 1 before line 2's wrap-up is saved
    calls.resume(a)
    qtbot.waitUntil(lambda: not a.held and ws.call.call_id == a.call_id, timeout=10000)
    assert _snapshot(ws) == seen_a
    phone.hangup()
    qtbot.waitUntil(lambda: a.ended and ws.wrapup.outcome == "success", timeout=10000)
    with qtbot.waitSignal(ws.sig_wrapup_saved, timeout=10000):
        ws.wrapup.saveButton.click()
    # line 2's queued wrap-up opens with what was typed on it
    qtbot.waitUntil(lambda: ws.call.call_id == b.call_id, timeout=5000)
    assert _snapshot(ws) == seen_b
    with qtbot.waitSignal(ws.sig_wrapup_saved, timeout=10000):
        ws.wrapup.saveButton.click()
    qtbot.waitUntil(center.controller.idle, timeout=10000)
    rows, leads = _rows(store, a.call_id, b.call_id)
    assert rows[a.call_id].notes == seen_a["notes"].strip() and not rows[a.call_id].tools
    assert rows[b.call_id].notes == seen_b["notes"].strip()
    assert rows[b.call_id].tools == ["demo_access"]
    assert leads[app["lead_a"]][0] == "Acme Ltd A-edit"
    assert leads[app["lead_b"]][0] == "Beta Group B-edit"
    assert b.draft is None and a.draft is None


def test_an_unknown_caller_on_line_2_keeps_its_interest_card(qtbot, app, phone_a, phone_c):
    """Line 2 is no lead: its Interest card, typed in, survives the swaps (not a new
    empty one), and its save makes the lead; line 1's edits stay line 1's."""
    center, store = app["center"], app["store"]
    calls, ws, phone = center.calls, center.workspace, center.softphone
    panel = phone.lines
    a = _ring(qtbot, calls, phone_a)
    qtbot.waitUntil(lambda: ws.card.lead_id() == app["lead_a"], timeout=5000)
    phone.answer()
    qtbot.waitUntil(lambda: a.answered_clock is not None, timeout=10000)
    _type_line(qtbot, ws, "A", result="negative", tools=[], next_in_days=None, script_moves=1)
    seen_a = _snapshot(ws)
    c = _ring(qtbot, calls, phone_c)
    qtbot.waitUntil(lambda: panel.rows[1].model is c, timeout=5000)
    qtbot.mouseClick(panel.rows[1].answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.answered_clock is not None and ws.call.call_id == c.call_id,
                    timeout=10000)
    assert ws.call.interest and ws.card.ui.companyEdit.text() == ""
    qtbot.keyClicks(ws.card.ui.companyEdit, "Gamma Foods")
    qtbot.keyClicks(ws.wrapup.notesEdit, "wants prices")
    _pick(ws.wrapup.resultCombo, "positive")
    seen_c = _snapshot(ws)
    for _ in range(3):
        _swap_to(qtbot, center, panel, a, c)
        assert _snapshot(ws) == seen_a
        _swap_to(qtbot, center, panel, c, a)
        assert ws.call.interest and _snapshot(ws) == seen_c
    phone_c.command("hangup")
    qtbot.waitUntil(lambda: c.ended and ws.wrapup.outcome == "success", timeout=10000)
    with qtbot.waitSignal(ws.sig_lead_created, timeout=10000) as created:
        ws.wrapup.saveButton.click()
    qtbot.waitUntil(center.controller.idle, timeout=10000)
    with store.session() as s:
        assert s.get(Lead, created.args[0]).company == "Gamma Foods"
        row = s.get(Call, c.call_id)
        assert row.lead_id == created.args[0] and row.notes == "wants prices"
        assert s.get(Lead, app["lead_a"]).company == "Acme Ltd"
    qtbot.mouseClick(phone.hold_button, Qt.MouseButton.LeftButton)  # line 1 again
    qtbot.waitUntil(lambda: calls.active is a and _talking(center, a)
                    and ws.call.call_id == a.call_id, timeout=10000)
    assert _snapshot(ws) == seen_a
