"""The data model (SQLAlchemy 2.0 typed). Alembic migrations in db/ own the schema.

Every row carries what sync needs: a client-generated UUID key, created/updated
time and author, a server-assigned revision number (0 = never synced) and a
deleted flag (tombstone). Enumerations are stored as their stable codes
(see :mod:`workstation.domain.enums`).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from workstation.store.types import UTCDateTime, new_id, utcnow

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, uuid.UUID: Uuid}


class Synced:
    """Columns every synced row has."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    updated_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    revision: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Team(Synced, Base):
    __tablename__ = "teams"
    name: Mapped[str] = mapped_column(String(200), unique=True)


class User(Synced, Base):
    __tablename__ = "users"
    login: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), default="manager")
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"), default=None)
    sip_extension: Mapped[str] = mapped_column(String(64), default="")
    sip_username: Mapped[str] = mapped_column(String(100), default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Funnel(Synced, Base):
    __tablename__ = "funnels"
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(200), default="")
    product: Mapped[str] = mapped_column(String(200), default="", server_default="")
    stages: Mapped[list[FunnelStage]] = relationship(
        back_populates="funnel", order_by="FunnelStage.position")


class FunnelStage(Synced, Base):
    __tablename__ = "funnel_stages"
    __table_args__ = (UniqueConstraint("funnel_id", "code"),)
    funnel_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funnels.id"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    is_won: Mapped[bool] = mapped_column(Boolean, default=False)
    is_lost: Mapped[bool] = mapped_column(Boolean, default=False)
    is_paused: Mapped[bool] = mapped_column(Boolean, default=False)
    # retired: not offered any more; leads at the stage keep it until moved
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    funnel: Mapped[Funnel] = relationship(back_populates="stages")


NEW_LEADS_WHERE_SQLITE = text(
    "deleted IS 0 AND lead_type IS NULL AND last_attempt_at IS NULL "
    "AND last_contact_at IS NULL AND next_contact_at IS NULL")
"""A lead nobody has worked yet (My day's "new leads"). SQLite uses a partial
index only for a query that repeats these terms: see store.myday.my_day_queue."""
NEW_LEADS_WHERE_PG = text(
    "deleted IS false AND lead_type IS NULL AND last_attempt_at IS NULL "
    "AND last_contact_at IS NULL AND next_contact_at IS NULL")


class Lead(Synced, Base):
    """A company (or a person) the team sells to: one row of the lead base."""

    __tablename__ = "leads"
    __table_args__ = (
        Index("ix_leads_company_id", "company", "id"),
        Index("ix_leads_lead_type", "lead_type"),
        Index("ix_leads_stage_id", "stage_id"),
        Index("ix_leads_funnel_id_stage_id", "funnel_id", "stage_id"),
        Index("ix_leads_owner_id", "owner_id"),
        Index("ix_leads_team_id", "team_id"),
        Index("ix_leads_next_contact_at", "next_contact_at"),
        Index("ix_leads_new_queue", "owner_id", "created_at",
              sqlite_where=NEW_LEADS_WHERE_SQLITE, postgresql_where=NEW_LEADS_WHERE_PG),
    )
    company: Mapped[str] = mapped_column(String(500), default="")
    category: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(1000), default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    topic: Mapped[str] = mapped_column(String(200), default="")
    product: Mapped[str] = mapped_column(String(200), default="")
    project: Mapped[str] = mapped_column(String(200), default="")
    site: Mapped[str] = mapped_column(String(500), default="")
    channel: Mapped[str] = mapped_column(String(20), default="call")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"), default=None)
    shared_pool: Mapped[bool] = mapped_column(Boolean, default=False)
    lead_type: Mapped[str | None] = mapped_column(String(32), default=None)
    funnel_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("funnels.id"), default=None)
    stage_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("funnel_stages.id"), default=None)
    next_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    remind: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    # casefolded company + contact names: case-insensitive search in any script
    name_key: Mapped[str] = mapped_column(String(1200), default="")
    extra: Mapped[dict | None] = mapped_column(JSON, default=None)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="lead", order_by="Contact.created_at")
    phones: Mapped[list[Phone]] = relationship(
        back_populates="lead", order_by="Phone.position")
    emails: Mapped[list[Email]] = relationship(back_populates="lead")


class Tag(Synced, Base):
    __tablename__ = "tags"
    name: Mapped[str] = mapped_column(String(100), unique=True)


class LeadTag(Synced, Base):
    __tablename__ = "lead_tags"
    __table_args__ = (UniqueConstraint("lead_id", "tag_id"),)
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id"))
    tag_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tags.id"))


class Contact(Synced, Base):
    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_lead_id", "lead_id"),)
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id"))
    full_name: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    is_decision_maker: Mapped[bool] = mapped_column(Boolean, default=False)
    lead: Mapped[Lead] = relationship(back_populates="contacts")


class Phone(Synced, Base):
    """A phone number as written (``raw``) and normalised (``e164``)."""

    __tablename__ = "phones"
    __table_args__ = (
        Index("ix_phones_e164", "e164"),
        Index("ix_phones_lead_id", "lead_id"),
    )
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contacts.id"), default=None)
    raw: Mapped[str] = mapped_column(String(64))
    e164: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20), default="work")
    position: Mapped[int] = mapped_column(Integer, default=0)
    lead: Mapped[Lead] = relationship(back_populates="phones")


class Email(Synced, Base):
    __tablename__ = "emails"
    __table_args__ = (Index("ix_emails_lead_id", "lead_id"),)
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contacts.id"), default=None)
    address: Mapped[str] = mapped_column(String(320))
    lead: Mapped[Lead] = relationship(back_populates="emails")


class Script(Synced, Base):
    """A call script version: a graph of steps (JSON), per topic/product."""

    __tablename__ = "scripts"
    __table_args__ = (UniqueConstraint("code", "version"),)
    code: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[dict] = mapped_column(JSON, default=dict)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class RefusalReason(Synced, Base):
    __tablename__ = "refusal_reasons"
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class LeadSource(Synced, Base):
    """Where leads come from (the card's and the import's source list)."""

    __tablename__ = "lead_sources"
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class SharedSetting(Synced, Base):
    """A setting the admin makes for every workstation (the effective-call rule)."""

    __tablename__ = "shared_settings"
    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[dict | None] = mapped_column(JSON, default=None)


class ConfigHistory(Synced, Base):
    """Append-only: a configuration value overwritten by a later write (sync's
    later-write-wins on funnels, stages, reasons, sources, plans, settings)."""

    __tablename__ = "config_history"
    __table_args__ = (Index("ix_config_history_row_id", "row_id"),)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    field: Mapped[str] = mapped_column(String(64), default="")
    old_value: Mapped[str | None] = mapped_column(Text, default=None)
    new_value: Mapped[str | None] = mapped_column(Text, default=None)
    data: Mapped[dict | None] = mapped_column(JSON, default=None)


STATS_INDEX_COLUMNS = ("user_id", "started_at", "deleted", "outcome", "ring_seconds",
                       "talk_seconds", "answered_at", "ended_at", "sip_status", "result",
                       "invoice_amount", "tools")
"""The columns the call statistics read (store/stats.py), in a covering index."""


class Call(Synced, Base):
    """One call, in or out: facts from signalling plus the manager's wrap-up."""

    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_lead_id_started_at", "lead_id", "started_at"),
        Index("ix_calls_started_at", "started_at"),
        Index("ix_calls_user_id_started_at", "user_id", "started_at"),
        # the statistics read every figure of a month of a team from this index alone
        # (SQLite; PostgreSQL's twin with INCLUDE is in db/shared/068_stats.sql)
        Index("ix_calls_stats", *STATS_INDEX_COLUMNS).ddl_if(dialect="sqlite"),
    )
    lead_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("leads.id"), default=None)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contacts.id"), default=None)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    direction: Mapped[str] = mapped_column(String(4))
    local_number: Mapped[str] = mapped_column(String(128), default="")
    remote_number: Mapped[str] = mapped_column(String(256), default="")
    remote_e164: Mapped[str] = mapped_column(String(20), default="")
    sip_call_id: Mapped[str] = mapped_column(String(256), default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    sip_status: Mapped[int | None] = mapped_column(Integer, default=None)
    sip_reason: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str | None] = mapped_column(String(20), default=None)
    ring_seconds: Mapped[float | None] = mapped_column(Float, default=None)
    talk_seconds: Mapped[float | None] = mapped_column(Float, default=None)
    codec: Mapped[str] = mapped_column(String(64), default="")
    rtp_jitter_ms: Mapped[float | None] = mapped_column(Float, default=None)
    rtp_loss_pct: Mapped[float | None] = mapped_column(Float, default=None)
    media_security: Mapped[str] = mapped_column(String(8), default="")
    """"srtp" (SDES-encrypted audio), "rtp" (plain), "" (no media or not known)."""
    signalling_tls: Mapped[bool | None] = mapped_column(Boolean, default=None)
    """The call's SIP dialog went over TLS; None: not known (older rows)."""
    recording_path: Mapped[str] = mapped_column(String(1000), default="")
    recording_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    pop_latency_ms: Mapped[float | None] = mapped_column(Float, default=None)
    script_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("scripts.id"), default=None)
    script_path: Mapped[list | None] = mapped_column(JSON, default=None)
    script_times: Mapped[list | None] = mapped_column(JSON, default=None)
    """Milliseconds from the answer at which each step of ``script_path`` was reached
    (the player's markers); None for calls without a script or an answer."""
    result: Mapped[str | None] = mapped_column(String(20), default=None)
    refusal_reason: Mapped[str] = mapped_column(String(64), default="")
    tools: Mapped[list | None] = mapped_column(JSON, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    wrapup_seconds: Mapped[float | None] = mapped_column(Float, default=None)
    effective: Mapped[bool] = mapped_column(Boolean, default=False)
    recording_consent: Mapped[str] = mapped_column(String(16), default="", server_default="")
    """'given' (the consent prompt played and the client stayed), 'refused' (the
    manager marked that the client refused), 'not_asked' (recorded with the prompt
    off), '' not known (older rows, or not recorded)."""
    recording_expected: Mapped[bool | None] = mapped_column(Boolean, default=None)
    """The workstation was recording this call (None: not known, older rows)."""
    invoice_amount: Mapped[float | None] = mapped_column(Float, default=None)
    """The invoice's sum when the wrap-up issued one (tool "invoice")."""


STAGE_EVENTS_WHERE_SQLITE = text("kind = 'stage_change' AND deleted IS 0")
"""The stage changes of the lead history (the funnel's stays): SQLite uses the partial
index only for a query that repeats these terms (store.funnel.STAGE_EVENTS)."""
STAGE_EVENTS_WHERE_PG = text("kind = 'stage_change' AND deleted IS false")


class HistoryEvent(Synced, Base):
    """Append-only: everything that happened to a lead."""

    __tablename__ = "history_events"
    __table_args__ = (
        Index("ix_history_events_lead_id_at", "lead_id", "at"),
        Index("ix_history_events_user_id_at", "user_id", "at"),
        Index("ix_history_events_stage_changes", "lead_id", "at", "id", "old_value",
              "new_value", sqlite_where=STAGE_EVENTS_WHERE_SQLITE,
              postgresql_where=STAGE_EVENTS_WHERE_PG),
    )
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("leads.id"))
    call_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("calls.id"), default=None)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text, default="")
    field: Mapped[str] = mapped_column(String(64), default="")
    old_value: Mapped[str | None] = mapped_column(Text, default=None)
    new_value: Mapped[str | None] = mapped_column(Text, default=None)
    data: Mapped[dict | None] = mapped_column(JSON, default=None)


class Task(Synced, Base):
    """A task on a lead (callback, send offer…) with due time and reminder."""

    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_owner_id_due_at", "owner_id", "due_at"),
        Index("ix_tasks_lead_id", "lead_id"),
    )
    lead_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("leads.id"), default=None)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    kind: Mapped[str] = mapped_column(String(32), default="callback")
    title: Mapped[str] = mapped_column(String(500), default="")
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    remind: Mapped[bool] = mapped_column(Boolean, default=True)
    remind_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    status: Mapped[str] = mapped_column(String(16), default="open")
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class KpiPlan(Synced, Base):
    """A plan figure: per user or per team, per metric and period."""

    __tablename__ = "kpi_plans"
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id"), default=None)
    metric: Mapped[str] = mapped_column(String(64))
    period: Mapped[str] = mapped_column(String(16), default="day")
    target: Mapped[float] = mapped_column(Float)
    valid_from: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class AgentState(Synced, Base):
    """One interval of a manager's presence (available, ringing, on a call, wrap-up,
    break), written by their own workstation. ``ended_at`` None: the state now,
    kept fresh by ``heartbeat_at`` (stale beyond a threshold: offline). No row
    open: offline since the last one ended (the app quit)."""

    __tablename__ = "agent_states"
    __table_args__ = (Index("ix_agent_states_user_id_started_at", "user_id", "started_at"),)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    state: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(String(300), default="")
    """On a call: with whom (company, number); on a break: the reason."""
    lead_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    """The current call's lead (no foreign key: the lead may not have synced yet)."""
    call_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)



class Scorecard(Synced, Base):
    """One version of a scorecard: editing the criteria makes a new version, so a
    review keeps the criteria it was scored with."""

    __tablename__ = "scorecards"
    __table_args__ = (UniqueConstraint("code", "version"),)
    code: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    criteria: Mapped[list[ScorecardCriterion]] = relationship(
        back_populates="scorecard", order_by="ScorecardCriterion.position")


class ScorecardCriterion(Synced, Base):
    """A criterion: yes/no or a scale 0..max_value, weighted; a critical one that
    fails fails the whole call."""

    __tablename__ = "scorecard_criteria"
    __table_args__ = (Index("ix_scorecard_criteria_scorecard_id", "scorecard_id"),)
    scorecard_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("scorecards.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    kind: Mapped[str] = mapped_column(String(16), default="yes_no")  # 'yes_no' | 'scale'
    max_value: Mapped[int] = mapped_column(Integer, default=1)
    critical: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    scorecard: Mapped[Scorecard] = relationship(back_populates="criteria")


class CallReview(Synced, Base):
    """A supervisor's review of one call (queued by sampling as 'in_review')."""

    __tablename__ = "call_reviews"
    __table_args__ = (
        Index("ix_call_reviews_call_id", "call_id"),
        Index("ix_call_reviews_reviewer_id_status", "reviewer_id", "status"),
        Index("ix_call_reviews_manager_id", "manager_id"),
    )
    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("calls.id"))
    reviewer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    manager_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    """The call's manager (calls.user_id), kept here for the manager's list and RLS."""
    scorecard_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("scorecards.id"),
                                                           default=None)
    status: Mapped[str] = mapped_column(String(16), default="in_review")
    score: Mapped[float | None] = mapped_column(Float, default=None)
    failed_critical: Mapped[bool] = mapped_column(Boolean, default=False)
    manager_fault: Mapped[bool] = mapped_column(Boolean, default=False)
    answers: Mapped[dict | None] = mapped_column(JSON, default=None)
    summary: Mapped[str] = mapped_column(Text, default="")
    scored_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class ReviewComment(Synced, Base):
    """A comment on a review, pinned to a moment of the recording (at_ms); the
    manager's acknowledgement or dispute and the supervisor's reply too."""

    __tablename__ = "review_comments"
    __table_args__ = (Index("ix_review_comments_review_id", "review_id"),)
    review_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("call_reviews.id"))
    call_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("calls.id"))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    at_ms: Mapped[int | None] = mapped_column(Integer, default=None)
    text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="comment")


class RecordingAccess(Synced, Base):
    """Append-only audit: who played or downloaded which recording (shared: insert
    only for every app role; written through the outbox, so offline is kept)."""

    __tablename__ = "recording_access"
    __table_args__ = (Index("ix_recording_access_at", "at"),)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    login: Mapped[str] = mapped_column(String(100), default="")
    recording_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    call_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    action: Mapped[str] = mapped_column(String(16))  # 'play' | 'download'
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    played_seconds: Mapped[float | None] = mapped_column(Float, default=None)


class RecordingFlag(Synced, Base):
    """A recording that should be in the shared store and is not (or a file with
    no call): kept until a later check finds it fixed (resolved_at)."""

    __tablename__ = "recording_flags"
    __table_args__ = (Index("ix_recording_flags_call_id", "call_id"),)
    call_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("calls.id"), default=None)
    recording_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    reason: Mapped[str] = mapped_column(String(20))
    workstation: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class OutboxEntry(Base):
    """A local change waiting to be pushed to the shared database.

    Written in the same transaction as the change itself (see
    :mod:`workstation.store.outbox`), so a change is never saved without it.
    Local only: not synced, no UUID.
    """

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(8), default="upsert")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Refused by the shared database: kept (with the server's reason) and shown to
    # the user; skipped by later pushes until the row changes again or a retry.
    rejected_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    rejected_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class SyncState(Base):
    """Local only: the sync worker's pull cursor per shared table ("*" = last sync)."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class RecordingUpload(Base):
    """Local only: a call recording on its way to the shared database."""

    __tablename__ = "recording_uploads"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    call_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    source_path: Mapped[str] = mapped_column(String(1000))
    stored_path: Mapped[str] = mapped_column(String(1000), default="")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    chunk_size: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


FUNNEL_LEADS_COVER = ("funnel_id", "deleted", "entered_at", "stage_id", "furthest")
"""After the owner / team: what a manager's or a team's stages, furthest positions and
stuck leads read (index only; in the order the stuck leads are listed, so the list
stops at its limit). Kept short: every imported lead writes both indexes."""
FUNNEL_STAYS_ORDER = ("funnel_id", "deleted", "code", "d")
"""After the funnel / owner / team: each stage's stays in order (the median by OFFSET)."""


class FunnelLead(Base):
    """Local only (SQLite, kept by triggers: store.funnelmarks): what the funnel reads
    of each lead, narrow: its scope columns (copied from ``leads``), when it entered
    its stage and the furthest main-line position it has been at (now or before)."""

    __tablename__ = "funnel_leads"
    __table_args__ = tuple(Index(f"ix_funnel_leads_{c}", c, *FUNNEL_LEADS_COVER)
                           for c in ("owner_id", "team_id"))
    lead_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    funnel_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    stage_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    team_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    source: Mapped[str | None] = mapped_column(String(200), default=None)
    lead_type: Mapped[str | None] = mapped_column(String(32), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    furthest: Mapped[int] = mapped_column(Integer, default=0)


class FunnelStay(Base):
    """Local only (SQLite, kept by triggers: store.funnelmarks): the stay each stage
    change ended (seconds), with its lead's scope columns."""

    __tablename__ = "funnel_stays"
    __table_args__ = (Index("ix_funnel_stays_lead_id", "lead_id"),
                      *(Index(f"ix_funnel_stays_{c}", *dict.fromkeys((c, *FUNNEL_STAYS_ORDER)))
                        for c in ("funnel_id", "owner_id", "team_id")))
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    lead_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    code: Mapped[str] = mapped_column(Text)
    d: Mapped[float] = mapped_column(Float)
    funnel_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    team_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    source: Mapped[str | None] = mapped_column(String(200), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


SYNCED_MODELS = [m for m in Base.__subclasses__() if issubclass(m, Synced)]
SYNCED_TABLES = {m.__tablename__: m for m in SYNCED_MODELS}
