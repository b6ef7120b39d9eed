"""The script editor's file work off the GUI thread: read and write script JSON
files (Qt-free; run through ``views.ops.run_op``). Stored scripts are read and
saved through ``services.scripts``."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workstation.domain.scripts import QT_TRANSLATE_NOOP, Problem, ScriptError, json_problem
from workstation.domain.scripts import Script as ScriptDef


@dataclass(frozen=True)
class Imported:
    path: str
    doc: dict[str, Any]
    problems: list[str]
    """Graph problems (dangling links, unreachable steps...) to fix in the editor."""


def read_script_file(path: str | os.PathLike) -> Imported:
    """Read a script JSON file. A file that is not a well-formed script (bad JSON,
    wrong structure) raises :class:`ScriptError` naming the file and the problem;
    graph problems are returned so the admin can fix them in the editor."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ScriptError([Problem(QT_TRANSLATE_NOOP("ScriptProblems",
                                                     "not UTF-8 text (byte {n})"),
                                   n=exc.start)], source) from None
    except OSError as exc:
        raise ScriptError([Problem("{error}", error=exc.strerror or str(exc))],
                          source) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScriptError([json_problem(exc)], source) from None
    script = ScriptDef.from_dict(data, source=source, validate=False)
    return Imported(source, script.to_dict(), script.problems())


def write_script_file(path: str | os.PathLike, doc: dict[str, Any]) -> str:
    """Write ``doc`` as JSON, atomically (a temporary file renamed over the target)."""
    target = Path(path)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".script-", suffix=".json", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return str(target)
