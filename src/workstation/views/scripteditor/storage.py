"""The script editor's work off the GUI thread: list, load and save stored
scripts, read and write script JSON files. Qt-free; each function opens its
own store session (run it through ``views.ops.run_op``).
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from workstation.domain.scripts import QT_TRANSLATE_NOOP, Problem, ScriptError, json_problem
from workstation.domain.scripts import Script as ScriptDef
from workstation.store.models import Script
from workstation.store.workspace import save_script_version


def list_scripts(store) -> list[dict[str, Any]]:
    """One row per script code: name/topic/language of its latest version."""
    out: dict[str, dict[str, Any]] = {}
    with store.session() as s:
        rows = s.execute(select(Script.code, Script.version, Script.name, Script.topic,
                                Script.body)
                         .where(Script.deleted.is_(False))
                         .order_by(Script.code, Script.version.desc()))
        for code, version, name, topic, body in rows:
            if code in out:
                out[code]["versions"] += 1
                continue
            out[code] = {"code": code, "version": version, "name": name, "topic": topic,
                         "language": (body or {}).get("language", "en"), "versions": 1}
    return list(out.values())


def load_latest(store, code: str) -> tuple[int, dict[str, Any]]:
    """The latest version of ``code``: (version, body as stored)."""
    with store.session() as s:
        row = s.scalar(select(Script).where(Script.code == code, Script.deleted.is_(False))
                       .order_by(Script.version.desc()).limit(1))
        if row is None:
            raise LookupError(f"script {code!r} is not in the database")
        return row.version, copy.deepcopy(row.body or {})


@dataclass(frozen=True)
class Saved:
    id: uuid.UUID
    code: str
    version: int


def save_version(store, doc: dict[str, Any], user_id: uuid.UUID | None = None) -> Saved:
    """Validate ``doc`` and store it as a new version of its code (older versions stay)."""
    script = ScriptDef.from_dict(doc, source=f"script {doc.get('code', '')!r}")
    with store.session() as s:
        row = save_script_version(s, script, user_id)
        return Saved(row.id, row.code, row.version)


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
