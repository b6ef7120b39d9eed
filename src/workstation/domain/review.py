"""Call review rules, pure: scorecard arithmetic, recording consent, sampling.

Score: each active criterion earns ``weight * value / max`` (yes/no: 1 or 0;
a scale 0..max), the overall score is the earned share of the total weight,
0..100. A critical criterion that fails (yes/no answered "no", a scale
answered 0) fails the whole call: score 0 and ``failed_critical``, like
VICIdial's. A criterion left unanswered counts as failed when it is critical
and as not earned otherwise (a supervisor must answer every item to submit:
``missing`` lists them).

Sampling: per manager, N calls of the period spread over outcomes, call
lengths and hours of the day: the calls are grouped into strata (outcome x
length band x part of the day) and each pick takes a seeded random call from
a stratum that adds an outcome, a band or a part not drawn yet (ties broken
by the seed), then from strata not drawn this round: every outcome and band
present is covered when N allows, and the result depends only on the calls
and the seed.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

YES_NO, SCALE = "yes_no", "scale"
KINDS = (YES_NO, SCALE)

IN_REVIEW, SCORED, ACKNOWLEDGED, DISPUTED, RESOLVED = (
    "in_review", "scored", "acknowledged", "disputed", "resolved")
STATUSES = (IN_REVIEW, SCORED, ACKNOWLEDGED, DISPUTED, RESOLVED)
COMMENT, ACK, DISPUTE, REPLY = "comment", "ack", "dispute", "reply"
COMMENT_KINDS = (COMMENT, ACK, DISPUTE, REPLY)

CONSENT_GIVEN, CONSENT_REFUSED, CONSENT_NOT_ASKED, CONSENT_UNKNOWN = (
    "given", "refused", "not_asked", "")
CONSENTS = (CONSENT_GIVEN, CONSENT_REFUSED, CONSENT_NOT_ASKED, CONSENT_UNKNOWN)

DEFAULT_SAMPLE = 10
"""The seeds' head of sales checks 10 contacts of each manager."""
LENGTH_BANDS_S = (60.0, 180.0, 600.0)
"""Call length bands: under 1 min, 1-3 min, 3-10 min, longer."""
DAY_PARTS_H = (12, 15)
"""Hours of the day (local): morning before 12, midday 12-15, afternoon after."""


class ReviewError(ValueError):
    """A review input that cannot be taken; names the field."""


@dataclass(frozen=True)
class Criterion:
    id: uuid.UUID
    name: str
    weight: float = 1.0
    kind: str = YES_NO
    max_value: int = 1
    critical: bool = False

    @property
    def top(self) -> int:
        return 1 if self.kind == YES_NO else max(1, int(self.max_value))

    def check(self, value) -> int:
        """The answer as an int in 0..top, or ReviewError naming the criterion."""
        if isinstance(value, bool):
            value = int(value)
        if not isinstance(value, int | float) or value != int(value):
            raise ReviewError(f"criterion {self.name!r}: {value!r} is not a whole number")
        value = int(value)
        if not 0 <= value <= self.top:
            raise ReviewError(f"criterion {self.name!r}: {value} outside 0..{self.top}")
        return value

    def failed(self, value: int | None) -> bool:
        return value is None or value == 0


@dataclass(frozen=True)
class Score:
    score: float
    """0..100 (0 when a critical criterion failed)."""
    failed_critical: bool
    raw: float
    """The weighted share before the critical rule, 0..100."""
    failed: tuple[str, ...] = ()
    """Names of the critical criteria that failed."""
    missing: tuple[str, ...] = ()
    """Criteria with no answer."""


def validate_criterion(name: str, weight, kind: str, max_value, critical=False) -> None:
    if not (name or "").strip():
        raise ReviewError("criterion name: required")
    try:
        weight = float(weight)
    except (TypeError, ValueError):
        raise ReviewError(f"criterion {name!r} weight {weight!r}: a number is required") from None
    if not 0 <= weight <= 1000:
        raise ReviewError(f"criterion {name!r} weight {weight:g}: expected 0 to 1000")
    if kind not in KINDS:
        raise ReviewError(f"criterion {name!r} kind {kind!r}: expected yes_no or scale")
    if kind == SCALE:
        if not isinstance(max_value, int) or not 1 <= max_value <= 100:
            raise ReviewError(f"criterion {name!r} max {max_value!r}: expected 1 to 100")


def score(criteria: Sequence[Criterion], answers: dict) -> Score:
    """The overall score of ``answers`` ({criterion id as str: value})."""
    total = earned = 0.0
    failed, missing = [], []
    for c in criteria:
        raw = answers.get(str(c.id))
        value = None if raw is None else c.check(raw)
        if value is None:
            missing.append(c.name)
        if c.critical and c.failed(value):
            failed.append(c.name)
        total += c.weight
        earned += c.weight * (value or 0) / c.top
    share = round(100.0 * earned / total, 2) if total > 0 else 0.0
    return Score(0.0 if failed else share, bool(failed), share, tuple(failed), tuple(missing))


def consent_of(recorded: bool, prompt_on: bool) -> str:
    """Consent of a recorded call: 'given' when the prompt played and the client
    stayed on the line, 'not_asked' when recorded with the prompt off; '' when
    nothing was recorded. 'refused' is the manager's mark (the client objected)."""
    if not recorded:
        return CONSENT_UNKNOWN
    return CONSENT_GIVEN if prompt_on else CONSENT_NOT_ASKED


def without_consent(consent: str) -> bool:
    """A recording made without the client's consent (shown marked)."""
    return consent in (CONSENT_REFUSED, CONSENT_NOT_ASKED)


# -- sampling -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    call_id: uuid.UUID
    manager_id: uuid.UUID
    outcome: str
    talk_seconds: float
    started_at: datetime
    key: tuple | None = None
    """The stratum when the caller computed it already (the store does, in SQL)."""


def length_band(seconds: float) -> int:
    return sum(seconds >= b for b in LENGTH_BANDS_S)


def day_part(at: datetime) -> int:
    """Part of the workstation's local day (DST-correct; time.localtime is C-fast)."""
    return part_of_hour(time.localtime(at.timestamp()).tm_hour if at.tzinfo else at.hour)


def stratum(c: Candidate) -> tuple[str, int, int]:
    if c.key is not None:
        return c.key
    return (c.outcome or "", length_band(c.talk_seconds), day_part(c.started_at))


def part_of_hour(hour: int) -> int:
    return sum(hour >= h for h in DAY_PARTS_H)


@dataclass
class Sample:
    per_manager: dict[uuid.UUID, list[Candidate]] = field(default_factory=dict)

    @property
    def calls(self) -> list[Candidate]:
        return [c for m in sorted(self.per_manager, key=str) for c in self.per_manager[m]]


def sample(candidates: Iterable[Candidate], n: int = DEFAULT_SAMPLE, seed: int = 0) -> Sample:
    """Up to ``n`` calls of each manager, spread over the strata; deterministic."""
    if n < 1:
        raise ReviewError(f"sample size {n}: at least 1")
    by_manager: dict[uuid.UUID, dict[tuple, list[Candidate]]] = {}
    for c in candidates:
        by_manager.setdefault(c.manager_id, {}).setdefault(stratum(c), []).append(c)
    out = Sample()
    for manager in sorted(by_manager, key=str):
        rng = random.Random(f"{seed}:{manager}")
        strata = by_manager[manager]
        keys = sorted(strata)
        rng.shuffle(keys)
        pools = {k: sorted(strata[k], key=lambda c: c.call_id) for k in keys}
        picked: list[Candidate] = []
        seen: list[set] = [set(), set(), set()]  # outcomes, length bands, day parts this round
        used: set = set()  # strata drawn from this round
        while len(picked) < n:
            live = [k for k in keys if pools[k]]
            if not live:
                break
            if used.issuperset(live):  # every stratum had its turn: a new round
                seen, used = [set(), set(), set()], set()
            # first what adds an outcome, band or part not yet drawn, then an unused stratum
            gains = {k: (sum(v not in s for v, s in zip(k, seen)), k not in used) for k in live}
            best = max(gains.values())
            choices = [k for k in live if gains[k] == best]
            k = choices[rng.randrange(len(choices))]
            pool = pools[k]  # a seeded random call of the stratum
            i = rng.randrange(len(pool))
            pool[i], pool[-1] = pool[-1], pool[i]
            picked.append(pool.pop())
            used.add(k)
            for v, s in zip(k, seen):
                s.add(v)
        out.per_manager[manager] = sorted(picked, key=lambda c: (c.started_at, str(c.call_id)))
    return out
