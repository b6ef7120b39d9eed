"""The script engine: validation naming the step, the walk, detours, info-occasion
counter, back, saved path, JSON round trip, and the shipped sample scripts."""

import json
from datetime import datetime, timedelta, timezone

import pytest

from workstation.domain.scripts import (
    Script,
    ScriptError,
    ScriptRun,
    ScriptRunError,
    last_step,
    render_text,
)
from workstation.store.scripts_seed import load_sample_scripts, sample_script_files


def mini(**over) -> dict:
    data = {
        "code": "mini", "name": "Mini", "start": "hello",
        "steps": [
            {"id": "hello", "kind": "say", "text": "Hello {contact} from {company}, I am {manager}",
             "answers": [{"id": "ok", "label": "OK", "next": "ask"},
                         {"id": "bye", "label": "Bye", "next": "end"}]},
            {"id": "ask", "kind": "question", "text": "Need it?",
             "answers": [{"id": "yes", "label": "Yes", "next": "end",
                          "hints": {"result": "positive", "tools": ["presentation"]}},
                         {"id": "no", "label": "No", "next": "@end",
                          "hints": {"result": "negative"}}]},
            {"id": "obj", "kind": "objection", "text": "I hear you",
             "answers": [{"id": "back", "label": "Continue", "next": "@return"}]},
            *[{"id": f"info{i}", "kind": "info_occasion", "text": f"Point {i}",
               "answers": [{"id": "ok", "label": "OK", "next": "@return"}]} for i in range(1, 5)],
            {"id": "end", "kind": "close", "text": "Thanks"},
        ],
    }
    data.update(over)
    return data


def clock():
    t = [datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)]

    def tick():
        t[0] += timedelta(seconds=5)
        return t[0]
    return tick


def test_render_fills_variables_and_marks_missing():
    assert render_text("Hi {contact} at {company}", {"contact": "Olena", "company": ""}) == \
        "Hi Olena at …"


def test_walk_answers_and_path():
    s = Script.from_dict(mini())
    run = ScriptRun(s, {"contact": "Olena", "company": "Acme", "manager": "Ivan"}, clock())
    assert run.text == "Hello Olena from Acme, I am Ivan"
    run.answer("ok")
    assert run.current.id == "ask"
    run.answer("yes")
    assert run.current.id == "end" and run.ended
    path = run.to_path()
    assert [e["step"] for e in path] == ["hello", "ask", "end"]
    assert [e.get("answer") for e in path] == ["ok", "yes", None]
    assert path[0]["at"] < path[1]["at"] < path[2]["at"]
    assert run.hints() == {"result": "positive", "tools": ["presentation"]}
    assert last_step(path) == "end"
    with pytest.raises(ScriptRunError):
        run.answer("yes")


def test_end_target_ends_at_the_step():
    run = ScriptRun(Script.from_dict(mini()))
    run.answer("ok")
    run.answer("no")
    assert run.ended and run.current.id == "ask"
    assert run.to_path()[-1] == {"step": "ask", "at": run.path[-1].at, "answer": "no"}


def test_objection_from_any_step_returns_there():
    run = ScriptRun(Script.from_dict(mini()))
    run.answer("ok")
    run.jump("obj")
    assert run.current.id == "obj"
    run.answer("back")
    assert run.current.id == "ask"
    assert run.to_path()[1]["jump"] == "obj"
    with pytest.raises(ScriptRunError, match="only objection and info-occasion"):
        run.jump("end")


def test_info_occasion_counter_warns_past_three():
    run = ScriptRun(Script.from_dict(mini()))
    for i in range(1, 4):
        run.jump(f"info{i}")
        run.answer("ok")
        assert not run.info_warning
    assert run.info_count == 3 and run.info_remaining == 0
    run.jump("info4")
    assert run.info_count == 4 and run.info_warning


def test_back_undoes_moves_and_counter():
    run = ScriptRun(Script.from_dict(mini()))
    run.answer("ok")
    run.jump("info1")
    assert run.info_count == 1
    run.back()
    assert run.current.id == "ask" and run.info_count == 0
    assert run.path[-1].jump is None
    run.back()
    assert run.current.id == "hello" and not run.can_go_back
    with pytest.raises(ScriptRunError):
        run.back()


def test_saved_path_rebuilds_the_run():
    s = Script.from_dict(mini())
    run = ScriptRun(s, clock=clock())
    run.answer("ok")
    run.jump("obj")
    run.answer("back")
    run.jump("info2")
    again = ScriptRun.from_path(s, json.loads(json.dumps(run.to_path())))
    assert again.to_path() == run.to_path()
    assert again.current.id == "info2" and again.info_count == 1
    again.answer("ok")
    assert again.current.id == "ask"
    with pytest.raises(ScriptRunError, match="path entry #1"):
        ScriptRun.from_path(s, [{"step": "nope", "at": ""}])


@pytest.mark.parametrize("change, message", [
    (lambda d: d["steps"][1]["answers"][0].update(next="missing"),
     "step 'ask': answer 'yes' leads to missing step 'missing'"),
    (lambda d: d["steps"][0].update(text="Hi {client}"), "step 'hello': unknown variable {client}"),
    (lambda d: d["steps"][1].update(answers=[]), "step 'ask': a question step needs at least one"),
    (lambda d: d["steps"][0]["answers"].append({"id": "x", "label": "X", "next": "@return"}),
     "step 'hello': uses @return but is not reached from an objection"),
    (lambda d: d["steps"].append({"id": "lost", "kind": "say", "text": "?",
                                  "answers": [{"id": "a", "label": "A", "next": "end"}]}),
     "step 'lost': unreachable"),
    (lambda d: d["steps"].append(dict(d["steps"][0])), "step 'hello': id is used twice"),
    (lambda d: d["steps"][0].update(kind="sing"), "step 'hello': 'kind' must be one of"),
    (lambda d: d.update(start="nowhere"), "start step 'nowhere' does not exist"),
    (lambda d: d["steps"][1]["answers"][0]["hints"].update(result="great"),
     "step 'ask': answer 'yes': hint result 'great'"),
    (lambda d: d["steps"][0]["answers"][1].update(id="ok"),
     "step 'hello': answer id 'ok' is used twice"),
])
def test_validation_names_the_step(change, message):
    data = mini()
    change(data)
    with pytest.raises(ScriptError) as err:
        Script.from_dict(data, source="mini.json")
    assert message in str(err.value)
    assert str(err.value).startswith("mini.json: ")


def test_bad_json_names_line():
    with pytest.raises(ScriptError, match=r"x.json: line 2 column"):
        Script.from_json('{"code": "a",\n "steps": [}', source="x.json")


def test_json_round_trip():
    s = Script.from_dict(mini())
    again = Script.from_json(s.to_json())
    assert again == s


def test_sample_scripts_valid_and_complete():
    assert sample_script_files(), "no sample scripts shipped"
    scripts = load_sample_scripts()
    en = [s for s in scripts if s.language == "en"]
    assert en
    s = en[0]
    objections = " ".join(st.title.lower() for st in s.objections)
    for word in ("expensive", "no time", "supplier", "e-mail"):
        assert word in objections
    assert len(s.info_occasions) >= 3
    kinds = {st.kind for st in s.steps.values()}
    assert {"say", "question", "objection", "info_occasion", "close"} <= kinds
    # a full happy path ends positive
    run = ScriptRun(s, {"contact": "Olena", "company": "Acme", "manager": "Ivan"})
    for answer in ("dm_on_line", "yes", "in_house", "tax", "wants_presentation", "time_agreed"):
        run.answer(answer)
    assert run.ended and run.hints()["result"] == "positive"
    assert "{" not in run.text
