"""Call scripts in the store: versions (every save a new one), the active
script for a lead's topic, parsed scripts cached by row version."""

from __future__ import annotations

import copy
import uuid

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from workstation.domain.scripts import Script as ScriptDef
from workstation.store.common import in_transaction
from workstation.store.models import Script
from workstation.store.outbox import record_bulk
from workstation.store.types import utcnow


def save_script_version(session: Session, script: ScriptDef,
                        user_id: uuid.UUID | None = None) -> Script:
    """Store ``script`` as a new version (code, last version + 1); older versions
    stay (calls keep the version they used) but are no longer active."""
    script.validate(f"script {script.code!r}")
    with in_transaction(session):
        last = session.scalar(select(func.max(Script.version)).where(Script.code == script.code))
        version = (last or 0) + 1
        old_ids = list(session.scalars(select(Script.id).where(Script.code == script.code,
                                                               Script.is_active.is_(True))))
        session.execute(update(Script).where(Script.id.in_(old_ids))
                        .values(is_active=False, updated_by=user_id, updated_at=utcnow()))
        if old_ids:
            record_bulk(session, "scripts", old_ids)
        row = Script(id=uuid.uuid4(), code=script.code, version=version, name=script.name,
                     topic=script.topic, body=script.to_dict(), is_active=True,
                     created_by=user_id, updated_by=user_id)
        session.add(row)
        session.flush()
        return row


_SCRIPT_CACHE: dict[tuple, ScriptDef] = {}
"""Parsed scripts by (id, version, updated_at, revision): a pop does not re-parse
the JSON graph; any change to the row gives a new key."""


def script_from_row(row: Script) -> ScriptDef:
    key = (row.id, row.version, row.updated_at, row.revision)
    cached = _SCRIPT_CACHE.get(key)
    if cached is None:
        cached = ScriptDef.from_dict(row.body, source=f"script {row.code!r} v{row.version}",
                                     version=row.version)
        if len(_SCRIPT_CACHE) > 256:
            _SCRIPT_CACHE.clear()
        _SCRIPT_CACHE[key] = cached
    return cached


def active_script(session: Session, *, topic: str = "", code: str | None = None,
                  language: str | None = None) -> tuple[uuid.UUID, ScriptDef] | None:
    """The active script for a lead's topic (or by code); falls back to any active one."""
    q = select(Script).where(Script.is_active.is_(True), Script.deleted.is_(False))
    if code:
        row = session.scalar(q.where(Script.code == code).order_by(Script.version.desc()))
        return (row.id, script_from_row(row)) if row else None
    rows = list(session.scalars(q.order_by(Script.code, Script.version.desc())))
    if not rows:
        return None

    def score(r: Script) -> tuple:
        lang = (r.body or {}).get("language", "en")
        return (bool(topic) and r.topic.casefold() == topic.casefold(),
                language is not None and lang == language, lang == "en")

    best = max(rows, key=score)
    return best.id, script_from_row(best)



def script_by_id(session: Session, script_id: uuid.UUID) -> ScriptDef | None:
    row = session.get(Script, script_id)
    return script_from_row(row) if row else None


def list_scripts(session: Session) -> list[dict]:
    """One row per script code: name/topic/language of its latest version."""
    out: dict[str, dict] = {}
    rows = session.execute(select(Script.code, Script.version, Script.name, Script.topic,
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


def latest(session: Session, code: str) -> tuple[int, dict]:
    """The latest version of ``code``: (version, a copy of the body as stored)."""
    row = session.scalar(select(Script).where(Script.code == code, Script.deleted.is_(False))
                         .order_by(Script.version.desc()).limit(1))
    if row is None:
        raise LookupError(f"script {code!r} is not in the database")
    return row.version, copy.deepcopy(row.body or {})
