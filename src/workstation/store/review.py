"""Call review queries (they run in the session's transaction): scorecards and
their versions, reviews, comments, the sampling candidates and queue, the
access audit, missing-recording flags, review settings.

Writes are ORM changes, so the outbox takes them to sync. The rules (who may,
the arithmetic) are in :mod:`workstation.domain.review` and the services.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Uuid, bindparam, func, select, text
from sqlalchemy.orm import Session

from workstation.domain import review as rules
from workstation.domain.review import Candidate, Criterion, ReviewError
from workstation.store.models import (
    Call,
    CallReview,
    Lead,
    RecordingUpload,
    RecordingAccess,
    RecordingFlag,
    ReviewComment,
    Scorecard,
    ScorecardCriterion,
    SharedSetting,
    User,
)
from workstation.store.types import UTCDateTime, utcnow

REVIEW_NS = uuid.UUID("3a7c55e2-41d9-4b8e-9f3f-6d2b1c0e8a17")
RETENTION_KEY = "recordings.retention"
SAMPLING_KEY = "review.sampling"
DEFAULT_MIN_SECONDS = 20.0
DEFAULT_CODE = "default"


@dataclass(frozen=True)
class CriterionSpec:
    name: str
    weight: float = 1.0
    kind: str = rules.YES_NO
    max_value: int = 1
    critical: bool = False


@dataclass(frozen=True)
class ScorecardView:
    id: uuid.UUID
    code: str
    version: int
    name: str
    active: bool
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class CommentRow:
    id: uuid.UUID
    author_id: uuid.UUID
    author: str
    at_ms: int | None
    text: str
    kind: str
    created_at: datetime


@dataclass(frozen=True)
class ReviewView:
    id: uuid.UUID
    call_id: uuid.UUID
    reviewer_id: uuid.UUID
    reviewer: str
    manager_id: uuid.UUID | None
    manager: str
    status: str
    score: float | None
    failed_critical: bool
    manager_fault: bool
    answers: dict
    summary: str
    scorecard: ScorecardView | None
    comments: tuple[CommentRow, ...]
    scored_at: datetime | None


@dataclass(frozen=True)
class ReviewRow:
    """A line of a queue or of "My reviews"."""

    id: uuid.UUID
    call_id: uuid.UUID
    status: str
    score: float | None
    failed_critical: bool
    manager_fault: bool
    manager: str
    reviewer: str
    company: str
    number: str
    started_at: datetime | None
    talk_seconds: float | None
    outcome: str
    consent: str


@dataclass(frozen=True)
class AccessRow:
    at: datetime
    login: str
    action: str
    recording_id: uuid.UUID | None
    call_id: uuid.UUID | None
    played_seconds: float | None


@dataclass(frozen=True)
class FlagRow:
    id: uuid.UUID
    call_id: uuid.UUID | None
    recording_id: uuid.UUID | None
    reason: str
    workstation: str
    detail: str
    detected_at: datetime
    resolved_at: datetime | None


def _name(s: Session, user_id) -> str:
    if user_id is None:
        return ""
    row = s.execute(select(User.full_name, User.login).where(User.id == user_id)).first()
    return (row.full_name or row.login) if row else ""


# -- scorecards ------------------------------------------------------------------------------

def _view(s: Session, card: Scorecard) -> ScorecardView:
    crit = s.scalars(select(ScorecardCriterion).where(
        ScorecardCriterion.scorecard_id == card.id, ScorecardCriterion.deleted.is_(False),
        ScorecardCriterion.active.is_(True)).order_by(ScorecardCriterion.position))
    return ScorecardView(card.id, card.code, card.version, card.name, card.active, tuple(
        Criterion(c.id, c.name, c.weight, c.kind, c.max_value, c.critical) for c in crit))


def scorecard(s: Session, scorecard_id: uuid.UUID) -> ScorecardView | None:
    card = s.get(Scorecard, scorecard_id)
    return _view(s, card) if card is not None and not card.deleted else None


def active_scorecard(s: Session, code: str = DEFAULT_CODE) -> ScorecardView | None:
    card = s.scalar(select(Scorecard).where(
        Scorecard.code == code, Scorecard.active.is_(True), Scorecard.deleted.is_(False))
        .order_by(Scorecard.version.desc()).limit(1))
    return _view(s, card) if card is not None else None


def save_scorecard(s: Session, name: str, criteria: list[CriterionSpec], user_id,
                   code: str = DEFAULT_CODE) -> uuid.UUID:
    """A new version of scorecard ``code`` with these criteria (the older
    versions stay, inactive, for the reviews scored with them)."""
    if not (name or "").strip():
        raise ReviewError("scorecard name: required")
    if not criteria:
        raise ReviewError("scorecard criteria: at least one")
    for i, c in enumerate(criteria, 1):
        try:
            rules.validate_criterion(c.name, c.weight, c.kind, c.max_value, c.critical)
        except ReviewError as exc:
            raise ReviewError(f"criterion {i}: {exc}") from None
    if sum(float(c.weight) for c in criteria) <= 0:
        raise ReviewError("scorecard criteria: the weights add up to 0")
    version = (s.scalar(select(func.max(Scorecard.version)).where(Scorecard.code == code))
               or 0) + 1
    for old in s.scalars(select(Scorecard).where(Scorecard.code == code,
                                                  Scorecard.active.is_(True))):
        old.active, old.updated_by = False, user_id
    card = Scorecard(code=code, version=version, name=name.strip(), active=True,
                     created_by=user_id, updated_by=user_id)
    s.add(card)
    s.flush()
    for i, c in enumerate(criteria):
        s.add(ScorecardCriterion(
            scorecard_id=card.id, position=i, name=c.name.strip(), weight=float(c.weight),
            kind=c.kind, max_value=1 if c.kind == rules.YES_NO else int(c.max_value),
            critical=bool(c.critical), active=True, created_by=user_id, updated_by=user_id))
    s.flush()
    return card.id


# -- reviews ---------------------------------------------------------------------------------

def review_id_for(call_id: uuid.UUID, reviewer_id: uuid.UUID) -> uuid.UUID:
    """A queued review's id: one per call and reviewer, the same on every run."""
    return uuid.uuid5(REVIEW_NS, f"{call_id}:{reviewer_id}")


def review_of_call(s: Session, call_id: uuid.UUID) -> CallReview | None:
    """The call's review: the one that got furthest (scored over queued), newest."""
    rows = s.scalars(select(CallReview).where(CallReview.call_id == call_id,
                                              CallReview.deleted.is_(False))
                     .order_by(CallReview.updated_at.desc())).all()
    if not rows:
        return None
    return next((r for r in rows if r.status != rules.IN_REVIEW), rows[0])


def review_view(s: Session, review: CallReview) -> ReviewView:
    card = scorecard(s, review.scorecard_id) if review.scorecard_id else None
    comments = s.execute(select(ReviewComment, User.full_name, User.login)
                         .outerjoin(User, User.id == ReviewComment.author_id)
                         .where(ReviewComment.review_id == review.id,
                                ReviewComment.deleted.is_(False))
                         .order_by(ReviewComment.created_at)).all()
    return ReviewView(
        review.id, review.call_id, review.reviewer_id, _name(s, review.reviewer_id),
        review.manager_id, _name(s, review.manager_id), review.status, review.score,
        review.failed_critical, review.manager_fault, dict(review.answers or {}),
        review.summary or "", card,
        tuple(CommentRow(c.id, c.author_id, full or login or "", c.at_ms, c.text, c.kind,
                         c.created_at) for c, full, login in comments),
        review.scored_at)


def call_manager(s: Session, call_id: uuid.UUID) -> uuid.UUID | None:
    call = s.get(Call, call_id)
    if call is None:
        raise ReviewError(f"call {call_id}: not in this store")
    return call.user_id


def open_review(s: Session, call_id: uuid.UUID, reviewer_id: uuid.UUID,
                scorecard_id: uuid.UUID | None) -> CallReview:
    """The call's review (made, queued for ``reviewer_id``, when there is none)."""
    review = review_of_call(s, call_id)
    if review is None:
        review = CallReview(id=review_id_for(call_id, reviewer_id), call_id=call_id,
                            reviewer_id=reviewer_id, manager_id=call_manager(s, call_id),
                            scorecard_id=scorecard_id, status=rules.IN_REVIEW, answers={},
                            summary="", created_by=reviewer_id, updated_by=reviewer_id)
        s.add(review)
        s.flush()
    return review


def get_review(s: Session, review_id: uuid.UUID) -> CallReview:
    review = s.get(CallReview, review_id)
    if review is None or review.deleted:
        raise ReviewError(f"review {review_id}: not found")
    return review


def score_review(s: Session, review: CallReview, reviewer_id: uuid.UUID, answers: dict, *,
                 manager_fault: bool, summary: str, status: str) -> rules.Score:
    if review.scorecard_id is None:
        card = active_scorecard(s)
        if card is None:
            raise ReviewError("scorecard: none is configured (an admin sets the criteria)")
        review.scorecard_id = card.id
    else:
        card = scorecard(s, review.scorecard_id)
        if card is None:
            raise ReviewError(f"scorecard {review.scorecard_id}: not in this store")
    known = {str(c.id) for c in card.criteria}
    stray = [k for k in answers if k not in known]
    if stray:
        raise ReviewError(f"answers: {stray[0]} is not a criterion of this scorecard")
    result = rules.score(card.criteria, answers)
    if result.missing:
        raise ReviewError(f"criterion {result.missing[0]!r}: not answered")
    review.answers = {k: int(v) for k, v in answers.items()}
    review.score, review.failed_critical = result.score, result.failed_critical
    review.manager_fault, review.summary = bool(manager_fault), summary or ""
    review.status, review.reviewer_id = status, reviewer_id
    review.scored_at, review.updated_by = utcnow(), reviewer_id
    s.flush()
    return result


def add_comment(s: Session, review: CallReview, author_id: uuid.UUID, text: str, kind: str,
                at_ms: int | None = None) -> uuid.UUID:
    if kind not in rules.COMMENT_KINDS:
        raise ReviewError(f"comment kind {kind!r}: expected one of {', '.join(rules.COMMENT_KINDS)}")
    if at_ms is not None and (not isinstance(at_ms, int) or at_ms < 0):
        raise ReviewError(f"comment at_ms {at_ms!r}: a position in ms (>= 0) is required")
    c = ReviewComment(review_id=review.id, call_id=review.call_id, author_id=author_id,
                      at_ms=at_ms, text=(text or "").strip(), kind=kind,
                      created_by=author_id, updated_by=author_id)
    s.add(c)
    s.flush()
    return c.id


def _rows(s: Session, where) -> list[ReviewRow]:
    mgr, rev = User.__table__.alias("mgr"), User.__table__.alias("rev")
    q = (select(CallReview.id, CallReview.call_id, CallReview.status, CallReview.score,
                CallReview.failed_critical, CallReview.manager_fault,
                func.coalesce(func.nullif(mgr.c.full_name, ""), mgr.c.login, "").label("m"),
                func.coalesce(func.nullif(rev.c.full_name, ""), rev.c.login, "").label("r"),
                func.coalesce(Lead.company, "").label("company"), Call.remote_number,
                Call.started_at, Call.talk_seconds, Call.outcome, Call.recording_consent)
         .join(Call, Call.id == CallReview.call_id)
         .outerjoin(Lead, Lead.id == Call.lead_id)
         .outerjoin(mgr, mgr.c.id == CallReview.manager_id)
         .outerjoin(rev, rev.c.id == CallReview.reviewer_id)
         .where(CallReview.deleted.is_(False), *where)
         .order_by(Call.started_at.desc()))
    return [ReviewRow(r.id, r.call_id, r.status, r.score, r.failed_critical, r.manager_fault,
                      r.m, r.r, r.company, r.remote_number, r.started_at, r.talk_seconds,
                      r.outcome or "", r.recording_consent or "") for r in s.execute(q)]


def manager_reviews(s: Session, manager_id: uuid.UUID) -> list[ReviewRow]:
    """The manager's own reviewed calls (queued ones are not shown to them)."""
    return _rows(s, [CallReview.manager_id == manager_id, CallReview.status != rules.IN_REVIEW])


def reviewer_queue(s: Session, reviewer_id: uuid.UUID | None, team_id=None) -> list[ReviewRow]:
    """What waits for the reviewer: queued calls and disputes (their own, and the
    team's disputes when ``team_id`` is given)."""
    waiting = CallReview.status.in_((rules.IN_REVIEW, rules.DISPUTED))
    if reviewer_id is None:
        return _rows(s, [waiting])
    mine = CallReview.reviewer_id == reviewer_id
    if team_id is not None:
        team = select(User.id).where(User.team_id == team_id)
        mine = mine | ((CallReview.status == rules.DISPUTED)
                       & CallReview.manager_id.in_(team))
    return _rows(s, [waiting, mine])


# -- sampling --------------------------------------------------------------------------------

def team_managers(s: Session, team_id: uuid.UUID | None) -> list[uuid.UUID]:
    q = select(User.id).where(User.role == "manager", User.deleted.is_(False),
                              User.active.is_(True))
    if team_id is not None:
        q = q.where(User.team_id == team_id)
    return list(s.scalars(q.order_by(User.login)))


_BAND_SQL = "CASE " + " ".join(
    f"WHEN c.talk_seconds >= {b} THEN {len(rules.LENGTH_BANDS_S) - i}"
    for i, b in enumerate(reversed(rules.LENGTH_BANDS_S))) + " ELSE 0 END"
_CANDIDATES = text(f"""
SELECT c.id, c.user_id, coalesce(c.outcome, ''), c.talk_seconds, c.started_at, {_BAND_SQL},
       CAST(strftime('%H', c.started_at, 'localtime') AS INTEGER)
  FROM calls c
 WHERE c.user_id IN :managers AND c.started_at >= :start AND c.started_at < :end
   AND c.deleted = 0 AND c.answered_at IS NOT NULL AND c.talk_seconds >= :low
   AND NOT EXISTS (SELECT 1 FROM call_reviews r WHERE r.call_id = c.id AND r.deleted = 0)
""").bindparams(bindparam("managers", expanding=True, type_=Uuid),
                bindparam("start", type_=UTCDateTime), bindparam("end", type_=UTCDateTime))
"""The local store's candidates as raw values: the stratum (length band, local
hour) computed by SQLite, ids converted only for the calls picked (100,000
calls: bench/bench_review.py)."""


def sample_candidates(s: Session, managers: list[uuid.UUID], start: datetime, end: datetime,
                      min_seconds: float) -> list[Candidate]:
    """Answered calls of these managers in [start, end), at least ``min_seconds``
    of talk, not reviewed nor queued yet (ids as stored: see :func:`picked`)."""
    if not managers:
        return []
    rows = s.connection().execute(_CANDIDATES, {"managers": managers, "start": start,
                                                "end": end, "low": min_seconds})
    part = rules.part_of_hour
    return [Candidate(cid, uid, outcome, talk, at, (outcome, band, part(hour)))
            for cid, uid, outcome, talk, at, band, hour in rows]


def picked(sample: rules.Sample) -> rules.Sample:
    """The sample with its ids as UUIDs and times as datetimes again."""
    def real(c: Candidate) -> Candidate:
        at = c.started_at
        if isinstance(at, str):
            at = datetime.fromisoformat(at).replace(tzinfo=timezone.utc)
        return Candidate(uuid.UUID(str(c.call_id)), uuid.UUID(str(c.manager_id)), c.outcome,
                         float(c.talk_seconds or 0), at, c.key)

    return rules.Sample({uuid.UUID(str(m)): [real(c) for c in calls]
                         for m, calls in sample.per_manager.items()})


def queue_sample(s: Session, reviewer_id: uuid.UUID, calls: list[Candidate],
                 scorecard_id: uuid.UUID | None) -> int:
    """The sampled calls become the reviewer's queue ('in_review' reviews)."""
    ids = {review_id_for(c.call_id, reviewer_id): c for c in calls}
    have = set()
    keys = list(ids)
    for i in range(0, len(keys), 500):
        have.update(s.scalars(select(CallReview.id).where(CallReview.id.in_(keys[i:i + 500]))))
    n = 0
    for rid, c in ids.items():
        if rid in have:
            continue
        s.add(CallReview(id=rid, call_id=c.call_id, reviewer_id=reviewer_id,
                         manager_id=c.manager_id, scorecard_id=scorecard_id,
                         status=rules.IN_REVIEW, answers={}, summary="",
                         created_by=reviewer_id, updated_by=reviewer_id))
        n += 1
    s.flush()
    return n


# -- settings --------------------------------------------------------------------------------

def _setting(s: Session, key: str) -> dict:
    value = s.scalar(select(SharedSetting.value).where(SharedSetting.key == key,
                                                       SharedSetting.deleted.is_(False)))
    return value if isinstance(value, dict) else {}


def _set_setting(s: Session, key: str, value: dict, user_id) -> None:
    row = s.scalar(select(SharedSetting).where(SharedSetting.key == key))
    if row is None:
        row = SharedSetting(key=key, created_by=user_id)
        s.add(row)
    row.value, row.deleted, row.updated_by = value, False, user_id
    s.flush()


def retention_days(s: Session) -> int | None:
    days = _setting(s, RETENTION_KEY).get("days")
    return int(days) if isinstance(days, int | float) and days >= 1 else None


def set_retention_days(s: Session, days, user_id) -> None:
    if days is not None and (not isinstance(days, int) or isinstance(days, bool)
                             or not 1 <= days <= 36500):
        raise ReviewError(f"retention days {days!r}: expected a whole number 1 to 36500 "
                          f"(or none: keep recordings for ever)")
    _set_setting(s, RETENTION_KEY, {"days": days}, user_id)


def min_call_seconds(s: Session) -> float:
    v = _setting(s, SAMPLING_KEY).get("min_seconds")
    return float(v) if isinstance(v, int | float) and v >= 0 else DEFAULT_MIN_SECONDS


def set_min_call_seconds(s: Session, seconds, user_id) -> None:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) \
            or not 0 <= seconds <= 3600:
        raise ReviewError(f"minimum call length {seconds!r}: expected 0 to 3600 seconds")
    _set_setting(s, SAMPLING_KEY, {"min_seconds": float(seconds)}, user_id)


# -- the access audit ------------------------------------------------------------------------

def log_access(s: Session, user_id, login: str, recording_id, call_id, action: str,
               played_seconds: float | None) -> uuid.UUID:
    if action not in ("play", "download"):
        raise ReviewError(f"access action {action!r}: expected play or download")
    if played_seconds is not None and played_seconds < 0:
        raise ReviewError(f"played_seconds {played_seconds!r}: must be >= 0")
    row = RecordingAccess(user_id=user_id, login=login, recording_id=recording_id,
                          call_id=call_id, action=action, at=utcnow(),
                          played_seconds=None if played_seconds is None
                          else round(float(played_seconds), 3),
                          created_by=user_id, updated_by=user_id)
    s.add(row)
    s.flush()
    return row.id


def access_log(s: Session, limit: int = 1000, login: str | None = None) -> list[AccessRow]:
    q = select(RecordingAccess).where(RecordingAccess.deleted.is_(False))
    if login:
        q = q.where(RecordingAccess.login == login)
    return [AccessRow(r.at, r.login, r.action, r.recording_id, r.call_id, r.played_seconds)
            for r in s.scalars(q.order_by(RecordingAccess.at.desc()).limit(limit))]


# -- missing-recording flags -----------------------------------------------------------------

def flag_id(call_id, recording_id, reason: str) -> uuid.UUID:
    """One flag per call and reason (per file for a file with no call), whoever
    finds it: the supervisor's check and the workstation's report meet on it."""
    return uuid.uuid5(REVIEW_NS, f"flag:{call_id if call_id is not None else recording_id}:{reason}")


def save_flags(s: Session, found: list[dict], user_id, scope_calls: set | None = None,
               reasons: tuple[str, ...] | None = None) -> tuple[int, int]:
    """Store the flags of a check (``found``: dicts with call_id, recording_id,
    reason, workstation, detail); open flags of the checked scope that the check
    no longer finds are resolved. Returns (new or reopened, resolved)."""
    now = utcnow()
    seen = set()
    new = 0
    for f in found:
        fid = flag_id(f.get("call_id"), f.get("recording_id"), f["reason"])
        seen.add(fid)
        row = s.get(RecordingFlag, fid)
        if row is None:
            s.add(RecordingFlag(id=fid, call_id=f.get("call_id"),
                                recording_id=f.get("recording_id"), reason=f["reason"],
                                workstation=f.get("workstation", ""),
                                detail=f.get("detail", ""), detected_at=now,
                                created_by=user_id, updated_by=user_id))
            new += 1
        elif row.resolved_at is not None or row.detail != f.get("detail", row.detail):
            new += row.resolved_at is not None
            row.resolved_at, row.detail, row.updated_by = None, f.get("detail", ""), user_id
    resolved = 0
    q = select(RecordingFlag).where(RecordingFlag.resolved_at.is_(None),
                                    RecordingFlag.deleted.is_(False))
    if reasons is not None:
        q = q.where(RecordingFlag.reason.in_(reasons))
    for row in s.scalars(q):
        if row.id in seen:
            continue
        if scope_calls is not None and row.call_id not in scope_calls \
                and row.recording_id not in scope_calls:
            continue
        row.resolved_at, row.updated_by = now, user_id
        resolved += 1
    s.flush()
    return new, resolved


def open_flags(s: Session) -> list[FlagRow]:
    q = (select(RecordingFlag).where(RecordingFlag.resolved_at.is_(None),
                                     RecordingFlag.deleted.is_(False))
         .order_by(RecordingFlag.workstation, RecordingFlag.reason, RecordingFlag.detected_at))
    return [FlagRow(r.id, r.call_id, r.recording_id, r.reason, r.workstation, r.detail,
                    r.detected_at, r.resolved_at) for r in s.scalars(q)]


def mark_consent_refused(s: Session, call_id: uuid.UUID, user_id) -> None:
    call = s.get(Call, call_id)
    if call is None:
        raise ReviewError(f"call {call_id}: not in this store")
    if call.user_id not in (None, user_id):
        raise ReviewError(f"call {call_id}: only the manager who made it marks its consent")
    call.recording_consent, call.updated_by = rules.CONSENT_REFUSED, user_id
    s.flush()


def stuck_uploads(s: Session, before: datetime, workstation: str) -> list[dict]:
    """This workstation's recordings not confirmed by the shared database since
    ``before`` (pending, compressed or failed uploads), as flags."""
    q = (select(RecordingUpload).where(RecordingUpload.state.in_(("pending", "compressed",
                                                                  "failed")),
                                       RecordingUpload.created_at < before)
         .order_by(RecordingUpload.created_at))
    out = []
    for u in s.scalars(q):
        reason = "checksum" if "checksum" in (u.error or "") else "upload_stuck"
        out.append({"call_id": u.call_id, "recording_id": None, "reason": reason,
                    "workstation": workstation,
                    "detail": f"{u.state} since {u.created_at:%Y-%m-%d %H:%M} UTC"
                              + (f": {u.error}" if u.error else "")})
    return out


def upload_calls(s: Session) -> list[uuid.UUID]:
    """Calls with a recording upload on this workstation (any state)."""
    return list(s.scalars(select(RecordingUpload.call_id)))


def report_stuck(s: Session, before: datetime, login: str, user_id, host: str) -> list[dict]:
    """Flag this workstation's uploads not confirmed since ``before``; a stuck
    flag whose upload went through since is resolved (sync takes both to the
    supervisor). Returns the flags found."""
    found = stuck_uploads(s, before, login)
    for f in found:
        f["detail"] = f"{host}: {f['detail']}"
    save_flags(s, found, user_id, set(upload_calls(s)), ("upload_stuck",))
    return found
