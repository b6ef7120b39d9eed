"""The call-script editor with real widgets (pytest-qt, offscreen) on a real store:
open the sample script, add a step, link an answer to it, see the dangling-link
problem and its fix, save a new version (the old one intact), import/export JSON."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from sqlalchemy import select

from workstation.domain.scripts import Script as ScriptDef
from workstation.store.models import Script
from workstation.store.scripts_seed import ensure_sample_scripts, sample_script_files
from workstation.views.scripteditor import ScriptEditor
from workstation.views.scripteditor.models import AnswersModel, format_hints, parse_hints

CODE = "financial_consulting"


@pytest.fixture
def seeded(store):
    with store.session() as s:
        ensure_sample_scripts(s)
        s.commit()
    return store


@pytest.fixture
def editor(qtbot, seeded, make_ctx):
    ed = ScriptEditor(make_ctx(seeded))
    ed.confirm_discard = False
    qtbot.addWidget(ed)
    with qtbot.waitSignal(ed.sig_loaded, timeout=5000) as loaded:  # the first script opens
        ed.show()
    assert loaded.args == [CODE] and ed.scripts.rowCount() == 1
    return ed


def answer_index(ed: ScriptEditor, answer_id: str, column: int):
    row = next(i for i, a in enumerate(ed.answers.answers) if a["id"] == answer_id)
    return ed.answers.index(row, column)


def test_lists_scripts_and_opens_latest_version(editor):
    ed = editor
    row = ed.scripts.rows[0]
    assert (row["code"], row["version"], row["topic"]) == (CODE, 1, "Financial consulting")
    assert ed.base_version == 1 and not ed.dirty
    assert ed.steps.rowCount() == 19
    assert ed.problems == []
    assert ed.save_button.isEnabled()
    # the preview fills variables with sample values
    assert ed.select_step("dm_intro")
    text = ed.preview_text()
    assert "Olena Petrenko" in text and "Acme Trading LLC" in text and "{" not in text


def test_add_step_link_dangling_fix_and_save_new_version(qtbot, editor, seeded):
    ed = editor
    with seeded.session() as s:
        v1 = s.scalar(select(Script).where(Script.code == CODE, Script.version == 1))
        v1_body = json.dumps(v1.body, sort_keys=True)

    # a new step after "presentation", typed in through the form
    assert ed.select_step("presentation")
    sid = ed.add_step()
    assert ed.current_step()["id"] == sid
    ed.step_id.setText("ask_budget")
    ed.step_id.editingFinished.emit()
    ed.kind.setCurrentIndex(ed.kind.findData("question"))
    ed.title.setText("Budget")
    ed.title.textEdited.emit("Budget")
    ed.text.setPlainText("What budget does ")
    ed.text.moveCursor(QTextCursor.MoveOperation.End)  # as after typing
    ed.insert_variable("company")
    assert ed.current_step()["text"] == "What budget does {company}"
    problems = " | ".join(ed.problems)
    assert "step 'ask_budget': a question step needs at least one answer" in problems
    assert not ed.save_button.isEnabled()
    ed.add_answer()
    ed.answers.setData(ed.answers.index(0, AnswersModel.LABEL), "Names a budget")
    ed.answers.setData(ed.answers.index(0, AnswersModel.NEXT), "commitment")
    ed.answers.setData(ed.answers.index(0, AnswersModel.HINTS), "lead_type=interested")
    assert ed.current_step()["answers"][0]["hints"] == {"lead_type": "interested"}
    # not yet reached from anywhere
    assert any("step 'ask_budget': unreachable" in p for p in ed.problems)

    # link an answer of "presentation" to it, with a typo first: a dangling link
    assert ed.select_step("presentation")
    ed.answers.setData(answer_index(ed, "hesitates", AnswersModel.NEXT), "ask_budgt")
    dangling = "step 'presentation': answer 'hesitates' leads to missing step 'ask_budgt'"
    assert dangling in ed.problems
    assert ed.steps.data(ed.steps.index(ed.steps.row_of("presentation")),
                         Qt.ItemDataRole.ForegroundRole) is not None
    assert not ed.save_button.isEnabled()
    # the problem panel takes you to the step it names
    ed.select_step("greeting")
    row = ed.problems.index(dangling)
    ed._problem_clicked(ed.problems_model.index(row))
    assert ed.current_step()["id"] == "presentation"
    # fix it through the combo delegate: choose the new step
    index = answer_index(ed, "hesitates", AnswersModel.NEXT)
    delegate = ed.answers_view.itemDelegateForColumn(AnswersModel.NEXT)
    combo = delegate.createEditor(ed.answers_view.viewport(), None, index)
    delegate.setEditorData(combo, index)
    assert combo.currentData() == "ask_budgt"
    combo.setCurrentIndex(combo.findData("ask_budget"))
    delegate.setModelData(combo, ed.answers, index)
    combo.deleteLater()
    assert ed.problems == [], ed.problems
    assert ed.save_button.isEnabled() and ed.dirty

    with qtbot.waitSignal(ed.sig_saved, timeout=10000) as saved:
        ed.save_button.click()
    assert saved.args == [CODE, 2]
    assert not ed.dirty and ed.base_version == 2
    qtbot.waitUntil(lambda: ed.scripts.rows and ed.scripts.rows[0]["version"] == 2, timeout=5000)

    with seeded.session() as s:
        rows = {r.version: r for r in s.scalars(select(Script).where(Script.code == CODE))}
        assert set(rows) == {1, 2}
        assert json.dumps(rows[1].body, sort_keys=True) == v1_body  # old version intact
        assert not rows[1].is_active and rows[2].is_active
        new = ScriptDef.from_dict(rows[2].body)
        assert new.step("presentation").answer("hesitates").next == "ask_budget"
        assert new.step("ask_budget").answers[0].next == "commitment"


def test_rename_step_relinks_answers_and_refuses_duplicates(editor):
    ed = editor
    assert ed.select_step("obj_no_time")
    ed.step_id.setText("obj_busy")
    ed.step_id.editingFinished.emit()
    assert ed.doc["steps"][ed.steps.row_of("obj_busy")]["id"] == "obj_busy"
    dm = ed.doc["steps"][ed.steps.row_of("dm_intro")]
    assert [a["next"] for a in dm["answers"] if a["id"] == "no_time"] == ["obj_busy"]
    assert ed.problems == []
    ed.step_id.setText("greeting")  # taken
    ed.step_id.editingFinished.emit()
    assert ed.step_id.text() == "obj_busy" and ed.steps.row_of("greeting") >= 0
    assert "already exists" in ed.status.text()


def test_save_refuses_an_invalid_script(qtbot, editor, seeded):
    ed = editor
    ed.select_step("dm_intro")
    ed.remove_step()
    assert ed.steps.row_of("dm_intro") < 0
    assert "step 'greeting': answer 'dm_on_line' leads to missing step 'dm_intro'" in ed.problems
    assert not ed.save_button.isEnabled()
    ed.save()
    assert "Not saved" in ed.status.text()
    with seeded.session() as s:
        assert s.scalar(select(Script.version).where(Script.code == CODE)
                        .order_by(Script.version.desc())) == 1


def test_import_broken_json_names_file_and_problem(qtbot, editor, tmp_path):
    ed = editor
    bad = tmp_path / "broken-script.json"
    bad.write_text('{"code": "x",\n "steps": [\n  {"id": "a", "kind": "say",}\n ]}',
                   encoding="utf-8")
    with qtbot.waitSignal(ed.sig_error, timeout=5000) as err:
        ed.import_file(bad)
    msg = err.args[0]
    assert str(bad) in msg and "line 3 column" in msg
    assert ed.doc["code"] == CODE and ed.base_version == 1  # the open script is untouched

    wrong = tmp_path / "wrong-kind.json"
    wrong.write_text(json.dumps({"code": "x", "steps": [{"id": "a", "kind": "sing"}]}),
                     encoding="utf-8")
    with qtbot.waitSignal(ed.sig_error, timeout=5000) as err:
        ed.import_file(wrong)
    assert str(wrong) in err.args[0] and "step 'a': 'kind' must be one of" in err.args[0]


def test_export_then_import_round_trip_with_graph_problems(qtbot, editor, tmp_path):
    ed = editor
    out = tmp_path / "out.json"
    with qtbot.waitSignal(ed.sig_exported, timeout=5000):
        ed.export_file(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert ScriptDef.from_dict(data).code == CODE
    # a well-formed file whose graph has a dangling link opens, with the problem listed
    data["code"] = "imported"
    data["steps"][0]["answers"][0]["next"] = "nowhere"
    src = tmp_path / "imported.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    with qtbot.waitSignal(ed.sig_loaded, timeout=5000):
        ed.import_file(src)
    assert ed.doc["code"] == "imported" and ed.base_version is None and ed.dirty
    assert "step 'greeting': answer 'dm_on_line' leads to missing step 'nowhere'" in ed.problems


def test_hints_text_round_trip():
    hints = {"result": "positive", "tools": ["offer_sent", "presentation"]}
    assert parse_hints(format_hints(hints)) == hints
    assert parse_hints("") == {}


def test_sample_script_translations_share_the_graph():
    from workstation.store.scripts_seed import load_sample_scripts

    scripts = {s.language: s for s in load_sample_scripts()}
    assert {"en", "ru", "uk"} <= set(scripts), [p.name for p in sample_script_files()]

    def shape(s):
        return {sid: (st.kind, st.variables(), [(a.id, a.next, dict(a.hints)) for a in st.answers])
                for sid, st in s.steps.items()}

    for lang in ("ru", "uk"):
        assert shape(scripts[lang]) == shape(scripts["en"])
        assert scripts[lang].start == scripts["en"].start
        assert scripts[lang].step("greeting").text != scripts["en"].step("greeting").text


@pytest.mark.parametrize("language", ["uk", "ru", None])
def test_seed_stores_the_script_in_the_interface_language(store, language):
    from workstation.store.scripts import active_script

    with store.session() as s:
        assert ensure_sample_scripts(s, language=language) == [CODE]
        s.commit()
        _sid, script = active_script(s, code=CODE)
    assert script.language == (language or "en")


def test_install_adds_the_menu_action_to_the_main_window(qtbot, seeded, make_ctx):
    from workstation.views import scripteditor
    from workstation.views.mainwindow import MainWindow

    ctx = make_ctx(seeded)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    action = scripteditor.install(win, ctx)
    assert action in win.menus["file"].actions()
    assert win.actions["script_editor"] is action
    action.trigger()
    ed = win.single_script_editor
    assert isinstance(ed, ScriptEditor) and ed.isVisible()
    qtbot.waitUntil(lambda: ed.scripts.rowCount() == 1, timeout=5000)
    action.trigger()  # a second trigger raises the same editor
    assert win.single_script_editor is ed
    ed.close()
