"""The wrap-up save: call record, history events and the lead's changes in ONE
transaction.

It runs after every call of every manager, so it is written with Core
statements (a dozen indexed reads and writes, ~2 ms) rather than through the
ORM's unit of work (~8 ms for the same rows): the outbox entries that the ORM
hook would add are written here, in the same transaction
(:func:`workstation.store.outbox.record_bulk`). Objects of the session that
these statements change are expired at the end, so an ORM caller reads the
saved values.

Tests may install ``_between_steps`` (called with "call", "event", "lead"
between the steps, inside the transaction) to raise or to kill the process
there: nothing may be half-written.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from workstation.domain import attempts as attempts_rule
from workstation.domain import phones
from workstation.domain.enums import (
    CallDirection,
    CallOutcome,
    CallResult,
    HistoryKind,
    LeadType,
    TaskStatus,
)
from workstation.domain.funnel import DEFAULT_FUNNEL_CODE, REFUSED_STAGE
from workstation.domain.kpi import EffectiveRule
from workstation.domain.scripts import TOOLS, step_times
from workstation.store.common import NEW_DEAL_STAGE, WorkspaceError, aware, in_transaction
from workstation.store.models import (
    Call,
    Funnel,
    FunnelStage,
    HistoryEvent,
    Lead,
    Task,
)
from workstation.store.outbox import record_changes
from workstation.store.types import utcnow

_between_steps: Callable[[str], None] | None = None
"""A test hook, called with a step name between the steps of a save."""

C, L, H, T = Call.__table__, Lead.__table__, HistoryEvent.__table__, Task.__table__
FS = FunnelStage.__table__


@dataclass
class TaskSpec:
    """An extra task from the wrap-up (send the offer, prepare the invoice...)."""

    title: str
    due_at: datetime
    kind: str = "task"
    remind: bool = True
    remind_before_minutes: int = 0


@dataclass
class WrapUp:
    """What the wrap-up form saves. Signalling facts are used only when the
    telephony layer has not created the Call row (``call_id`` unknown)."""

    lead_id: uuid.UUID | None
    user_id: uuid.UUID | None
    call_id: uuid.UUID | None = None
    direction: str = CallDirection.OUTBOUND
    remote_number: str = ""
    outcome: str | None = None
    started_at: datetime | None = None
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    talk_seconds: float | None = None
    contact_id: uuid.UUID | None = None
    result: str | None = None
    reason: str = ""
    lead_type: str | None = None
    stage: str | None = None
    notes: str = ""
    tools: list[str] = field(default_factory=list)
    next_contact_at: datetime | None = None
    remind: bool = True
    remind_before_minutes: int = 0
    new_deal: bool = False
    tasks: list[TaskSpec] = field(default_factory=list)
    lead_notes: str | None = None
    """The card's "content" field, when the manager edited it."""
    script_id: uuid.UUID | None = None
    script_path: list | None = None
    wrapup_seconds: float | None = None
    pop_latency_ms: float | None = None
    """INVITE received -> card painted, measured by the workspace."""
    invoice_amount: float | None = None
    """The sum of the invoice issued (tool "invoice"), for the statistics."""
    consent_refused: bool = False
    """The client refused the recording (services.calls marks the call so)."""

    def problems(self) -> list[str]:
        out = []
        if self.result is not None:
            try:
                res = CallResult(self.result)
            except ValueError:
                out.append(f"result: {self.result!r} is not one of "
                           f"{', '.join(r.value for r in CallResult)}")
            else:
                if res.needs_reason and not self.reason.strip():
                    out.append(f"reason: a reason is required for the result {res.value}")
                if self.new_deal and res is not CallResult.POSITIVE:
                    out.append("new_deal: only a Positive result opens a new deal")
        elif self.new_deal:
            out.append("new_deal: only a Positive result opens a new deal")
        if self.lead_type is not None and self.lead_type not in {t.value for t in LeadType}:
            out.append(f"lead_type: {self.lead_type!r} is not a lead type")
        if self.direction not in {d.value for d in CallDirection}:
            out.append(f"direction: {self.direction!r} must be 'in' or 'out'")
        if self.outcome is not None and self.outcome not in {o.value for o in CallOutcome}:
            out.append(f"outcome: {self.outcome!r} is not a call outcome")
        for t in self.tools:
            if t not in TOOLS:
                out.append(f"tools: {t!r} is not one of {', '.join(TOOLS)}")
        if self.invoice_amount is not None and (self.invoice_amount < 0
                                                or "invoice" not in self.tools):
            out.append("invoice_amount: a sum >= 0 goes with the tool 'invoice'")
        for name in ("started_at", "answered_at", "ended_at", "next_contact_at"):
            v = getattr(self, name)
            if v is not None and v.tzinfo is None:
                out.append(f"{name}: a time with a time zone is required")
        for n, t in enumerate(self.tasks, 1):
            if not t.title.strip():
                out.append(f"tasks #{n}: title is empty")
            if t.due_at.tzinfo is None:
                out.append(f"tasks #{n}: due_at needs a time zone")
        if self.lead_id is None and (self.stage or self.lead_type or self.next_contact_at
                                     or self.new_deal):
            out.append("lead_id: a call without a lead cannot change a lead; "
                       "create the lead first (create_lead_from_interest)")
        return out


@dataclass(frozen=True)
class WrapUpSaved:
    call_id: uuid.UUID
    event_id: uuid.UUID | None
    effective: bool
    refused_by_attempts: bool = False
    restored_stage: str | None = None
    next_attempt_at: datetime | None = None
    task_ids: tuple[uuid.UUID, ...] = ()


class _Stages:
    """Funnel stages, read one by one when the save needs them (most saves
    need one: is the lead Refused?)."""

    def __init__(self, session: Session) -> None:
        self.conn = session.connection()
        self._by_id: dict = {}
        self._default: uuid.UUID | None = None

    def _row(self, stage_id):
        if stage_id is None:
            return None
        if stage_id not in self._by_id:
            self._by_id[stage_id] = self.conn.execute(_STAGE, {"id": stage_id}).first()
        return self._by_id[stage_id]

    def code(self, stage_id) -> str | None:
        r = self._row(stage_id)
        return r.code if r is not None else None

    def position(self, stage_id) -> int:
        r = self._row(stage_id)
        return (r.position or 0) if r is not None else 0

    def find(self, funnel_id, code: str):
        if funnel_id is None:
            if self._default is None:
                self._default = self.conn.scalar(
                    select(Funnel.id).where(Funnel.code == DEFAULT_FUNNEL_CODE))
            funnel_id = self._default
        r = self.conn.execute(_STAGE_BY_CODE, {"funnel_id": funnel_id, "code": code}).first()
        if r is None:
            raise WorkspaceError(f"stage: no stage {code!r} in the lead's funnel")
        self._by_id[r.id] = r
        return r


class _Save:
    """The writes of one save, on the session's connection (plain Core: no ORM
    bulk path, statements compiled once); outbox entries written at the end."""

    def __init__(self, session: Session, user_id) -> None:
        self.s, self.user_id = session, user_id
        self.conn = session.connection()
        self.changed: dict[str, list[uuid.UUID]] = defaultdict(list)

    def step(self, name: str) -> None:
        if _between_steps is not None:
            _between_steps(name)

    def insert(self, table, values: dict) -> uuid.UUID:
        values.setdefault("id", uuid.uuid4())
        values.setdefault("created_by", self.user_id)
        values.setdefault("updated_by", self.user_id)
        self.conn.execute(_INSERT[table.name], values)
        self.changed[table.name].append(values["id"])
        return values["id"]

    def update(self, table, row_id, values: dict) -> None:
        if values:
            self.conn.execute(_UPDATE[table.name], {"row_id": row_id, **values})
            self.changed[table.name].append(row_id)

    def close_tasks(self, lead_id, kinds: tuple[str, ...], status: str, done_at) -> None:
        ids = [r[0] for r in self.conn.execute(_OPEN_TASKS, {"lead_id": lead_id})
               if r[1] in kinds]
        values = {"status": status, "updated_by": self.user_id}
        if done_at is not None:
            values["done_at"] = done_at
        for task_id in ids:
            self.update(T, task_id, values)

    def event(self, lead_id, kind: str, at: datetime, *, call_id=None, text: str = "",
              field_name: str = "", old=None, new=None, data: dict | None = None) -> uuid.UUID:
        return self.insert(H, dict(lead_id=lead_id, kind=str(kind), user_id=self.user_id,
                                   at=at, call_id=call_id, text=text, field=field_name,
                                   old_value=old, new_value=new, data=data))

    def task(self, lead: dict, kind: str, title: str, due: datetime, *, remind: bool,
             before: int = 0) -> uuid.UUID:
        return self.insert(T, dict(lead_id=lead["id"], owner_id=self.user_id or lead["owner_id"],
                                   kind=kind, title=title, due_at=due, remind=remind,
                                   remind_at=(due - timedelta(minutes=before)) if remind
                                   else None, status=TaskStatus.OPEN))

    def finish(self) -> None:
        """The outbox entries of every row written, then the session's stale objects."""
        record_changes(self.conn, self.changed)
        self.changed.clear()
        self.s.expire_all()


_INSERT = {t.name: insert(t) for t in (C, H, T)}
_UPDATE = {t.name: update(t).where(t.c.id == bindparam("row_id")) for t in (C, L, T)}
_OPEN_TASKS = select(T.c.id, T.c.kind).where(
    T.c.lead_id == bindparam("lead_id"), T.c.status == TaskStatus.OPEN.value,
    T.c.deleted.is_(False))
_STAGE_COLUMNS = (FS.c.id, FS.c.funnel_id, FS.c.code, FS.c.position)
_STAGE = select(*_STAGE_COLUMNS).where(FS.c.id == bindparam("id"))
_STAGE_BY_CODE = select(*_STAGE_COLUMNS).where(
    FS.c.funnel_id == bindparam("funnel_id"), FS.c.code == bindparam("code"))
_CALL = select(C).where(C.c.id == bindparam("id"))
_LEAD = select(L).where(L.c.id == bindparam("id"))


def save_wrapup(session: Session, w: WrapUp, *, now: datetime | None = None,
                policy: attempts_rule.AttemptPolicy | None = None,
                rule: EffectiveRule | None = None, tz: tzinfo | None = None) -> WrapUpSaved:
    """Write the call record, its history event and the lead's changes in ONE transaction.

    The Call row the telephony layer created (``w.call_id``) is updated with the
    wrap-up; without one a row is inserted. Outbound calls that did not reach
    the client go through the attempts rule (maybe Refused, else a proposed
    next attempt); a Refused lead that called in is restored; Positive with
    "new deal" moves the lead at least to the deal stage ("Interest found").
    """
    problems = w.problems()
    if problems:
        raise WorkspaceError("; ".join(problems))
    now = aware(now, "now") or utcnow()
    rule = rule or EffectiveRule()
    policy = policy or attempts_rule.AttemptPolicy()
    with in_transaction(session):
        session.flush()  # ORM rows of this transaction (an Interest lead) go first
        return _save(session, w, now, rule, policy, tz)


def _save(session: Session, w: WrapUp, now: datetime, rule: EffectiveRule,
          policy: attempts_rule.AttemptPolicy, tz: tzinfo | None) -> WrapUpSaved:
    out = _Save(session, w.user_id)

    # 1. the call record
    row = (out.conn.execute(_CALL, {"id": w.call_id}).mappings().first()
           if w.call_id else None)
    if row is None:
        call = dict(id=w.call_id or uuid.uuid4(), direction=w.direction,
                    remote_number=w.remote_number,
                    remote_e164=phones.try_normalize(w.remote_number) or ""
                    if w.remote_number else "",
                    started_at=w.started_at or now, answered_at=w.answered_at,
                    ended_at=w.ended_at or now, outcome=w.outcome,
                    talk_seconds=w.talk_seconds, lead_id=None, contact_id=None,
                    user_id=None, script_id=None, pop_latency_ms=None)
    else:
        call = dict(row)
        if call["outcome"] is None and w.outcome is not None:
            call["outcome"] = w.outcome
        if call["talk_seconds"] is None and w.talk_seconds is not None:
            call["talk_seconds"] = w.talk_seconds
        if call["ended_at"] is None:
            call["ended_at"] = w.ended_at or now
    changes = {k: call[k] for k in ("outcome", "talk_seconds", "ended_at")}
    if w.lead_id is not None:
        changes["lead_id"] = w.lead_id
    if w.contact_id is not None:
        changes["contact_id"] = w.contact_id
    if call["user_id"] is None:
        changes["user_id"] = w.user_id
    effective = rule.is_effective(call["outcome"], call["talk_seconds"], w.result, w.tools)
    changes.update(result=w.result,
                   refusal_reason=w.reason if w.result != CallResult.POSITIVE else "",
                   tools=list(w.tools) or None, notes=w.notes,
                   script_id=w.script_id or call["script_id"],
                   wrapup_seconds=w.wrapup_seconds, effective=effective,
                   updated_by=w.user_id)
    if w.script_path is not None:
        changes["script_path"] = list(w.script_path)
        changes["script_times"] = step_times(w.script_path,
                                             call.get("answered_at") or w.answered_at)
    if w.pop_latency_ms is not None:
        changes["pop_latency_ms"] = w.pop_latency_ms
    changes["invoice_amount"] = w.invoice_amount if "invoice" in w.tools else None
    call.update(changes)
    call_id = call["id"]
    if row is None:
        out.insert(C, {k: v for k, v in call.items() if v is not None or k in changes})
    else:
        out.update(C, call_id, changes)
    out.step("call")
    if w.lead_id is None:
        out.finish()
        return WrapUpSaved(call_id, None, effective)

    lead = out.conn.execute(_LEAD, {"id": w.lead_id}).mappings().first()
    if lead is None or lead["deleted"]:
        raise WorkspaceError(f"lead_id: no lead {w.lead_id}")
    lead = dict(lead)
    before = dict(lead)
    stages = _Stages(session)
    at = call["ended_at"] or now
    direction, outcome = call["direction"], call["outcome"]

    # 2. the history event of the call
    ev_id = out.event(lead["id"], HistoryKind.CALL, at, call_id=call_id, text=w.notes,
                      data={k: v for k, v in {
                          "direction": direction, "outcome": outcome,
                          "result": w.result, "reason": w.reason or None,
                          "talk_seconds": call["talk_seconds"],
                          "tools": list(w.tools) or None,
                          "new_deal": w.new_deal or None}.items() if v is not None})
    out.step("event")

    def set_stage(code: str, reason: str = "", data: dict | None = None) -> bool:
        st = stages.find(lead["funnel_id"], code)
        if lead["stage_id"] == st.id:
            return False
        old = stages.code(lead["stage_id"])
        if lead["funnel_id"] is None:
            lead["funnel_id"] = st.funnel_id
        lead["stage_id"] = st.id
        payload = dict(data or {})
        if reason:
            payload["reason"] = reason
        out.event(lead["id"], HistoryKind.STAGE_CHANGE, at, call_id=call_id,
                  field_name="stage", old=old, new=code, data=payload or None)
        if code == REFUSED_STAGE and old and old != REFUSED_STAGE:
            lead["extra"] = {**(lead["extra"] or {}), "stage_before_refused": old}
        return True

    # 3. the lead's changes
    restored = None
    refused = False
    next_attempt = None
    task_ids: list[uuid.UUID] = []
    reached = outcome == CallOutcome.SUCCESS or direction == CallDirection.INBOUND
    if direction == CallDirection.OUTBOUND:
        lead["last_attempt_at"] = call["started_at"]
    if reached:
        lead["attempts"] = 0
        lead["last_contact_at"] = at
        if direction == CallDirection.INBOUND and stages.code(lead["stage_id"]) == REFUSED_STAGE \
                and w.stage in (None, REFUSED_STAGE):
            restored = attempts_rule.restore_stage(
                (lead["extra"] or {}).get("stage_before_refused"))
            set_stage(restored, reason="called_in")
    if w.lead_type is not None and w.lead_type != lead["lead_type"]:
        out.event(lead["id"], HistoryKind.TYPE_CHANGE, at, call_id=call_id,
                  field_name="lead_type", old=lead["lead_type"], new=w.lead_type)
        lead["lead_type"] = w.lead_type
    if w.stage is not None:
        set_stage(w.stage)
    if w.new_deal:
        target = stages.find(lead["funnel_id"], NEW_DEAL_STAGE)
        if stages.position(lead["stage_id"]) < (target.position or 0):
            set_stage(NEW_DEAL_STAGE, data={"new_deal": True})
    if w.lead_notes is not None and w.lead_notes != lead["notes"]:
        lead["notes"] = w.lead_notes
    if reached:  # callbacks that were due are done: the call happened
        out.close_tasks(lead["id"], ("callback", "attempt"), TaskStatus.DONE, at)
    if attempts_rule.is_failed_attempt(direction, outcome):
        lead["attempts"] = (lead["attempts"] or 0) + 1
        out.close_tasks(lead["id"], ("attempt",), TaskStatus.DONE, at)
        verdict = attempts_rule.evaluate(_failed_attempts(session, lead, call), now, policy, tz)
        if verdict.refuse and stages.code(lead["stage_id"]) != REFUSED_STAGE:
            refused = True
            set_stage(REFUSED_STAGE, reason=attempts_rule.REFUSAL_REASON,
                      data={"attempts": verdict.counted})
            lead["next_contact_at"] = None
            lead["remind"] = False
        elif not verdict.refuse and w.next_contact_at is None:
            next_attempt = verdict.next_at
            lead["next_contact_at"] = next_attempt
            task_ids.append(out.task(lead, "attempt", "Next attempt", next_attempt,
                                     remind=False))
    if w.next_contact_at is not None:
        lead["next_contact_at"] = w.next_contact_at
        lead["remind"] = w.remind
        out.close_tasks(lead["id"], ("callback",), TaskStatus.CANCELLED, None)
        task_ids.append(out.task(lead, "callback", "Call back", w.next_contact_at,
                                 remind=w.remind, before=w.remind_before_minutes))
    for spec in w.tasks:
        task_ids.append(out.task(lead, spec.kind, spec.title, spec.due_at,
                                 remind=spec.remind, before=spec.remind_before_minutes))
    lead["updated_by"] = w.user_id
    out.update(L, lead["id"], {k: v for k, v in lead.items() if v != before[k]})
    out.step("lead")
    out.finish()
    return WrapUpSaved(call_id, ev_id, effective, refused, restored, next_attempt,
                       tuple(task_ids))


def _failed_attempts(session: Session, lead: dict, call: dict) -> list[datetime]:
    """Start times of failed outbound calls since the last contact, this one included."""
    q = (select(C.c.started_at).where(
        C.c.lead_id == lead["id"], C.c.id != call["id"],
        C.c.direction == CallDirection.OUTBOUND, C.c.outcome.is_not(None),
        C.c.outcome != CallOutcome.SUCCESS, C.c.deleted.is_(False)))
    if lead["last_contact_at"] is not None:
        q = q.where(C.c.started_at > lead["last_contact_at"])
    return [*session.connection().scalars(q), call["started_at"]]


def log_call(session: Session, call_id: uuid.UUID, values: dict, user_id) -> None:
    """Write what signalling knows about a call to its row (inserted when new),
    with its outbox entry, in the session's transaction. A ``lead_id`` of None
    never clears a lead the wrap-up has set."""
    conn = session.connection()
    values = {k: v for k, v in values.items() if not (k == "lead_id" and v is None)}
    values["updated_by"] = user_id
    if conn.execute(_UPDATE[C.name], {"row_id": call_id, **values}).rowcount == 0:
        conn.execute(_INSERT[C.name], {"direction": "in", **values, "id": call_id,
                                       "created_by": user_id,
                                       "started_at": values.get("started_at") or utcnow()})
    record_changes(conn, {C.name: [call_id]})
