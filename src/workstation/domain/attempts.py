"""The attempts rule (seeds: "at most 5 attempts on different days and times;
no contact after 5 -> Refused; a lead that calls back later is restored").

* A failed attempt is an outbound call that did not reach the client (no
  answer, busy, error). Answered calls and calls from the client reset the count.
* Attempts COUNT only when spread out: the first failed attempt of each local
  day counts; redialling the same day does not. A lead becomes Refused when
  ``max_attempts`` (config ``attempts.max``, default 5) attempts count AND
  they were made at no fewer than ``min_time_bands`` different times of day
  (morning / midday / afternoon), so five calls all at 9 a.m. are not enough.
* The scheduler proposes the next attempt at a working hour this lead has not
  been tried at yet, preferably on a weekday it has not been tried on, and
  never again on a day that already has an attempt.
* A Refused lead that calls in goes back to the stage it had before.

Pure Python: every time is an aware datetime; local days and hours are taken
in ``tz`` (the workstation's zone unless given).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from workstation.domain.enums import CallDirection, CallOutcome
from workstation.domain.funnel import REFUSED_STAGE

DEFAULT_MAX_ATTEMPTS = 5
REFUSAL_REASON = "no_contact"
RESTORED_DEFAULT_STAGE = "aware"
"""A Refused lead with no known earlier stage that calls in: it knows about us."""


def local_tz() -> tzinfo:
    return datetime.now().astimezone().tzinfo  # type: ignore[return-value]


@dataclass(frozen=True)
class WorkingHours:
    start_hour: int = 9
    end_hour: int = 18
    """Exclusive: the last attempt slot starts at ``end_hour - 1``."""
    weekdays: frozenset[int] = frozenset(range(5))
    """Monday = 0."""

    def __post_init__(self) -> None:
        if not (0 <= self.start_hour < self.end_hour <= 24):
            raise ValueError(f"working hours {self.start_hour}-{self.end_hour}: "
                             "start must be before end, both within 0-24")
        if not self.weekdays or any(d not in range(7) for d in self.weekdays):
            raise ValueError("working weekdays must be a non-empty set of 0 (Monday) .. 6")

    def hours(self) -> range:
        return range(self.start_hour, self.end_hour)


def time_band(hour: int) -> int:
    """0 morning (before 12), 1 midday (12-15), 2 afternoon/evening (15 and later)."""
    return 0 if hour < 12 else (1 if hour < 15 else 2)


@dataclass(frozen=True)
class AttemptPolicy:
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    min_time_bands: int = 2
    hours: WorkingHours = field(default_factory=WorkingHours)
    horizon_days: int = 21

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"attempts.max must be at least 1, got {self.max_attempts}")

    @classmethod
    def from_config(cls, config) -> AttemptPolicy:
        def opt(key: str, default):
            try:
                return config.get(key)
            except Exception:  # noqa: BLE001 - an option another version lacks
                return default

        return cls(max_attempts=int(opt("attempts.max", DEFAULT_MAX_ATTEMPTS)),
                   hours=WorkingHours(int(opt("attempts.day_start_hour", 9)),
                                      int(opt("attempts.day_end_hour", 18))))


def is_failed_attempt(direction: str, outcome: str | None) -> bool:
    """An outbound call that did not reach the client."""
    return (direction == CallDirection.OUTBOUND and outcome is not None
            and outcome != CallOutcome.SUCCESS)


def counted_attempts(times: Iterable[datetime], tz: tzinfo | None = None) -> list[datetime]:
    """The attempts that count: the first of each local day, in time order."""
    tz = tz or local_tz()
    out: list[datetime] = []
    days: set[date] = set()
    for t in sorted(times):
        d = t.astimezone(tz).date()
        if d not in days:
            days.add(d)
            out.append(t)
    return out


@dataclass(frozen=True)
class AttemptVerdict:
    counted: int
    """Attempts that count (distinct days)."""
    bands: int
    """Different times of day among them."""
    refuse: bool
    next_at: datetime | None
    """Proposed next attempt (``None`` when refused)."""


def evaluate(failed_since_contact: Sequence[datetime], now: datetime,
             policy: AttemptPolicy | None = None, tz: tzinfo | None = None) -> AttemptVerdict:
    """Apply the rule to the failed attempts made since the last real contact."""
    policy = policy or AttemptPolicy()
    tz = tz or local_tz()
    counted = counted_attempts(failed_since_contact, tz)
    bands = len({time_band(t.astimezone(tz).hour) for t in counted})
    need_bands = min(policy.min_time_bands, policy.max_attempts)
    refuse = len(counted) >= policy.max_attempts and bands >= need_bands
    nxt = None if refuse else propose_next_attempt(failed_since_contact, now, policy, tz)
    return AttemptVerdict(len(counted), bands, refuse, nxt)


def propose_next_attempt(tried: Iterable[datetime], now: datetime,
                         policy: AttemptPolicy | None = None,
                         tz: tzinfo | None = None) -> datetime:
    """The next attempt: a working hour not tried yet for this lead.

    Preference, relaxed in this order when the horizon has no such slot:
    untried hour AND untried weekday AND a new time band when bands are still
    missing; untried hour; any working hour. Never on a local day that already
    has an attempt (a second attempt the same day would not count).
    """
    policy = policy or AttemptPolicy()
    tz = tz or local_tz()
    tried_local = [t.astimezone(tz) for t in tried]
    tried_hours = {t.hour for t in tried_local}
    tried_weekdays = {t.weekday() for t in tried_local}
    tried_days = {t.date() for t in tried_local}
    tried_bands = {time_band(h) for h in tried_hours}
    need_band = len(tried_bands) < policy.min_time_bands
    now_local = now.astimezone(tz)

    def slots():
        day0 = now_local.date()
        for offset in range(policy.horizon_days):
            d = day0 + timedelta(days=offset)
            if d.weekday() not in policy.hours.weekdays or d in tried_days:
                continue
            for h in policy.hours.hours():
                start = datetime(d.year, d.month, d.day, h, tzinfo=tz)
                if start + timedelta(hours=1) <= now_local + timedelta(minutes=5):
                    continue  # this hour is (nearly) over
                yield start, h, d.weekday()

    tests = [
        lambda h, wd: h not in tried_hours and wd not in tried_weekdays
        and (not need_band or time_band(h) not in tried_bands),
        lambda h, wd: h not in tried_hours and (not need_band or time_band(h) not in tried_bands),
        lambda h, wd: h not in tried_hours,
        lambda h, wd: True,
    ]
    for ok in tests:
        for start, h, wd in slots():
            if ok(h, wd):
                return _not_before(start, now_local).astimezone(now.tzinfo)
    # no working slot in the horizon at all (e.g. every day tried): next working hour
    d = now_local + timedelta(days=1)
    return datetime(d.year, d.month, d.day, policy.hours.start_hour,
                    tzinfo=tz).astimezone(now.tzinfo)


def _not_before(slot: datetime, now_local: datetime) -> datetime:
    if slot >= now_local:
        return slot
    nxt = now_local.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return nxt


def restore_stage(previous: str | None) -> str:
    """The stage a Refused lead that calls in goes back to."""
    if previous and previous != REFUSED_STAGE:
        return previous
    return RESTORED_DEFAULT_STAGE
