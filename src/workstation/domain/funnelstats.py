"""Funnel and script analytics rules (pure Python: no Qt, no SQL).

* The seeds' typical lead-type shares of a cold base (seed
  outsourced-sales-department, "Конверсія LEAD") as bands, and the check that
  flags a base or a manager whose share of a type falls outside its band.
* Conversion from stage to stage out of "how far each lead got".
* Script analytics: at which step of a script version calls end, with what
  result, the drop-off rate of each step and the worst step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workstation.domain.enums import CallResult, LeadType

# -- lead types against a cold base ---------------------------------------------------


@dataclass(frozen=True)
class Band:
    """The typical share of a type in a cold base, in percent: ``low <= share <= high``."""

    low: float
    high: float

    def contains(self, pct: float) -> bool:
        return self.low - 1e-9 <= pct <= self.high + 1e-9

    def label(self) -> str:
        if self.low <= 0:
            return f"< {self.high:g} %"
        return f"{self.low:g}-{self.high:g} %"


TYPE_BANDS: dict[str, Band] = {
    LeadType.INTERESTED: Band(3, 5),
    LeadType.POTENTIAL: Band(4, 6),
    LeadType.HYPOTHETICAL: Band(35, 42),
    LeadType.CLIENT: Band(0, 0.1),
    LeadType.HOSTILE: Band(0, 0.1),
    LeadType.NOT_INTERESTED: Band(42, 51),
    LeadType.FALSE_POSITIONING: Band(10, 15),
}
"""Seed outsourced-sales-department: 3-5 %, 4-6 %, 35-42 %, < 0.1 %, < 0.1 %,
42-51 %, 10-15 % (in the seed's column order)."""

TYPE_ORDER: tuple[str, ...] = tuple(TYPE_BANDS)

MIN_TYPED_LEADS = 20
"""Fewer typed leads than this: the shares are shown but not judged (too few)."""


@dataclass(frozen=True)
class TypeShare:
    lead_type: str
    count: int
    pct: float
    band: Band
    outside: bool
    """The share is outside the band (and the group has enough leads to judge)."""


@dataclass(frozen=True)
class TypeMix:
    """The lead types of one base (source) or one manager."""

    key: Any
    """The source text, or the manager's id (None: no owner / no source)."""
    name: str
    typed: int
    """Leads of the group with a type (the shares' denominator)."""
    untyped: int
    shares: tuple[TypeShare, ...]
    judged: bool
    """Enough typed leads to judge (``typed >= min_leads``)."""

    @property
    def outliers(self) -> list[str]:
        return [s.lead_type for s in self.shares if s.outside]

    @property
    def is_outlier(self) -> bool:
        return bool(self.outliers)


def type_mix(key: Any, name: str, counts: Mapping[str | None, int],
             min_leads: int = MIN_TYPED_LEADS) -> TypeMix:
    """Shares of each type among the typed leads in ``counts`` (type -> leads; the
    None key counts leads without a type), each against its band."""
    typed = sum(n for t, n in counts.items() if t in TYPE_BANDS)
    judged = typed > 0 and typed >= min_leads
    shares = []
    for t in TYPE_ORDER:
        n = int(counts.get(t, 0))
        pct = 100.0 * n / typed if typed else 0.0
        band = TYPE_BANDS[t]
        shares.append(TypeShare(t, n, pct, band, judged and not band.contains(pct)))
    untyped = sum(n for t, n in counts.items() if t not in TYPE_BANDS)
    return TypeMix(key, name, typed, untyped, tuple(shares), judged)


# -- conversion -------------------------------------------------------------------------


def reached_counts(positions: Sequence[int], by_max_position: Mapping[int, int]) -> list[int]:
    """How many leads reached each main-line stage (``positions``, ascending), out of
    the number of leads whose furthest main-line stage is at each position: a lead
    that got to stage k passed every earlier stage."""
    return [sum(n for p, n in by_max_position.items() if p is not None and p >= pos)
            for pos in positions]


def conversion(reached_here: int, reached_next: int) -> float | None:
    """Share (0..1) of the leads that reached a stage that reached the next one."""
    return reached_next / reached_here if reached_here else None


def median(values: Iterable[float]) -> float | None:
    """The median (mean of the two middle values for an even count); None if empty."""
    v = sorted(values)
    if not v:
        return None
    mid = len(v) // 2
    return float(v[mid]) if len(v) % 2 else (v[mid - 1] + v[mid]) / 2.0


# -- script analytics ---------------------------------------------------------------------

RESULTS: tuple[str | None, ...] = (CallResult.POSITIVE.value, CallResult.NEGATIVE.value,
                                   CallResult.SATISFACTORY.value, CallResult.UNDEFINED.value,
                                   None)
"""The result columns of a step (None: the call has no wrap-up result)."""

CLOSE_KIND = "close"
"""A close step is where a walk is meant to end: its results count, but it is never
named the weak step (a refusal close would always "lose" every call reaching it)."""

MIN_CALLS_FOR_WORST = 5
"""A step reached by fewer calls is not named the worst (one lost call of one is noise)."""


@dataclass
class StepStats:
    step: str
    title: str = ""
    kind: str = ""
    reached: set = field(default_factory=set)
    """Ids of the calls whose walk entered the step."""
    ended: dict = field(default_factory=dict)
    """Result (or None) -> ids of the calls whose walk stopped at the step."""

    @property
    def n_reached(self) -> int:
        return len(self.reached)

    @property
    def n_ended(self) -> int:
        return sum(len(v) for v in self.ended.values())

    def n_result(self, result: str | None) -> int:
        return len(self.ended.get(result, ()))

    @property
    def lost(self) -> set:
        """Calls that stopped here without a positive result."""
        return {c for r, ids in self.ended.items() if r != CallResult.POSITIVE for c in ids}

    @property
    def drop_off(self) -> float | None:
        """Lost here / reached (0..1); None when no call reached the step."""
        return len(self.lost) / self.n_reached if self.reached else None


@dataclass
class ScriptStats:
    script_id: Any
    steps: list[StepStats]
    calls: int
    """Calls of the version with a walk."""
    worst: str | None = None
    """The step (not a close step) with the highest drop-off, among those reached by
    at least ``min_calls`` calls."""

    def step(self, step_id: str) -> StepStats:
        for s in self.steps:
            if s.step == step_id:
                return s
        raise KeyError(step_id)


def step_outline(body: Mapping[str, Any] | None) -> list[tuple[str, str, str]]:
    """(id, title, kind) of a script body's steps in the order the script lists them."""
    out = []
    for raw in (body or {}).get("steps", []) or []:
        if isinstance(raw, Mapping) and raw.get("id"):
            out.append((str(raw["id"]), str(raw.get("title") or ""), str(raw.get("kind") or "")))
    return out


def script_stats(script_id: Any, body: Mapping[str, Any] | None,
                 calls: Iterable[tuple[Any, Sequence[Mapping[str, Any]] | None, str | None]],
                 min_calls: int = MIN_CALLS_FOR_WORST) -> ScriptStats:
    """Per step of one script version: calls reaching it, ending at it, their results.

    ``calls``: (call id, saved walk ``Call.script_path``, wrap-up result). A walk
    that revisits a step (an objection answered twice) counts the call once."""
    steps: dict[str, StepStats] = {sid: StepStats(sid, title, kind)
                                   for sid, title, kind in step_outline(body)}
    n = 0
    for call_id, path, result in calls:
        walked = [str(e.get("step")) for e in (path or []) if isinstance(e, Mapping)
                  and e.get("step")]
        if not walked:
            continue
        n += 1
        for sid in walked:
            steps.setdefault(sid, StepStats(sid)).reached.add(call_id)
        res = result if result in RESULTS else None
        steps[walked[-1]].ended.setdefault(res, set()).add(call_id)
    ordered = list(steps.values())
    candidates = [s for s in ordered if s.n_reached >= max(1, min_calls) and s.lost
                  and s.kind != CLOSE_KIND]
    worst = max(candidates, key=lambda s: (s.drop_off, len(s.lost)), default=None)
    return ScriptStats(script_id, ordered, n, worst.step if worst else None)
