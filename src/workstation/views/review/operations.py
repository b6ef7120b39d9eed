"""Typed operations over ``services.review`` (views/ops.py's shape, kept beside
the review views): each runs the service on the pool and, when it succeeded,
announces REVIEWS on the change bus."""

from __future__ import annotations

from workstation.services import review
from workstation.views import ops
from workstation.views.ops import REVIEWS, Changes


def _write(parent, fn, on_done=None, on_error=None) -> ops.Op:
    return ops.change(parent, fn, lambda _r: Changes.of(REVIEWS, source=parent), on_done,
                      on_error)


def submit(parent, ctx, call_id, answers, *, manager_fault, summary, on_done=None,
           on_error=None):
    return _write(parent, lambda: review.submit(ctx, call_id, answers,
                                                manager_fault=manager_fault, summary=summary),
                  on_done, on_error)


def comment(parent, ctx, call_id, text, at_ms, on_done=None, on_error=None):
    return _write(parent, lambda: review.comment(ctx, call_id, text, at_ms), on_done, on_error)


def acknowledge(parent, ctx, review_id, text="", on_done=None, on_error=None):
    return _write(parent, lambda: review.acknowledge(ctx, review_id, text), on_done, on_error)


def dispute(parent, ctx, review_id, text, at_ms=None, on_done=None, on_error=None):
    return _write(parent, lambda: review.dispute(ctx, review_id, text, at_ms), on_done,
                  on_error)


def resolve(parent, ctx, review_id, text, *, manager_fault=None, on_done=None, on_error=None):
    return _write(parent, lambda: review.resolve(ctx, review_id, text,
                                                 manager_fault=manager_fault),
                  on_done, on_error)


def sample(parent, ctx, start, end, *, n, seed, on_done=None, on_error=None):
    return _write(parent, lambda: review.sample(ctx, start, end, n=n, seed=seed), on_done,
                  on_error)


def save_scorecard(parent, ctx, name, criteria, on_done=None, on_error=None):
    return _write(parent, lambda: review.save_scorecard(ctx, name, criteria), on_done, on_error)


def set_settings(parent, ctx, *, retention_days, min_seconds, on_done=None, on_error=None):
    def work():
        review.set_retention_days(ctx, retention_days)
        review.set_min_call_seconds(ctx, min_seconds)

    return _write(parent, work, on_done, on_error)


def log_access(parent, ctx, *, recording_id, call_id, action, played_seconds=None,
               on_done=None, on_error=None):
    """services.review.log_access (the player's sig_played / sig_downloaded)."""
    return _write(parent, lambda: review.log_access(ctx, recording_id=recording_id,
                                                    call_id=call_id, action=action,
                                                    played_seconds=played_seconds),
                  on_done, on_error)
