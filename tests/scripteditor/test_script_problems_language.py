"""The script validator's messages in the user's language: the domain layer keeps
them Qt-free (domain.scripts.Problem: English text + template + params), the
editor translates them (context "ScriptProblems") with the shipped .qm files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workstation.domain.scripts import Problem, Script, ScriptError
from workstation.store.scripts_seed import ensure_sample_scripts
from workstation.views.language import switch_language
from workstation.views.scripteditor import ScriptEditor
from workstation.views.scripteditor.models import AnswersModel, problem_text


@pytest.fixture
def russian(qapp):
    switch_language("ru")
    yield
    switch_language("en")


@pytest.fixture
def editor(qtbot, store, make_ctx):
    with store.session() as s:
        ensure_sample_scripts(s)
        s.commit()
    ed = ScriptEditor(make_ctx(store))
    ed.confirm_discard = False
    qtbot.addWidget(ed)
    with qtbot.waitSignal(ed.sig_loaded, timeout=5000):
        ed.show()
    return ed


def test_domain_problems_are_english_strings_with_templates():
    data = {"code": "x", "start": "a", "steps": [
        {"id": "a", "kind": "question", "text": "Hi {contact}", "answers": []}]}
    [p] = Script.from_dict(data, validate=False).problems()
    assert isinstance(p, Problem) and p.step == "a"
    assert p == ("step 'a': a question step needs at least one answer "
                 "(only close steps may end the script)")
    assert p.template.startswith("{where}:") and isinstance(p.params["where"], Problem)
    # translated piece by piece, the step's place and kind too
    table = {"step '{id}'": "Schritt «{id}»", "question": "Frage",
             p.template: "{where}: ein {kind}-Schritt braucht eine Antwort"}
    assert p.render(lambda t: table.get(t, t)) == (
        "Schritt «a»: ein Frage-Schritt braucht eine Antwort")
    with pytest.raises(ScriptError) as err:
        Script.from_json('{"steps": [}', source="x.json")
    assert err.value.problems[0].template == "line {line} column {column}: {error}"


def test_editor_in_russian_names_the_step_and_answer_at_fault(qtbot, russian, editor):
    ed = editor
    assert ed.select_step("presentation")
    row = next(i for i, a in enumerate(ed.answers.answers) if a["id"] == "hesitates")
    ed.answers.setData(ed.answers.index(row, AnswersModel.NEXT), "ask_budgt")
    english = "step 'presentation': answer 'hesitates' leads to missing step 'ask_budgt'"
    assert english in ed.problems  # the domain's text stays English (logs, tests)
    shown = [ed.problems_model.index(i).data() for i in range(ed.problems_model.rowCount())]
    expected = ("шаг «presentation»: ответ «hesitates» ведёт на несуществующий шаг "
                "«ask_budgt»")
    assert expected in shown, shown
    assert expected in ed.problem_texts()
    # the step list's tooltip says the same, in Russian
    tip = ed.steps.data(ed.steps.index(ed.steps.row_of("presentation")),
                        Qt.ItemDataRole.ToolTipRole)
    assert expected in tip
    # a step kind inside a message is translated too
    sid = ed.add_step()
    ed.kind.setCurrentIndex(ed.kind.findData("question"))
    shown = ed.problem_texts()
    assert any(t.startswith(f"шаг «{sid}»: шагу вида «вопрос» нужен хотя бы один ответ")
               for t in shown), shown
    # clicking the Russian message still selects the step it names
    ed.select_step("greeting")
    ed._problem_clicked(ed.problems_model.index(ed.problem_texts().index(expected)))
    assert ed.current_step()["id"] == "presentation"
    assert not ed.save_button.isEnabled()


def test_problem_text_falls_back_to_english_without_a_translator():
    p = Problem("{where}: text is empty", step="a",
                where=Problem("step '{id}'", id="a"))
    assert problem_text(p) == "step 'a': text is empty"
    assert problem_text("plain message") == "plain message"
