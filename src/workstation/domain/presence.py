"""A manager's presence: the states, the rule that picks one, and occupancy.

The workstation derives the state from its calls and the wrap-up (never from a
counter): a connected call is "on a call", a call ringing or dialling is
"ringing", a call over and not yet wrapped up is "wrap-up", otherwise what the
manager chose in the status bar ("available" or "on a break"). Intervals are
stored (agent_states); an open interval whose heartbeat is older than
``STALE_S`` counts as ended at its last heartbeat (the workstation went away).

Occupancy (VICIdial's "agent time"): time on calls and in wrap-up over the time
logged in (every state but offline), per manager and day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

OFFLINE, AVAILABLE, RINGING, ON_CALL, WRAPUP, BREAK = (
    "offline", "available", "ringing", "on_call", "wrapup", "break")
STATES = (AVAILABLE, RINGING, ON_CALL, WRAPUP, BREAK)
"""The states an interval may hold (offline is the absence of a live interval)."""
BUSY = (ON_CALL, WRAPUP)
"""What counts as occupied."""

BREAK_REASONS = ("lunch", "coffee", "meeting", "training", "technical", "other")

HEARTBEAT_S = 30.0
"""How often a workstation refreshes its open interval."""
STALE_S = 90.0
"""An open interval whose heartbeat is older than this: the manager is offline."""


def derive(live: Iterable[str], wrapup_pending: bool, chosen: str) -> str:
    """The state now, from the live calls' states ("connected", "ringing",
    "dialling"), whether a call's wrap-up is still open, and the manager's choice
    (AVAILABLE or BREAK)."""
    states = set(live)
    if "connected" in states:
        return ON_CALL
    if states & {"ringing", "dialling"}:
        return RINGING
    if wrapup_pending:
        return WRAPUP
    return BREAK if chosen == BREAK else AVAILABLE


def effective_end(ended_at: datetime | None, heartbeat_at: datetime, now: datetime,
                  stale_s: float = STALE_S) -> datetime:
    """Where an interval ends for the arithmetic: its end; open and fresh: now;
    open and stale: its last heartbeat."""
    if ended_at is not None:
        return ended_at
    if (now - heartbeat_at).total_seconds() > stale_s:
        return heartbeat_at
    return now


def is_stale(heartbeat_at: datetime, now: datetime, stale_s: float = STALE_S) -> bool:
    return (now - heartbeat_at).total_seconds() > stale_s


@dataclass
class Occupancy:
    """Seconds per state over a period, and what they make."""

    seconds: dict[str, float] = field(default_factory=lambda: {s: 0.0 for s in STATES})

    @property
    def logged_in(self) -> float:
        return sum(self.seconds.values())

    @property
    def busy(self) -> float:
        return sum(self.seconds[s] for s in BUSY)

    @property
    def ratio(self) -> float | None:
        """Talk + wrap-up over logged-in time; None when never logged in."""
        total = self.logged_in
        return self.busy / total if total > 0 else None

    def add(self, state: str, seconds: float) -> None:
        if state in self.seconds and seconds > 0:
            self.seconds[state] += seconds


def clip_seconds(start: datetime, end: datetime, lo: datetime, hi: datetime) -> float:
    """Seconds of [start, end) inside [lo, hi)."""
    a, b = max(start, lo), min(end, hi)
    return max(0.0, b.timestamp() - a.timestamp())  # absolute seconds, whatever the zones


def occupancy(intervals: Iterable[tuple[str, datetime, datetime | None, datetime]],
              lo: datetime, hi: datetime, now: datetime,
              stale_s: float = STALE_S) -> Occupancy:
    """Time per state of (state, started_at, ended_at, heartbeat_at) intervals
    clipped to [lo, hi)."""
    occ = Occupancy()
    for state, started, ended, beat in intervals:
        occ.add(state, clip_seconds(started, effective_end(ended, beat, now, stale_s), lo, hi))
    return occ


def days(lo: datetime, hi: datetime, tz) -> list[tuple[datetime, datetime]]:
    """The local days (in ``tz``) covering [lo, hi), as [start, end) pairs in UTC
    (aware datetimes of one zone subtract as wall clocks: a DST day would be 24 h)."""
    out = []
    day = lo.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    while day < hi:
        nxt = day + timedelta(days=1)  # wall-clock midnight (zoneinfo: DST-aware)
        out.append((max(day, lo).astimezone(timezone.utc), min(nxt, hi).astimezone(timezone.utc)))
        day = nxt
    return out


def utcnow() -> datetime:
    """Now, aware UTC (the views' clock: they import no store)."""
    return datetime.now(timezone.utc)
