"""Administration queries: teams, users, funnels and stages, refusal reasons,
lead sources, KPI plans and shared settings. Each takes a session and runs in
its transaction (the ORM's outbox hook records every change, so it syncs).

Bad input raises :class:`AdminError` whose message names the field at fault;
nothing is half-written (the caller's transaction rolls back).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workstation.domain.enums import Role
from workstation.domain.funnel import DEFAULT_FUNNEL_CODE, DEFAULT_STAGES
from workstation.domain.kpi import PLAN_METRICS, PLAN_PERIODS
from workstation.store.common import WorkspaceError
from workstation.store.models import (
    Call,
    Funnel,
    FunnelStage,
    KpiPlan,
    Lead,
    LeadSource,
    RefusalReason,
    SharedSetting,
    Team,
    User,
)

ROLES = tuple(r.value for r in Role)
EFFECTIVE_RULE_KEY = "effective_call"
_CODE_RE = re.compile(r"^[a-z0-9_][a-z0-9_.-]{0,63}$")
_LOGIN_RE = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")


class AdminError(WorkspaceError):
    """Bad administration input; the message names the field."""


# -- data handed to the views and the CLI ------------------------------------------

@dataclass(frozen=True)
class TeamRow:
    id: uuid.UUID
    name: str
    members: int
    deleted: bool = False


@dataclass(frozen=True)
class UserRow:
    id: uuid.UUID
    login: str
    full_name: str
    role: str
    team_id: uuid.UUID | None
    team: str
    sip_extension: str
    sip_username: str
    active: bool


@dataclass(frozen=True)
class StageRow:
    id: uuid.UUID
    code: str
    name: str
    position: int
    is_won: bool
    is_lost: bool
    is_paused: bool
    retired: bool
    leads: int = 0
    """How many leads are at this stage now."""


@dataclass(frozen=True)
class FunnelRow:
    id: uuid.UUID
    code: str
    name: str
    product: str
    topic: str
    stages: tuple[StageRow, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ListItem:
    """A refusal reason or a lead source."""

    id: uuid.UUID
    code: str
    name: str
    position: int
    retired: bool
    used: int = 0


@dataclass(frozen=True)
class PlanRow:
    id: uuid.UUID
    metric: str
    period: str
    target: float
    team_id: uuid.UUID | None
    team: str
    user_id: uuid.UUID | None
    login: str


# -- helpers ---------------------------------------------------------------------------

def _text(value: str | None, name: str, limit: int = 200, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise AdminError(f"{name}: must not be empty")
    if len(value) > limit:
        raise AdminError(f"{name}: at most {limit} characters")
    return value


def _code(value: str | None, name: str = "code") -> str:
    value = (value or "").strip()
    if not _CODE_RE.match(value):
        raise AdminError(f"{name} {value!r}: use lower-case letters, digits, '_', '.', '-'")
    return value


def team_by(s: Session, name_or_id) -> Team:
    """A live team by id or name; AdminError naming the team when there is none."""
    if isinstance(name_or_id, uuid.UUID):
        team = s.get(Team, name_or_id)
    else:
        team = s.scalar(select(Team).where(Team.name == str(name_or_id).strip()))
    if team is None or team.deleted:
        raise AdminError(f"team: team {name_or_id!s} does not exist")
    return team


def user_by(s: Session, login_or_id) -> User:
    if isinstance(login_or_id, uuid.UUID):
        user = s.get(User, login_or_id)
    else:
        user = s.scalar(select(User).where(User.login == str(login_or_id).strip()))
    if user is None or user.deleted:
        raise AdminError(f"user: no user {login_or_id!s}")
    return user


def funnel_by(s: Session, code: str) -> Funnel:
    f = s.scalar(select(Funnel).where(Funnel.code == code))
    if f is None or f.deleted:
        raise AdminError(f"funnel: no funnel {code!r}")
    return f


def stage_by(s: Session, funnel: Funnel, code: str) -> FunnelStage:
    st = s.scalar(select(FunnelStage).where(FunnelStage.funnel_id == funnel.id,
                                            FunnelStage.code == code,
                                            FunnelStage.deleted.is_(False)))
    if st is None:
        raise AdminError(f"stage: no stage {code!r} in funnel {funnel.code!r}")
    return st


# -- teams -------------------------------------------------------------------------------

def list_teams(s: Session, *, with_deleted: bool = False) -> list[TeamRow]:
    members = dict(s.execute(select(User.team_id, func.count()).where(
        User.deleted.is_(False), User.active.is_(True)).group_by(User.team_id)).all())
    q = select(Team).order_by(Team.name)
    if not with_deleted:
        q = q.where(Team.deleted.is_(False))
    return [TeamRow(t.id, t.name, members.get(t.id, 0), t.deleted) for t in s.scalars(q)]


def add_team(s: Session, name: str) -> uuid.UUID:
    name = _text(name, "name")
    if s.scalar(select(Team.id).where(Team.name == name)) is not None:
        raise AdminError(f"name: a team {name!r} exists already")
    team = Team(name=name)
    s.add(team)
    s.flush()
    return team.id


def set_team(s: Session, team, *, name: str | None = None,
             deleted: bool | None = None) -> None:
    t = team_by(s, team) if deleted is not True else (
        s.get(Team, team) if isinstance(team, uuid.UUID)
        else s.scalar(select(Team).where(Team.name == team)))
    if t is None:
        raise AdminError(f"team: team {team!s} does not exist")
    if name is not None:
        new = _text(name, "name")
        if new != t.name and s.scalar(select(Team.id).where(Team.name == new)) is not None:
            raise AdminError(f"name: a team {new!r} exists already")
        t.name = new
    if deleted:
        n = s.scalar(select(func.count()).select_from(User).where(
            User.team_id == t.id, User.deleted.is_(False), User.active.is_(True)))
        if n:
            raise AdminError(f"team {t.name!r} still has {n} active members: "
                             "move or deactivate them first")
        t.deleted = True
    s.flush()


# -- users -------------------------------------------------------------------------------

def list_users(s: Session, *, team_id: uuid.UUID | None = None,
               with_inactive: bool = True) -> list[UserRow]:
    q = (select(User, Team.name).outerjoin(Team, Team.id == User.team_id)
         .where(User.deleted.is_(False)).order_by(User.login))
    if team_id is not None:
        q = q.where(User.team_id == team_id)
    if not with_inactive:
        q = q.where(User.active.is_(True))
    return [UserRow(u.id, u.login, u.full_name or "", u.role or "manager", u.team_id,
                    tname or "", u.sip_extension or "", u.sip_username or "", bool(u.active))
            for u, tname in s.execute(q)]


def _apply_user(s: Session, u: User, *, full_name=None, role=None, team=None,
                sip_extension=None, sip_username=None, active=None) -> None:
    if full_name is not None:
        u.full_name = _text(full_name, "full_name", required=False)
    if role is not None:
        if role not in ROLES:
            raise AdminError(f"role {role!r}: expected one of {', '.join(ROLES)}")
        u.role = role
    if team is not None:
        u.team_id = None if team == "" else team_by(s, team).id
    if sip_extension is not None:
        u.sip_extension = _text(sip_extension, "sip_extension", 64, required=False)
    if sip_username is not None:
        u.sip_username = _text(sip_username, "sip_username", 100, required=False)
    if active is not None:
        u.active = bool(active)


def add_user(s: Session, login: str, *, user_id: uuid.UUID | None = None, full_name: str = "",
             role: str = "manager", team=None, sip_extension: str = "",
             sip_username: str = "") -> uuid.UUID:
    """A new user row (its shared-database login is made by sync.shared.create_user)."""
    login = (login or "").strip()
    if not _LOGIN_RE.match(login) or login.startswith(("pg_", "ws_")):
        raise AdminError(f"login {login!r}: use lower-case letters, digits, '_', '.', '-' "
                         "(not starting with pg_ or ws_)")
    if s.scalar(select(User.id).where(User.login == login)) is not None:
        raise AdminError(f"login: a user {login!r} exists already")
    u = User(login=login, full_name="", role="manager")
    if user_id is not None:
        u.id = user_id
    _apply_user(s, u, full_name=full_name or login, role=role, team=team,
                sip_extension=sip_extension, sip_username=sip_username, active=True)
    s.add(u)
    s.flush()
    return u.id


def set_user(s: Session, login_or_id, **fields) -> None:
    """Change ``full_name``, ``role``, ``team`` (a name or id; "" for none),
    ``sip_extension``, ``sip_username`` or ``active`` (False: deactivated)."""
    u = user_by(s, login_or_id)
    _apply_user(s, u, **fields)
    s.flush()


# -- funnels and stages --------------------------------------------------------------------

def list_funnels(s: Session, *, with_retired: bool = True) -> list[FunnelRow]:
    at_stage = dict(s.execute(select(Lead.stage_id, func.count()).where(
        Lead.deleted.is_(False), Lead.stage_id.is_not(None)).group_by(Lead.stage_id)).all())
    out = []
    for f in s.scalars(select(Funnel).where(Funnel.deleted.is_(False)).order_by(Funnel.name)):
        q = (select(FunnelStage).where(FunnelStage.funnel_id == f.id,
                                       FunnelStage.deleted.is_(False))
             .order_by(FunnelStage.position))
        if not with_retired:
            q = q.where(FunnelStage.retired.is_(False))
        stages = tuple(StageRow(st.id, st.code, st.name, st.position, st.is_won, st.is_lost,
                                st.is_paused, st.retired, at_stage.get(st.id, 0))
                       for st in s.scalars(q))
        out.append(FunnelRow(f.id, f.code, f.name, f.product or "", f.topic or "", stages))
    return out


def add_funnel(s: Session, code: str, name: str, *, product: str = "", topic: str = "",
               copy_stages_from: str | None = DEFAULT_FUNNEL_CODE) -> uuid.UUID:
    """A new funnel; its stages are copied from ``copy_stages_from`` (the default
    funnel), or the domain's defaults when that funnel is missing."""
    code = _code(code)
    if s.scalar(select(Funnel.id).where(Funnel.code == code)) is not None:
        raise AdminError(f"code: a funnel {code!r} exists already")
    f = Funnel(code=code, name=_text(name, "name"), product=_text(product, "product",
                                                                  required=False),
               topic=_text(topic, "topic", required=False))
    s.add(f)
    s.flush()
    src = (s.scalar(select(Funnel).where(Funnel.code == copy_stages_from))
           if copy_stages_from else None)
    rows = ([(st.position, st.code, st.name, st.is_won, st.is_lost, st.is_paused)
             for st in src.stages if not st.deleted and not st.retired] if src is not None
            else [(d.position, d.code, d.name, d.is_won, d.is_lost, d.is_paused)
                  for d in DEFAULT_STAGES])
    for pos, (_p, c, n, won, lost, paused) in enumerate(rows, start=1):
        s.add(FunnelStage(funnel_id=f.id, position=pos, code=c, name=n, is_won=won,
                          is_lost=lost, is_paused=paused))
    s.flush()
    return f.id


def set_funnel(s: Session, code: str, *, name=None, product=None, topic=None) -> None:
    f = funnel_by(s, code)
    if name is not None:
        f.name = _text(name, "name")
    if product is not None:
        f.product = _text(product, "product", required=False)
    if topic is not None:
        f.topic = _text(topic, "topic", required=False)
    s.flush()


def _live_stages(s: Session, funnel: Funnel) -> list[FunnelStage]:
    return list(s.scalars(select(FunnelStage).where(
        FunnelStage.funnel_id == funnel.id, FunnelStage.deleted.is_(False))
        .order_by(FunnelStage.position)))


def _renumber(stages: list[FunnelStage]) -> None:
    for pos, st in enumerate(stages, start=1):
        if st.position != pos:
            st.position = pos


def add_stage(s: Session, funnel_code: str, code: str, name: str, *,
              position: int | None = None, is_won: bool = False, is_lost: bool = False,
              is_paused: bool = False) -> uuid.UUID:
    f = funnel_by(s, funnel_code)
    code = _code(code)
    if s.scalar(select(FunnelStage.id).where(FunnelStage.funnel_id == f.id,
                                             FunnelStage.code == code)) is not None:
        raise AdminError(f"code: funnel {f.code!r} has a stage {code!r} already")
    stages = _live_stages(s, f)
    st = FunnelStage(funnel_id=f.id, position=len(stages) + 1, code=code,
                     name=_text(name, "name"), is_won=is_won, is_lost=is_lost,
                     is_paused=is_paused)
    s.add(st)
    where = len(stages) if position is None else max(0, min(len(stages), position - 1))
    stages.insert(where, st)
    _renumber(stages)
    s.flush()
    return st.id


def set_stage(s: Session, funnel_code: str, code: str, *, name: str | None = None,
              position: int | None = None, retired: bool | None = None) -> None:
    """Rename, move to ``position`` (1-based), retire or bring back a stage. A
    retired stage is not offered any more; leads at it keep it until moved."""
    f = funnel_by(s, funnel_code)
    st = stage_by(s, f, code)
    if name is not None:
        st.name = _text(name, "name")
    if retired is not None:
        st.retired = bool(retired)
    if position is not None:
        stages = [x for x in _live_stages(s, f) if x.id != st.id]
        if not 1 <= position <= len(stages) + 1:
            raise AdminError(f"position {position}: expected 1 to {len(stages) + 1}")
        stages.insert(position - 1, st)
        _renumber(stages)
    s.flush()


def delete_stage(s: Session, funnel_code: str, code: str) -> None:
    """Remove a stage nobody uses; a stage in use can only be retired."""
    f = funnel_by(s, funnel_code)
    st = stage_by(s, f, code)
    used = s.scalar(select(func.count()).select_from(Lead).where(
        Lead.stage_id == st.id, Lead.deleted.is_(False)))
    if used:
        raise AdminError(f"stage {code!r} of funnel {f.code!r} is used by {used} leads: "
                         "it cannot be deleted, retire it instead")
    st.deleted = True
    _renumber([x for x in _live_stages(s, f) if x.id != st.id])
    s.flush()


# -- refusal reasons and lead sources ------------------------------------------------------

_LISTS = {"reasons": RefusalReason, "sources": LeadSource}


def _used(s: Session, kind: str, code: str, name: str) -> int:
    if kind == "reasons":
        return s.scalar(select(func.count()).select_from(Call).where(
            Call.refusal_reason == code, Call.deleted.is_(False))) or 0
    return s.scalar(select(func.count()).select_from(Lead).where(
        Lead.source.in_([code, name]), Lead.deleted.is_(False))) or 0


def list_items(s: Session, kind: str, *, with_retired: bool = True,
               count_use: bool = False) -> list[ListItem]:
    model = _LISTS[kind]
    q = select(model).where(model.deleted.is_(False)).order_by(model.position, model.name)
    if not with_retired:
        q = q.where(model.retired.is_(False))
    return [ListItem(r.id, r.code, r.name, r.position, r.retired,
                     _used(s, kind, r.code, r.name) if count_use else 0)
            for r in s.scalars(q)]


def add_item(s: Session, kind: str, code: str, name: str) -> uuid.UUID:
    model = _LISTS[kind]
    code = _code(code)
    if s.scalar(select(model.id).where(model.code == code)) is not None:
        raise AdminError(f"code: {code!r} exists already")
    last = s.scalar(select(func.max(model.position)).where(model.deleted.is_(False)))
    row = model(code=code, name=_text(name, "name"), position=(last or 0) + 1)
    s.add(row)
    s.flush()
    return row.id


def _item(s: Session, kind: str, code: str):
    model = _LISTS[kind]
    row = s.scalar(select(model).where(model.code == code, model.deleted.is_(False)))
    if row is None:
        raise AdminError(f"code: no {kind[:-1]} {code!r}")
    return row


def set_item(s: Session, kind: str, code: str, *, name: str | None = None,
             position: int | None = None, retired: bool | None = None) -> None:
    row = _item(s, kind, code)
    if name is not None:
        row.name = _text(name, "name")
    if retired is not None:
        row.retired = bool(retired)
    if position is not None:
        model = _LISTS[kind]
        rows = [r for r in s.scalars(select(model).where(model.deleted.is_(False))
                                     .order_by(model.position, model.name)) if r.id != row.id]
        if not 1 <= position <= len(rows) + 1:
            raise AdminError(f"position {position}: expected 1 to {len(rows) + 1}")
        rows.insert(position - 1, row)
        _renumber(rows)
    s.flush()


def delete_item(s: Session, kind: str, code: str) -> None:
    row = _item(s, kind, code)
    used = _used(s, kind, row.code, row.name)
    if used:
        what = "calls" if kind == "reasons" else "leads"
        raise AdminError(f"{kind[:-1]} {code!r} is used by {used} {what}: it cannot be "
                         "deleted, retire it instead")
    row.deleted = True
    s.flush()


# -- KPI plans ---------------------------------------------------------------------------------

def list_plans(s: Session, *, team_id: uuid.UUID | None = None) -> list[PlanRow]:
    q = (select(KpiPlan, Team.name, User.login)
         .outerjoin(Team, Team.id == KpiPlan.team_id).outerjoin(User, User.id == KpiPlan.user_id)
         .where(KpiPlan.deleted.is_(False))
         .order_by(Team.name.nulls_first(), User.login.nulls_first(), KpiPlan.metric,
                   KpiPlan.period))
    rows = [PlanRow(p.id, p.metric, p.period, p.target, p.team_id, tn or "", p.user_id, lg or "")
            for p, tn, lg in s.execute(q)]
    if team_id is not None:
        members = set(s.scalars(select(User.id).where(User.team_id == team_id)))
        rows = [r for r in rows if r.team_id == team_id or r.user_id in members]
    return rows


def set_plan(s: Session, metric: str, period: str, target: float, *, team=None,
             user=None) -> uuid.UUID:
    """Set (or make) the plan for one metric and period: global, a team's, or a
    manager's (``user``: login or id; the plan then belongs to the manager)."""
    if metric not in PLAN_METRICS:
        raise AdminError(f"metric {metric!r}: expected one of {', '.join(PLAN_METRICS)}")
    if period not in PLAN_PERIODS.get(metric, ()):
        raise AdminError(f"period {period!r}: {metric} is planned per "
                         f"{' or '.join(PLAN_PERIODS[metric])}")
    try:
        target = float(target)
    except (TypeError, ValueError):
        raise AdminError(f"target {target!r}: a number is required") from None
    if not 0 <= target <= 100000:
        raise AdminError(f"target {target:g}: expected 0 to 100000")
    team_id = team_by(s, team).id if team not in (None, "") else None
    user_id = user_by(s, user).id if user not in (None, "") else None
    if user_id is not None:
        team_id = None
    plan = s.scalar(select(KpiPlan).where(
        KpiPlan.metric == metric, KpiPlan.period == period, KpiPlan.deleted.is_(False),
        KpiPlan.team_id.is_(None) if team_id is None else KpiPlan.team_id == team_id,
        KpiPlan.user_id.is_(None) if user_id is None else KpiPlan.user_id == user_id))
    if plan is None:
        plan = KpiPlan(metric=metric, period=period, team_id=team_id, user_id=user_id,
                       target=target)
        s.add(plan)
    else:
        plan.target = target
    s.flush()
    return plan.id


# -- shared settings ----------------------------------------------------------------------------

def effective_min_talk(s: Session) -> float | None:
    """The admin's effective-call rule (talk seconds), None when never set."""
    value = s.scalar(select(SharedSetting.value).where(SharedSetting.key == EFFECTIVE_RULE_KEY,
                                                       SharedSetting.deleted.is_(False)))
    if isinstance(value, dict) and isinstance(value.get("min_talk_seconds"), int | float):
        return float(value["min_talk_seconds"])
    return None


def set_effective_min_talk(s: Session, seconds: float) -> None:
    try:
        seconds = float(seconds)
    except (TypeError, ValueError):
        raise AdminError(f"min_talk_seconds {seconds!r}: a number is required") from None
    if not 0 <= seconds <= 3600:
        raise AdminError(f"min_talk_seconds {seconds:g}: expected 0 to 3600")
    row = s.scalar(select(SharedSetting).where(SharedSetting.key == EFFECTIVE_RULE_KEY))
    if row is None:
        row = SharedSetting(key=EFFECTIVE_RULE_KEY)
        s.add(row)
    row.value, row.deleted = {"min_talk_seconds": seconds}, False
    s.flush()



# -- where imported leads go ------------------------------------------------------------------

@dataclass(frozen=True)
class ImportTarget:
    """Owner, team and pool of imported leads (importer.ImportOptions takes them)."""

    owner_id: uuid.UUID | None
    team_id: uuid.UUID | None
    shared_pool: bool = False
    distribute_to: tuple[uuid.UUID, ...] = ()
    label: str = ""


def team_managers(s: Session, team_id: uuid.UUID) -> list[User]:
    return list(s.scalars(select(User).where(
        User.team_id == team_id, User.role == Role.MANAGER, User.active.is_(True),
        User.deleted.is_(False)).order_by(User.login)))


def import_target(s: Session, *, owner=None, team=None, distribute: bool = False,
                  default_owner: uuid.UUID | None = None) -> ImportTarget:
    """A manager (``owner``: their team too), a team's shared pool (``team``), or
    the team's managers in turn (``team`` and ``distribute``). With neither, the
    leads are ``default_owner``'s (the importing user) in their team."""
    if owner not in (None, ""):
        if distribute:
            raise AdminError("target: give a manager or a team to distribute among, not both")
        u = user_by(s, owner)
        if not u.active:
            raise AdminError(f"owner: user {u.login} is deactivated")
        if team not in (None, "") and team_by(s, team).id != u.team_id:
            raise AdminError(f"owner: {u.login} is not a member of team {team}")
        return ImportTarget(u.id, u.team_id, label=u.login)
    if team not in (None, ""):
        t = team_by(s, team)
        if not distribute:
            return ImportTarget(None, t.id, True, label=f"pool of {t.name}")
        managers = team_managers(s, t.id)
        if not managers:
            raise AdminError(f"team: team {t.name} has no active managers to distribute to")
        return ImportTarget(None, t.id, False, tuple(m.id for m in managers),
                            label=f"{len(managers)} managers of {t.name}")
    if distribute:
        raise AdminError("target: --distribute needs a team")
    if default_owner is None:
        return ImportTarget(None, None)
    u = s.get(User, default_owner)
    return ImportTarget(default_owner, u.team_id if u is not None else None,
                        label=u.login if u is not None else "")
