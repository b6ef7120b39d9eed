"""Call scripts: a graph of steps the manager walks through during a call.

A script (per topic/product) is a set of steps. Each step has a kind
(say, question, objection, info_occasion, close), a text to say with the
variables ``{contact}``, ``{company}``, ``{manager}`` (and ``{product}``), and
the client's possible answers, each leading to another step.

Objection-handling and info-occasion steps are reachable from ANY step (the
workspace shows them as buttons beside the answers). Entering one remembers
where the manager was; an answer whose target is ``@return`` goes back there.
An answer with target ``@end`` (or a close step without answers) ends the run.

The seeds' rule: at most 3 info-occasions per call; :class:`ScriptRun` counts
them and warns past the limit. A run records the path taken (step ids, the
answers given, timestamps) so that it can be saved with the call and later
show at which step calls are lost.

Pure Python: no Qt, no SQL. JSON shape (``Script.to_dict``)::

    {"code": "consulting", "name": "...", "topic": "...", "language": "en",
     "start": "greeting", "max_info_occasions": 3,
     "steps": [{"id": "greeting", "kind": "say", "title": "...", "text": "...",
                "answers": [{"id": "ok", "label": "...", "next": "needs",
                             "hints": {"result": "positive", "tools": ["offer_sent"]}}]}]}
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import StrEnum
from typing import Any

from workstation.domain.enums import CallResult, LeadType

RETURN = "@return"
END = "@end"
VARIABLES = ("contact", "company", "manager", "product")
DEFAULT_MAX_INFO_OCCASIONS = 3
TOOLS = ("offer_sent", "presentation", "demo_access", "decision_maker", "invoice",
         "webinar", "meeting", "hook_letter")
HINT_KEYS = ("result", "lead_type", "tools", "stage", "reason")


class StepKind(StrEnum):
    SAY = "say"
    QUESTION = "question"
    OBJECTION = "objection"
    INFO_OCCASION = "info_occasion"
    CLOSE = "close"

    @property
    def is_detour(self) -> bool:
        """Reachable from any step; ``@return`` goes back to where it was entered."""
        return self in (StepKind.OBJECTION, StepKind.INFO_OCCASION)


CONTEXT = "ScriptProblems"
"""The translation context of the validator's messages (Qt's lupdate collects them)."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's marker
    """Marks ``text`` for pyside6-lupdate under ``context``; returns it unchanged.
    (No Qt here: the views translate with QCoreApplication.translate(CONTEXT, ...).)"""
    return text


class Problem(str):
    """One validator message. As a ``str`` it is the English text; ``template``
    (marked for translation, with ``{name}`` fields) and ``params`` let a view
    show it in the user's language: ``problem.render(translate)``. A param may be
    a Problem itself (the step's place, a step kind). ``step`` is the id of the
    step at fault, if any."""

    template: str
    params: dict[str, Any]
    step: str | None

    def __new__(cls, template: str, step: str | None = None, **params: Any) -> Problem:
        self = super().__new__(cls, _fill(template, params, str))
        self.template, self.params, self.step = template, params, step
        return self

    def render(self, translate: Callable[[str], str]) -> str:
        """The text with ``translate(template)`` (a Problem param translated too)."""
        return _fill(translate(self.template), self.params,
                     lambda v: v.render(translate) if isinstance(v, Problem) else str(v))


def _fill(template: str, params: Mapping[str, Any], show: Callable[[Any], str]) -> str:
    values = {k: show(v) for k, v in params.items()}
    try:
        return template.format_map(values)
    except (KeyError, ValueError, IndexError):  # a translation with a bad field
        return template


def _at_step(sid: str) -> Problem:
    return Problem(QT_TRANSLATE_NOOP("ScriptProblems", "step '{id}'"), id=sid)


def _at_number(n: int) -> Problem:
    return Problem(QT_TRANSLATE_NOOP("ScriptProblems", "step #{n}"), n=n)


_KIND_NAMES = {
    "say": QT_TRANSLATE_NOOP("ScriptProblems", "say"),
    "question": QT_TRANSLATE_NOOP("ScriptProblems", "question"),
    "objection": QT_TRANSLATE_NOOP("ScriptProblems", "objection"),
    "info_occasion": QT_TRANSLATE_NOOP("ScriptProblems", "info_occasion"),
    "close": QT_TRANSLATE_NOOP("ScriptProblems", "close"),
}


def _kind(kind: str) -> Problem:
    return Problem(_KIND_NAMES.get(str(kind), str(kind)))


class ScriptError(ValueError):
    """A script graph is invalid; ``problems`` lists each error, naming the step."""

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = problems
        where = f"{source}: " if source else ""
        super().__init__(where + "; ".join(problems))


class ScriptRunError(RuntimeError):
    """A move that the current step does not allow."""


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    next: str
    hints: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"id": self.id, "label": self.label, "next": self.next}
        if self.hints:
            d["hints"] = dict(self.hints)
        return d


@dataclass(frozen=True)
class Step:
    id: str
    kind: StepKind
    text: str
    title: str = ""
    answers: tuple[Answer, ...] = ()
    stage: str = ""
    """Call-flow stage label (preparation, secretary, contact, negotiation, commitment)."""

    def answer(self, answer_id: str) -> Answer:
        for a in self.answers:
            if a.id == answer_id:
                return a
        raise ScriptRunError(f"step {self.id!r} has no answer {answer_id!r}")

    def variables(self) -> set[str]:
        return _fields(self.text)

    def render(self, values: Mapping[str, str]) -> str:
        return render_text(self.text, values)

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"id": self.id, "kind": str(self.kind), "title": self.title,
                             "text": self.text,
                             "answers": [a.to_dict() for a in self.answers]}
        if self.stage:
            d["stage"] = self.stage
        return d


def _fields(text: str) -> set[str]:
    try:
        return {f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f is not None}
    except ValueError as exc:
        raise ScriptError([Problem(QT_TRANSLATE_NOOP(
            "ScriptProblems", "bad braces in text {text}: {error}"),
            text=repr(text[:40]), error=exc)]) from None


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_text(text: str, values: Mapping[str, str]) -> str:
    """Fill ``{contact}`` etc.; an empty value becomes a neutral placeholder (``…``)."""
    filled = _Values({k: (v if v else "…") for k, v in values.items()})
    try:
        return text.format_map(filled)
    except (ValueError, IndexError, AttributeError):
        return text


@dataclass(frozen=True)
class Script:
    code: str
    name: str
    start: str
    steps: Mapping[str, Step]
    topic: str = ""
    language: str = "en"
    max_info_occasions: int = DEFAULT_MAX_INFO_OCCASIONS
    version: int = 1

    def step(self, step_id: str) -> Step:
        try:
            return self.steps[step_id]
        except KeyError:
            raise ScriptRunError(f"script {self.code!r} has no step {step_id!r}") from None

    @property
    def objections(self) -> list[Step]:
        return [s for s in self.steps.values() if s.kind is StepKind.OBJECTION]

    @property
    def info_occasions(self) -> list[Step]:
        return [s for s in self.steps.values() if s.kind is StepKind.INFO_OCCASION]

    # -- validation ---------------------------------------------------------
    def problems(self) -> list[Problem]:
        """Everything wrong with the graph, each message naming the step."""
        out: list[Problem] = []
        if not self.code.strip():
            out.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "script code is empty")))
        if not self.steps:
            return out + [Problem(QT_TRANSLATE_NOOP("ScriptProblems", "script has no steps"))]
        if self.start not in self.steps:
            out.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "start step '{id}' does not exist"),
                               id=self.start))
        if self.max_info_occasions < 1:
            out.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems",
                                  "max_info_occasions must be at least 1, got {n}"),
                               n=self.max_info_occasions))
        for sid, st in self.steps.items():
            where = _at_step(sid)

            def add(template: str, **params: Any) -> None:
                out.append(Problem(template, step=sid, where=where, **params))  # noqa: B023

            if not sid.strip() or sid.startswith("@"):
                add(QT_TRANSLATE_NOOP("ScriptProblems",
                       "{where}: a step id must be non-empty and not start with '@'"))
            if not st.text.strip():
                add(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: text is empty"))
            try:
                unknown = st.variables() - set(VARIABLES)
            except ScriptError as exc:
                add(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: {problem}"), problem=exc.problems[0])
                unknown = set()
            for name in sorted(unknown):
                add(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: unknown variable {name} (known: {known})"),
                    name="{" + name + "}", known=", ".join("{" + v + "}" for v in VARIABLES))
            if not st.answers and st.kind is not StepKind.CLOSE:
                add(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: a {kind} step needs at least one answer "
                                         "(only close steps may end the script)"),
                    kind=_kind(st.kind))
            seen: set[str] = set()
            for a in st.answers:
                if a.id in seen:
                    add(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: answer id '{answer}' is used twice"),
                        answer=a.id)
                seen.add(a.id)
                if not a.label.strip():
                    add(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: answer '{answer}' has no label"),
                        answer=a.id)
                if a.next not in (RETURN, END) and a.next not in self.steps:
                    add(QT_TRANSLATE_NOOP("ScriptProblems",
                           "{where}: answer '{answer}' leads to missing step '{target}'"),
                        answer=a.id, target=a.next)
                for p in _hint_problems(a.hints):
                    add(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: answer '{answer}': {problem}"),
                        answer=a.id, problem=p)
        if out:
            return out
        main = self._reachable([self.start])
        detour = self._reachable([s.id for s in self.steps.values() if s.kind.is_detour])
        for sid, st in self.steps.items():
            if sid not in main and sid not in detour:
                out.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems",
                                      "{where}: unreachable from the start step '{start}' "
                                      "or any objection/info-occasion step"),
                                   step=sid, where=_at_step(sid), start=self.start))
            if any(a.next == RETURN for a in st.answers) and sid not in detour:
                out.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems",
                                      "{where}: uses {ret} but is not reached from an "
                                      "objection or info-occasion step"),
                                   step=sid, where=_at_step(sid), ret=RETURN))
        return out

    def _reachable(self, roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = [r for r in roots if r in self.steps]
        while todo:
            sid = todo.pop()
            if sid in seen:
                continue
            seen.add(sid)
            todo.extend(a.next for a in self.steps[sid].answers if a.next in self.steps)
        return seen

    def validate(self, source: str = "") -> Script:
        problems = self.problems()
        if problems:
            raise ScriptError(problems, source)
        return self

    # -- JSON ---------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "topic": self.topic,
                "language": self.language, "start": self.start,
                "max_info_occasions": self.max_info_occasions,
                "steps": [s.to_dict() for s in self.steps.values()]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "", version: int = 1,
                  validate: bool = True) -> Script:
        """Build (and validate) a script; errors name the step and field."""
        problems: list[Problem] = []
        if not isinstance(data, Mapping):
            raise ScriptError([Problem(QT_TRANSLATE_NOOP("ScriptProblems", "a script must be a JSON object"))],
                              source)
        steps: dict[str, Step] = {}
        raw_steps = data.get("steps")
        if not isinstance(raw_steps, list):
            raise ScriptError([Problem(QT_TRANSLATE_NOOP("ScriptProblems",
                                          "'steps' must be a list of step objects"))], source)
        for n, raw in enumerate(raw_steps, 1):
            where, at = _at_number(n), None
            if not isinstance(raw, Mapping):
                problems.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: must be an object"),
                                        where=where))
                continue
            sid = str(raw.get("id", "")).strip()
            if sid:
                where, at = _at_step(sid), sid
            else:
                problems.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: 'id' is missing"),
                                        where=where))
                continue
            if sid in steps:
                problems.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: id is used twice"),
                                        step=at, where=where))
                continue
            try:
                kind = StepKind(str(raw.get("kind", "")))
            except ValueError:
                problems.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems",
                                           "{where}: 'kind' must be one of {kinds}, got {got}"),
                                        step=at, where=where, got=repr(raw.get("kind")),
                                        kinds=", ".join(k.value for k in StepKind)))
                continue
            answers: list[Answer] = []
            raw_answers = raw.get("answers", [])
            if not isinstance(raw_answers, list):
                problems.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "{where}: 'answers' must be a list"),
                                        step=at, where=where))
                raw_answers = []
            for m, ra in enumerate(raw_answers, 1):
                if not isinstance(ra, Mapping) or "next" not in ra:
                    problems.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems",
                                               "{where}: answer #{m} must be an object with "
                                               "'next'"), step=at, where=where, m=m))
                    continue
                hints = ra.get("hints") or {}
                if not isinstance(hints, Mapping):
                    problems.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems",
                                               "{where}: answer #{m}: 'hints' must be an object"),
                                            step=at, where=where, m=m))
                    hints = {}
                answers.append(Answer(id=str(ra.get("id") or f"a{m}"),
                                      label=str(ra.get("label", "")),
                                      next=str(ra["next"] if ra["next"] is not None else END),
                                      hints=dict(hints)))
            steps[sid] = Step(id=sid, kind=kind, text=str(raw.get("text", "")),
                              title=str(raw.get("title", "")), answers=tuple(answers),
                              stage=str(raw.get("stage", "")))
        if problems:
            raise ScriptError(problems, source)
        try:
            max_io = int(data.get("max_info_occasions", DEFAULT_MAX_INFO_OCCASIONS))
        except (TypeError, ValueError):
            raise ScriptError([Problem(QT_TRANSLATE_NOOP("ScriptProblems",
                                          "'max_info_occasions' must be a whole number"))],
                              source) from None
        start = str(data.get("start") or (next(iter(steps)) if steps else ""))
        script = cls(code=str(data.get("code", "")), name=str(data.get("name", "")),
                     topic=str(data.get("topic", "")), language=str(data.get("language", "en")),
                     start=start, steps=steps, max_info_occasions=max_io, version=version)
        return script.validate(source) if validate else script

    @classmethod
    def from_json(cls, text: str, *, source: str = "", version: int = 1) -> Script:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScriptError([json_problem(exc)], source) from None
        return cls.from_dict(data, source=source, version=version)


def json_problem(exc: json.JSONDecodeError) -> Problem:
    """Where a JSON text is broken (json's own message stays English)."""
    return Problem(QT_TRANSLATE_NOOP("ScriptProblems", "line {line} column {column}: {error}"),
                   line=exc.lineno, column=exc.colno, error=exc.msg)


def _hint_problems(hints: Mapping[str, Any]) -> list[Problem]:
    out = []
    for key, value in hints.items():
        if key not in HINT_KEYS:
            out.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "unknown hint '{key}' (known: {known})"),
                               key=key, known=", ".join(HINT_KEYS)))
        elif key == "result" and value not in {r.value for r in CallResult}:
            out.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "hint result {value} is not one of {known}"),
                               value=repr(value), known=", ".join(r.value for r in CallResult)))
        elif key == "lead_type" and value not in {t.value for t in LeadType}:
            out.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "hint lead_type {value} is not a lead type"),
                               value=repr(value)))
        elif key == "tools" and (not isinstance(value, list)
                                 or any(t not in TOOLS for t in value)):
            out.append(Problem(QT_TRANSLATE_NOOP("ScriptProblems", "hint tools must be a list of {known}"),
                               known=", ".join(TOOLS)))
    return out


# -- a walk through a script during one call ---------------------------------

def _iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class PathEntry:
    step: str
    at: str
    answer: str | None = None
    """Answer id chosen at this step, or ``None`` while it is the current step."""
    jump: str | None = None
    """Objection/info-occasion step jumped to from here (instead of an answer)."""

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"step": self.step, "at": self.at}
        if self.answer is not None:
            d["answer"] = self.answer
        if self.jump is not None:
            d["jump"] = self.jump
        return d


class ScriptRun:
    """One walk through a script: current step, return stack, info-occasion count, path."""

    def __init__(self, script: Script, values: Mapping[str, str] | None = None,
                 clock: Callable[[], datetime] = _utcnow) -> None:
        self.script = script
        self.values = dict(values or {})
        self._clock = clock
        self.path: list[PathEntry] = []
        self._stack: list[str] = []
        self.info_count = 0
        self.ended = False
        self._enter(script.start)

    # -- state -------------------------------------------------------------
    @property
    def current(self) -> Step:
        return self.script.step(self.path[-1].step)

    @property
    def text(self) -> str:
        return self.current.render(self.values)

    @property
    def info_warning(self) -> bool:
        """True past the limit (more than 3 info-occasions in this call)."""
        return self.info_count > self.script.max_info_occasions

    @property
    def info_remaining(self) -> int:
        return max(0, self.script.max_info_occasions - self.info_count)

    @property
    def can_go_back(self) -> bool:
        return len(self.path) > 1

    def hints(self) -> dict[str, Any]:
        """Wrap-up suggestions from the answers given (later answers win; tools add up)."""
        steps_answers = [(self.script.steps.get(e.step), e.answer) for e in self.path if e.answer]
        merged: dict[str, Any] = {}
        tools: list[str] = []
        for st, aid in steps_answers:
            if st is None:
                continue
            try:
                hints = st.answer(aid).hints
            except ScriptRunError:
                continue
            for k, v in hints.items():
                if k == "tools":
                    tools.extend(t for t in v if t not in tools)
                else:
                    merged[k] = v
        if tools:
            merged["tools"] = tools
        return merged

    # -- moves -------------------------------------------------------------
    def _enter(self, step_id: str) -> None:
        st = self.script.step(step_id)
        self.path.append(PathEntry(step=step_id, at=_iso(self._clock())))
        if st.kind is StepKind.INFO_OCCASION:
            self.info_count += 1
        if st.kind is StepKind.CLOSE and not st.answers:
            self.ended = True

    def answer(self, answer_id: str) -> Step:
        """The client answered: follow the answer to its step."""
        if self.ended:
            raise ScriptRunError("the script has ended")
        st = self.current
        a = st.answer(answer_id)
        target = a.next
        if target == RETURN:
            if not self._stack:
                raise ScriptRunError(f"step {st.id!r}: nothing to return to")
            target = self._stack.pop()
        self.path[-1].answer = answer_id
        if target == END:
            self.ended = True
            return st
        if self.script.step(target).kind.is_detour and a.next != RETURN:
            self._stack.append(st.id)
        self._enter(target)
        return self.current

    def jump(self, step_id: str) -> Step:
        """An objection or info-occasion button, available from any step."""
        if self.ended:
            raise ScriptRunError("the script has ended")
        target = self.script.step(step_id)
        if not target.kind.is_detour:
            raise ScriptRunError(f"step {step_id!r} is a {target.kind} step: only objection and "
                                 "info-occasion steps can be opened from anywhere")
        self.path[-1].jump = step_id
        self._stack.append(self.current.id)
        self._enter(step_id)
        return self.current

    def back(self) -> Step:
        """Undo the last move (the path forgets it)."""
        if not self.can_go_back:
            raise ScriptRunError("already at the first step")
        self._replay(self.path[:-1], final_move=False)
        return self.current

    def _replay(self, entries: list[PathEntry], final_move: bool) -> None:
        """Reset and redo the moves recorded in ``entries``, keeping their timestamps.

        The moves out of the last entry are redone only when ``final_move`` (a
        saved path whose last answer ended the script)."""
        self.path, self._stack, self.info_count, self.ended = [], [], 0, False
        self._enter(entries[0].step)
        self.path[-1].at = entries[0].at
        for n, e in enumerate(entries):
            last = n == len(entries) - 1
            if last and not final_move:
                break
            if e.answer is not None:
                self.answer(e.answer)
            elif e.jump is not None:
                self.jump(e.jump)
            else:
                break
            if not last:
                nxt = entries[n + 1]
                if self.path[-1].step != nxt.step:
                    raise ScriptRunError(f"path entry #{n + 2}: expected step "
                                         f"{self.path[-1].step!r}, the path says {nxt.step!r}")
                self.path[-1].at = nxt.at

    # -- saving --------------------------------------------------------------
    def to_path(self) -> list[dict]:
        """The path as saved with the call (``Call.script_path``)."""
        return [e.to_dict() for e in self.path]

    def to_dict(self) -> dict:
        return {"script": self.script.code, "version": self.script.version,
                "path": self.to_path(), "info_occasions": self.info_count, "ended": self.ended}

    @classmethod
    def from_path(cls, script: Script, path: list[Mapping[str, Any]],
                  values: Mapping[str, str] | None = None,
                  clock: Callable[[], datetime] = _utcnow) -> ScriptRun:
        """Rebuild a run from a saved path (e.g. to resume or analyse it)."""
        run = cls(script, values, clock)
        entries = []
        for n, raw in enumerate(path, 1):
            sid = str(raw.get("step", ""))
            if sid not in script.steps:
                raise ScriptRunError(f"path entry #{n}: step {sid!r} is not in script "
                                     f"{script.code!r} v{script.version}")
            entries.append(PathEntry(step=sid, at=str(raw.get("at", "")),
                                     answer=raw.get("answer"), jump=raw.get("jump")))
        if entries:
            run._replay(entries, final_move=True)
        return run


def last_step(path: list[Mapping[str, Any]] | None) -> str | None:
    """Where a saved walk stopped: the step at which the call ended (or was lost)."""
    return str(path[-1].get("step")) if path else None


def step_times(path: list[Mapping[str, Any]] | None, answered_at: datetime | None) -> list | None:
    """Milliseconds from ``answered_at`` at which each entry of a saved path was
    reached (``Call.script_times``; negative: before the answer, e.g. while it
    rang). None without a path or an answer; an entry whose time is unreadable
    gets None, so the list stays aligned with the path."""
    if not path or answered_at is None:
        return None
    if answered_at.tzinfo is None:
        answered_at = answered_at.replace(tzinfo=timezone.utc)
    out: list[int | None] = []
    for entry in path:
        try:
            at = datetime.fromisoformat(str(entry.get("at", "")))
        except ValueError:
            out.append(None)
            continue
        if at.tzinfo is None:
            at = at.replace(tzinfo=timezone.utc)
        out.append(int(round((at - answered_at).total_seconds() * 1000)))
    return out
