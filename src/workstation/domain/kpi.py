"""Daily plan figures (seed remote-sales-kpi: 30 effective calls a day).

An EFFECTIVE call ("результативный звонок") is a call in which the manager
really talked to the client: it was answered, and either the talk lasted at
least ``min_talk_seconds`` (config ``plan.effective_min_talk_seconds``,
default 60) or the wrap-up recorded a real result (Positive, Satisfactory or
Negative, not Undefined) or a sales tool was used (offer sent, presentation...).
A no-answer, a busy line or a 10-second "call me later" is not effective.

Pure Python, no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from workstation.domain.enums import CallOutcome, CallResult

DEFAULT_MIN_TALK_SECONDS = 60
DEFAULT_DAILY_PLAN = 30
EFFECTIVE_CALLS = "effective_calls"

PLAN_PERIODS: dict[str, tuple[str, ...]] = {
    EFFECTIVE_CALLS: ("day",),
    "presentations": ("week", "month"),
    "invoices": ("week", "month"),
    "warm_clients": ("month",),
    "sales": ("month",),
}
"""The plan figures an admin or team lead sets, and the periods each is planned for."""
PLAN_METRICS: tuple[str, ...] = tuple(PLAN_PERIODS)


@dataclass(frozen=True)
class EffectiveRule:
    min_talk_seconds: float = DEFAULT_MIN_TALK_SECONDS

    def is_effective(self, outcome: str | None, talk_seconds: float | None,
                     result: str | None = None, tools: Iterable[str] | None = None) -> bool:
        if outcome != CallOutcome.SUCCESS:
            return False
        if talk_seconds is not None and talk_seconds >= self.min_talk_seconds:
            return True
        if result is not None and result != CallResult.UNDEFINED:
            return True
        return bool(tools and list(tools))

    @classmethod
    def from_config(cls, config) -> EffectiveRule:
        try:
            return cls(float(config.get("plan.effective_min_talk_seconds")))
        except Exception:  # noqa: BLE001 - the option is missing in this version
            return cls()


@dataclass(frozen=True)
class PlanProgress:
    done: int
    target: int

    @property
    def remaining(self) -> int:
        return max(0, self.target - self.done)

    @property
    def fraction(self) -> float:
        return 1.0 if self.target <= 0 else min(1.0, self.done / self.target)

    @property
    def reached(self) -> bool:
        return self.done >= self.target

    def expected_by(self, now_local: datetime, start_hour: int = 9, end_hour: int = 18) -> int:
        """Calls the plan expects by this time of the working day (linear)."""
        hours = max(1, end_hour - start_hour)
        elapsed = (now_local.hour + now_local.minute / 60) - start_hour
        share = min(1.0, max(0.0, elapsed / hours))
        return int(self.target * share)

    def behind(self, now_local: datetime, start_hour: int = 9, end_hour: int = 18) -> bool:
        return self.done < self.expected_by(now_local, start_hour, end_hour)


def day_bounds(now: datetime, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The local day containing ``now`` as a UTC half-open interval."""
    tz = tz or datetime.now().astimezone().tzinfo
    d: date = now.astimezone(tz).date()
    start = datetime.combine(d, time.min, tzinfo=tz)
    end = datetime.combine(d + timedelta(days=1), time.min, tzinfo=tz)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)
