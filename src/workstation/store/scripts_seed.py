"""The sample call scripts shipped in ``resources/sample/scripts/*.json``.

``ensure_sample_scripts`` stores each one as version 1 when no script with its
code exists yet (a new database, the demo); scripts an admin already edited
are left alone. A script may ship in several languages (``<name>.<lang>.json``,
same code): the one in the interface language is stored, else English.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation import paths
from workstation.domain.scripts import Script as ScriptDef
from workstation.store.common import in_transaction
from workstation.store.models import Script
from workstation.store.scripts import save_script_version


def sample_script_files() -> list[Path]:
    return sorted(paths.resource("sample", "scripts").glob("*.json"))


def load_sample_scripts() -> list[ScriptDef]:
    """Parse (and validate) every shipped script; errors name the file and step."""
    return [ScriptDef.from_json(p.read_text(encoding="utf-8"), source=str(p))
            for p in sample_script_files()]


def _one_per_code(scripts: list[ScriptDef], language: str | None) -> list[ScriptDef]:
    """Per code, the script in ``language`` if shipped, else English, else the first."""
    def rank(s: ScriptDef) -> int:
        return 0 if language and s.language == language else 1 if s.language == "en" else 2

    best: dict[str, ScriptDef] = {}
    for s in scripts:
        if s.code not in best or rank(s) < rank(best[s.code]):
            best[s.code] = s
    return list(best.values())


def ensure_sample_scripts(session: Session, user_id=None, language: str | None = None) -> list[str]:
    """Add the shipped scripts whose code is not in the database, each in the interface
    ``language`` (en, ru, uk) when shipped in it. Returns the codes added."""
    added = []
    with in_transaction(session):
        for script in _one_per_code(load_sample_scripts(), language):
            if session.scalar(select(Script.id).where(Script.code == script.code).limit(1)):
                continue
            save_script_version(session, script, user_id)
            added.append(script.code)
    return added
