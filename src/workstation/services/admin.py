"""Administration: teams, users, funnels and their stages, refusal reasons, lead
sources, KPI plans, the effective-call rule. Every write goes through
``ctx.write()`` (so the outbox records it and sync takes it to the other
workstations). Who may:

* an admin: everything;
* a team lead: reads their team, and sets the plans of their team and its
  members (the shared database holds the same rule: db/shared/040_policies.sql);
* anybody: reads the lists the wrap-up and the card offer.

The SIP password is never here: it stays in the user's keyring on their own
workstation (Settings, SIP page).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from workstation.services.context import Context
from workstation.store import admin as _admin
from workstation.store.admin import (  # data types handed on to the views and the CLI
    ROLES,
    AdminError,
    FunnelRow,
    ImportTarget,
    ListItem,
    PlanRow,
    StageRow,
    TeamRow,
    UserRow,
)

__all__ = [
    "ROLES", "AdminError", "FunnelRow", "ListItem", "PlanRow", "StageRow", "TeamRow", "UserRow",
    "NotAllowed", "can_administer", "can_plan", "teams", "add_team", "set_team", "users",
    "add_user", "set_user", "funnels", "add_funnel", "set_funnel", "add_stage", "set_stage",
    "delete_stage", "items", "add_item", "set_item", "delete_item", "plans", "set_plan",
    "effective_min_talk", "set_effective_min_talk", "ImportTarget", "TargetChoice",
    "import_choices", "import_target",
]


class NotAllowed(AdminError):
    """The signed-in user's role does not allow this change."""


def can_administer(ctx: Context) -> bool:
    return ctx.user.role == "admin"


def can_plan(ctx: Context) -> bool:
    return ctx.user.role in ("admin", "teamlead")


def _require_admin(ctx: Context, what: str) -> None:
    if not can_administer(ctx):
        raise NotAllowed(f"{what}: only an admin may change this (you are {ctx.user.role})")


def _write(ctx: Context, what: str, fn, *args, **kw):
    _require_admin(ctx, what)
    with ctx.write() as s:
        return fn(s, *args, **kw)


# -- teams and users ------------------------------------------------------------------

def teams(ctx: Context) -> list[TeamRow]:
    with ctx.read() as s:
        return _admin.list_teams(s)


def add_team(ctx: Context, name: str) -> uuid.UUID:
    return _write(ctx, "teams", _admin.add_team, name)


def set_team(ctx: Context, team, **fields) -> None:
    _write(ctx, "teams", _admin.set_team, team, **fields)


def users(ctx: Context) -> list[UserRow]:
    """Every user for an admin; a team lead or supervisor sees their team."""
    with ctx.read() as s:
        if can_administer(ctx):
            return _admin.list_users(s)
        return _admin.list_users(s, team_id=ctx.user.team_id) if ctx.user.team_id else []


def add_user(ctx: Context, login: str, **fields) -> uuid.UUID:
    return _write(ctx, "users", _admin.add_user, login, **fields)


def set_user(ctx: Context, login_or_id, **fields) -> None:
    _write(ctx, "users", _admin.set_user, login_or_id, **fields)


# -- funnels -------------------------------------------------------------------------------

def funnels(ctx: Context, *, with_retired: bool = True) -> list[FunnelRow]:
    with ctx.read() as s:
        return _admin.list_funnels(s, with_retired=with_retired)


def add_funnel(ctx: Context, code: str, name: str, **fields) -> uuid.UUID:
    return _write(ctx, "funnels", _admin.add_funnel, code, name, **fields)


def set_funnel(ctx: Context, code: str, **fields) -> None:
    _write(ctx, "funnels", _admin.set_funnel, code, **fields)


def add_stage(ctx: Context, funnel: str, code: str, name: str, **fields) -> uuid.UUID:
    return _write(ctx, "funnels", _admin.add_stage, funnel, code, name, **fields)


def set_stage(ctx: Context, funnel: str, code: str, **fields) -> None:
    _write(ctx, "funnels", _admin.set_stage, funnel, code, **fields)


def delete_stage(ctx: Context, funnel: str, code: str) -> None:
    _write(ctx, "funnels", _admin.delete_stage, funnel, code)


# -- refusal reasons ("reasons") and lead sources ("sources") --------------------------------

def items(ctx: Context, kind: str, *, with_retired: bool = True,
          count_use: bool = False) -> list[ListItem]:
    with ctx.read() as s:
        return _admin.list_items(s, kind, with_retired=with_retired, count_use=count_use)


def add_item(ctx: Context, kind: str, code: str, name: str) -> uuid.UUID:
    return _write(ctx, kind, _admin.add_item, kind, code, name)


def set_item(ctx: Context, kind: str, code: str, **fields) -> None:
    _write(ctx, kind, _admin.set_item, kind, code, **fields)


def delete_item(ctx: Context, kind: str, code: str) -> None:
    _write(ctx, kind, _admin.delete_item, kind, code)


# -- plans and the effective call -------------------------------------------------------------

def plans(ctx: Context) -> list[PlanRow]:
    with ctx.read() as s:
        if can_administer(ctx):
            return _admin.list_plans(s)
        return _admin.list_plans(s, team_id=ctx.user.team_id) if ctx.user.team_id else []


def set_plan(ctx: Context, metric: str, period: str, target: float, *, team=None,
             user=None) -> uuid.UUID:
    """An admin sets any plan; a team lead those of their own team and its members."""
    if not can_plan(ctx):
        raise NotAllowed(f"plans: only an admin or a team lead may change plans "
                         f"(you are {ctx.user.role})")
    with ctx.write() as s:
        if not can_administer(ctx):
            mine = ctx.user.team_id
            if user not in (None, ""):
                member = _admin.user_by(s, user)
                if mine is None or member.team_id != mine:
                    raise NotAllowed(f"plans: {member.login} is not in your team")
            elif team in (None, "") or mine is None or _admin.team_by(s, team).id != mine:
                raise NotAllowed("plans: a team lead sets the plans of their own team only")
        return _admin.set_plan(s, metric, period, target, team=team, user=user)


def effective_min_talk(ctx: Context) -> float:
    """Talk seconds that make an answered call effective: the admin's rule (synced),
    else this workstation's setting."""
    return float(ctx.effective_rule().min_talk_seconds)


def set_effective_min_talk(ctx: Context, seconds: float) -> None:
    _write(ctx, "effective call", _admin.set_effective_min_talk, seconds)


# -- where an import puts its leads ------------------------------------------------------------

@dataclass(frozen=True)
class TargetChoice:
    """One entry of the import wizard's "Leads go to" list."""

    kind: str
    """"me", "owner" (a manager), "pool" (a team's shared pool) or "distribute"."""
    name: str
    """The manager's name or the team's name."""
    owner: str | None = None
    team: str | None = None


def import_choices(ctx: Context) -> list[TargetChoice]:
    """An admin: every manager and team; a team lead or supervisor: their team; a
    manager: themselves or their team's pool."""
    with ctx.read() as s:
        teams = _admin.list_teams(s)
        people = _admin.list_users(s, with_inactive=False)
    if not can_administer(ctx):
        teams = [t for t in teams if t.id == ctx.user.team_id]
        people = ([u for u in people if u.team_id == ctx.user.team_id]
                  if ctx.user.role in ("teamlead", "supervisor") else [])
    out = [TargetChoice("me", ctx.user.display_name)]
    out += [TargetChoice("owner", u.full_name or u.login, owner=u.login) for u in people
            if u.role == "manager" and u.id != ctx.user.id]
    for t in teams:
        out.append(TargetChoice("pool", t.name, team=t.name))
        if ctx.user.role != "manager":
            out.append(TargetChoice("distribute", t.name, team=t.name))
    return out


def import_target(ctx: Context, choice: TargetChoice | None) -> ImportTarget:
    """The owner, team and pool an import gives its new leads (AdminError when the
    manager or team is gone)."""
    choice = choice or TargetChoice("me", "")
    with ctx.read() as s:
        return _admin.import_target(s, owner=choice.owner, team=choice.team,
                                    distribute=choice.kind == "distribute",
                                    default_owner=ctx.user.id)
