"""Typed operations announce what changed on the one bus; the call model is one
object that the workspace's pop reads and writes through."""

from __future__ import annotations

import pytest

from workstation.services import leads as L
from workstation.views import ops
from workstation.views.callmodel import FAILED, Calls
from workstation.views.workspace.widget import Pop


def test_a_saved_new_card_is_announced_as_a_created_lead(qtbot, store, user, make_ctx):
    ctx = make_ctx(store, user)
    data = L.LeadData(company="Bus Co", phones=[L.PhoneData(raw="067 765 43 21")])
    saved = []
    with qtbot.waitSignal(ops.bus().sig_changed, timeout=5000) as announced:
        ops.save_card(None, ctx, data, on_done=saved.append)
    changes = announced.args[0]
    assert saved and saved[0].company == "Bus Co"
    assert changes.touches(ops.LEADS) and not changes.touches(ops.CALLS)
    assert changes.created == {saved[0].id} and saved[0].id in changes.lead_ids
    # an edit of the same lead is a change, not a creation
    saved[0].company = "Bus Co Renamed"
    with qtbot.waitSignal(ops.bus().sig_changed, timeout=5000) as announced:
        ops.save_card(None, ctx, saved[0])
    assert announced.args[0].created == frozenset()
    assert announced.args[0].lead_ids == {saved[0].id}


def test_the_list_of_the_window_follows_a_card_saved_elsewhere(qtbot, window):
    model = window.lead_list.model
    qtbot.waitUntil(lambda: not model.is_loading(), timeout=5000)
    assert model.rowCount() == 0
    ops.save_card(None, window.ctx, L.LeadData(company="Arrives By Bus"))
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)  # the bus said: created
    assert model.index(0, 0).data() == "Arrives By Bus"


def test_a_dial_without_a_running_softphone_fails_on_the_model(qtbot):
    calls = Calls(None)
    added = []
    calls.sig_added.connect(added.append)
    model = calls.plan("+380671234567")
    assert calls.dial(model) is None
    assert model.state == FAILED and "not running" in model.error
    assert added == [] and calls.live() == [] and model.call_id in calls


def test_the_workspace_pop_reads_and_writes_the_one_call_model(qtbot):
    call = Calls(None).plan("0671234567")
    shown = Pop(call, "+380671234567")
    shown.lead_id = lead = object()
    shown.pop_latency_ms = 12.5
    assert call.lead_id is lead and call.pop_latency_ms == 12.5
    assert shown.number == "+380671234567" and call.number == "0671234567"  # shown vs dialled
    assert shown.direction == "out" and shown.call_id == call.call_id
    with pytest.raises(AttributeError):
        shown.lead = lead  # a typo is an error, not a new attribute of the call
