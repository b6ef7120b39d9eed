"""CallWorkspace: what a manager looks at during a call.

Card fields on top (the lead card widget); below, the call script LEFT and the
history of earlier contacts RIGHT with the wrap-up form under it.

    ws = CallWorkspace(ctx)                          # a services.context.Context
    ws.sig_dial.connect(controller.click_to_call)
    ws.pop_incoming(model.number, call=model)        # a CallModel of the call center
    ws.start_outgoing(lead_id, "+380671234567")     # card before the first ring
    ws.call_ended(outcome="no_answer", talk_seconds=0, call_id=row_id)
    ws.save_wrapup()                                 # card and wrap-up: one transaction

The screen pop's reads (``services.calls.lookup`` and ``pop``, indexed) are the
only data access on the GUI thread; everything else runs through ``views.ops``.
"""

from __future__ import annotations

import logging
import time
import uuid
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QSplitter, QVBoxLayout, QWidget

from workstation.domain import phones
from workstation.services import calls
from workstation.services import leads as L
from workstation.views import ops
from workstation.views.callmodel import CallModel
from workstation.views.leadcard.widget import LeadCardWidget
from workstation.views.workspace.chooser import LeadChooserDialog
from workstation.views.workspace.draft import Draft, WrapUpDraft
from workstation.views.workspace.history import HistoryPane
from workstation.views.workspace.script_pane import ScriptPane
from workstation.views.workspace.wrapup import VerticalScroll, WrapUpForm

log = logging.getLogger(__name__)


class Pop:
    """One pop of the card: the call it is for, and what only the workspace knows.

    ``call`` is the call's one :class:`~workstation.views.callmodel.CallModel`
    (the call center's; a model of its own when the workspace is driven alone or
    a lead is opened with no call). Every other attribute but ``number`` (the
    number shown), ``interest`` and ``seq`` is the model's: reading or setting
    ``pop.lead_id``, ``pop.ended``, ``pop.pop_latency_ms``... reads or sets the call's.
    """

    OWN = ("call", "number", "interest", "seq")

    def __init__(self, call: CallModel, number: str, *, interest: bool = False,
                 seq: int = 0) -> None:
        object.__setattr__(self, "call", call)
        object.__setattr__(self, "number", number)
        object.__setattr__(self, "interest", interest)
        object.__setattr__(self, "seq", seq)
        """The pop's sequence number: completions of an earlier pop are dropped."""

    def __getattr__(self, name: str):
        return getattr(self.call, name)

    def __setattr__(self, name: str, value) -> None:
        if name in Pop.OWN:
            object.__setattr__(self, name, value)
        elif hasattr(self.call, name):
            setattr(self.call, name, value)
        else:
            raise AttributeError(f"neither a Pop nor a CallModel has {name!r}")


class CallWorkspace(QWidget):
    sig_dial = Signal(str)
    """Click-to-call from the card; carries an E.164 number."""
    sig_popped = Signal(object, float)
    """The card, script and history are painted: (call id or None, latency in ms)."""
    sig_choose = Signal(object)
    """Several leads match the caller; carries the chooser dialog (already open)."""
    sig_wrapup_saved = Signal(object)
    """The wrap-up was written; carries services.calls.WrapUpSaved."""
    sig_lead_created = Signal(object)
    """An Interest card became a lead; carries its uuid.UUID."""
    sig_error = Signal(str)
    """Something failed; a message for the user."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("callWorkspace")
        self.ctx = ctx
        self.call: Pop | None = None
        """What the card shows now, for which call (None: nothing yet)."""
        self.chooser: LeadChooserDialog | None = None
        self._filled: Pop | None = None
        """The pop the panes were last filled for (a chooser still open: an earlier one)."""
        self._seq = 0
        self._saving = False
        self.confirm_discard = True
        """Ask before Discard drops what was typed (tests switch it off)."""

        self.card = LeadCardWidget(ctx, self)
        self.script = ScriptPane(self)
        self.history = HistoryPane(self)
        self.wrapup = WrapUpForm(self)
        self.banner = QLabel(self)
        self.banner.setObjectName("workspaceBanner")
        f = self.banner.font()
        f.setBold(True)
        self.banner.setFont(f)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.history)
        right.addWidget(self.wrapup)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.setObjectName("workspaceLower")
        lower.addWidget(self.script)
        lower.addWidget(right)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(VerticalScroll(self.card, self))  # a low (laptop) screen scrolls the card
        outer.addWidget(lower)
        outer.setStretchFactor(0, 2)
        outer.setStretchFactor(1, 3)
        # start at these shares, not at the panes' size hints (a laptop screen is too
        # small for them): script | history+wrap-up half and half, card 2/5 of the height
        lower.setSizes([1000, 1000])
        right.setSizes([1000, 2000])  # the wrap-up's fields before the history's rows
        outer.setSizes([2000, 3000])
        for splitter in (lower, right, outer):
            splitter.setChildrenCollapsible(False)
        self.lower_splitter = lower
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(outer)

        self.card.sig_dial.connect(self.sig_dial)
        self.card.sig_loaded.connect(self._card_loaded)
        self.card.sig_error.connect(self.sig_error)
        self.wrapup.sig_save.connect(self.save_wrapup)
        self.wrapup.sig_discard.connect(self.discard_draft)
        self.script.sig_step_changed.connect(self._script_moved)
        ops.bus().sig_changed.connect(self._on_changed)
        self._warm_up()
        self.reload_choices()

    def _on_changed(self, changes: ops.Changes) -> None:
        """Funnels, stages or reasons changed (here, or pulled by sync): the wrap-up
        offers the new lists at once, the choice being made stays."""
        if changes.touches(ops.CONFIG):
            self.reload_choices()

    def reload_choices(self) -> None:
        ctx, lead_id = self.ctx, self.call.lead_id if self.call is not None else None
        ops.query(self, lambda: L.load(ctx, lead_id)[0] if lead_id else L.load_new(ctx),
                  self.wrapup.set_choices,
                  lambda exc: log.warning("wrap-up lists not read: %s", exc))

    def _warm_up(self) -> None:
        """Compile the pop's and the wrap-up's statements and parse the scripts
        once, in the background, so that the first call does not pay for it.
        The trial wrap-up is rolled back: nothing is written."""
        ctx = self.ctx
        ops.query(self, lambda: calls.warm_up(ctx), self._rehearse,
                  lambda exc: log.warning("workspace warm-up failed: %s", exc))

    def _rehearse(self, pop: calls.PopData | None) -> None:
        """Fill and render every pane once while the Call tab is hidden, then
        blank it again: the first call's pop then finds the widgets created,
        polished and painted once (measured: 70 ms cold, 25 ms after this)."""
        if pop is None or pop.lead is None or self.call is not None or self.isVisible():
            return
        values = {"company": pop.lead.company or "", "contact": "",
                  "manager": self.ctx.user.display_name}
        if pop.script is not None:
            self.script.set_script(pop.script[0], pop.script[1], values)
        self.card.show_loaded(pop.choices, pop.lead)
        self.history.set_rows(pop.history)
        self.grab()
        if self.call is None:  # (grab runs no events; a call cannot have come)
            self.script.set_script(None, None)
            self.history.set_rows([])
            self.card.new_lead("", choices=pop.choices)

    # -- entering a call ---------------------------------------------------------
    def pop_incoming(self, number: str, *, call: CallModel | None = None,
                     call_id: uuid.UUID | None = None, received_at: float | None = None) -> None:
        """An incoming call: find the caller's lead(s) and show the card.

        ``call`` is the call's model (its ``received_at``: ``time.perf_counter()``
        when the INVITE arrived); without one (the workspace alone) a model is
        made of ``call_id`` and ``received_at``. The latency up to the painted
        card is emitted (sig_popped) and saved with the call at wrap-up.
        """
        call = call or self._own_call("in", number, call_id, received_at)
        matches = calls.lookup_quiet(self.ctx, number)  # the one deliberate query on the GUI thread
        e164 = phones.try_normalize(number, self.ctx.region) or phones.strip_uri(number)
        if len(matches) == 1:
            self.show_lead(matches[0].lead_id, direction="in", number=e164, call=call)
        elif not matches:
            self.start_interest(e164, call=call)
        else:
            shown = self.call = self._new_pop(call, e164)
            chooser = self.chooser = LeadChooserDialog(e164, matches, self)
            chooser.accepted.connect(lambda: self._chosen(chooser, shown))
            chooser.rejected.connect(lambda: shown is self.call and self.start_interest(
                e164, call=call))
            chooser.open()
            self.sig_choose.emit(chooser)

    def _chosen(self, chooser: LeadChooserDialog, shown: Pop) -> None:
        lead_id = chooser.chosen()
        if lead_id is None or shown is not self.call:
            return  # a later call took over the workspace
        self.show_lead(lead_id, direction="in", number=shown.number, call=shown.call)

    def start_outgoing(self, lead_id: uuid.UUID, number: str, *, call: CallModel | None = None,
                       call_id: uuid.UUID | None = None) -> None:
        """Click-to-call or next lead: the card is shown before the first ring."""
        call = call or self._own_call("out", number, call_id, None)
        call.received_at = time.perf_counter()
        self.show_lead(lead_id, direction="out", number=number, call=call)

    def shown_lead_id(self) -> uuid.UUID | None:
        """The lead whose card is shown (None: an empty or an Interest card)."""
        return self.card.lead_id()

    def set_call_id(self, call_id: uuid.UUID) -> None:
        """The telephony layer created the Call row for the current call."""
        if self.call is not None:
            self.call.call_id = call_id

    @staticmethod
    def _own_call(direction: str, number: str, call_id, received_at) -> CallModel:
        """A model for a pop the call center did not make (no call, or the workspace alone)."""
        call = CallModel(call_id, direction, number)
        if received_at is not None:
            call.received_at = received_at
        return call

    def _new_pop(self, call: CallModel, number: str, *, interest: bool = False) -> Pop:
        self._seq += 1
        return Pop(call, number, interest=interest, seq=self._seq)

    def show_lead(self, lead_id: uuid.UUID, *, direction: str = "out", number: str = "",
                  call: CallModel | None = None, call_id: uuid.UUID | None = None,
                  received_at: float | None = None) -> None:
        """Fill the card, script and history of ``lead_id`` and paint them once.

        The reads (lead by key, its contacts/phones/e-mails, the newest 100
        history events, the small stage/user/script tables; all indexed) run
        here, on the GUI thread, as part of the one screen-pop lookup: a round
        trip through a worker thread costs more than the reads themselves and
        would let the card, the script and the history paint separately.
        """
        call = call or self._own_call(direction, number, call_id,
                                      received_at or time.perf_counter())
        shown = self.call = self._new_pop(call, number)
        shown.lead_id = lead_id
        try:
            pop = calls.pop(self.ctx, lead_id)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the call goes on
            self.sig_error.emit(str(exc))
            pop = None
        banner = (self.tr("Incoming call %1").replace("%1", phones.display(number))
                  if direction == "in" and number else
                  self.tr("Outgoing call %1").replace("%1", phones.display(number))
                  if number else "")
        self._fill(shown, pop, banner)

    def start_interest(self, number: str, *, call: CallModel | None = None,
                       call_id: uuid.UUID | None = None,
                       received_at: float | None = None) -> None:
        """Unknown number: an "Interest" card pre-filled with date-time, manager, phone
        and event; the wrap-up save turns it into a lead."""
        call = call or self._own_call("in", number, call_id, received_at or time.perf_counter())
        shown = self.call = self._new_pop(call, number, interest=True)
        try:
            pop = calls.pop(self.ctx, None)
        except Exception as exc:  # noqa: BLE001
            self.sig_error.emit(str(exc))
            pop = None
        banner = (self.tr("Interest: incoming call from %1 at %2 — %3")
                  .replace("%1", phones.display(number) if number else self.tr("unknown"))
                  .replace("%2", datetime.now().strftime("%Y-%m-%d %H:%M"))
                  .replace("%3", self.ctx.user.display_name or self.tr("me")))
        self._fill(shown, pop, banner)

    def _fill(self, shown: Pop, pop: calls.PopData | None, banner: str) -> None:
        """Put one pop's data into every pane, then paint once and report."""
        self._filled = shown
        self.wrapup.reset()
        if pop is not None:
            self.wrapup.set_choices(pop.choices)
        self.banner.setText(banner)
        values = {"company": "", "contact": "", "manager": self.ctx.user.display_name}
        if pop is not None and pop.lead is not None:
            values["company"] = pop.lead.company or ""
            values["contact"] = pop.lead.contacts[0].full_name if pop.lead.contacts else ""
        # the script first: the card's sig_loaded then finds the same values
        if pop is None or pop.script is None:
            self.script.set_script(None, None)
        else:
            self.script.set_script(pop.script[0], pop.script[1], values)
        if shown.interest:
            self.card.new_lead(shown.number, choices=pop.choices if pop else None)
            self._interest_defaults()
            self.history.set_rows([])
        elif pop is not None:
            self.card.show_loaded(pop.choices, pop.lead)
            self.history.set_rows(pop.history)
        else:
            self.history.set_rows([])
        self._painted(shown)

    # -- a line left and shown again (two lines) ------------------------------------
    def take_draft(self) -> Draft | None:
        """What the panes hold for the call shown (card edits, the wrap-up's fields,
        the script walk), before they show another call; None when they do not show
        its card (a chooser still open) or nothing is shown."""
        shown = self.call
        if shown is None or self._filled is not shown:
            return None
        edits = self.card.edits()
        script_id, run = self.script.walk()
        base, card, cursor = edits if edits else (None, None, 0)
        return Draft(call_id=shown.call_id, lead_id=shown.lead_id, interest=shown.interest,
                     wrapup=self.wrapup.draft(), card_base=base, card=card,
                     card_notes_cursor=cursor, script_id=script_id, script_run=run)

    def restore_draft(self, draft: Draft) -> bool:
        """Put a draft taken by :meth:`take_draft` back on the card of its own call,
        just shown; False (nothing changed) when the card shown is another call's."""
        shown = self.call
        if shown is None or self._filled is not shown or draft.call_id != shown.call_id \
                or draft.lead_id != shown.lead_id or draft.interest != shown.interest:
            log.warning("draft of call %s not restored on the card of call %s",
                        draft.call_id, shown.call_id if shown is not None else None)
            return False
        if draft.card is not None and draft.card_base is not None:
            self.card.restore_edits(draft.card_base, draft.card, draft.card_notes_cursor)
        self.script.resume(draft.script_id, draft.script_run)
        self.wrapup.restore(draft.wrapup)
        return True

    def discard_draft(self) -> None:
        """Drop what was typed for the call shown (asked first): the card as read,
        the wrap-up blank but for the outcome from signalling, the script from its
        start. The wrap-up itself stays to be saved."""
        shown = self.call
        if shown is None or self._saving or self._filled is not shown:
            return
        if self.confirm_discard and QMessageBox.question(
                self, self.tr("Discard"),
                self.tr("Drop the card's edits and the wrap-up typed for this call?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Discard:
            return
        edits = self.card.edits()
        if edits is not None:
            self.card.set_lead(edits[0])
        script_id, run = self.script.walk()
        if run is not None:
            self.script.set_script(script_id, run.script, run.values)
        left = self.wrapup.draft()
        self.wrapup.restore(WrapUpDraft(  # blank; the wrap-up time counts on
            next_at=QDateTime.currentDateTime().addDays(1).toSecsSinceEpoch(),
            started=left.started, timed=left.timed))
        if shown.interest:
            self._interest_defaults()
        self.wrapup.set_outcome(self.wrapup.outcome)
        self._prefill_reason(shown)

    def _interest_defaults(self) -> None:
        """An Interest card's source and the wrap-up's stage, until the manager changes them."""
        self.card.ui.sourceEdit.setText(self.tr("Incoming call"))
        self.wrapup.set_default_stage(calls.NEW_DEAL_STAGE)

    def _prefill_reason(self, shown: Pop) -> None:
        """A failed outgoing call: "call later", when no reason is chosen yet."""
        outcome = self.wrapup.outcome
        if outcome and outcome != "success" and shown.direction == "out":
            self._select_reason_if_empty("call_later")

    def _card_loaded(self, data: L.LeadData) -> None:
        """The card (re)loaded on its own (after a wrap-up): the script's variables."""
        shown = self.call
        if shown is None or data.id != shown.lead_id:
            return
        self.script.set_values({"company": data.company or "",
                                "contact": data.contacts[0].full_name if data.contacts else "",
                                "manager": self.ctx.user.display_name})

    def _painted(self, shown: Pop) -> None:
        """Lay out and paint what the fill changed now, in one pass, then measure
        at the next turn of the event loop (anything else queued runs first)."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        top = self.window()
        QCoreApplication.sendPostedEvents(top, QEvent.Type.UpdateRequest)
        seq = shown.seq

        def measure():
            if shown.pop_latency_ms is None and shown.seq == seq:
                shown.pop_latency_ms = (time.perf_counter() - shown.received_at) * 1000.0
                if shown is self.call:  # a later pop took over: not this card that shows
                    self.sig_popped.emit(shown.call_id, shown.pop_latency_ms)

        QTimer.singleShot(0, measure)

    def _script_moved(self, _step: str) -> None:
        self.wrapup.apply_hints(self.script.hints())

    # -- the end of the call --------------------------------------------------------
    def call_ended(self, outcome: str | None, *, talk_seconds: float | None = None,
                   call_id: uuid.UUID | None = None, started_at: datetime | None = None,
                   answered_at: datetime | None = None,
                   ended_at: datetime | None = None) -> None:
        """Signalling says the call is over: the wrap-up starts, outcome filled in."""
        shown = self.call
        if shown is None:
            return
        shown.outcome, shown.talk_seconds, shown.ended = outcome, talk_seconds, True
        shown.started_at, shown.answered_at = started_at, answered_at
        shown.ended_at = ended_at or datetime.now(timezone.utc)
        if call_id is not None:
            shown.call_id = call_id
        self.wrapup.set_outcome(outcome)
        self.wrapup.start_timing()
        self._prefill_reason(shown)

    def _select_reason_if_empty(self, code: str) -> None:
        if not self.wrapup.reasonCombo.currentData():
            idx = self.wrapup.reasonCombo.findData(code)
            if idx >= 0:
                self.wrapup.reasonCombo.setCurrentIndex(idx)

    def save_wrapup(self) -> None:
        """Validate the form and write everything in one transaction (background)."""
        shown = self.call
        if shown is None or self._saving:
            return
        problem = self.wrapup.check()
        card_data = self.card.lead_data()
        if not problem and shown.interest and not (card_data.company.strip() or any(
                c.full_name.strip() for c in card_data.contacts)):
            problem = self.tr("Enter the company or the contact's name for the new lead.")
        if problem:
            self.wrapup.show_error(problem)
            return
        self.wrapup.show_error("")
        v = self.wrapup.values()
        w = calls.WrapUp(lead_id=shown.lead_id, user_id=self.ctx.user.id, call_id=shown.call_id,
                      direction=shown.direction, remote_number=shown.number, outcome=shown.outcome,
                      started_at=shown.started_at, answered_at=shown.answered_at,
                      ended_at=shown.ended_at, talk_seconds=shown.talk_seconds,
                      script_id=self.script.script_id, script_path=self.script.path(),
                      pop_latency_ms=shown.pop_latency_ms, **v)
        card_dirty = self.card.is_dirty() and not shown.interest and shown.lead_id is not None
        interest = shown.interest
        self._saving = True
        self.wrapup.saveButton.setEnabled(False)

        def done(result):
            self._saving = False
            lead_id, saved = result
            # Saved: report first; the form reset and the reload are not part of it.
            shown.lead_id, shown.interest, shown.call_id = lead_id, False, saved.call_id
            self.wrapup.saveButton.setEnabled(True)
            if interest:
                self.sig_lead_created.emit(lead_id)
            self.sig_wrapup_saved.emit(saved)
            if shown is self.call:
                self.wrapup.reset()
                self._reload(shown)

        def failed(exc):
            self._saving = False
            self.wrapup.saveButton.setEnabled(True)
            self.wrapup.show_error(self.tr("Not saved: %1").replace("%1", str(exc)))
            self.sig_error.emit(str(exc))

        # the card's edits and the wrap-up: one transaction (services.calls.save_wrapup)
        ops.save_wrapup(self, self.ctx, w, card=card_data if card_dirty or interest else None,
                        new_lead=interest, on_done=done, on_error=failed)

    def _reload(self, shown: Pop) -> None:
        """After a save: the card and history again, read in the background; dropped
        when another call has taken the workspace meanwhile."""
        app_ctx, lead_id = self.ctx, shown.lead_id
        if lead_id is None:
            return

        def done(pop: calls.PopData):
            if shown is not self.call or pop.lead is None:
                return
            self.card.show_loaded(pop.choices, pop.lead)
            self.history.set_rows(pop.history)

        ops.query(self, lambda: calls.pop(app_ctx, lead_id), done,
                  lambda exc: self.sig_error.emit(str(exc)))
