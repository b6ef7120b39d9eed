"""The workspace UI with real widgets (pytest-qt, offscreen): screen pop in every
number format, the chooser, the Interest card becoming a lead, the script walk
and its saved path, the wrap-up save, My day and reminders firing with snooze."""

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from ws_builders import add_lead, add_user

from workstation.store import myday, pop
from workstation.store.models import Call, HistoryEvent, Lead, Task
from workstation.store.scripts_seed import ensure_sample_scripts
from workstation.store.wrapup import WrapUp, save_wrapup
from workstation.views.workspace import CallWorkspace, MyDayPanel
from workstation.views.workspace.myday import ReminderPopup


@pytest.fixture
def data(store):
    with store.session() as s:
        ensure_sample_scripts(s)
        user = add_user(s, full_name="Ivan Seller")
        lead = add_lead(s, company="Acme Ltd", contact="Olena Test",
                        phone_list=("+380671234567",), owner_id=user,
                        topic="Financial consulting")
        s.commit()
    return {"user": user, "lead": lead}


@pytest.fixture
def workspace(qtbot, store, data, make_ctx):
    w = CallWorkspace(make_ctx(store, data["user"], "Ivan Seller"))
    w.history.open_with_system_player = False
    qtbot.addWidget(w)
    w.resize(1200, 900)
    w.show()
    return w


def wait_popped(qtbot, w):
    with qtbot.waitSignal(w.sig_popped, timeout=10_000) as blocker:
        pass
    return blocker.args


@pytest.mark.parametrize("number", ["+380 67 123 45 67", "380671234567", "0671234567",
                                    "067-123-45-67", "<sip:+380671234567@127.0.0.1>"])
def test_incoming_pops_the_right_card(qtbot, workspace, data, number):
    with qtbot.waitSignal(workspace.sig_popped, timeout=10_000) as popped:
        workspace.pop_incoming(number)
    assert popped.args[1] >= 0
    assert workspace.card.lead_id() == data["lead"]
    assert workspace.card.ui.companyEdit.text() == "Acme Ltd"
    assert "Olena Test" in workspace.script.textLabel.text() or \
        "Acme Ltd" in workspace.script.textLabel.text()
    assert "Ivan Seller" in workspace.script.textLabel.text()  # {manager}
    assert workspace.call.pop_latency_ms is not None


def test_several_matches_show_the_chooser(qtbot, store, workspace, data):
    with store.session() as s:
        other = add_lead(s, company="Beta", contact="Petro", phone_list=("0671234567",))
        s.commit()
    with qtbot.waitSignal(workspace.sig_choose, timeout=5000) as chosen:
        workspace.pop_incoming("0671234567")
    dialog = chosen.args[0]
    assert dialog.list.count() == 2
    labels_ = [dialog.list.item(i).text() for i in range(2)]
    row = next(i for i, t in enumerate(labels_) if t.startswith("Beta"))
    dialog.list.setCurrentRow(row)
    with qtbot.waitSignal(workspace.sig_popped, timeout=10_000):
        dialog.accept()
    assert workspace.card.lead_id() == other


def test_script_walk_and_wrapup_save(qtbot, store, workspace, data):
    with qtbot.waitSignal(workspace.sig_popped, timeout=10_000):
        workspace.start_outgoing(data["lead"], "+380671234567")
    pane = workspace.script
    for name in ("answer_dm_on_line", "answer_yes", "objection_obj_expensive",
                 "answer_agrees_assessment", "answer_in_house", "answer_tax",
                 "answer_wants_presentation", "answer_time_agreed"):
        button = pane.findChild(type(pane.backButton), name)
        assert button is not None and button.isEnabled(), name
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert pane.run.ended
    # hints filled the wrap-up: Positive, Interested, presentation, new deal
    form = workspace.wrapup
    assert form.resultCombo.currentData() == "positive"
    assert form.typeCombo.currentData() == "interested"
    assert form.toolChecks["presentation"].isChecked() and form.newDealCheck.isChecked()
    started = datetime.now(timezone.utc) - timedelta(minutes=3)
    workspace.call_ended("success", talk_seconds=150, started_at=started,
                         answered_at=started + timedelta(seconds=8))
    form.notesEdit.setPlainText("Presentation on Tuesday")
    form.nextCheck.setChecked(True)
    with qtbot.waitSignal(workspace.sig_wrapup_saved, timeout=10_000) as saved:
        qtbot.mouseClick(form.saveButton, Qt.MouseButton.LeftButton)
    result = saved.args[0]
    assert result.effective
    with store.session() as s:
        call = s.get(Call, result.call_id)
        assert call.result == "positive" and call.notes == "Presentation on Tuesday"
        assert call.pop_latency_ms is not None and call.script_id == pane.script_id
        steps = [e["step"] for e in call.script_path]
        assert steps[:3] == ["greeting", "dm_intro", "needs_current"]
        assert "obj_expensive" in steps and steps[-1] == "close_meeting"
        lead = s.get(Lead, data["lead"])
        assert lead.lead_type == "interested" and lead.next_contact_at is not None
        assert s.scalar(select(Task.id).where(Task.lead_id == lead.id)) is not None
    qtbot.waitUntil(lambda: workspace.history.model.rowCount() >= 1, timeout=5000)
    assert workspace.history.model.history_row(0).notes in ("Presentation on Tuesday", "")


def test_wrapup_needs_a_reason(qtbot, store, workspace, data):
    with qtbot.waitSignal(workspace.sig_popped, timeout=10_000):
        workspace.start_outgoing(data["lead"], "+380671234567")
    form = workspace.wrapup
    form.resultCombo.setCurrentIndex(form.resultCombo.findData("negative"))
    form.saveButton.click()
    assert form.errorLabel.isVisibleTo(workspace) and "reason" in form.errorLabel.text()
    with store.session() as s:
        assert s.scalar(select(Call.id)) is None


def test_info_occasion_warning_in_the_pane(qtbot, workspace, data):
    with qtbot.waitSignal(workspace.sig_popped, timeout=10_000):
        workspace.start_outgoing(data["lead"], "+380671234567")
    pane = workspace.script
    infos = [st.id for st in pane.run.script.info_occasions]
    assert len(infos) == 3
    for sid in infos:
        pane.jump(sid)
        pane.choose("not_relevant")
    assert not pane.is_warning()
    with qtbot.waitSignal(pane.sig_info_warning, timeout=1000):
        pane.jump(infos[0])
    assert "more than 3" in pane.counterLabel.text()
    qtbot.mouseClick(pane.backButton, Qt.MouseButton.LeftButton)
    assert not pane.is_warning()


def test_failed_outbound_call_wrapup_prefilled(qtbot, store, workspace, data):
    with qtbot.waitSignal(workspace.sig_popped, timeout=10_000):
        workspace.start_outgoing(data["lead"], "+380671234567")
    workspace.call_ended("no_answer", talk_seconds=0)
    form = workspace.wrapup
    assert form.resultCombo.currentData() == "undefined"
    assert form.reasonCombo.currentData() == "call_later"
    with qtbot.waitSignal(workspace.sig_wrapup_saved, timeout=10_000) as saved:
        form.saveButton.click()
    assert saved.args[0].next_attempt_at is not None and not saved.args[0].effective
    with store.session() as s:
        assert s.get(Lead, data["lead"]).attempts == 1


def test_unknown_number_interest_card_becomes_a_lead(qtbot, store, workspace, data):
    with qtbot.waitSignal(workspace.sig_popped, timeout=10_000):
        workspace.pop_incoming("+380 93 555 44 33")
    assert workspace.call.interest and workspace.card.lead_id() is None
    assert "Interest" in workspace.banner.text() and "Ivan Seller" in workspace.banner.text()
    assert workspace.card.phones.items()[0].raw
    form = workspace.wrapup
    form.resultCombo.setCurrentIndex(form.resultCombo.findData("positive"))
    form.saveButton.click()
    assert "company" in form.errorLabel.text()
    workspace.card.ui.companyEdit.setText("Newco")
    workspace.call_ended("success", talk_seconds=95)
    with qtbot.waitSignal(workspace.sig_lead_created, timeout=10_000) as created:
        form.saveButton.click()
    lead_id = created.args[0]
    with store.session() as s:
        [m] = pop.lookup_by_phone(s, "0935554433")
        assert m.lead_id == lead_id and m.company == "Newco" and m.stage == "interest"
        kinds = set(s.scalars(select(HistoryEvent.kind).where(HistoryEvent.lead_id == lead_id)))
        assert {"note", "call"} <= kinds
    qtbot.waitUntil(lambda: workspace.card.lead_id() == lead_id, timeout=5000)


def test_recording_opens_from_its_row(qtbot, store, workspace, data):
    with store.session() as s:
        call = Call(direction="out", user_id=data["user"], lead_id=data["lead"],
                    outcome="success", talk_seconds=61, recording_path="/tmp/rec-1.wav")
        s.add(call)
        s.commit()
        save_wrapup(s, WrapUp(lead_id=data["lead"], user_id=data["user"], call_id=call.id,
                              notes="recorded"))
    with qtbot.waitSignal(workspace.sig_popped, timeout=10_000):
        workspace.start_outgoing(data["lead"], "+380671234567")
    model = workspace.history.model
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "Ivan Seller"
    with qtbot.waitSignal(workspace.history.sig_open_recording, timeout=1000) as opened:
        workspace.history.view.activated.emit(model.index(0, 5))
    assert opened.args == ["/tmp/rec-1.wav"]


def test_my_day_queue_counter_and_reminders(qtbot, store, data, make_ctx):
    now = datetime.now(timezone.utc)
    with store.session() as s:
        s.add(Task(lead_id=data["lead"], owner_id=data["user"], kind="callback",
                   title="Call back", due_at=now - timedelta(minutes=2),
                   remind=True, remind_at=now - timedelta(minutes=1)))
        save_wrapup(s, WrapUp(lead_id=None, user_id=data["user"], outcome="success",
                              talk_seconds=120, started_at=now, ended_at=now))
        s.commit()
    clock = [now]
    panel = MyDayPanel(make_ctx(store, data["user"]), clock=lambda: clock[0],
                       reminder_interval_ms=50)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.sig_reminder, timeout=5000) as fired:
        panel.start()
    assert fired.args[0].company == "Acme Ltd"
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert panel.model.item(0).bucket == myday.DUE_NOW
    qtbot.waitUntil(lambda: "1 of 30" in panel.counterLabel.text(), timeout=5000)
    popup = panel.findChild(ReminderPopup)
    assert popup is not None and popup.isVisible()
    task_id = fired.args[0].task_id
    qtbot.mouseClick(popup.snoozeButtons[15], Qt.MouseButton.LeftButton)

    def snoozed():
        with store.session() as s:
            t = s.get(Task, task_id)
            return t.remind_at > now + timedelta(minutes=14)
    qtbot.waitUntil(snoozed, timeout=5000)
    # it does not pop again before its time, and pops again after it
    with qtbot.assertNotEmitted(panel.sig_reminder, wait=300):
        pass
    clock[0] = now + timedelta(minutes=16)
    with qtbot.waitSignal(panel.sig_reminder, timeout=5000):
        pass
    panel.stop()
    with qtbot.waitSignal(panel.sig_next_lead, timeout=1000) as nxt:
        panel.nextButton.click()
    assert nxt.args == [data["lead"], "+380671234567"]
