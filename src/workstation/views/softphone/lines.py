"""The softphone's two lines: one row per line, and what joins them.

``LinesPanel(calls, parent)`` shows every live call of ``calls`` (a
:class:`~workstation.views.callmodel.Calls`) on its line with its state, its
timer and its buttons: a waiting call (a second call while on a call) with its
card preview (who is calling, from the screen-pop lookup) and Answer (the call
in progress goes on hold), Reject, Busy (486) and Voicemail; an answered call
with Hold/Resume and Hang up. Below them, the actions on both lines: Swap,
Complete transfer, Return (of an attended transfer: the softphone's Consult
button dials on the other line), Conference. It only reads the models and acts through ``Calls``.

Shortcuts (Qt.ApplicationShortcut): swap Ctrl+Shift+S, busy Ctrl+Shift+B,
voicemail Ctrl+Shift+V, conference Ctrl+Shift+K, consult / complete the
transfer Ctrl+Shift+T, return to the first call Ctrl+Shift+R.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QInputDialog, QLabel, QToolButton,
                               QVBoxLayout, QWidget)

from workstation.domain import phones
from workstation.telephony.engine import TelephonyError
from workstation.views.callmodel import MAX_LINES, CallModel, Calls
from workstation.views.statusbar import ElidingLabel

LINE_SHORTCUTS = {"swap": "Ctrl+Shift+S", "busy": "Ctrl+Shift+B", "voicemail": "Ctrl+Shift+V",
                  "conference": "Ctrl+Shift+K", "consult": "Ctrl+Shift+T",
                  "return": "Ctrl+Shift+R"}


def _tool_button(parent: QWidget, layout, name: str, slot) -> QToolButton:
    """A flat button named ``name`` in ``layout`` whose click runs ``slot()``."""
    b = QToolButton(parent)
    b.setObjectName(name)
    b.setAutoRaise(True)
    b.clicked.connect(lambda _=False: slot())
    layout.addWidget(b)
    return b


def _clock(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60}:{s % 60:02d}"


class LineRow(QWidget):
    """One line: its number, who, state and timer, and its own buttons."""

    def __init__(self, panel: LinesPanel, line: int) -> None:
        super().__init__(panel)
        self.panel, self.line = panel, line
        self.setObjectName(f"line{line}")
        self.model: CallModel | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(2, 0, 2, 0)
        lay.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("lineTitle")
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        lay.addWidget(self.title)
        self.who = ElidingLabel(self)
        self.who.setObjectName("lineWho")
        self.who.setMinimumWidth(120)
        lay.addWidget(self.who, 1)
        self.state = QLabel(self)
        self.state.setObjectName("lineState")
        lay.addWidget(self.state)

        def button(name: str, slot) -> QToolButton:
            return _tool_button(self, lay, name, lambda: self._act(slot))

        calls = panel.calls
        self.answer_button = button("lineAnswer", lambda m: calls.answer(m))
        self.reject_button = button("lineReject", lambda m: calls.reject(m))
        self.busy_button = button("lineBusy", lambda m: calls.busy(m))
        self.voicemail_button = button("lineVoicemail", lambda m: calls.to_voicemail(m))
        self.hold_button = button("lineHold", self._toggle_hold)
        self.hold_button.setCheckable(True)
        self.hangup_button = button("lineHangup", lambda m: calls.hangup(m))

    def _toggle_hold(self, model: CallModel) -> None:
        calls = self.panel.calls
        if model.held or model is not calls.active:
            calls.resume(model)
        else:
            calls.hold(model)

    def _act(self, fn) -> None:
        if self.model is None:
            return
        try:
            fn(self.model)
        except TelephonyError as exc:
            self.panel.sig_error.emit(str(exc))
        self.panel.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Line %1").replace("%1", str(self.line)))
        vm = self.panel.calls.voicemail_target()
        for b, text, tip in (
                (self.answer_button, self.tr("Answer"),
                 self.tr("Answer; the call in progress goes on hold")),
                (self.reject_button, self.tr("Reject"), self.tr("Decline the call (603)")),
                (self.busy_button, self.tr("Busy"),
                 self.tr("Send busy (486 Busy Here) (%1)").replace("%1", LINE_SHORTCUTS["busy"])),
                (self.voicemail_button, self.tr("Voicemail"),
                 self.tr("Send the call to voicemail (%1) (%2)").replace("%1", vm).replace(
                     "%2", LINE_SHORTCUTS["voicemail"]) if vm else
                 self.tr("No voicemail is set up (Settings → SIP: voicemail)")),
                (self.hold_button, self.tr("Hold"), self.tr("Put this line on hold / talk on it")),
                (self.hangup_button, self.tr("Hang up"), self.tr("Hang up this line"))):
            b.setText(text)
            b.setToolTip(tip)

    def render(self) -> None:
        m = self.model
        self.setVisible(m is not None)
        if m is None:
            return
        number = phones.display(phones.try_normalize(m.number) or m.number) if m.number else ""
        who = " — ".join(x for x in (m.preview, number) if x) or self.tr("unknown")
        self.who.setText(who)
        self.who.setToolTip(who)
        ringing = m.direction == "in" and m.answered_clock is None
        talking = m.answered_clock is not None
        if ringing:
            state = self.tr("waiting call, ringing") if m.waiting else self.tr("ringing")
        elif not talking:
            state = self.tr("calling…")
        else:
            clock = _clock(time.monotonic() - m.answered_clock)
            if m.conference:
                state = self.tr("conference %1").replace("%1", clock)
            elif m.held:
                state = self.tr("on hold %1").replace("%1", clock)
            elif m.transferring:
                state = self.tr("transferring…")
            else:
                state = self.tr("talking %1").replace("%1", clock)
        if m.consult_of is not None:
            state += " · " + self.tr("consultation")
        if m.draft is not None and m.draft.typed:  # its card and wrap-up wait as typed
            state += " · " + self.tr("unsaved edits")
        self.state.setText(state)
        self.setProperty("active", m is self.panel.calls.active)
        for b in (self.answer_button, self.reject_button, self.busy_button,
                  self.voicemail_button):
            b.setVisible(ringing)
        self.voicemail_button.setEnabled(bool(self.panel.calls.voicemail_target()))
        self.hold_button.setVisible(talking and not m.conference)
        self.hold_button.setChecked(m.held)
        self.hold_button.setText(self.tr("Resume") if m.held else self.tr("Hold"))
        self.hangup_button.setVisible(not ringing or m.direction == "out")
        style = "font-weight: bold" if m is self.panel.calls.active and not m.held else ""
        self.who.setStyleSheet(style)


class LinesPanel(QFrame):
    """Both lines of the softphone; shown while two calls are live."""

    sig_error = Signal(str)
    """A line action could not be done: the user-readable reason."""

    def __init__(self, calls: Calls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lines")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calls = calls
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        outer.setSpacing(1)
        self.rows = [LineRow(self, n) for n in range(1, MAX_LINES + 1)]
        for row in self.rows:
            outer.addWidget(row)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        outer.addLayout(bar)

        def button(name: str, slot) -> QToolButton:
            return _tool_button(self, bar, name, lambda: self._act(slot))

        self.swap_button = button("swap", self.swap)
        self.complete_button = button("completeTransfer", lambda: calls.complete_transfer())
        self.return_button = button("returnToFirst", lambda: calls.return_to_first())
        self.conference_button = button("conference", lambda: calls.conference())
        bar.addStretch(1)

        self.shortcuts: dict[str, QShortcut] = {}
        for name, slot in (("swap", self.swap), ("busy", self.busy_waiting),
                           ("voicemail", self.voicemail_waiting),
                           ("conference", lambda: calls.conference()),
                           ("consult", self.consult_or_complete),
                           ("return", lambda: calls.return_to_first())):
            sc = QShortcut(QKeySequence(LINE_SHORTCUTS[name]), self)
            sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
            sc.activated.connect(lambda s=slot: self._act(s))
            self.shortcuts[name] = sc

        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.refresh)
        self._watched: set[int] = set()
        calls.sig_added.connect(self._on_added)
        calls.sig_ended.connect(lambda _m: self.refresh())
        calls.sig_active.connect(lambda _m: self.refresh())
        self.retranslate()
        self.refresh()

    def _on_added(self, model: CallModel) -> None:
        if id(model) not in self._watched:
            self._watched.add(id(model))
            model.sig_changed.connect(self.refresh)
            model.destroyed.connect(lambda _o=None, k=id(model): self._watched.discard(k))
        self.refresh()

    def _act(self, fn) -> None:
        try:
            fn()
        except TelephonyError as exc:
            self.sig_error.emit(str(exc))
        self.refresh()

    # ---- actions ------------------------------------------------------------------------
    def waiting(self) -> CallModel | None:
        """The waiting call ringing, if any."""
        return next((c for c in self.calls.live() if c.waiting and c.answered_clock is None),
                    None)

    def answer_waiting(self) -> bool:
        """Answer the waiting call (the softphone's Answer does this first); False: none."""
        c = self.waiting()
        if c is None:
            return False
        self._act(lambda: self.calls.answer(c))
        return True

    def busy_waiting(self) -> None:
        c = self.waiting()
        if c is not None:
            self.calls.busy(c)

    def voicemail_waiting(self) -> None:
        c = self.waiting()
        if c is not None:
            self.calls.to_voicemail(c)

    def swap(self) -> None:
        if self.calls.swap() is None:
            raise TelephonyError(self.tr("There is no other answered line to swap to."))

    def consult_clicked(self) -> None:
        target, ok = QInputDialog.getText(self, self.tr("Consult"), self.tr(
            "Call (number or SIP address) to consult before transferring; the call in "
            "progress goes on hold:"))
        if ok and target.strip():
            self.consult_to(target.strip())

    def consult_to(self, target: str) -> None:
        """Attended transfer, step 1: hold the active call, call ``target`` on the other line."""
        self.calls.consult(target)
        self.refresh()

    def consult_or_complete(self) -> None:
        if self.calls.consultation() is not None:
            self.calls.complete_transfer()
        else:
            self.consult_clicked()

    # ---- view ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        for row in self.rows:
            row.retranslate()
        for b, text, tip in (
                (self.swap_button, self.tr("Swap"), self.tr("Hold this line and talk on the "
                                                             "other (%1)")),
                (self.complete_button, self.tr("Complete transfer"),
                 self.tr("Connect the held caller with the consulted party (%1)")),
                (self.return_button, self.tr("Return"),
                 self.tr("Hang up the consultation and return to the held call (%1)")),
                (self.conference_button, self.tr("Conference"),
                 self.tr("Join both lines: everyone hears everyone (%1)"))):
            key = {self.swap_button: "swap", self.complete_button: "consult", self.return_button: "return",
                   self.conference_button: "conference"}[b]
            b.setText(text)
            b.setToolTip(tip.replace("%1", LINE_SHORTCUTS[key]))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        live = sorted(self.calls.live(), key=lambda c: c.line)
        by_line = {c.line: c for c in live}
        for row in self.rows:
            row.model = by_line.get(row.line)
            row.render()
        two = len(live) >= 2
        self.setVisible(two)
        answered = [c for c in live if c.answered_clock is not None]
        pair = self.calls.consultation()
        conference = any(c.conference for c in live)
        self.swap_button.setEnabled(len(answered) >= 2 and not conference)
        self.complete_button.setVisible(pair is not None)
        self.return_button.setVisible(pair is not None)
        self.complete_button.setEnabled(pair is not None and pair[1].answered_clock is not None
                                        and not pair[0].transferring)
        self.conference_button.setEnabled(len(answered) >= 2 and not conference)
        if live and not self._clock.isActive():
            self._clock.start()
        elif not live:
            self._clock.stop()

    def describe(self) -> str:
        """The lines as plain text (tests, accessibility)."""
        return " | ".join(html.unescape(f"{r.title.text()}: {r.who.text()} ({r.state.text()})")
                          for r in self.rows if r.model is not None)
