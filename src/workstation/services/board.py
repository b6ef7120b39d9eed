"""The live team board and presence: a manager's state changes, the board's rows,
occupancy per manager and day. Qt-free; every function takes the session Context.

Who sees what (the shared database's row-level security says the same,
db/shared/070_board.sql): a team lead or supervisor their team's managers, an
admin every manager, a manager only themself. Nobody writes another's state:
the writes here always carry ``ctx.user.id``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, tzinfo

from workstation.domain import presence as P
from workstation.domain.kpi import day_bounds
from workstation.services.context import Context
from workstation.store import board as B
from workstation.store.common import WorkspaceError, aware
from workstation.store.types import utcnow

__all__ = ["BoardRow", "OCCUPANCY_HEADER", "OccupancyRow", "WorkspaceError", "board", "heartbeat",
           "occupancy_cells", "occupancy_report", "sees_team", "set_state"]

TEAM_WIDE = ("teamlead", "supervisor", "admin")


def sees_team(ctx: Context) -> bool:
    """May this user open the team board (team lead, supervisor, admin)?"""
    return (ctx.user.role or "manager") in TEAM_WIDE


def set_state(ctx: Context, state: str, at: datetime, *, detail: str = "",
              lead_id: uuid.UUID | None = None, call_id: uuid.UUID | None = None,
              stale_s: float = P.STALE_S) -> None:
    """The signed-in user is in ``state`` from ``at`` (OFFLINE: signing off)."""
    if ctx.user.id is None:
        raise WorkspaceError("user: nobody is signed in")
    with ctx.write() as s:
        B.switch(s, ctx.user.id, state, at, detail=detail, lead_id=lead_id, call_id=call_id,
                 stale_s=stale_s)


def heartbeat(ctx: Context, at: datetime) -> int:
    if ctx.user.id is None:
        return 0
    with ctx.write() as s:
        return B.heartbeat(s, ctx.user.id, at)


@dataclass(frozen=True)
class BoardRow:
    """One manager on the board. ``state`` as stored; the view shows offline when
    the interval is closed or its heartbeat goes stale (ticking, no query)."""

    user_id: uuid.UUID
    name: str
    state: str
    detail: str
    lead_id: uuid.UUID | None
    since: datetime | None
    """Start of the state (open), or when the last one ended (offline); None: never seen."""
    heartbeat_at: datetime | None
    open: bool
    company: str
    """The current call's lead's company ("" when none or not synced yet)."""
    calls: int
    success: int
    talk_seconds: float
    effective: int
    plan: int
    occupancy: float | None
    """Today's talk + wrap-up over logged-in time."""

    def shown_state(self, now: datetime, stale_s: float = P.STALE_S) -> str:
        if not self.open or self.heartbeat_at is None or P.is_stale(self.heartbeat_at, now,
                                                                      stale_s):
            return P.OFFLINE
        return self.state

    def shown_since(self, now: datetime, stale_s: float = P.STALE_S) -> datetime | None:
        if self.open and self.shown_state(now, stale_s) == P.OFFLINE:
            return self.heartbeat_at  # went away: offline since its last sign of life
        return self.since


def _visible(ctx: Context, s) -> list[B.Member]:
    role = ctx.user.role or "manager"
    if role == "admin":
        return B.members(s, None)
    if role in TEAM_WIDE:
        team = B.team_of(s, ctx.user.id) or ctx.user.team_id
        return B.members(s, team) if team is not None else []
    return B.members(s, None, user_ids=[ctx.user.id]) if ctx.user.id else []


def board(ctx: Context, now: datetime | None = None, tz: tzinfo | None = None,
          stale_s: float = P.STALE_S) -> list[BoardRow]:
    """The board's rows now: each visible manager's state and today's figures."""
    now = aware(now, "now") or utcnow()
    lo, hi = day_bounds(now, tz)
    out = []
    with ctx.read() as s:
        people = _visible(ctx, s)
        ids = [m.id for m in people]
        latest = B.latest(s, ids)
        counts = B.call_counts(s, ids, lo, hi)
        spent = B.state_seconds(s, ids, lo, hi, now, stale_s)
        plans = B.daily_plans(s, people, ctx.daily_plan)
        names = B.companies(s, [st.lead_id for st in latest.values()
                                if st.ended_at is None and st.lead_id])
        for m in people:
            st, c = latest.get(m.id), counts.get(m.id, B.CallCounts())
            occ = spent[m.id]
            is_open = st is not None and st.ended_at is None
            out.append(BoardRow(
                m.id, m.name, st.state if is_open else P.OFFLINE,
                st.detail if is_open else "", st.lead_id if is_open else None,
                (st.started_at if is_open else st.ended_at) if st else None,
                st.heartbeat_at if st else None, is_open,
                names.get(st.lead_id, "") if is_open and st.lead_id else "", c.calls, c.success, c.talk_seconds,
                c.effective, plans[m.id], occ.ratio))
    return out


@dataclass(frozen=True)
class OccupancyRow:
    user_id: uuid.UUID
    login: str
    name: str
    day: str
    """The local day, YYYY-MM-DD."""
    seconds: dict[str, float]
    logged_in: float
    occupancy: float | None


def occupancy_report(ctx: Context, lo: datetime, hi: datetime, *,
                     now: datetime | None = None, tz: tzinfo | None = None,
                     stale_s: float = P.STALE_S) -> list[OccupancyRow]:
    """Time in each state per visible manager and local day in [lo, hi)."""
    aware(lo, "from")
    aware(hi, "to")
    if hi <= lo:
        raise WorkspaceError("to: the end must be after the start")
    now = aware(now, "now") or utcnow()
    tz = tz or datetime.now().astimezone().tzinfo
    with ctx.read() as s:
        people = _visible(ctx, s)
        rows = B.intervals(s, [m.id for m in people], lo, hi)
    by_user: dict[uuid.UUID, list] = {}
    for r in rows:
        by_user.setdefault(r.user_id, []).append((r.state, r.started_at, r.ended_at,
                                                  r.heartbeat_at))
    out = []
    for m in people:
        spans = by_user.get(m.id, [])
        for d_lo, d_hi in P.days(lo, hi, tz):
            occ = P.occupancy(spans, d_lo, d_hi, now, stale_s)
            out.append(OccupancyRow(m.id, m.login, m.name, d_lo.astimezone(tz).date().isoformat(),
                                    dict(occ.seconds), occ.logged_in, occ.ratio))
    return out


OCCUPANCY_HEADER = ("login", "name", "day", *(f"{s}_s" for s in P.STATES), "logged_in_s",
                    "occupancy")
"""The occupancy table's columns (CLI and export): seconds per state, logged-in
seconds, talk + wrap-up over logged-in time (0..1, empty when never logged in)."""


def occupancy_cells(row: OccupancyRow) -> list:
    return [row.login, row.name, row.day, *(round(row.seconds[s]) for s in P.STATES),
            round(row.logged_in), "" if row.occupancy is None else round(row.occupancy, 4)]
