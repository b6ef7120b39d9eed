"""Call review: scorecards, scoring, comments, acknowledgement and dispute,
sampling into the supervisor's queue, the access audit, missing-recording
flags, retention and consent settings. Who may:

* an admin: configures the scorecard, the retention and the minimum call
  length; reads the access audit; everything a supervisor may;
* a supervisor or team lead: reviews (scores, comments, resolves disputes)
  calls of their team's managers, samples their queue;
* a manager: sees the scored reviews of their own calls, acknowledges or
  disputes them (a dispute returns to the supervisor's queue), replies.

The shared database holds the same rules (db/shared/060_review.sql). The
checks against the shared store (missing recordings, retention) live in
``workstation.sync.review``; their findings are stored here.
"""

from __future__ import annotations

import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from workstation.domain import review as rules
from workstation.domain.review import ReviewError, Score
from workstation.services.context import Context
from workstation.store import review as _review
from workstation.store.review import (  # data types handed on to the views and the CLI
    AccessRow,
    CommentRow,
    CriterionSpec,
    FlagRow,
    ReviewRow,
    ReviewView,
    ScorecardView,
)
from workstation.store.types import utcnow

__all__ = [
    "AccessRow", "CommentRow", "CriterionSpec", "FlagRow", "ReviewRow", "ReviewView",
    "ScorecardView", "ReviewError", "NotAllowed", "Score", "SampleResult",
    "can_review", "can_configure", "is_manager", "scorecard", "save_scorecard",
    "review_for_call", "submit", "comment", "acknowledge", "dispute", "resolve",
    "my_reviews", "queue", "sample", "retention_days", "set_retention_days",
    "min_call_seconds", "set_min_call_seconds", "log_access", "access_log", "open_flags",
    "save_flags", "save_check", "report_stuck_uploads", "mark_consent_refused",
    "workstation_name",
]

REVIEWERS = ("supervisor", "teamlead", "admin")


class NotAllowed(ReviewError):
    """The signed-in user's role does not allow this."""


def can_review(ctx: Context) -> bool:
    return ctx.user.role in REVIEWERS


def can_configure(ctx: Context) -> bool:
    return ctx.user.role == "admin"


def is_manager(ctx: Context) -> bool:
    return ctx.user.role == "manager"


def _require(ok: bool, what: str, ctx: Context) -> None:
    if not ok:
        raise NotAllowed(f"{what}: not allowed for your role ({ctx.user.role})")


def _uid(ctx: Context) -> uuid.UUID:
    if ctx.user.id is None:
        raise NotAllowed("review: sign in first (no user row yet)")
    return ctx.user.id


def _check_team(ctx: Context, s, call_id: uuid.UUID) -> None:
    """A supervisor or team lead reviews only their team's managers' calls."""
    if ctx.user.role == "admin":
        return
    manager = _review.call_manager(s, call_id)
    if manager is None or manager not in _review.team_managers(s, ctx.user.team_id) \
            or ctx.user.team_id is None:
        raise NotAllowed(f"call {call_id}: not a call of your team")


# -- scorecards ------------------------------------------------------------------------------

def scorecard(ctx: Context, scorecard_id: uuid.UUID | None = None) -> ScorecardView | None:
    """The active scorecard (or a given version)."""
    with ctx.read() as s:
        if scorecard_id is not None:
            return _review.scorecard(s, scorecard_id)
        return _review.active_scorecard(s)


def save_scorecard(ctx: Context, name: str, criteria: list[CriterionSpec]) -> uuid.UUID:
    """A new version of the scorecard; reviews keep the version they were scored with."""
    _require(can_configure(ctx), "scorecard", ctx)
    with ctx.write() as s:
        return _review.save_scorecard(s, name, list(criteria), _uid(ctx))


# -- reviews ---------------------------------------------------------------------------------

def review_for_call(ctx: Context, call_id: uuid.UUID) -> ReviewView | None:
    """The call's review as the user may see it (a manager: their own call's,
    once scored); None when there is none."""
    with ctx.read() as s:
        review = _review.review_of_call(s, call_id)
        if review is None:
            return None
        if not can_review(ctx):
            if review.manager_id != ctx.user.id or review.status == rules.IN_REVIEW:
                return None
        return _review.review_view(s, review)


def submit(ctx: Context, call_id: uuid.UUID, answers: dict, *, manager_fault: bool = False,
           summary: str = "") -> ReviewView:
    """Score the call (answers: {criterion id: value}); a disputed review scored
    again is resolved."""
    _require(can_review(ctx), "scoring", ctx)
    with ctx.write() as s:
        _check_team(ctx, s, call_id)
        card = _review.active_scorecard(s)
        review = _review.open_review(s, call_id, _uid(ctx), card.id if card else None)
        status = rules.RESOLVED if review.status == rules.DISPUTED else rules.SCORED
        _review.score_review(s, review, _uid(ctx), {str(k): v for k, v in answers.items()},
                             manager_fault=manager_fault, summary=summary, status=status)
        return _review.review_view(s, review)


def comment(ctx: Context, call_id: uuid.UUID, text: str, at_ms: int | None = None
            ) -> uuid.UUID:
    """A comment pinned to a moment of the recording (a reviewer), or a reply
    (the call's manager)."""
    if not (text or "").strip():
        raise ReviewError("comment: the text is empty")
    with ctx.write() as s:
        if can_review(ctx):
            _check_team(ctx, s, call_id)
            card = _review.active_scorecard(s)
            review = _review.open_review(s, call_id, _uid(ctx), card.id if card else None)
            kind = rules.COMMENT
        else:
            review = _review.review_of_call(s, call_id)
            if review is None or review.manager_id != ctx.user.id \
                    or review.status == rules.IN_REVIEW:
                raise NotAllowed(f"call {call_id}: no review of your call to reply to")
            kind = rules.REPLY
        return _review.add_comment(s, review, _uid(ctx), text, kind, at_ms)


def _manager_answer(ctx: Context, review_id: uuid.UUID, status: str, kind: str, text: str,
                    at_ms: int | None) -> None:
    with ctx.write() as s:
        review = _review.get_review(s, review_id)
        if review.manager_id is None or review.manager_id != ctx.user.id:
            raise NotAllowed(f"review {review_id}: only the call's manager answers it")
        if review.status not in (rules.SCORED, rules.RESOLVED):
            raise ReviewError(f"review {review_id}: is {review.status}; only a scored "
                              f"review is acknowledged or disputed")
        review.status, review.updated_by = status, ctx.user.id
        _review.add_comment(s, review, _uid(ctx), text, kind, at_ms)


def acknowledge(ctx: Context, review_id: uuid.UUID, text: str = "") -> None:
    _manager_answer(ctx, review_id, rules.ACKNOWLEDGED, rules.ACK, text, None)


def dispute(ctx: Context, review_id: uuid.UUID, text: str, at_ms: int | None = None) -> None:
    """The manager disagrees (the reason is required): back to the supervisor's queue."""
    if not (text or "").strip():
        raise ReviewError("dispute: say why (the text is empty)")
    _manager_answer(ctx, review_id, rules.DISPUTED, rules.DISPUTE, text, at_ms)


def resolve(ctx: Context, review_id: uuid.UUID, text: str, answers: dict | None = None, *,
            manager_fault: bool | None = None) -> ReviewView:
    """The supervisor answers a dispute (and may score again)."""
    _require(can_review(ctx), "resolving a dispute", ctx)
    if not (text or "").strip():
        raise ReviewError("resolve: the answer to the manager is empty")
    with ctx.write() as s:
        review = _review.get_review(s, review_id)
        _check_team(ctx, s, review.call_id)
        if review.status != rules.DISPUTED:
            raise ReviewError(f"review {review_id}: is {review.status}, not disputed")
        if answers is not None:
            _review.score_review(
                s, review, _uid(ctx), {str(k): v for k, v in answers.items()},
                manager_fault=review.manager_fault if manager_fault is None else manager_fault,
                summary=review.summary, status=rules.RESOLVED)
        else:
            if manager_fault is not None:
                review.manager_fault = manager_fault
            review.status, review.updated_by = rules.RESOLVED, ctx.user.id
        _review.add_comment(s, review, _uid(ctx), text, rules.REPLY)
        return _review.review_view(s, review)


def my_reviews(ctx: Context) -> list[ReviewRow]:
    with ctx.read() as s:
        return _review.manager_reviews(s, _uid(ctx))


def queue(ctx: Context) -> list[ReviewRow]:
    """The reviewer's queue: sampled calls still to score, and disputes."""
    _require(can_review(ctx), "review queue", ctx)
    with ctx.read() as s:
        return _review.reviewer_queue(s, _uid(ctx), ctx.user.team_id)


# -- sampling --------------------------------------------------------------------------------

@dataclass(frozen=True)
class SampleResult:
    queued: int
    per_manager: dict[uuid.UUID, int]
    call_ids: tuple[uuid.UUID, ...]
    candidates: int


def sample(ctx: Context, start: datetime, end: datetime, *, n: int = rules.DEFAULT_SAMPLE,
           seed: int = 0, team_id: uuid.UUID | None = None,
           min_seconds: float | None = None, dry_run: bool = False) -> SampleResult:
    """N unreviewed calls of each manager of the team in [start, end), spread
    over outcomes, lengths and hours; queued for the signed-in reviewer."""
    _require(can_review(ctx), "sampling", ctx)
    if start.tzinfo is None or end.tzinfo is None:
        raise ReviewError("sampling period: times with a time zone are required")
    if end <= start:
        raise ReviewError("sampling period: the end is not after the start")
    if ctx.user.role != "admin":
        team_id = ctx.user.team_id
        if team_id is None:
            raise NotAllowed("sampling: you are not in a team")
    with ctx.write() as s:
        managers = _review.team_managers(s, team_id)
        low = _review.min_call_seconds(s) if min_seconds is None else float(min_seconds)
        cands = _review.sample_candidates(s, managers, start, end, low)
        picked = _review.picked(rules.sample(cands, n, seed))
        calls = picked.calls
        queued = 0
        if not dry_run:
            card = _review.active_scorecard(s)
            queued = _review.queue_sample(s, _uid(ctx), calls, card.id if card else None)
        return SampleResult(queued, {m: len(v) for m, v in picked.per_manager.items()},
                            tuple(c.call_id for c in calls), len(cands))


# -- settings --------------------------------------------------------------------------------

def retention_days(ctx: Context) -> int | None:
    with ctx.read() as s:
        return _review.retention_days(s)


def set_retention_days(ctx: Context, days: int | None) -> None:
    _require(can_configure(ctx), "retention", ctx)
    with ctx.write() as s:
        _review.set_retention_days(s, days, _uid(ctx))


def min_call_seconds(ctx: Context) -> float:
    with ctx.read() as s:
        return _review.min_call_seconds(s)


def set_min_call_seconds(ctx: Context, seconds: float) -> None:
    _require(can_configure(ctx), "minimum call length", ctx)
    with ctx.write() as s:
        _review.set_min_call_seconds(s, seconds, _uid(ctx))


def mark_consent_refused(ctx: Context, call_id: uuid.UUID) -> None:
    """The manager marks that the client refused the recording."""
    with ctx.write() as s:
        _review.mark_consent_refused(s, call_id, _uid(ctx))


# -- the access audit ------------------------------------------------------------------------

def log_access(ctx: Context, *, recording_id, call_id, action: str,
               played_seconds: float | None = None) -> uuid.UUID:
    """One playback or download of a recording, for the audit. Written to the
    local store with its outbox row in one transaction: sync takes it to the
    shared database (insert-only there) as soon as it is online; offline it
    waits in the outbox, never lost."""
    with ctx.write() as s:
        return _review.log_access(s, ctx.user.id, ctx.user.login, recording_id, call_id,
                                  action, played_seconds)


def access_log(ctx: Context, limit: int = 1000, login: str | None = None) -> list[AccessRow]:
    _require(can_configure(ctx), "access audit", ctx)
    with ctx.read() as s:
        return _review.access_log(s, limit, login)


# -- missing recordings ----------------------------------------------------------------------

def workstation_name() -> str:
    return socket.gethostname()


def open_flags(ctx: Context) -> list[FlagRow]:
    with ctx.read() as s:
        return _review.open_flags(s)


def save_flags(ctx: Context, found: list[dict], scope: set | None = None,
               reasons: tuple[str, ...] | None = None) -> tuple[int, int]:
    """Store a check's flags (``sync.review.check_missing``); the scope's open
    flags it did not find again are resolved. Returns (new, resolved)."""
    with ctx.write() as s:
        return _review.save_flags(s, found, ctx.user.id, scope, reasons)


def report_stuck_uploads(ctx: Context, hours: float = 24.0) -> list[dict]:
    """This workstation's uploads not confirmed for ``hours``: flagged (sync
    takes the flags to the supervisor); confirmed ones resolve theirs."""
    before = utcnow() - timedelta(hours=hours)
    with ctx.write() as s:
        return _review.report_stuck(s, before, ctx.user.login, ctx.user.id, workstation_name())


CHECK_REASONS = ("no_file", "zero_length", "short", "checksum", "no_call")
"""What the shared-store check decides alone (a stuck upload the workstation
reported stays until its file is confirmed)."""


def save_check(ctx: Context, found: list[dict], checked: set, fine: set) -> tuple[int, int]:
    """Store a missing-recordings check (``sync.review.check_missing``): its
    flags are (re)opened, flags of the checked calls it no longer finds are
    resolved, every flag of a call whose recording is now sound too.
    Returns (new or reopened, resolved)."""
    _require(can_review(ctx), "missing recordings", ctx)
    with ctx.write() as s:
        new, resolved = _review.save_flags(s, found, ctx.user.id, set(checked), CHECK_REASONS)
        _n, more = _review.save_flags(s, [], ctx.user.id, set(fine), None)
        return new, resolved + more
