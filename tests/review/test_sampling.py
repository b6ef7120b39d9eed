"""Sampling: N unreviewed calls of each manager, spread over outcomes, lengths
and hours, short calls left out, deterministic for a seed; the sample is the
reviewer's queue."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from workstation.domain import review as rules
from workstation.services import review
from review.conftest import T0

START, END = T0 - timedelta(days=1), T0 + timedelta(days=30)


def fill(team, who, n, seed=1):
    """n calls of ``who``: 3 outcomes x 4 length bands x 3 parts of the day."""
    out = []
    outcomes = ("success", "refused", "callback")
    lengths = (30, 120, 400, 900)
    for i in range(n):
        at = T0 + timedelta(days=i % 20, hours=(i * 5) % 11)
        out.append(team.call(who, outcome=outcomes[i % 3], talk=lengths[(i // 3) % 4], at=at))
    return out


def test_n_per_manager_spread_and_deterministic(team, card):
    fill(team, "alice", 60)
    fill(team, "bob", 7)
    team.call("zoe")  # another team: not sampled by sue
    short = team.call("alice", talk=5)
    unanswered = team.call("alice", answered=False)
    sue = team.ctx("sue")
    dry = review.sample(sue, START, END, n=10, seed=42, dry_run=True)
    again = review.sample(sue, START, END, n=10, seed=42, dry_run=True)
    other = review.sample(sue, START, END, n=10, seed=43, dry_run=True)
    assert dry.call_ids == again.call_ids and dry.call_ids != other.call_ids
    assert dry.queued == 0 and review.queue(sue) == []
    ids = team.ids
    assert dry.per_manager == {ids["alice"][0]: 10, ids["bob"][0]: 7}
    assert short not in dry.call_ids and unanswered not in dry.call_ids
    res = review.sample(sue, START, END, n=10, seed=42)
    assert res.queued == 17 and res.call_ids == dry.call_ids
    queue = review.queue(sue)
    assert len(queue) == 17 and {r.status for r in queue} == {"in_review"}
    # spread: alice's 10 cover every outcome and every length band, and 3 parts of the day
    from workstation.store.models import Call

    with team.store.session() as s:
        mine = [s.get(Call, i) for i in res.call_ids if s.get(Call, i).user_id == ids["alice"][0]]
    assert len({c.outcome for c in mine}) == 3
    assert len({rules.length_band(c.talk_seconds) for c in mine}) == 4
    assert len({rules.day_part(c.started_at) for c in mine}) >= 2
    # a second run does not queue the same calls again: they are not "unreviewed" any more
    res2 = review.sample(sue, START, END, n=10, seed=42)
    assert set(res2.call_ids).isdisjoint(res.call_ids)
    assert res2.per_manager == {ids["alice"][0]: 10}


def test_minimum_length_is_the_admins_setting(team, card):
    team.call("alice", talk=25)
    team.call("alice", talk=45)
    sue = team.ctx("sue")
    assert review.sample(sue, START, END, dry_run=True).candidates == 2  # default 20 s
    with pytest.raises(review.NotAllowed):
        review.set_min_call_seconds(sue, 30)
    review.set_min_call_seconds(team.ctx("ada"), 30)
    assert review.sample(sue, START, END, dry_run=True).candidates == 1
    with pytest.raises(review.ReviewError, match="minimum call length"):
        review.set_min_call_seconds(team.ctx("ada"), -1)


def test_sampling_input_errors_and_roles(team, card):
    with pytest.raises(review.NotAllowed):
        review.sample(team.ctx("alice"), START, END)
    with pytest.raises(review.ReviewError, match="time zone"):
        review.sample(team.ctx("sue"), datetime(2026, 1, 1), datetime(2026, 2, 1))
    with pytest.raises(review.ReviewError, match="not after"):
        review.sample(team.ctx("sue"), END, START)
    with pytest.raises(review.ReviewError, match="at least 1"):
        review.sample(team.ctx("sue"), START, END, n=0)


def test_sample_spreads_over_strata_pure():
    m = uuid.uuid4()
    cands = [rules.Candidate(uuid.uuid4(), m, o, t, datetime(2026, 1, 1, h, tzinfo=timezone.utc))
             for o in ("a", "b") for t in (10, 100, 1000) for h in (8, 13, 17) for _ in range(5)]
    got = rules.sample(cands, 18, seed=7).per_manager[m]
    strata = Counter(rules.stratum(c) for c in got)
    assert len(got) == 18 and len(strata) == 18  # one of each of the 18 strata


@pytest.mark.parametrize("seed", range(40))
def test_a_small_sample_still_covers_every_outcome_band_and_part(seed):
    """n=10 over 36 strata: a round-robin over a shuffled order could miss a
    band (the CI run that failed); each value present must be drawn."""
    m = uuid.uuid4()
    cands = [rules.Candidate(uuid.uuid4(), m, o, t, datetime(2026, 1, 1, h, tzinfo=timezone.utc))
             for o in ("success", "refused", "callback") for t in (30, 120, 400, 900)
             for h in (8, 13, 17) for _ in range(2)]
    got = rules.sample(cands, 10, seed=seed).per_manager[m]
    keys = [rules.stratum(c) for c in got]
    assert len(got) == 10 and len(set(keys)) == 10
    for d in range(3):  # every outcome, length band and part of the day present
        assert {k[d] for k in keys} == {rules.stratum(c)[d] for c in cands}
    assert len({k[1] for k in keys}) == 4
