"""Call scripts: the editor's list, load and save (every save a new version),
and the active script of a lead's topic."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from workstation.domain.scripts import Script as ScriptDef
from workstation.services.context import Context
from workstation.store import scripts as _scripts


@dataclass(frozen=True)
class Saved:
    id: uuid.UUID
    code: str
    version: int


def list_scripts(ctx: Context) -> list[dict[str, Any]]:
    """One row per script code: name/topic/language of its latest version."""
    with ctx.read() as s:
        return _scripts.list_scripts(s)


def load_latest(ctx: Context, code: str) -> tuple[int, dict[str, Any]]:
    """The latest version of ``code``: (version, body as stored)."""
    with ctx.read() as s:
        return _scripts.latest(s, code)


def save_version(ctx: Context, doc: dict[str, Any]) -> Saved:
    """Validate ``doc`` and store it as a new version of its code (older versions stay)."""
    script = ScriptDef.from_dict(doc, source=f"script {doc.get('code', '')!r}")
    with ctx.write() as s:
        row = _scripts.save_script_version(s, script, ctx.user.id)
        return Saved(row.id, row.code, row.version)


def active(ctx: Context, *, topic: str = "", code: str | None = None
           ) -> tuple[uuid.UUID, ScriptDef] | None:
    with ctx.read() as s:
        return _scripts.active_script(s, topic=topic, code=code, language=ctx.language)
