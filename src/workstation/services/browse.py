"""The calls browser: pages of calls, one call's context, where its recording is.

Every function takes the session :class:`Context` and an optional ``source``:
None reads the local store (offline, or a workstation that works alone); a
source is anything with ``session()`` yielding a SQLAlchemy session on the
shared database signed in as the user's own role (``sync.browse.SharedReader``),
where row-level security decides the rows. The same filters run in SQL on both
(:mod:`workstation.store.browse`).

Who sees what is decided here too (:func:`scope_for`): a manager only their own
calls, a supervisor or team lead their team's, an admin everybody's.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from workstation.domain.scripts import step_times
from workstation.services.context import Context
from workstation.store import browse as _browse
from workstation.store import history as _history
from workstation.store import leads as _leads
from workstation.store.browse import (PAGE_SIZE, SORT_KEYS, BrowseError, CallFilter, CallInfo,
                                      CallRow, Scope, SharedRecording)
from workstation.store.history import HistoryRow
from workstation.store.types import recording_id_of
from workstation.store.leads import LeadData

__all__ = [
    "PAGE_SIZE", "SORT_KEYS", "BrowseError", "CallFilter", "CallInfo", "CallRow", "Scope",
    "SharedRecording", "HistoryRow", "LeadData", "CallContext", "Recording", "Choices",
    "TEAM_ROLES", "may_browse_team", "scope_for", "page", "count", "choices", "context",
    "recording",
]

TEAM_ROLES = ("supervisor", "teamlead", "admin")
"""Roles whose Calls tab shows more than their own calls."""


def may_browse_team(ctx: Context) -> bool:
    return ctx.user.role in TEAM_ROLES


def scope_for(ctx: Context) -> Scope:
    """A manager: own calls; supervisor / team lead: their team's (own only without
    a team); admin: all."""
    role = ctx.user.role
    if role == "admin":
        return Scope()
    if role in ("supervisor", "teamlead") and ctx.user.team_id is not None:
        return Scope(team_id=ctx.user.team_id)
    return Scope(user_id=ctx.user.id)


@contextlib.contextmanager
def _session(ctx: Context, source):
    if source is None:
        with ctx.read() as s:
            yield s
    else:
        with source.session() as s:
            yield s


def page(ctx: Context, flt: CallFilter, *, after: tuple | None = None, limit: int = PAGE_SIZE,
         source=None) -> list[CallRow]:
    with _session(ctx, source) as s:
        return _browse.page(s, flt, scope_for(ctx), after=after, limit=limit)


def count(ctx: Context, flt: CallFilter, *, source=None) -> int:
    with _session(ctx, source) as s:
        return _browse.count(s, flt, scope_for(ctx))


@dataclass(frozen=True)
class Choices:
    """The filter bar's lists."""

    people: list[tuple[uuid.UUID, str, uuid.UUID | None]]
    teams: list[tuple[uuid.UUID, str]]
    reviews: bool
    """The database has the review tables (score / not yet reviewed filters work)."""


def choices(ctx: Context, *, source=None) -> Choices:
    scope = scope_for(ctx)
    with _session(ctx, source) as s:
        return Choices(_browse.people(s, scope), _browse.teams(s, scope),
                       _browse.review_tables(s))


@dataclass
class CallContext:
    """What the pane beside the player shows: the call, its wrap-up, the lead's
    card (read-only) and the contact history, and the script's step markers."""

    info: CallInfo
    lead: LeadData | None
    history: list[HistoryRow]
    markers: list[tuple[int, str]] = field(default_factory=list)
    """(ms from the start of the recording, step title) per step reached."""


def _markers(info: CallInfo) -> list[tuple[int, str]]:
    times = info.script_times
    if times is None and info.script_path:
        # a call saved before script_times existed: its path still has the times
        times = step_times(info.script_path, info.answered_at)
    out = []
    for entry, ms in zip(info.script_path, times or []):
        if ms is None:
            continue
        step = str(entry.get("step", ""))
        out.append((max(0, int(ms)), info.step_titles.get(step, step)))
    return out


def context(ctx: Context, call_id: uuid.UUID, *, source=None,
            history_limit: int = 100) -> CallContext | None:
    """The call's context, None when the call is not there (or not visible)."""
    scope = scope_for(ctx)
    with _session(ctx, source) as s:
        info = _browse.call_info(s, call_id)
        if info is None:
            return None
        if scope.user_id is not None and info.user_id != scope.user_id:
            return None  # a manager opens only their own calls
        lead = _leads.load(s, info.lead_id) if info.lead_id is not None else None
        rows = (_history.history_for_lead(s, info.lead_id, limit=history_limit)
                if info.lead_id is not None else [])
    return CallContext(info, lead, rows, _markers(info))


@dataclass(frozen=True)
class Recording:
    """Where a call's recording is: a local file, or the shared database."""

    call_id: uuid.UUID
    path: Path | None = None
    shared: SharedRecording | None = None

    @property
    def recording_id(self) -> uuid.UUID:
        """The shared recording's id; for a local file, the id its upload has (or will
        have): derived from the call (``sync.recordings.recording_id``)."""
        return self.shared.id if self.shared is not None else recording_id_of(self.call_id)


def recording(ctx: Context, call_id: uuid.UUID, *, source=None) -> Recording | None:
    """The local file when this workstation has it (the WAV, or its compressed
    copy), else the shared database's complete recording; None: no recording."""
    with ctx.read() as s:
        info = _browse.call_info(s, call_id)
    scope = scope_for(ctx)
    if info is not None and (scope.user_id is None or info.user_id == scope.user_id):
        for p in (info.recording_path, info.stored_path):
            if p and Path(p).is_file() and Path(p).stat().st_size > 0:
                return Recording(call_id, path=Path(p))
    if source is None:
        return None
    with source.session() as s:
        shared = _browse.shared_recording(s, call_id)
    return Recording(call_id, shared=shared) if shared is not None else None
