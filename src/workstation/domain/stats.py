"""Call statistics against the plan (seed remote-sales-kpi, OLAP table): the
periods in the team's time zone, the plan share of a period, the pace for the
time of day and the behind / on track / ahead verdict. Pure Python, no SQL.

* A day, week or month is local to the team's time zone (``zoneinfo``): its
  bounds are the UTC instants of the local midnights, so a day of a DST change
  has 23 or 25 hours, and a call is counted on the day it STARTED (a call
  across midnight once).
* The plan of a period: a day plan counts once per working day (Mon-Fri); a
  week plan is spread over its 5 working days; a month plan over the working
  days of that month. Ranges of up to 7 days prefer a week plan, longer ranges
  a month plan, whichever the metric has.
* The pace: the plan expected by now, linear over the working hours
  (9:00-18:00 local) of the range's working days; a period in the past expects
  the whole plan, one in the future nothing.
* Verdict: behind below 90 % of the expected figure, ahead above 110 %, else
  on track; nothing expected yet and something done is ahead.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WORK_START_HOUR = 9
WORK_END_HOUR = 18
BEHIND_BELOW = 0.9
AHEAD_ABOVE = 1.1


class Pace(StrEnum):
    BEHIND = "behind"
    ON_TRACK = "on_track"
    AHEAD = "ahead"
    NONE = ""


class RangeKind(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    CUSTOM = "custom"


def zone(name: str | None) -> tzinfo:
    """The named IANA zone; None or "" is the machine's local zone. A bad name
    raises ValueError naming it."""
    if not name:
        return datetime.now().astimezone().tzinfo or timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"time zone {name!r}: not an IANA time zone name "
                         "(e.g. Europe/Kyiv)") from None


def local_midnight(d: date, tz: tzinfo) -> datetime:
    """The UTC instant of local midnight starting ``d`` (DST-correct)."""
    return datetime.combine(d, time.min, tzinfo=tz).astimezone(timezone.utc)


@dataclass(frozen=True)
class Period:
    """Local dates ``first``..``last`` (inclusive) in zone ``tz``."""

    first: date
    last: date
    tz: tzinfo

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"period: {self.last} is before {self.first}")

    @property
    def start(self) -> datetime:
        return local_midnight(self.first, self.tz)

    @property
    def end(self) -> datetime:
        return local_midnight(self.last + timedelta(days=1), self.tz)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    @property
    def length(self) -> int:
        return (self.last - self.first).days + 1

    @classmethod
    def of(cls, kind: str, day: date, tz: tzinfo) -> Period:
        """The day, ISO week (Mon-Sun) or month containing ``day``."""
        kind = RangeKind(kind)
        if kind is RangeKind.WEEK:
            first = day - timedelta(days=day.weekday())
            return cls(first, first + timedelta(days=6), tz)
        if kind is RangeKind.MONTH:
            first = day.replace(day=1)
            return cls(first, first.replace(day=calendar.monthrange(day.year, day.month)[1]), tz)
        return cls(day, day, tz)

    def hour_segments(self) -> list[tuple[datetime, datetime, int]]:
        """Pieces of the period with one UTC offset each: (start, end, offset seconds).
        Local hour of an instant t in a piece = (UTC minute of day + offset / 60) // 60 % 24."""
        out: list[tuple[datetime, datetime, int]] = []
        t, end = self.start, self.end
        seg_start = t
        off = _offset(t, self.tz)
        while t < end:
            nxt = min(t + timedelta(hours=1), end)
            o = _offset(nxt, self.tz) if nxt < end else off
            if o != off:
                out.append((seg_start, nxt, off))
                seg_start, off = nxt, o
            t = nxt
        out.append((seg_start, end, off))
        return out


def _offset(t: datetime, tz: tzinfo) -> int:
    return int(t.astimezone(tz).utcoffset().total_seconds())


def is_working_day(d: date) -> bool:
    return d.weekday() < 5


def working_days(days: list[date]) -> int:
    return sum(1 for d in days if is_working_day(d))


@functools.lru_cache(maxsize=256)
def _month_working_days(year: int, month: int) -> int:
    n = calendar.monthrange(year, month)[1]
    return working_days([date(year, month, i) for i in range(1, n + 1)])


def plan_for(targets: dict[str, float], period: Period) -> float | None:
    """The plan of one metric for ``period`` from its targets by plan period
    ("day", "week", "month"); None when the metric has no plan."""
    if not targets:
        return None
    days = period.days
    if "day" in targets:
        return targets["day"] * working_days(days)
    prefer = ("week", "month") if period.length <= 7 else ("month", "week")
    unit = next(p for p in prefer if p in targets)
    if unit == "week":
        return targets["week"] * working_days(days) / 5
    per_month: dict[tuple[int, int], int] = {}
    for d in days:
        if is_working_day(d):
            per_month[(d.year, d.month)] = per_month.get((d.year, d.month), 0) + 1
    return sum(targets["month"] * n / max(1, _month_working_days(*ym))
               for ym, n in per_month.items())


def _work_hours_elapsed(d: date, now_local: datetime) -> float:
    """Working hours of local day ``d`` that passed by ``now_local``."""
    if not is_working_day(d):
        return 0.0
    if d < now_local.date():
        return float(WORK_END_HOUR - WORK_START_HOUR)
    if d > now_local.date():
        return 0.0
    h = now_local.hour + now_local.minute / 60 + now_local.second / 3600
    return min(WORK_END_HOUR, max(WORK_START_HOUR, h)) - WORK_START_HOUR


def elapsed_share(period: Period, now: datetime) -> float:
    """Share (0..1) of the period's working time gone by ``now``."""
    if now >= period.end:
        return 1.0
    if now < period.start:
        return 0.0
    local = now.astimezone(period.tz)
    total = working_days(period.days) * (WORK_END_HOUR - WORK_START_HOUR)
    if total <= 0:
        return 1.0
    return sum(_work_hours_elapsed(d, local) for d in period.days) / total


def expected(plan: float | None, period: Period, now: datetime) -> float | None:
    return None if plan is None else plan * elapsed_share(period, now)


def verdict(done: float, expected_now: float | None) -> Pace:
    if expected_now is None:
        return Pace.NONE
    if expected_now <= 0:
        return Pace.AHEAD if done > 0 else Pace.ON_TRACK
    ratio = done / expected_now
    if ratio < BEHIND_BELOW:
        return Pace.BEHIND
    if ratio > AHEAD_ABOVE:
        return Pace.AHEAD
    return Pace.ON_TRACK


def hms(seconds: float | None) -> str:
    """h:mm:ss as the seed's OLAP table writes durations (hours not capped at 24)."""
    s = int(round(seconds or 0))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def week_starts(today: date, weeks: int) -> list[date]:
    """Mondays of the last ``weeks`` ISO weeks, this one last."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
