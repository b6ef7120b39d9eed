"""Script analytics queries: the script versions, and the walks (``Call.script_path``)
and results of the answered calls made with one version, streamed (a version may
have been used in a million calls: rows are read in chunks, never all at once)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workstation.domain.enums import CallOutcome
from workstation.store.models import Call, Lead, Script, User


@dataclass(frozen=True)
class ScriptVersion:
    id: uuid.UUID
    code: str
    version: int
    name: str
    topic: str
    body: dict
    calls: int
    """Answered calls made with this version."""


@dataclass(frozen=True)
class CallFilter:
    """Answered calls made with ``script_id``, optionally of a team or a manager,
    started in ``[started_from, started_to)``."""

    script_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    started_from: datetime | None = None
    started_to: datetime | None = None


def scope_terms(team_id, user_id) -> list:
    """Calls made by the user / by a member of the team."""
    terms = []
    if user_id is not None:
        terms.append(Call.user_id == user_id)
    if team_id is not None:
        terms.append(Call.user_id.in_(select(User.id).where(User.team_id == team_id)))
    return terms


def call_where(f: CallFilter) -> list:
    terms = [Call.deleted.is_(False), Call.script_id.is_not(None),
             Call.outcome == CallOutcome.SUCCESS.value]
    if f.script_id is not None:
        terms.append(Call.script_id == f.script_id)
    terms += scope_terms(f.team_id, f.user_id)
    if f.started_from is not None:
        terms.append(Call.started_at >= f.started_from)
    if f.started_to is not None:
        terms.append(Call.started_at < f.started_to)
    return terms


def versions(s: Session, f: CallFilter) -> list[ScriptVersion]:
    """Every script version, newest version of each code first, with its call count
    under ``f`` (its ``script_id`` ignored)."""
    counts = dict(s.execute(select(Call.script_id, func.count())
                            .where(*call_where(CallFilter(None, f.team_id, f.user_id,
                                                          f.started_from, f.started_to)))
                            .group_by(Call.script_id)).all())
    rows = s.execute(select(Script.id, Script.code, Script.version, Script.name, Script.topic,
                            Script.body).where(Script.deleted.is_(False))
                     .order_by(Script.code, Script.version.desc()))
    return [ScriptVersion(r.id, r.code, int(r.version), r.name, r.topic or "", r.body or {},
                          int(counts.get(r.id, 0))) for r in rows]


def walks(s: Session, f: CallFilter, chunk: int = 20_000
          ) -> Iterator[tuple[uuid.UUID, list | None, str | None]]:
    """(call id, walk, result) of every call under ``f``, read ``chunk`` rows at a time."""
    q = (select(Call.id, Call.script_path, Call.result).where(*call_where(f))
         .execution_options(yield_per=chunk))
    for r in s.execute(q):
        yield r[0], r[1], r[2]


def calls_visible(s: Session, ids: list[uuid.UUID], team_id, user_id) -> list[uuid.UUID]:
    """Those of ``ids`` made by the team / by the user (a role's scope)."""
    out = []
    for start in range(0, len(ids), 500):
        terms = [Call.id.in_(ids[start:start + 500]), *scope_terms(team_id, user_id)]
        out += list(s.scalars(select(Call.id).where(*terms)))
    return out


@dataclass(frozen=True)
class CallLine:
    id: uuid.UUID
    started_at: datetime
    manager: str
    company: str
    outcome: str | None
    result: str | None
    talk_seconds: float | None
    lead_id: uuid.UUID | None


def call_lines(s: Session, ids: list[uuid.UUID]) -> list[CallLine]:
    """What the drill-down list shows of each call, newest first."""
    out = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        q = (select(Call.id, Call.started_at, Call.outcome, Call.result, Call.talk_seconds,
                    Call.lead_id, User.full_name, User.login, Lead.company)
             .outerjoin(User, User.id == Call.user_id)
             .outerjoin(Lead, Lead.id == Call.lead_id).where(Call.id.in_(chunk)))
        out += [CallLine(r.id, r.started_at, r.full_name or r.login or "", r.company or "",
                         r.outcome, r.result, r.talk_seconds, r.lead_id) for r in s.execute(q)]
    out.sort(key=lambda c: (c.started_at, c.id), reverse=True)
    return out


__all__ = ["CallFilter", "CallLine", "ScriptVersion", "call_lines", "calls_visible", "call_where", "versions",
           "walks"]
