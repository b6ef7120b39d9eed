"""The attempts rule and its scheduler; the effective-call rule and plan progress."""

from datetime import datetime, timedelta, timezone

import pytest

from workstation.domain.attempts import (
    AttemptPolicy,
    WorkingHours,
    counted_attempts,
    evaluate,
    is_failed_attempt,
    propose_next_attempt,
    restore_stage,
)
from workstation.domain.kpi import EffectiveRule, PlanProgress, day_bounds

TZ = timezone(timedelta(hours=2))


def at(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=TZ)  # 2026-03-02 is a Monday


def test_failed_attempt():
    assert is_failed_attempt("out", "no_answer") and is_failed_attempt("out", "busy")
    assert not is_failed_attempt("out", "success") and not is_failed_attempt("in", "no_answer")


def test_same_day_redials_count_once():
    times = [at(2, 9), at(2, 9, 5), at(2, 14), at(3, 10)]
    assert counted_attempts(times, TZ) == [at(2, 9), at(3, 10)]


def test_refused_after_five_on_different_days_and_times():
    times = [at(2, 9), at(3, 13), at(4, 16), at(5, 10), at(6, 11)]
    v4 = evaluate(times[:4], at(5, 12), tz=TZ)
    assert not v4.refuse and v4.counted == 4 and v4.next_at is not None
    v5 = evaluate(times, at(6, 12), tz=TZ)
    assert v5.refuse and v5.counted == 5 and v5.next_at is None


def test_not_refused_when_all_at_the_same_time_of_day():
    times = [at(d, 9) for d in (2, 3, 4, 5, 6)]
    v = evaluate(times, at(6, 10), tz=TZ)
    assert v.counted == 5 and v.bands == 1 and not v.refuse
    assert v.next_at.astimezone(TZ).hour >= 12  # the proposal fills the missing band


def test_configurable_max():
    times = [at(2, 9), at(3, 15)]
    assert evaluate(times, at(3, 16), AttemptPolicy(max_attempts=2), tz=TZ).refuse
    with pytest.raises(ValueError):
        AttemptPolicy(max_attempts=0)


def test_proposal_untried_hour_and_day_within_working_hours():
    tried = [at(2, 9), at(2, 10)]
    nxt = propose_next_attempt(tried, at(2, 10, 30), AttemptPolicy(), TZ).astimezone(TZ)
    assert nxt.date() != at(2, 9).date()  # never again on a day already tried
    assert nxt.hour not in (9, 10) and 9 <= nxt.hour < 18
    assert nxt.weekday() not in (0,)  # Monday was tried


def test_proposal_skips_weekend_and_past_hours():
    # Friday 17:30, nothing tried: next slot is Monday (17:00 slot is nearly over)
    nxt = propose_next_attempt([], at(6, 17, 57), AttemptPolicy(), TZ).astimezone(TZ)
    assert nxt.weekday() == 0 and nxt.hour == 9
    # Tuesday 10:20, nothing tried today: this hour still counts, not in the past
    now = at(3, 10, 20)
    nxt = propose_next_attempt([], now, AttemptPolicy(), TZ)
    assert now <= nxt < now + timedelta(hours=1)


def test_proposal_custom_hours():
    pol = AttemptPolicy(hours=WorkingHours(10, 12))
    nxt = propose_next_attempt([at(2, 10)], at(2, 11), pol, TZ).astimezone(TZ)
    assert nxt.hour == 11 and nxt.day == 3
    with pytest.raises(ValueError):
        WorkingHours(18, 9)


def test_restore_stage():
    assert restore_stage("offer") == "offer"
    assert restore_stage(None) == "aware"
    assert restore_stage("refused") == "aware"


def test_effective_rule():
    rule = EffectiveRule(min_talk_seconds=60)
    assert rule.is_effective("success", 75, None)
    assert rule.is_effective("success", 20, "negative")
    assert rule.is_effective("success", 20, None, ["offer_sent"])
    assert not rule.is_effective("success", 20, "undefined")
    assert not rule.is_effective("no_answer", 0, "positive")
    assert not rule.is_effective("success", None, None)


def test_plan_progress():
    p = PlanProgress(done=12, target=30)
    assert p.remaining == 18 and p.fraction == pytest.approx(0.4) and not p.reached
    assert p.expected_by(at(2, 13, 30)) == 15 and p.behind(at(2, 13, 30))
    assert PlanProgress(31, 30).reached and PlanProgress(31, 30).remaining == 0


def test_day_bounds_local_day():
    start, end = day_bounds(at(2, 0, 30), TZ)
    assert start == datetime(2026, 3, 1, 22, tzinfo=timezone.utc)
    assert end - start == timedelta(days=1)
