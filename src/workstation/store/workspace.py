"""Services of the agent workspace: screen-pop lookup, wrap-up, history, My day,
reminders, hand-over, effective calls, script versions.

Every function takes an open ``Session`` (opened off the GUI thread, except
the one screen-pop lookup) and never imports Qt. Writes happen in ONE
transaction: a function that writes begins its own transaction when the
session has none, and commits it; on any error nothing is written.

Hot paths use indexed queries only:
* ``lookup_by_phone``: ``ix_phones_e164`` then primary keys and
  ``ix_contacts_lead_id`` / ``ix_phones_lead_id``;
* ``history_for_lead``: ``ix_history_events_lead_id_at`` backwards with LIMIT;
* ``save_wrapup``: primary keys, ``ix_calls_lead_id_started_at``, ``ix_tasks_lead_id``.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

from sqlalchemy import and_, false, func, or_, select, update
from sqlalchemy.orm import Session

from workstation.domain import attempts as attempts_rule
from workstation.domain import phones
from workstation.domain.enums import (
    HistoryKind,
    LeadType,
    TaskStatus,
)
from workstation.domain.funnel import DEFAULT_FUNNEL_CODE, REFUSED_STAGE
from workstation.domain.kpi import (
    DEFAULT_DAILY_PLAN,
    EFFECTIVE_CALLS,
    PlanProgress,
    day_bounds,
)
from workstation.domain.scripts import Script as ScriptDef
from workstation.store.models import (
    NEW_LEADS_WHERE_PG,
    NEW_LEADS_WHERE_SQLITE,
    Call,
    Contact,
    Funnel,
    FunnelStage,
    HistoryEvent,
    KpiPlan,
    Lead,
    Phone,
    Script,
    Task,
    Team,
    User,
)
from workstation.store.types import utcnow
from workstation.store.common import NEW_DEAL_STAGE, WorkspaceError  # noqa: F401 (API)
from workstation.store.common import aware as _aware
from workstation.store.common import in_transaction as _tx
from workstation.store.wrapup import TaskSpec, WrapUp, WrapUpSaved, save_wrapup  # noqa: F401

DUE_NOW_WINDOW = timedelta(minutes=15)
TYPE_PRIORITY = {LeadType.INTERESTED: 0, LeadType.POTENTIAL: 1, LeadType.CLIENT: 2,
                 LeadType.HYPOTHETICAL: 3, None: 4, LeadType.FALSE_POSITIONING: 5}


WRITE_LOCK = threading.RLock()
"""Taken around the call flow's write transactions in this process (the wrap-up
save, the call log): they queue on it and wake at once, instead of meeting in
SQLite and polling its busy handler (sleeps of 1, 2, 5, 10, 15... ms)."""


# -- screen pop ------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    lead_id: uuid.UUID
    company: str
    contact_id: uuid.UUID | None
    contact: str
    phones: tuple[str, ...]
    stage: str = ""
    lead_type: str | None = None
    owner_id: uuid.UUID | None = None

    def to_json(self) -> dict:
        return {"id": str(self.lead_id), "company": self.company, "contact": self.contact,
                "phones": list(self.phones)}


def _lookup_statement():
    """One prebuilt Core statement (compiled once, cached by SQLAlchemy): the
    caller's phone rows via ``ix_phones_e164``, then per lead its stage, contacts
    (``ix_contacts_lead_id``) and every phone (``ix_phones_lead_id``)."""
    from sqlalchemy import bindparam, true

    from workstation.store.models import Contact as C, FunnelStage as FS, Lead as LD, Phone as P

    hit, allp = P.__table__.alias("hit"), P.__table__.alias("allp")
    ld, fs, c = LD.__table__, FS.__table__, C.__table__
    return (select(ld.c.id, ld.c.company, ld.c.lead_type, ld.c.owner_id, fs.c.code,
                   hit.c.contact_id.label("hit_contact"), c.c.id.label("contact_id"),
                   c.c.full_name, c.c.created_at.label("contact_at"),
                   allp.c.e164, allp.c.position)
            .select_from(hit)
            .join(ld, ld.c.id == hit.c.lead_id)
            .outerjoin(fs, fs.c.id == ld.c.stage_id)
            .outerjoin(c, (c.c.lead_id == ld.c.id) & (c.c.deleted == false()))
            .outerjoin(allp, (allp.c.lead_id == ld.c.id) & (allp.c.deleted == false()))
            .where(hit.c.e164 == bindparam("e164"), hit.c.deleted == false(),
                   ld.c.deleted == false(), true()))


_LOOKUP = None


def lookup_by_phone(session: Session, text: str, region: str = "UA") -> list[Match]:
    """Leads (with the contact) whose phone is ``text`` in any format.

    An empty list for an unknown number; ``phones.PhoneError`` when the text is
    no phone number at all. Sorted by company, then id. One indexed query.
    """
    global _LOOKUP
    e164 = phones.normalize(text, region)
    if _LOOKUP is None:
        _LOOKUP = _lookup_statement()
    rows = session.connection().execute(_LOOKUP, {"e164": e164}).all()
    if not rows:
        return []
    leads: dict[uuid.UUID, dict] = {}
    for r in rows:
        d = leads.get(r.id)
        if d is None:
            d = leads[r.id] = {"row": r, "hit": r.hit_contact, "contacts": {}, "phones": {}}
        if d["hit"] is None and r.hit_contact is not None:
            d["hit"] = r.hit_contact
        if r.contact_id is not None:
            d["contacts"][r.contact_id] = (r.contact_at, r.full_name)
        if r.e164 is not None:
            d["phones"].setdefault(r.e164, r.position)
    out = []
    epoch = datetime.min.replace(tzinfo=timezone.utc)
    for lead_id, d in leads.items():
        r = d["row"]
        contacts = sorted(d["contacts"].items(), key=lambda kv: (kv[1][0] or epoch, str(kv[0])))
        chosen = next(((cid, v) for cid, v in contacts if cid == d["hit"]),
                      contacts[0] if contacts else None)
        out.append(Match(lead_id=lead_id, company=r.company or "",
                         contact_id=chosen[0] if chosen else None,
                         contact=chosen[1][1] if chosen else "",
                         phones=tuple(sorted(d["phones"], key=lambda e: (d["phones"][e], e))),
                         stage=r.code or "", lead_type=r.lead_type, owner_id=r.owner_id))
    out.sort(key=lambda m: (m.company.casefold(), str(m.lead_id)))
    return out


# -- helpers --------------------------------------------------------------------

def _default_funnel_id(session: Session) -> uuid.UUID | None:
    return session.scalar(select(Funnel.id).where(Funnel.code == DEFAULT_FUNNEL_CODE))


def stage_by_code(session: Session, funnel_id: uuid.UUID | None, code: str) -> FunnelStage:
    fid = funnel_id or _default_funnel_id(session)
    st = session.scalar(select(FunnelStage).where(FunnelStage.funnel_id == fid,
                                                  FunnelStage.code == code))
    if st is None:
        raise WorkspaceError(f"stage: no stage {code!r} in the lead's funnel")
    return st


def _stage_code(session: Session, stage_id: uuid.UUID | None) -> str | None:
    if stage_id is None:
        return None
    return session.scalar(select(FunnelStage.code).where(FunnelStage.id == stage_id))


def _event(session: Session, lead_id: uuid.UUID, kind: str, user_id, at: datetime, *,
           call_id=None, text: str = "", field_name: str = "", old=None, new=None,
           data: dict | None = None) -> HistoryEvent:
    ev = HistoryEvent(id=uuid.uuid4(), lead_id=lead_id, kind=str(kind), user_id=user_id, at=at, call_id=call_id,
                      text=text, field=field_name, old_value=old, new_value=new, data=data,
                      created_by=user_id, updated_by=user_id)
    session.add(ev)
    return ev


def _set_stage(session: Session, lead: Lead, code: str, user_id, at: datetime, *,
               call_id=None, reason: str = "", data: dict | None = None) -> bool:
    """Move the lead to stage ``code`` with a history event; False when already there."""
    st = stage_by_code(session, lead.funnel_id, code)
    if lead.stage_id == st.id:
        return False
    old = _stage_code(session, lead.stage_id)
    if lead.funnel_id is None:
        lead.funnel_id = st.funnel_id
    lead.stage_id = st.id
    payload = dict(data or {})
    if reason:
        payload["reason"] = reason
    _event(session, lead.id, HistoryKind.STAGE_CHANGE, user_id, at, call_id=call_id,
           field_name="stage", old=old, new=code, data=payload or None)
    if code == REFUSED_STAGE and old and old != REFUSED_STAGE:
        extra = dict(lead.extra or {})
        extra["stage_before_refused"] = old
        lead.extra = extra
    return True


def restore_if_refused(session: Session, lead_id: uuid.UUID, user_id=None,
                       call_id=None, now: datetime | None = None) -> str | None:
    """A Refused lead called in: back to its earlier stage. Returns the stage or None."""
    now = _aware(now, "now") or utcnow()
    with _tx(session):
        lead = session.get(Lead, lead_id)
        if lead is None or _stage_code(session, lead.stage_id) != REFUSED_STAGE:
            return None
        stage = attempts_rule.restore_stage((lead.extra or {}).get("stage_before_refused"))
        _set_stage(session, lead, stage, user_id, now, call_id=call_id, reason="called_in")
        lead.attempts = 0
        lead.last_contact_at = now
        return stage


# -- unknown number → Interest card → lead ----------------------------------------

def create_lead_from_interest(session: Session, *, phone: str, user_id: uuid.UUID | None,
                              company: str = "", contact_name: str = "", topic: str = "",
                              source: str = "incoming call", notes: str = "",
                              email: str = "", at: datetime | None = None,
                              call_id: uuid.UUID | None = None, region: str = "UA",
                              team_id: uuid.UUID | None = None) -> uuid.UUID:
    """Save the "Interest" card of an unknown caller as a new lead (stage Interest found).

    Writes the lead, its contact and phone, links the call (when given) and a
    history event "incoming call", in one transaction. Raises
    ``WorkspaceError`` when the phone is not a number or already belongs to a lead.
    """
    from workstation.store.leads import make_name_key
    from workstation.store.models import Email

    at = _aware(at, "at") or utcnow()
    try:
        e164 = phones.normalize(phone, region)
    except phones.PhoneError as exc:
        raise WorkspaceError(f"phone: {exc}") from None
    if not (company.strip() or contact_name.strip()):
        raise WorkspaceError("company: give the company or the contact's name")
    with _tx(session):
        existing = session.scalar(select(Phone.lead_id).where(Phone.e164 == e164,
                                                              Phone.deleted.is_(False)).limit(1))
        if existing is not None:
            raise WorkspaceError(f"phone: {e164} already belongs to lead {existing}")
        stage = stage_by_code(session, None, NEW_DEAL_STAGE)
        lead = Lead(id=uuid.uuid4(), company=company.strip(), topic=topic, source=source,
                    channel="call", owner_id=user_id, team_id=team_id, funnel_id=stage.funnel_id,
                    stage_id=stage.id, last_contact_at=at, notes=notes,
                    name_key=make_name_key(company, [contact_name]),
                    created_by=user_id, updated_by=user_id)
        session.add(lead)
        contact = None
        if contact_name.strip():
            contact = Contact(id=uuid.uuid4(), lead_id=lead.id, full_name=contact_name.strip(),
                              created_by=user_id)
            session.add(contact)
        session.add(Phone(lead_id=lead.id, contact_id=contact.id if contact else None,
                          raw=phone.strip()[:64], e164=e164, position=0, created_by=user_id))
        if email.strip():
            session.add(Email(lead_id=lead.id, contact_id=contact.id if contact else None,
                              address=email.strip(), created_by=user_id))
        session.flush()
        if call_id is not None:
            call = session.get(Call, call_id)
            if call is not None:
                call.lead_id = lead.id
                call.contact_id = contact.id if contact else None
        _event(session, lead.id, HistoryKind.NOTE, user_id, at, call_id=call_id,
               text=notes or "Interest: incoming call",
               data={"event": "incoming_call", "phone": e164, "interest": True})
        return lead.id


# -- history ----------------------------------------------------------------------

@dataclass(frozen=True)
class HistoryRow:
    event_id: uuid.UUID
    at: datetime
    kind: str
    manager: str
    direction: str | None
    outcome: str | None
    result: str | None
    talk_seconds: float | None
    notes: str
    recording_path: str
    call_id: uuid.UUID | None
    field: str = ""
    old_value: str | None = None
    new_value: str | None = None
    codec: str = ""
    jitter_ms: float | None = None
    loss_pct: float | None = None
    media_security: str = ""
    signalling_tls: bool | None = None


_HISTORY = None


def _history_statement():
    from sqlalchemy import bindparam

    return (select(HistoryEvent.id, HistoryEvent.at, HistoryEvent.kind, HistoryEvent.text,
                   HistoryEvent.field, HistoryEvent.old_value, HistoryEvent.new_value,
                   HistoryEvent.call_id, User.full_name, User.login, Call.direction,
                   Call.outcome, Call.result, Call.talk_seconds, Call.recording_path,
                   Call.codec, Call.rtp_jitter_ms, Call.rtp_loss_pct, Call.media_security,
                   Call.signalling_tls)
            .outerjoin(User, User.id == HistoryEvent.user_id)
            .outerjoin(Call, Call.id == HistoryEvent.call_id)
            .where(HistoryEvent.lead_id == bindparam("lead_id"),
                   HistoryEvent.deleted.is_(False))
            .order_by(HistoryEvent.at.desc(), HistoryEvent.id.desc())
            .limit(bindparam("limit")))


def history_for_lead(session: Session, lead_id: uuid.UUID, limit: int = 100) -> list[HistoryRow]:
    """Earlier contacts with this lead, newest first (indexed, LIMITed)."""
    global _HISTORY
    if _HISTORY is None:
        _HISTORY = _history_statement()
    rows = []
    for r in session.connection().execute(_HISTORY, {"lead_id": lead_id, "limit": limit}):
        rows.append(HistoryRow(event_id=r.id, at=r.at, kind=r.kind,
                               manager=r.full_name or r.login or "", direction=r.direction,
                               outcome=r.outcome, result=r.result, talk_seconds=r.talk_seconds,
                               notes=r.text or "", recording_path=r.recording_path or "",
                               call_id=r.call_id, field=r.field or "", old_value=r.old_value,
                               new_value=r.new_value, codec=r.codec or "",
                               jitter_ms=r.rtp_jitter_ms, loss_pct=r.rtp_loss_pct,
                               media_security=r.media_security or "",
                               signalling_tls=r.signalling_tls))
    return rows


# -- My day -----------------------------------------------------------------------

DUE_NOW, OVERDUE, NEW, LATER = "due_now", "overdue", "new", "later"
BUCKET_ORDER = {DUE_NOW: 0, OVERDUE: 1, NEW: 2, LATER: 3}


@dataclass(frozen=True)
class QueueItem:
    bucket: str
    lead_id: uuid.UUID
    company: str
    contact: str
    phone: str
    lead_type: str | None
    due_at: datetime | None
    task_id: uuid.UUID | None = None
    task_title: str = ""


def my_day_queue(session: Session, user_id: uuid.UUID, now: datetime | None = None,
                 limit: int = 200, include_later_today: bool = True,
                 tz: tzinfo | None = None) -> list[QueueItem]:
    """The manager's queue: callbacks due now, overdue, new leads (then later today).

    Within a bucket, hotter lead types first, then by due time (new leads:
    oldest first). Refused leads and never-recall types are left out.
    """
    now = _aware(now, "now") or utcnow()
    _day_start, day_end = day_bounds(now, tz)
    horizon = day_end if include_later_today else now + DUE_NOW_WINDOW
    never = [LeadType.NOT_INTERESTED.value, LeadType.HOSTILE.value]
    refused_ids = list(session.scalars(select(FunnelStage.id).where(FunnelStage.is_lost.is_(True))))
    tasks = session.execute(
        select(Task.id, Task.lead_id, Task.due_at, Task.title, Lead.company, Lead.lead_type,
               Lead.stage_id)
        .join(Lead, Lead.id == Task.lead_id)
        .where(Task.owner_id == user_id, Task.status == TaskStatus.OPEN,
               Task.due_at.is_not(None), Task.due_at < horizon, Task.deleted.is_(False),
               Lead.deleted.is_(False))
        .order_by(Task.due_at).limit(limit * 2)).all()
    items: list[QueueItem] = []
    seen: set[uuid.UUID] = set()
    for t in tasks:
        if t.lead_id in seen or t.lead_type in never or t.stage_id in refused_ids:
            continue
        seen.add(t.lead_id)
        if t.due_at < now - DUE_NOW_WINDOW:
            bucket = OVERDUE
        elif t.due_at <= now + DUE_NOW_WINDOW:
            bucket = DUE_NOW
        else:
            bucket = LATER
        items.append(QueueItem(bucket, t.lead_id, t.company or "", "", "", t.lead_type,
                               t.due_at, t.id, t.title))
    # the terms of the partial index ix_leads_new_queue, word for word (SQLite
    # uses a partial index only then): one manager's untouched leads, oldest
    # first, read in index order and stopped at the limit
    untouched = NEW_LEADS_WHERE_PG if session.get_bind().dialect.name == "postgresql" \
        else NEW_LEADS_WHERE_SQLITE
    new_q = (select(Lead.id, Lead.company, Lead.lead_type, Lead.created_at)
             .where(Lead.owner_id == user_id, untouched)
             .order_by(Lead.created_at).limit(limit))
    if refused_ids:
        new_q = new_q.where(or_(Lead.stage_id.is_(None), Lead.stage_id.not_in(refused_ids)))
    for r in session.execute(new_q):
        if r.id in seen:
            continue
        seen.add(r.id)
        items.append(QueueItem(NEW, r.id, r.company or "", "", "", None, None))
    items.sort(key=lambda i: (BUCKET_ORDER[i.bucket], TYPE_PRIORITY.get(i.lead_type, 4),
                              i.due_at or datetime.max.replace(tzinfo=timezone.utc)))
    items = items[:limit]
    # contact name and first phone, per lead (indexed by lead id)
    ids = [i.lead_id for i in items]
    if ids:
        names: dict[uuid.UUID, str] = {}
        for c in session.execute(select(Contact.lead_id, Contact.full_name)
                                 .where(Contact.lead_id.in_(ids), Contact.deleted.is_(False))
                                 .order_by(Contact.created_at)):
            names.setdefault(c.lead_id, c.full_name)
        first_phone: dict[uuid.UUID, str] = {}
        for p in session.execute(select(Phone.lead_id, Phone.e164)
                                 .where(Phone.lead_id.in_(ids), Phone.deleted.is_(False))
                                 .order_by(Phone.position)):
            first_phone.setdefault(p.lead_id, p.e164)
        items = [QueueItem(i.bucket, i.lead_id, i.company, names.get(i.lead_id, ""),
                           first_phone.get(i.lead_id, ""), i.lead_type, i.due_at, i.task_id,
                           i.task_title) for i in items]
    return items


@dataclass(frozen=True)
class Reminder:
    task_id: uuid.UUID
    lead_id: uuid.UUID | None
    company: str
    title: str
    due_at: datetime | None
    remind_at: datetime


def due_reminders(session: Session, user_id: uuid.UUID,
                  now: datetime | None = None) -> list[Reminder]:
    """Open tasks of this user whose reminder time has come (not yet dismissed)."""
    now = _aware(now, "now") or utcnow()
    q = (select(Task.id, Task.lead_id, Task.title, Task.due_at, Task.remind_at, Lead.company)
         .outerjoin(Lead, Lead.id == Task.lead_id)
         .where(Task.owner_id == user_id, Task.status == TaskStatus.OPEN,
                Task.remind.is_(True), Task.remind_at.is_not(None), Task.remind_at <= now,
                Task.deleted.is_(False))
         .order_by(Task.remind_at))
    return [Reminder(r.id, r.lead_id, r.company or "", r.title, r.due_at, r.remind_at)
            for r in session.execute(q)]


def snooze(session: Session, task_id: uuid.UUID, minutes: int,
           now: datetime | None = None) -> datetime:
    """Remind again in ``minutes``. Returns the new reminder time."""
    if minutes <= 0:
        raise WorkspaceError(f"minutes: must be positive, got {minutes}")
    now = _aware(now, "now") or utcnow()
    with _tx(session):
        task = session.get(Task, task_id)
        if task is None:
            raise WorkspaceError(f"task_id: no task {task_id}")
        task.remind = True
        task.remind_at = now + timedelta(minutes=minutes)
        return task.remind_at


def dismiss_reminder(session: Session, task_id: uuid.UUID) -> None:
    """The reminder was seen: it does not pop again (the task stays open)."""
    with _tx(session):
        task = session.get(Task, task_id)
        if task is None:
            raise WorkspaceError(f"task_id: no task {task_id}")
        task.remind = False


def complete_task(session: Session, task_id: uuid.UUID, user_id=None,
                  now: datetime | None = None) -> None:
    now = _aware(now, "now") or utcnow()
    with _tx(session):
        task = session.get(Task, task_id)
        if task is None:
            raise WorkspaceError(f"task_id: no task {task_id}")
        task.status, task.done_at, task.updated_by = TaskStatus.DONE, now, user_id
        if task.lead_id:
            _event(session, task.lead_id, HistoryKind.TASK_DONE, user_id, now, text=task.title,
                   data={"task_id": str(task.id), "kind": task.kind})


# -- hand-over ----------------------------------------------------------------------

def hand_over(session: Session, lead_id: uuid.UUID, *, to_user_id: uuid.UUID | None = None,
              to_team_id: uuid.UUID | None = None, note: str = "",
              by_user_id: uuid.UUID | None = None, now: datetime | None = None) -> uuid.UUID:
    """Give a lead to another manager or team, with the note, as a history event.

    Open tasks move to the new manager (or become unowned on a team hand-over).
    """
    if (to_user_id is None) == (to_team_id is None):
        raise WorkspaceError("to: give exactly one of a manager or a team")
    if not note.strip():
        raise WorkspaceError("note: say why the lead is handed over")
    now = _aware(now, "now") or utcnow()
    with _tx(session):
        lead = session.get(Lead, lead_id)
        if lead is None or lead.deleted:
            raise WorkspaceError(f"lead_id: no lead {lead_id}")
        data: dict = {"from_user": str(lead.owner_id) if lead.owner_id else None,
                      "from_team": str(lead.team_id) if lead.team_id else None}
        if to_user_id is not None:
            user = session.get(User, to_user_id)
            if user is None:
                raise WorkspaceError(f"to_user_id: no user {to_user_id}")
            data["to_user"] = str(user.id)
            lead.owner_id = user.id
            lead.team_id = user.team_id or lead.team_id
            lead.shared_pool = False
            new_owner = user.id
        else:
            team = session.get(Team, to_team_id)
            if team is None:
                raise WorkspaceError(f"to_team_id: no team {to_team_id}")
            data["to_team"] = str(team.id)
            lead.owner_id = None
            lead.team_id = team.id
            lead.shared_pool = True
            new_owner = None
        lead.updated_by = by_user_id
        session.execute(update(Task).where(Task.lead_id == lead.id,
                                           Task.status == TaskStatus.OPEN)
                        .values(owner_id=new_owner, updated_at=now, updated_by=by_user_id))
        open_ids = list(session.scalars(select(Task.id).where(Task.lead_id == lead.id,
                                                              Task.status == TaskStatus.OPEN)))
        if open_ids:
            from workstation.store.outbox import record_bulk

            record_bulk(session, "tasks", open_ids)
        ev = _event(session, lead.id, HistoryKind.HANDOVER, by_user_id, now, text=note.strip(),
                    data=data)
        session.flush()
        return ev.id


# -- KPI ----------------------------------------------------------------------------

def effective_calls_today(session: Session, user_id: uuid.UUID, now: datetime | None = None,
                          tz: tzinfo | None = None) -> int:
    now = _aware(now, "now") or utcnow()
    start, end = day_bounds(now, tz)
    return session.scalar(select(func.count()).select_from(Call).where(
        Call.user_id == user_id, Call.started_at >= start, Call.started_at < end,
        Call.effective.is_(True), Call.deleted.is_(False))) or 0


def daily_plan(session: Session, user_id: uuid.UUID | None,
               default: int = DEFAULT_DAILY_PLAN) -> int:
    """The user's daily plan of effective calls: own plan, else team, else global."""
    team_id = session.scalar(select(User.team_id).where(User.id == user_id)) if user_id else None
    rows = session.execute(select(KpiPlan.user_id, KpiPlan.team_id, KpiPlan.target).where(
        KpiPlan.metric == EFFECTIVE_CALLS, KpiPlan.period == "day", KpiPlan.deleted.is_(False),
        or_(KpiPlan.user_id == user_id,
            and_(KpiPlan.user_id.is_(None), KpiPlan.team_id == team_id),
            and_(KpiPlan.user_id.is_(None), KpiPlan.team_id.is_(None))))).all()
    for pick in (lambda r: r.user_id is not None and r.user_id == user_id,
                 lambda r: r.user_id is None and team_id is not None and r.team_id == team_id,
                 lambda r: r.user_id is None and r.team_id is None):
        for r in rows:
            if pick(r):
                return int(r.target)
    return default


def effective_progress(session: Session, user_id: uuid.UUID, now: datetime | None = None,
                       default_plan: int = DEFAULT_DAILY_PLAN,
                       tz: tzinfo | None = None) -> PlanProgress:
    return PlanProgress(effective_calls_today(session, user_id, now, tz),
                        daily_plan(session, user_id, default_plan))


# -- scripts ------------------------------------------------------------------------

def save_script_version(session: Session, script: ScriptDef,
                        user_id: uuid.UUID | None = None) -> Script:
    """Store ``script`` as a new version (code, last version + 1); older versions
    stay (calls keep the version they used) but are no longer active."""
    script.validate(f"script {script.code!r}")
    with _tx(session):
        last = session.scalar(select(func.max(Script.version)).where(Script.code == script.code))
        version = (last or 0) + 1
        old_ids = list(session.scalars(select(Script.id).where(Script.code == script.code,
                                                               Script.is_active.is_(True))))
        session.execute(update(Script).where(Script.id.in_(old_ids))
                        .values(is_active=False, updated_by=user_id, updated_at=utcnow()))
        if old_ids:
            from workstation.store.outbox import record_bulk

            record_bulk(session, "scripts", old_ids)
        row = Script(id=uuid.uuid4(), code=script.code, version=version, name=script.name,
                     topic=script.topic, body=script.to_dict(), is_active=True,
                     created_by=user_id, updated_by=user_id)
        session.add(row)
        session.flush()
        return row


_SCRIPT_CACHE: dict[tuple, ScriptDef] = {}
"""Parsed scripts by (id, version, updated_at, revision): a pop does not re-parse
the JSON graph; any change to the row gives a new key."""


def script_from_row(row: Script) -> ScriptDef:
    key = (row.id, row.version, row.updated_at, row.revision)
    cached = _SCRIPT_CACHE.get(key)
    if cached is None:
        cached = ScriptDef.from_dict(row.body, source=f"script {row.code!r} v{row.version}",
                                     version=row.version)
        if len(_SCRIPT_CACHE) > 256:
            _SCRIPT_CACHE.clear()
        _SCRIPT_CACHE[key] = cached
    return cached


def active_script(session: Session, *, topic: str = "", code: str | None = None,
                  language: str | None = None) -> tuple[uuid.UUID, ScriptDef] | None:
    """The active script for a lead's topic (or by code); falls back to any active one."""
    q = select(Script).where(Script.is_active.is_(True), Script.deleted.is_(False))
    if code:
        row = session.scalar(q.where(Script.code == code).order_by(Script.version.desc()))
        return (row.id, script_from_row(row)) if row else None
    rows = list(session.scalars(q.order_by(Script.code, Script.version.desc())))
    if not rows:
        return None

    def score(r: Script) -> tuple:
        lang = (r.body or {}).get("language", "en")
        return (bool(topic) and r.topic.casefold() == topic.casefold(),
                language is not None and lang == language, lang == "en")

    best = max(rows, key=score)
    return best.id, script_from_row(best)


@dataclass
class PopData:
    """Everything a screen pop shows, read in one session (``pop_data``)."""

    lead: object | None
    """store.leads.LeadData, or None when the lead is gone."""
    choices: object
    """store.leads.CardChoices for the card's combo boxes."""
    history: list[HistoryRow]
    script: tuple[uuid.UUID, ScriptDef] | None


def pop_data(session: Session, lead_id: uuid.UUID | None, *, language: str | None = None,
             history_limit: int = 100) -> PopData:
    """The card, its combo choices, the newest history and the lead's script.

    Indexed reads only (lead by primary key, contacts/phones/e-mails by
    ``lead_id``, history by ``(lead_id, at)`` LIMITed, the small stage/user/script
    tables): the screen pop runs it on the GUI thread in one go so that the
    whole workspace is filled and painted once.
    """
    from workstation.store import leads as L

    data = L.load(session, lead_id) if lead_id is not None else None
    choices = L.card_choices(session)
    rows = history_for_lead(session, lead_id, limit=history_limit) if data is not None else []
    script = active_script(session, topic=data.topic if data is not None else "",
                           language=language)
    return PopData(data, choices, rows, script)


def script_by_id(session: Session, script_id: uuid.UUID) -> ScriptDef | None:
    row = session.get(Script, script_id)
    return script_from_row(row) if row else None
