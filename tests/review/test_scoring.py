"""Scorecards and reviews on the local store: arithmetic (critical items fail
the call), versions, comments pinned to a moment, acknowledge / dispute /
resolve, who may do what."""

from __future__ import annotations

import uuid

import pytest

from workstation.domain import review as rules
from workstation.services import review


def answers(card, greeting, needs, honest):
    g, n, h = card.criteria
    return {g.id: greeting, n.id: needs, h.id: honest}


def test_score_is_the_weighted_share_and_a_failed_critical_item_fails_the_call(team, card):
    c = team.call("alice")
    v = review.submit(team.ctx("sue"), c, answers(card, 1, 2, 1))
    # earned 1*1 + 2*(2/4) + 1*1 = 3 of 4
    assert v.score == 75.0 and not v.failed_critical and v.status == "scored"
    v = review.submit(team.ctx("sue"), c, answers(card, 1, 4, 0))
    assert v.score == 0.0 and v.failed_critical
    full = rules.score(card.criteria, {str(k): x for k, x in answers(card, 1, 4, 0).items()})
    assert full.raw == 75.0 and full.failed == ("No false promises",)
    assert review.submit(team.ctx("sue"), c, answers(card, 1, 4, 1)).score == 100.0


@pytest.mark.parametrize("bad, message", [
    ({"needs": 5}, "outside 0..4"), ({"needs": 1.5}, "not a whole number"),
    ({"needs": None}, "not answered")])
def test_bad_answers_are_refused_naming_the_criterion(team, card, bad, message):
    g, n, h = card.criteria
    a = {g.id: 1, n.id: bad["needs"], h.id: 1}
    if bad["needs"] is None:
        del a[n.id]
    c = team.call("alice")
    with pytest.raises(review.ReviewError, match=message):
        review.submit(team.ctx("sue"), c, a)
    assert review.review_for_call(team.ctx("sue"), c) is None  # nothing half-written


def test_a_new_scorecard_version_leaves_old_reviews_with_their_criteria(team, card):
    c = team.call("alice")
    review.submit(team.ctx("sue"), c, answers(card, 1, 4, 1))
    review.save_scorecard(team.ctx("ada"), "Sales call v2", [
        review.CriterionSpec("Greeting", 5.0), review.CriterionSpec("Closing", 1.0)])
    new = review.scorecard(team.ctx("sue"))
    assert new.version == card.version + 1 and [x.name for x in new.criteria] == [
        "Greeting", "Closing"]
    old = review.review_for_call(team.ctx("sue"), c)
    assert old.scorecard.id == card.id and len(old.scorecard.criteria) == 3
    assert old.score == 100.0
    c2 = team.call("bob")
    g, closing = new.criteria
    assert review.submit(team.ctx("sue"), c2, {g.id: 1, closing.id: 0}).score == pytest.approx(
        83.33, abs=0.01)


def test_only_an_admin_configures_and_only_reviewers_score(team, card):
    with pytest.raises(review.NotAllowed):
        review.save_scorecard(team.ctx("sue"), "x", [review.CriterionSpec("a")])
    c = team.call("alice")
    with pytest.raises(review.NotAllowed):
        review.submit(team.ctx("bob"), c, answers(card, 1, 1, 1))
    with pytest.raises(review.NotAllowed):  # another team's supervisor
        review.submit(team.ctx("zed"), c, answers(card, 1, 1, 1))
    with pytest.raises(review.ReviewError, match="criterion 1: .*weight"):
        review.save_scorecard(team.ctx("ada"), "x", [review.CriterionSpec("a", -1)])


def test_comments_pinned_ack_dispute_resolve_round_trip(team, card):
    sue, alice, bob = team.ctx("sue"), team.ctx("alice"), team.ctx("bob")
    c = team.call("alice")
    review.comment(sue, c, "Talked over the client", at_ms=12_500)
    # queued, not scored: the manager does not see it yet
    assert review.review_for_call(alice, c) is None
    v = review.submit(sue, c, answers(card, 1, 2, 1), manager_fault=True, summary="Lost him")
    seen = review.review_for_call(alice, c)
    assert seen.score == 75.0 and seen.manager_fault
    assert [(x.at_ms, x.text, x.kind) for x in seen.comments] == [
        (12_500, "Talked over the client", "comment")]
    assert review.review_for_call(bob, c) is None  # not bob's call
    with pytest.raises(review.NotAllowed):
        review.acknowledge(bob, v.id)
    with pytest.raises(review.ReviewError, match="say why"):
        review.dispute(alice, v.id, "  ")
    review.dispute(alice, v.id, "The client hung up himself", at_ms=30_000)
    assert review.review_for_call(sue, c).status == "disputed"
    assert [r.call_id for r in review.queue(sue)] == [c]  # back in the supervisor's queue
    assert [r.status for r in review.my_reviews(alice)] == ["disputed"]
    with pytest.raises(review.ReviewError, match="disputed"):
        review.acknowledge(alice, v.id)
    r = review.resolve(sue, v.id, "Agreed, not your fault", manager_fault=False)
    assert r.status == "resolved" and not r.manager_fault
    assert review.queue(sue) == []
    review.acknowledge(alice, v.id, "Thanks")
    final = review.review_for_call(alice, c)
    assert final.status == "acknowledged"
    assert [x.kind for x in final.comments] == ["comment", "dispute", "reply", "ack"]
    assert final.comments[1].at_ms == 30_000


def test_manager_replies_only_to_own_scored_review(team, card):
    c = team.call("alice")
    review.submit(team.ctx("sue"), c, answers(card, 1, 2, 1))
    review.comment(team.ctx("alice"), c, "I see")
    with pytest.raises(review.NotAllowed):
        review.comment(team.ctx("bob"), c, "me too")
    kinds = [x.kind for x in review.review_for_call(team.ctx("sue"), c).comments]
    assert kinds == ["reply"]


def test_every_review_write_goes_through_the_outbox(team, card):
    from sqlalchemy import select

    from workstation.store.models import OutboxEntry

    c = team.call("alice")
    review.submit(team.ctx("sue"), c, answers(card, 1, 2, 1))
    review.comment(team.ctx("sue"), c, "ok", at_ms=1)
    with team.store.session() as s:
        tables = set(s.scalars(select(OutboxEntry.table_name)))
    assert {"scorecards", "scorecard_criteria", "call_reviews", "review_comments"} <= tables


def test_consent_rule_and_the_controller_fills_it():
    assert rules.consent_of(True, True) == "given"
    assert rules.consent_of(True, False) == "not_asked"
    assert rules.consent_of(False, True) == ""
    assert rules.without_consent("not_asked") and rules.without_consent("refused")
    assert not rules.without_consent("given")


def test_manager_marks_consent_refused_on_own_call_only(team):
    from workstation.store.models import Call

    c = team.call("alice", consent="given")
    with pytest.raises(review.ReviewError, match="only the manager"):
        review.mark_consent_refused(team.ctx("bob"), c)
    review.mark_consent_refused(team.ctx("alice"), c)
    with team.store.session() as s:
        assert s.get(Call, c).recording_consent == "refused"
    with pytest.raises(review.ReviewError, match="not in this store"):
        review.mark_consent_refused(team.ctx("alice"), uuid.uuid4())
