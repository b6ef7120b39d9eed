"""A line's unsaved work in the workspace: its card edits, its wrap-up, its script walk.

    draft = workspace.take_draft()      # the card is about to show another line's call
    model.update(draft=draft)           # the call keeps it (views/callcenter/controller.py)
    ...
    workspace.restore_draft(model.draft)  # its line is active again: exactly as typed

The workspace has one card, one wrap-up form and one script pane; with two lines
they show the active line's call. A :class:`Draft` is what they held for one call
when its line was left, kept on that call's
:class:`~workstation.views.callmodel.CallModel` (``draft``) until the line is
shown again; it is dropped when the call's wrap-up is saved or discarded. It
belongs to one call (``call_id``, ``lead_id``): the workspace refuses to put it
on another call's card.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from workstation.domain.scripts import ScriptRun
from workstation.services import leads as L


@dataclass
class WrapUpDraft:
    """Every field of the wrap-up form as the manager left it."""

    result: str | None = None
    reason: str = ""
    lead_type: str | None = None
    stage: str | None = None
    notes: str = ""
    notes_cursor: int = 0
    """Where the text cursor was in the notes (typing goes on there)."""
    tools: list[str] = field(default_factory=list)
    invoice_sum: float = 0.0
    next_on: bool = False
    next_at: int = 0
    """The next-contact editor's value, seconds since the epoch (kept when unticked)."""
    remind: bool = True
    remind_before: int = 5
    new_deal: bool = False
    consent_refused: bool = False
    started: float = 0.0
    """time.monotonic() the wrap-up time counts from."""
    timed: bool = False
    """The call had ended: ``started`` is the end of the call (not counted again)."""


@dataclass
class Draft:
    """One call's unsaved work, taken from the workspace when its line was left."""

    call_id: uuid.UUID | None
    lead_id: uuid.UUID | None
    interest: bool
    """The card was an "Interest" card (an unknown caller, a lead to be created)."""
    wrapup: WrapUpDraft
    card_base: L.LeadData | None = None
    """The lead as read when the card was shown (None: the card was not edited)."""
    card: L.LeadData | None = None
    """The card's contents with the manager's edits (None: not edited)."""
    card_notes_cursor: int = 0
    script_id: uuid.UUID | None = None
    script_run: ScriptRun | None = None
    """The script walk (its step, path, return stack, info-occasion count)."""

    @property
    def typed(self) -> bool:
        """Something was typed or chosen (not just a blank card and form)."""
        w = self.wrapup
        return (self.card is not None or w.next_on or w.new_deal or w.consent_refused
                or bool(w.result or w.reason or w.lead_type or w.stage or w.notes.strip()
                        or w.tools or w.invoice_sum)
                or (self.script_run is not None and len(self.script_run.path) > 1))
