"""Live monitoring's permission: tokens signed by the shared database (Qt-free).

    token = request_token(ctx, target_user_id)          # supervisor's workstation
    grant = check_token(ctx, token, supervisor_sip)     # manager's workstation

Both run off the GUI thread (views/monitor uses views.ops.query). The rules live
in the database (db/shared/080_monitor.sql): only a supervisor or team lead of
the target's team gets a token; it is good for 60 s, for one check, only at the
target's own workstation and only from the supervisor's own SIP account. A
workstation without a shared database cannot monitor or be monitored
(:class:`MonitorRefused`): nobody could vouch for the supervisor.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from workstation.store.models import User
from workstation.sync.shared import (NotConfigured, SharedUnavailable, describe, shared_engine,
                                     short_error)

TEAM_WIDE = ("supervisor", "teamlead")


class MonitorRefused(PermissionError):
    """The shared database (or the missing one) says no; the message says why."""


@dataclass(frozen=True)
class Grant:
    supervisor_id: uuid.UUID
    supervisor_name: str
    expires_at: datetime


@dataclass(frozen=True)
class Target:
    """A teammate a supervisor may offer to monitor (for menus)."""

    user_id: uuid.UUID
    name: str
    sip: str  # what to dial: the SIP username, else the extension


_engines: dict[str, Engine] = {}


def shared(ctx) -> Engine:
    """The shared database engine for ``ctx``'s settings (one per URL, kept)."""
    url = ctx.settings.get("db.shared_url") or ""
    if not url:
        raise MonitorRefused("no shared database is set: monitoring needs one")
    engine = _engines.get(url)
    if engine is None:
        try:
            engine = _engines[url] = shared_engine(ctx.settings)
        except NotConfigured as exc:
            raise MonitorRefused(str(exc)) from None
    return engine


def _call(engine: Engine, sql: str, params: dict):
    try:
        with engine.begin() as c:
            return c.execute(text(sql), params).one()
    except OperationalError as exc:
        raise SharedUnavailable(f"shared database {describe(engine)}: {short_error(exc)}") \
            from None
    except DBAPIError as exc:
        raise MonitorRefused(short_error(exc)) from None


def request_token(ctx, target_id: uuid.UUID, *, engine: Engine | None = None) -> str:
    """A monitoring token for ``target_id`` (the caller must supervise its team)."""
    row = _call(engine or shared(ctx), "SELECT ws_monitor_token(:t)", {"t": target_id})
    return str(row[0])


def check_token(ctx, token: str, supervisor_sip: str, *, engine: Engine | None = None) -> Grant:
    """Spend ``token`` (once): who is monitoring this workstation. Raises MonitorRefused."""
    row = _call(engine or shared(ctx),
                "SELECT supervisor_id, supervisor_name, expires_at FROM ws_monitor_check(:t, :s)",
                {"t": token, "s": supervisor_sip})
    return Grant(row.supervisor_id, row.supervisor_name, row.expires_at)


def may_monitor(ctx, user_id: uuid.UUID | None) -> bool:
    """Offer Listen/Whisper/Barge? A supervisor or team lead, for a teammate (local store;
    the shared database decides for real when the token is asked for)."""
    me = ctx.user
    if user_id is None or me.role not in TEAM_WIDE or user_id == me.id:
        return False
    with ctx.read() as s:
        row = s.execute(select(User.team_id, User.active, User.deleted)
                        .where(User.id == user_id)).one_or_none()
    return row is not None and row.active and not row.deleted and \
        row.team_id is not None and row.team_id == me.team_id


def target(ctx, user_id: uuid.UUID) -> Target:
    """Who to call for monitoring ``user_id`` (their SIP account)."""
    with ctx.read() as s:
        row = s.execute(select(User.full_name, User.login, User.sip_username,
                               User.sip_extension).where(User.id == user_id)).one_or_none()
    if row is None:
        raise MonitorRefused(f"no user {user_id}")
    sip = row.sip_username or row.sip_extension
    if not sip:
        raise MonitorRefused(f"{row.full_name or row.login} has no SIP account set")
    return Target(user_id, row.full_name or row.login, sip)
