"""The calls browser's queries: filtered, sorted, keyset pages of calls.

One statement serves both databases: run in a local store session it reads the
calls sync brought here; run in a session on the shared PostgreSQL database
(as the signed-in user's own role, so row-level security decides the rows) it
reads every call of the team. Pages are keyset pages on (sort value, id): the
next page starts after the last row's key, so page 1,000 costs what page 1 does.

The review tables (``call_reviews``, branch review) are named here as plain
tables: the score and "not yet reviewed" filters use them where they exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import (
    Float,
    Select,
    String,
    and_,
    column,
    exists,
    func,
    inspect,
    literal,
    or_,
    select,
    table,
    tuple_,
)
from sqlalchemy.orm import Session

from workstation.store.models import Call, Lead, RecordingUpload, Script, Team, User

PAGE_SIZE = 200

SORT_KEYS = ("started_at", "manager", "team", "company", "number", "direction", "outcome",
             "result", "lead_type", "duration", "codec", "jitter", "loss", "security", "score")
"""What the browser sorts by (a column each)."""

REVIEWS = table("call_reviews", column("call_id"), column("status", String),
                column("score", Float), column("deleted"))
"""Branch review's table, named without its model (it may not exist yet)."""
RECORDINGS = table("recordings", column("id"), column("call_id"), column("complete"),
                   column("size"), column("duration_s", Float), column("chunk_count"),
                   column("chunk_size"), column("sha256"), column("content_type"))
"""The shared database's uploaded recordings (db/shared/020_shared_tables.sql)."""
PEAKS = table("recording_peaks", column("recording_id"), column("bucket_ms"),
              column("channels"), column("duration_s", Float), column("left_peaks"),
              column("right_peaks"))
"""The uploader's waveform of each recording (db/shared/065_browse.sql)."""
UPLOADS = RecordingUpload.__table__


class BrowseError(ValueError):
    """A filter the browser cannot run (names the field)."""


@dataclass(frozen=True)
class CallFilter:
    """What the browser shows. Empty fields do not filter."""

    user_ids: tuple[uuid.UUID, ...] = ()
    """Managers (users.id); empty: every manager the role may see."""
    team_id: uuid.UUID | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    """Started at or after ``date_from`` and before ``date_to``."""
    lead_id: uuid.UUID | None = None
    direction: str | None = None
    outcome: str | None = None
    lead_type: str | None = None
    min_seconds: float | None = None
    max_seconds: float | None = None
    """Talk time bounds (seconds)."""
    has_recording: bool | None = None
    min_score: float | None = None
    max_score: float | None = None
    unreviewed: bool = False
    """Only calls no reviewer has scored yet (no call_reviews row past 'in_review')."""
    call_ids: tuple[uuid.UUID, ...] = ()
    """Exactly these calls (drill-down from the statistics: ``sig_open_calls``)."""
    search: str = ""
    """Part of the number (digits) or of the company's / contact's name."""
    sort: str = "started_at"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.sort not in SORT_KEYS:
            raise BrowseError(f"sort: {self.sort!r} is not one of {', '.join(SORT_KEYS)}")
        for name in ("min_seconds", "max_seconds", "min_score", "max_score"):
            v = getattr(self, name)
            if v is not None and v < 0:
                raise BrowseError(f"{name}: {v} is negative")


@dataclass(frozen=True)
class Scope:
    """Whose calls the signed-in user may browse (services.browse decides it)."""

    user_id: uuid.UUID | None = None
    """Only this user's calls (a manager: their own)."""
    team_id: uuid.UUID | None = None
    """Only calls of this team's members (a supervisor or team lead)."""


@dataclass(frozen=True)
class CallRow:
    """One row of the browser."""

    id: uuid.UUID
    key: tuple
    started_at: datetime
    user_id: uuid.UUID | None
    manager: str
    team: str
    lead_id: uuid.UUID | None
    company: str
    remote_number: str
    direction: str
    outcome: str | None
    result: str | None
    lead_type: str | None
    talk_seconds: float | None
    ring_seconds: float | None
    codec: str
    jitter_ms: float | None
    loss_pct: float | None
    media_security: str
    signalling_tls: bool | None
    has_recording: bool
    score: float | None = None
    reviewed: bool | None = None
    """None: this database has no review tables."""
    live: bool = False
    """Not ended yet (a call in progress)."""


def _utc(value: datetime) -> datetime:
    """Times read back from SQLite may come naive: they are UTC."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


def _has_table(s: Session, name: str) -> bool:
    """Does this database have table ``name`` (asked once per engine)?"""
    key = f"browse.has.{name}"
    bind = s.get_bind()
    cached = bind.info.get(key) if hasattr(bind, "info") else None
    if cached is None:
        cached = inspect(s.connection()).has_table(name)
        if hasattr(bind, "info") and cached:  # a missing table may come with an upgrade
            bind.info[key] = cached
    return bool(cached)


def review_tables(s: Session) -> bool:
    """Does this database have branch review's ``call_reviews``?"""
    return _has_table(s, "call_reviews")


def is_shared(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def _has_recording(shared: bool):
    C = Call.__table__
    if shared:
        return exists().where(RECORDINGS.c.call_id == C.c.id, RECORDINGS.c.complete.is_(True))
    return or_(C.c.recording_path != "", C.c.recording_id.is_not(None),
               exists().where(UPLOADS.c.call_id == C.c.id))


def _score(reviews: bool):
    if not reviews:
        return literal(None, Float)
    C = Call.__table__
    return (select(func.max(REVIEWS.c.score))
            .where(REVIEWS.c.call_id == C.c.id, REVIEWS.c.deleted.is_(False),
                   REVIEWS.c.status != "in_review")
            .scalar_subquery())


def _reviewed(reviews: bool):
    C = Call.__table__
    if not reviews:
        return literal(None)
    return exists().where(REVIEWS.c.call_id == C.c.id, REVIEWS.c.deleted.is_(False),
                          REVIEWS.c.status != "in_review")


def _sort_expr(key: str, cols: dict):
    C = Call.__table__
    exprs = {
        "started_at": C.c.started_at,
        "manager": func.coalesce(func.nullif(User.full_name, ""), User.login, ""),
        "team": func.coalesce(Team.name, ""),
        "company": func.coalesce(Lead.company, ""),
        "number": C.c.remote_number,
        "direction": C.c.direction,
        "outcome": func.coalesce(C.c.outcome, ""),
        "result": func.coalesce(C.c.result, ""),
        "lead_type": func.coalesce(Lead.lead_type, ""),
        "duration": func.coalesce(C.c.talk_seconds, -1.0),
        "codec": C.c.codec,
        "jitter": func.coalesce(C.c.rtp_jitter_ms, -1.0),
        "loss": func.coalesce(C.c.rtp_loss_pct, -1.0),
        "security": C.c.media_security,
        "score": func.coalesce(cols["score"], -1.0),
    }
    return exprs[key]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def statement(s: Session, flt: CallFilter, scope: Scope, *, count: bool = False) -> tuple:
    """(the SELECT without keyset and limit, the sort expression)."""
    C = Call.__table__
    shared = is_shared(s)
    reviews = review_tables(s)
    cols = {"score": _score(reviews), "reviewed": _reviewed(reviews),
            "has_recording": _has_recording(shared)}
    sort = _sort_expr(flt.sort, cols)
    if count:
        stmt = select(func.count()).select_from(C)
    else:
        stmt = select(
            C.c.id, C.c.started_at, C.c.user_id, User.full_name, User.login,
            Team.name.label("team"), C.c.lead_id, Lead.company, C.c.remote_number,
            C.c.direction, C.c.outcome, C.c.result, Lead.lead_type, C.c.talk_seconds,
            C.c.ring_seconds, C.c.codec, C.c.rtp_jitter_ms, C.c.rtp_loss_pct,
            C.c.media_security, C.c.signalling_tls, C.c.ended_at,
            cols["has_recording"].label("has_recording"), cols["score"].label("score"),
            cols["reviewed"].label("reviewed"), sort.label("sort_value")).select_from(C)
    stmt = (stmt.outerjoin(User, User.id == C.c.user_id)
            .outerjoin(Team, Team.id == User.team_id)
            .outerjoin(Lead, Lead.id == C.c.lead_id))
    where = [C.c.deleted.is_(False)]
    if scope.user_id is not None:
        where.append(C.c.user_id == scope.user_id)
    if scope.team_id is not None:
        where.append(User.team_id == scope.team_id)
    if flt.call_ids:
        where.append(C.c.id.in_(list(flt.call_ids)))
    if flt.user_ids:
        where.append(C.c.user_id.in_(list(flt.user_ids)))
    if flt.team_id is not None:
        where.append(User.team_id == flt.team_id)
    if flt.date_from is not None:
        where.append(C.c.started_at >= _utc(flt.date_from))
    if flt.date_to is not None:
        where.append(C.c.started_at < _utc(flt.date_to))
    if flt.lead_id is not None:
        where.append(C.c.lead_id == flt.lead_id)
    if flt.direction:
        where.append(C.c.direction == flt.direction)
    if flt.outcome:
        where.append(C.c.outcome == flt.outcome)
    if flt.lead_type is not None:
        where.append(Lead.lead_type.is_(None) if flt.lead_type == ""
                     else Lead.lead_type == flt.lead_type)
    if flt.min_seconds is not None:
        where.append(func.coalesce(C.c.talk_seconds, 0) >= flt.min_seconds)
    if flt.max_seconds is not None:
        where.append(func.coalesce(C.c.talk_seconds, 0) <= flt.max_seconds)
    if flt.has_recording is not None:
        where.append(cols["has_recording"] if flt.has_recording else ~cols["has_recording"])
    if flt.min_score is not None or flt.max_score is not None or flt.unreviewed:
        if not reviews:
            raise BrowseError("score: this database has no call reviews yet "
                              "(upgrade it: workstation db upgrade)")
        if flt.min_score is not None:
            where.append(cols["score"] >= flt.min_score)
        if flt.max_score is not None:
            where.append(cols["score"] <= flt.max_score)
        if flt.unreviewed:
            where.append(~cols["reviewed"])
    text = flt.search.strip()
    if text:
        like = f"%{_escape(text.casefold())}%"
        terms = [func.lower(Lead.company).like(like, escape="\\"),
                 Lead.name_key.like(like, escape="\\")]
        digits = _digits(text)
        compact = "".join(text.split())
        if len(digits) >= 3 and len(digits) * 10 >= len(compact) * 6:  # looks like a number
            terms.append(C.c.remote_e164.like(f"%{digits}%"))
            terms.append(C.c.remote_number.like(f"%{digits}%"))
        where.append(or_(*terms))
    return stmt.where(and_(*where)), sort


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def page(s: Session, flt: CallFilter, scope: Scope, *, after: tuple | None = None,
         limit: int = PAGE_SIZE) -> list[CallRow]:
    """The next ``limit`` calls after the row whose key is ``after``."""
    C = Call.__table__
    stmt, sort = statement(s, flt, scope)
    if after is not None:
        value, last_id = after
        key = tuple_(literal(value, sort.type), literal(last_id, C.c.id.type))
        stmt = stmt.where(tuple_(sort, C.c.id) < key if flt.descending
                          else tuple_(sort, C.c.id) > key)
    order = (sort.desc(), C.c.id.desc()) if flt.descending else (sort.asc(), C.c.id.asc())
    stmt = stmt.order_by(*order).limit(limit)
    rows = []
    for r in s.connection().execute(stmt):
        value = r.sort_value
        if flt.sort == "started_at" and isinstance(value, datetime):
            value = _utc(value)
        rows.append(CallRow(
            id=r.id, key=(value, r.id), started_at=_utc(r.started_at), user_id=r.user_id,
            manager=r.full_name or r.login or "", team=r.team or "", lead_id=r.lead_id,
            company=r.company or "", remote_number=r.remote_number or "",
            direction=r.direction or "", outcome=r.outcome, result=r.result,
            lead_type=r.lead_type, talk_seconds=r.talk_seconds, ring_seconds=r.ring_seconds,
            codec=r.codec or "", jitter_ms=r.rtp_jitter_ms, loss_pct=r.rtp_loss_pct,
            media_security=r.media_security or "", signalling_tls=r.signalling_tls,
            has_recording=bool(r.has_recording), score=r.score,
            reviewed=None if r.reviewed is None else bool(r.reviewed), live=r.ended_at is None))
    return rows


def count(s: Session, flt: CallFilter, scope: Scope) -> int:
    stmt, _sort = statement(s, flt, scope, count=True)
    return int(s.connection().execute(stmt).scalar() or 0)


# -- one call: what the player and the context pane show ---------------------------------

@dataclass
class CallInfo:
    """The call's own facts and the manager's wrap-up."""

    id: uuid.UUID
    lead_id: uuid.UUID | None
    user_id: uuid.UUID | None
    manager: str
    direction: str
    remote_number: str
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    outcome: str | None
    result: str | None
    refusal_reason: str
    tools: list
    notes: str
    talk_seconds: float | None
    ring_seconds: float | None
    recording_path: str
    recording_id: uuid.UUID | None
    script_id: uuid.UUID | None
    script_path: list
    script_times: list | None
    step_titles: dict[str, str] = field(default_factory=dict)
    stored_path: str = ""
    """The compressed copy waiting for (or past) upload, when this store has it."""


def call_info(s: Session, call_id: uuid.UUID) -> CallInfo | None:
    C = Call.__table__
    r = s.connection().execute(
        select(C, User.full_name, User.login).outerjoin(User, User.id == C.c.user_id)
        .where(C.c.id == call_id, C.c.deleted.is_(False))).mappings().first()
    if r is None:
        return None
    titles: dict[str, str] = {}
    if r["script_id"] is not None:
        body = s.scalar(select(Script.body).where(Script.id == r["script_id"]))
        for st in (body or {}).get("steps", []) if isinstance(body, dict) else []:
            if isinstance(st, dict) and st.get("id"):
                titles[str(st["id"])] = str(st.get("title") or st["id"])
    stored = ""
    if not is_shared(s):
        stored = s.scalar(select(UPLOADS.c.stored_path).where(UPLOADS.c.call_id == call_id)) or ""
    return CallInfo(
        id=r["id"], lead_id=r["lead_id"], user_id=r["user_id"],
        manager=r["full_name"] or r["login"] or "", direction=r["direction"] or "",
        remote_number=r["remote_number"] or "", started_at=_utc(r["started_at"]),
        answered_at=_utc(r["answered_at"]) if r["answered_at"] else None,
        ended_at=_utc(r["ended_at"]) if r["ended_at"] else None, outcome=r["outcome"],
        result=r["result"], refusal_reason=r["refusal_reason"] or "", tools=r["tools"] or [],
        notes=r["notes"] or "", talk_seconds=r["talk_seconds"], ring_seconds=r["ring_seconds"],
        recording_path=r["recording_path"] or "", recording_id=r["recording_id"],
        script_id=r["script_id"], script_path=list(r["script_path"] or []),
        script_times=r["script_times"], step_titles=titles, stored_path=stored)


@dataclass(frozen=True)
class SharedRecording:
    """A recording in the shared database: what the streaming player needs."""

    id: uuid.UUID
    size: int
    chunk_count: int
    chunk_size: int
    duration_s: float | None
    sha256: str = ""
    content_type: str = ""
    peaks: dict | None = None
    """The uploader's waveform (recording_peaks: bucket_ms, channels, duration_s,
    left, right as bytes), None when the database has none for it."""


def shared_recording(s: Session, call_id: uuid.UUID) -> SharedRecording | None:
    """The call's complete recording in the shared database (RLS: None if not yours)."""
    r = s.connection().execute(
        select(RECORDINGS.c.id, RECORDINGS.c.size, RECORDINGS.c.chunk_count,
               RECORDINGS.c.chunk_size, RECORDINGS.c.duration_s, RECORDINGS.c.sha256,
               RECORDINGS.c.content_type)
        .where(RECORDINGS.c.call_id == call_id, RECORDINGS.c.complete.is_(True))
        .limit(1)).first()
    if r is None:
        return None
    peaks = None
    if _has_table(s, "recording_peaks"):
        p = s.connection().execute(
            select(PEAKS.c.bucket_ms, PEAKS.c.channels, PEAKS.c.duration_s, PEAKS.c.left_peaks,
                   PEAKS.c.right_peaks).where(PEAKS.c.recording_id == r.id)).first()
        if p is not None:
            peaks = {"bucket_ms": int(p.bucket_ms), "channels": int(p.channels),
                     "duration_s": float(p.duration_s), "left": bytes(p.left_peaks),
                     "right": bytes(p.right_peaks)}
    return SharedRecording(r.id, int(r.size), int(r.chunk_count), int(r.chunk_size),
                           r.duration_s, r.sha256 or "", r.content_type or "", peaks)


def people(s: Session, scope: Scope) -> list[tuple[uuid.UUID, str, uuid.UUID | None]]:
    """(id, name, team id) of the users whose calls the scope covers (the filter's list)."""
    q = select(User.id, User.full_name, User.login, User.team_id).where(User.deleted.is_(False))
    if scope.user_id is not None:
        q = q.where(User.id == scope.user_id)
    if scope.team_id is not None:
        q = q.where(User.team_id == scope.team_id)
    return [(r.id, r.full_name or r.login, r.team_id)
            for r in s.execute(q.order_by(User.full_name, User.login))]


def teams(s: Session, scope: Scope) -> list[tuple[uuid.UUID, str]]:
    q = select(Team.id, Team.name).where(Team.deleted.is_(False))
    if scope.team_id is not None:
        q = q.where(Team.id == scope.team_id)
    elif scope.user_id is not None:
        q = q.where(Team.id.in_(select(User.team_id).where(User.id == scope.user_id)))
    return [(r.id, r.name) for r in s.execute(q.order_by(Team.name))]


def statement_sql(s: Session, flt: CallFilter, scope: Scope) -> Select:
    """The page statement (for EXPLAIN in the bench)."""
    return statement(s, flt, scope)[0]
