"""Background operations over the services, and the change bus (Anki's
``aqt/operations`` shape).

Typed operations are what views call: one function per service write,

    ops.save_card(self, ctx, data, on_done=self.show_saved, on_error=self.show_error)

runs ``services.leads.save`` on a QThreadPool worker; ``on_done`` / ``on_error``
run on the GUI thread; once it succeeded the bus announces what changed
(:class:`Changes`), and every view showing that subject refreshes itself:

    ops.bus().sig_changed.connect(self._on_changed)   # carries a Changes

``query(parent, fn, ...)`` runs a read (``fn()``, a service call);
``run_op`` is the general form underneath: ``progress(done, total)`` may be
called from the worker at any rate (a queued signal) and ``op.cancel()`` sets
the event the function polls. A store session is opened inside the service,
never shared with the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workstation.services import admin, calls, leads, myday, scripts

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(4)
    return _pool


class Op(QObject):
    sig_done = Signal(object)
    """The function returned; carries its result."""
    sig_error = Signal(object)
    """The function raised; carries the exception."""
    sig_progress = Signal(int, int)
    """(done, total) reported by the function."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.finished = threading.Event()

    orphaned = False
    """The view that asked is gone: cancelled, and its callbacks are not called."""

    def cancel(self) -> None:
        self.cancel_event.set()

    def orphan(self, *_args) -> None:
        self.orphaned = True
        self.cancel_event.set()


class _Releaser(QObject):
    """Drops on the GUI thread what a worker held: the op, the function, its result.

    A worker must never drop the last reference to a Python object that holds a
    QObject made on the GUI thread: the function is often a closure over a widget
    (``lambda: self.view.reload()``), an exception's traceback holds its frames'
    locals. Freed on the worker, the widget's wrapper would destroy its C++
    object there (a timer stopped from another thread, a crash). The worker
    hands its references over in a box; the queued slot empties the box on the
    GUI thread, so whoever frees the box itself frees nothing else.
    """

    sig_release = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.sig_release.connect(self._release)

    @staticmethod
    def _release(box: list) -> None:
        box.clear()


_releaser: _Releaser | None = None


class _Runner(QRunnable):
    def __init__(self, op: Op, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.box: list | None = [op, fn]  # see _Releaser
        self.setAutoDelete(True)

    def run(self) -> None:
        box, self.box = self.box, None

        def progress(done, total):
            box[0].sig_progress.emit(int(done), int(total))

        try:
            box.append(box[1](progress, box[0].cancel_event))
            ok = True
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            log.debug("background op failed", exc_info=True)
            box.append(exc)
            ok = False
        del progress
        box[0].finished.set()
        (box[0].sig_done if ok else box[0].sig_error).emit(box[2])
        _releaser.sig_release.emit(box)


_live: set[Op] = set()


def run_op(parent: QObject | None, fn: Callable[[Callable[[int, int], None], threading.Event], Any],
           on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None,
           on_progress: Callable[[int, int], None] | None = None) -> Op:
    """Run ``fn(progress, cancel_event)`` off the GUI thread (call it on the GUI thread)."""
    global _releaser
    if _releaser is None:
        _releaser = _Releaser()  # made here: it lives on the GUI thread
    # No Qt parent: the view may close while the worker runs, and a worker must
    # never emit on a deleted object. The view's end orphans the op instead: it is
    # cancelled and its callbacks are not called.
    op = Op()
    if parent is not None:
        parent.destroyed.connect(op.orphan)
    _live.add(op)

    def unless_orphaned(callback):
        return lambda value: None if op.orphaned else callback(value)

    if on_done:
        op.sig_done.connect(unless_orphaned(on_done))
    if on_error:
        op.sig_error.connect(unless_orphaned(on_error))
    else:
        op.sig_error.connect(lambda exc: log.error("background operation failed: %s", exc))
    if on_progress:
        op.sig_progress.connect(lambda done, total: None if op.orphaned
                                else on_progress(done, total))
    op.sig_done.connect(lambda _r: _live.discard(op))
    op.sig_error.connect(lambda _e: _live.discard(op))
    pool().start(_Runner(op, fn))
    return op


# -- the change bus --------------------------------------------------------------------

LEADS, CALLS, TASKS, SCRIPTS, USERS = "leads", "calls", "tasks", "scripts", "users"
CONFIG = "config"
REVIEWS = "reviews"
"""Call reviews, their comments, scorecards, missing-recording flags, the access audit."""
"""The subjects a change names (CONFIG: funnels, stages, reasons, sources, plans,
shared settings, teams)."""
PRESENCE = "presence"
"""Managers' states (agent_states: available, on a call, wrap-up, break)."""

SUBJECT_OF_TABLE = {
    "leads": LEADS, "contacts": LEADS, "phones": LEADS, "emails": LEADS, "lead_tags": LEADS,
    "history_events": LEADS, "calls": CALLS, "tasks": TASKS, "scripts": SCRIPTS,
    "users": USERS, "teams": CONFIG, "funnels": CONFIG, "funnel_stages": CONFIG,
    "refusal_reasons": CONFIG, "lead_sources": CONFIG, "kpi_plans": CONFIG,
    "shared_settings": CONFIG, "scorecards": REVIEWS, "scorecard_criteria": REVIEWS,
    "call_reviews": REVIEWS, "review_comments": REVIEWS, "recording_flags": REVIEWS,
    "recording_access": REVIEWS, "agent_states": PRESENCE,
}


def pulled_changes(report) -> Changes | None:
    """What a sync round (a ``sync.worker.SyncReport``) brought in, as the bus says
    it; None when it pulled nothing."""
    tables = {t for c in (report.pulled, report.merged) for t, n in c.items() if n}
    subjects = {SUBJECT_OF_TABLE[t] for t in tables if t in SUBJECT_OF_TABLE}
    return Changes.of(*subjects, source="sync") if subjects else None


@dataclass(frozen=True)
class Changes:
    """What a successful operation changed: subjects, and which leads."""

    subjects: frozenset[str]
    lead_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)
    created: frozenset[uuid.UUID] = field(default_factory=frozenset)
    """Leads that did not exist before (also in ``lead_ids``)."""
    source: object | None = field(default=None, compare=False)
    """The view that asked for the change (it may already show the result)."""

    @classmethod
    def of(cls, *subjects: str, leads: Iterable[uuid.UUID | None] = (),
           created: Iterable[uuid.UUID | None] = (), source: object | None = None) -> Changes:
        new = frozenset(i for i in created if i is not None)
        return cls(frozenset(subjects), frozenset(i for i in leads if i is not None) | new,
                   new, source)

    def touches(self, *subjects: str) -> bool:
        return not self.subjects.isdisjoint(subjects)


class ChangeBus(QObject):
    sig_changed = Signal(object)
    """An operation changed the store; carries :class:`Changes`."""
    sig_open_call = Signal(object)
    """Drill-down: show this call (a ``uuid.UUID``): the calls browser selects it and
    opens its recording for a supervisor; elsewhere its lead card opens."""
    sig_open_lead = Signal(object)
    """Drill-down: open this lead's card (a ``uuid.UUID``)."""
    sig_open_calls = Signal(object)
    """Drill-down: show these calls (a list of ``uuid.UUID``) in the calls browser."""


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    """The one change bus of the application."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


def query(parent: QObject | None, fn: Callable[[], Any], on_done: Callable[[Any], None] | None,
          on_error: Callable[[BaseException], None] | None = None) -> Op:
    """A read off the GUI thread: ``fn()`` (a service call), result to ``on_done``."""
    return run_op(parent, lambda _p, _c: fn(), on_done, on_error)


def change(parent: QObject | None, fn: Callable[[], Any], changes: Callable[[Any], Changes],
           on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None) -> Op:
    """A write off the GUI thread: ``fn()``; on success ``on_done(result)`` first,
    then the bus announces ``changes(result)``."""
    def done(result):
        if on_done is not None:
            on_done(result)
        bus().sig_changed.emit(changes(result))

    return run_op(parent, lambda _p, _c: fn(), done, on_error)


# -- typed operations over the services --------------------------------------------------

def save_card(parent, ctx, data, on_done=None, on_error=None) -> Op:
    """services.leads.save; ``on_done(the lead as saved)``."""
    def changes(fresh):
        lead_id = fresh.id if fresh is not None else data.id
        return Changes.of(LEADS, leads=[lead_id], created=[lead_id] if data.id is None else [],
                          source=parent)

    return change(parent, lambda: leads.save(ctx, data), changes, on_done, on_error)


def save_wrapup(parent, ctx, w, *, card=None, new_lead: bool = False,
                on_done=None, on_error=None) -> Op:
    """services.calls.save_wrapup (card and wrap-up in one transaction);
    ``on_done((lead id, WrapUpSaved))``."""
    return change(parent, lambda: calls.save_wrapup(ctx, w, card=card, new_lead=new_lead),
                  lambda r: Changes.of(LEADS, CALLS, TASKS, leads=[r[0]],
                                       created=[r[0]] if new_lead else [], source=parent),
                  on_done, on_error)


def log_call(parent, ctx, call_id, values: dict, on_done=None, on_error=None) -> Op:
    """services.calls.log_call: the call row gets what signalling knows."""
    return change(parent, lambda: calls.log_call(ctx, call_id, values),
                  lambda _r: Changes.of(CALLS, leads=[values.get("lead_id")], source=parent),
                  on_done, on_error)


def snooze(parent, ctx, task_id, minutes: int, now, on_done=None, on_error=None) -> Op:
    return change(parent, lambda: myday.snooze(ctx, task_id, minutes, now),
                  lambda _r: Changes.of(TASKS, source=parent), on_done, on_error)


def dismiss(parent, ctx, task_id, on_done=None, on_error=None) -> Op:
    return change(parent, lambda: myday.dismiss(ctx, task_id),
                  lambda _r: Changes.of(TASKS, source=parent), on_done, on_error)


def save_script(parent, ctx, doc: dict, on_done=None, on_error=None) -> Op:
    """services.scripts.save_version; ``on_done(scripts.Saved)``."""
    return change(parent, lambda: scripts.save_version(ctx, doc),
                  lambda _r: Changes.of(SCRIPTS, source=parent), on_done, on_error)


def hand_over(parent, ctx, lead_id, *, to_user_id=None, to_team_id=None, note="", reason="",
              on_done=None, on_error=None) -> Op:
    """services.leads.hand_over (the note and reason land in the lead's history)."""
    return change(parent, lambda: leads.hand_over(ctx, lead_id, to_user_id=to_user_id,
                                                  to_team_id=to_team_id, note=note,
                                                  reason=reason),
                  lambda _r: Changes.of(LEADS, TASKS, leads=[lead_id], source=parent),
                  on_done, on_error)


def reassign(parent, ctx, lead_ids, *, owners=(), team_id=None, note="", on_done=None,
             on_error=None) -> Op:
    """services.leads.reassign: a selection to managers (in turn) or a team's pool."""
    return change(parent, lambda: leads.reassign(ctx, list(lead_ids), owners=list(owners),
                                                 team_id=team_id, note=note),
                  lambda _r: Changes.of(LEADS, TASKS, leads=lead_ids, source=parent),
                  on_done, on_error)


def administer(parent, ctx, name: str, *args, on_done=None, on_error=None, **kw) -> Op:
    """A write of services.admin (``name``: ``add_team``, ``set_stage``...); the bus
    says USERS for users and teams, CONFIG for the rest."""
    fn = getattr(admin, name)
    subject = USERS if name.endswith(("user", "team")) else CONFIG
    return change(parent, lambda: fn(ctx, *args, **kw),
                  lambda _r: Changes.of(subject, CONFIG, source=parent), on_done, on_error)
