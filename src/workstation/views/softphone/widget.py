"""The softphone strip for the status bar: registration, number field, call controls.

``SoftphoneWidget(calls, config, parent)`` shows the calls of ``calls`` (the
one :class:`~workstation.views.callmodel.Calls`, fed by the TelephonyEngine):
its "current" call is the ringing one or the one in progress, a
:class:`~workstation.views.callmodel.CallModel` it observes; its buttons act
through the engine's public methods (on the GUI thread, where the engine
lives). A call dialled elsewhere (click-to-call) shows here too. Incoming
calls ring (``set_ringer``), show a tray message and raise the window;
auto-answer is done by the engine after ``sip.auto_answer_seconds`` and shown
here as a countdown.

Two lines: the strip acts on the active line (``calls.active``, else the other
live call); a second call while on a call plays the ringer's soft waiting tone
(``ringer.start_waiting()``) and shows both lines in the
:class:`~workstation.views.softphone.lines.LinesPanel` below the strip, where it
is answered (the first goes on hold), rejected, sent busy or to voicemail;
Answer (Ctrl+Shift+A) answers the waiting call too. Consult… starts an
attended transfer on the other line.
Global shortcuts: answer Ctrl+Shift+A, hang up Ctrl+Shift+H, mute Ctrl+Shift+M
(Qt.ApplicationShortcut), and the lines' (lines.LINE_SHORTCUTS).
"""

from __future__ import annotations

import html
import logging
import time

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QMenu, QSystemTrayIcon, QToolButton, QVBoxLayout,
                               QWidget, QWidgetAction)

from workstation import paths
from workstation.telephony.engine import TelephonyError
from workstation.views import labels
from workstation.views.callmodel import SOFTPHONE, CallModel, Calls
from workstation.views.icons import icon
from workstation.views.softphone.lines import LINE_SHORTCUTS, LinesPanel
from workstation.views.statusbar import ElidingLabel

log = logging.getLogger(__name__)

PAD_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"]
SHORTCUTS = {"answer": "Ctrl+Shift+A", "hangup": "Ctrl+Shift+H", "mute": "Ctrl+Shift+M"}


class SoundRinger:
    """Loops resources/sounds/ring.wav with QSoundEffect on the default output.

    The headset audio bridge may replace it (``SoftphoneWidget.set_ringer``)
    to ring on the chosen ring device.
    """

    def __init__(self) -> None:
        self._effect = None
        self._waiting = None

    def prepare(self) -> None:
        """Load QtMultimedia and the tone now (at start), not at the first ring,
        where it would delay that call's screen pop by tens of milliseconds."""
        try:
            if self._effect is None:
                # (deferred: QtMultimedia loads here, at start after the window, not on import)
                from PySide6.QtCore import QUrl
                from PySide6.QtMultimedia import QSoundEffect

                self._effect = QSoundEffect()
                self._effect.setSource(QUrl.fromLocalFile(str(paths.resource("sounds", "ring.wav"))))
                self._effect.setLoopCount(QSoundEffect.Loop.Infinite.value)
        except Exception:  # noqa: BLE001 - no sound is better than no call
            log.exception("cannot load the ring tone")

    def start(self) -> None:
        self.prepare()
        try:
            if self._effect is not None:
                self._effect.play()
        except Exception:  # noqa: BLE001 - no sound is better than no call
            log.exception("cannot play the ring tone")

    def start_waiting(self) -> None:
        """The soft call-waiting tone (resources/sounds/waiting.wav) instead of the ring."""
        try:
            if self._waiting is None:
                # (deferred like prepare(): QtMultimedia loads on first use)
                from PySide6.QtCore import QUrl
                from PySide6.QtMultimedia import QSoundEffect

                self._waiting = QSoundEffect()
                self._waiting.setSource(QUrl.fromLocalFile(
                    str(paths.resource("sounds", "waiting.wav"))))
                self._waiting.setLoopCount(QSoundEffect.Loop.Infinite.value)
            self._waiting.play()
        except Exception:  # noqa: BLE001 - no sound is better than no call
            log.exception("cannot play the call-waiting tone")

    def stop(self) -> None:
        if self._effect is not None:
            self._effect.stop()
        if self._waiting is not None:
            self._waiting.stop()


class DialPad(QWidget):
    sig_key = Signal(str)
    """A pad key was pressed: the digit."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        self.buttons: dict[str, QToolButton] = {}
        for i, key in enumerate(PAD_KEYS):
            b = QToolButton(self)
            b.setText(key)
            b.setMinimumSize(QSize(40, 32))
            b.clicked.connect(lambda _=False, k=key: self.sig_key.emit(k))
            grid.addWidget(b, i // 3, i % 3)
            self.buttons[key] = b


class SoftphoneWidget(QWidget):
    def __init__(self, calls: Calls, config, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("softphone")
        self.calls, self.engine = calls, calls.engine
        self.config = config
        self.call: CallModel | None = None
        """The current call: ringing or in progress."""
        self._talking = False
        self._ringer = SoundRinger()
        QTimer.singleShot(0, self._prepare_ringer)  # after a set_ringer() at start
        self._tray: QSystemTrayIcon | None = None
        self._auto_left = 0

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        lay = QHBoxLayout()
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        column.addLayout(lay)
        self.reg_label = ElidingLabel(self)  # "● Direct IP 127.0.0.1:5060" elides when crowded
        self.reg_label.setObjectName("registration")
        lay.addWidget(self.reg_label)
        self.number = QLineEdit(self)
        self.number.setObjectName("number")
        self.number.setClearButtonEnabled(True)
        self.number.setMinimumWidth(140)
        self.number.returnPressed.connect(self.call_clicked)
        lay.addWidget(self.number)

        def button(name: str, slot, icon_name: str = "") -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(name)
            b.setAutoRaise(True)
            if icon_name:
                b.setIcon(icon(icon_name))
            b.clicked.connect(slot)
            lay.addWidget(b)
            return b

        self.pad = DialPad()
        self.pad.sig_key.connect(self.pad_key)
        self.pad_button = button("pad", lambda: None)
        menu = QMenu(self.pad_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.pad)
        menu.addAction(action)
        self.pad_button.setMenu(menu)
        self.pad_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.call_button = button("call", self.call_clicked, "phone")
        self.answer_button = button("answer", self.answer)
        self.reject_button = button("reject", self.reject)
        self.hangup_button = button("hangup", self.hangup)
        self.hold_button = button("hold", self.toggle_hold)
        self.hold_button.setCheckable(True)
        self.mute_button = button("mute", self.toggle_mute)
        self.mute_button.setCheckable(True)
        self.transfer_button = button("transfer", self.transfer_clicked)
        self.consult_button = button("consult", self.consult_clicked)
        # the call's state takes what room is left in the status bar, elided when short
        self.status = ElidingLabel(self)
        self.status.setObjectName("callStatus")
        lay.addWidget(self.status, 1)
        # what protects the current call: "✓ TLS · SRTP", "⚠ no TLS · RTP, not encrypted"
        self.security = QLabel(self)
        self.security.setObjectName("callSecurity")
        self.security.hide()
        lay.addWidget(self.security)
        self.lines = LinesPanel(calls, self)
        self.lines.sig_error.connect(self._show_error)
        column.addWidget(self.lines)

        self.shortcuts: dict[str, QShortcut] = {}
        for name, slot in (("answer", self.answer), ("hangup", self.hangup_or_reject),
                           ("mute", self.toggle_mute)):
            sc = QShortcut(QKeySequence(SHORTCUTS[name]), self)
            sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
            sc.activated.connect(slot)
            self.shortcuts[name] = sc

        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)

        engine = self.engine
        engine.sig_registration.connect(self._on_registration)
        engine.sig_error.connect(self._show_error)
        calls.sig_added.connect(self._on_call_added)
        calls.sig_ended.connect(self._on_call_ended)
        calls.sig_active.connect(self._follow)
        calls.sig_connected.connect(self._stop_waiting_tone)
        calls.sig_ended.connect(self._stop_waiting_tone)
        self._reg = (engine.registration_state, 0, "")
        self.retranslate()
        self._update()

    # ------------------------------------------------------------ texts/state
    def retranslate(self) -> None:
        self.number.setPlaceholderText(self.tr("Number or SIP address"))
        texts = {
            self.pad_button: (self.tr("Pad"), self.tr("Dial pad (sends DTMF during a call)")),
            self.call_button: (self.tr("Call"), self.tr("Call the number")),
            self.answer_button: (self.tr("Answer"),
                                 self.tr("Answer (%1)").replace("%1", SHORTCUTS["answer"])),
            self.reject_button: (self.tr("Reject"), self.tr("Reject the call as busy")),
            self.hangup_button: (self.tr("Hang up"),
                                 self.tr("Hang up (%1)").replace("%1", SHORTCUTS["hangup"])),
            self.hold_button: (self.tr("Hold"), self.tr("Put the call on hold / resume it")),
            self.mute_button: (self.tr("Mute"),
                               self.tr("Stop sending your microphone (%1)")
                               .replace("%1", SHORTCUTS["mute"])),
            self.transfer_button: (self.tr("Transfer"), self.tr("Transfer the call (blind)")),
            self.consult_button: (self.tr("Consult…"),
                                  self.tr("Attended transfer: hold this call and call the person "
                                          "to transfer it to (%1)")
                                  .replace("%1", LINE_SHORTCUTS["consult"])),
        }
        for b, (text, tip) in texts.items():
            b.setText(text)
            b.setToolTip(tip)
        self._show_registration()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_registration(self) -> None:
        state, code, reason = self._reg
        colour, text = {
            "registered": ("#2e7d32", self.tr("Registered")),
            "registering": ("#f9a825", self.tr("Registering…")),
            "failed": ("#c62828", self.tr("Not registered")),
        }.get(state, ("#757575", self.tr("Offline")))
        tip = text if not code else f"{text}: {code} {reason}"
        if state == "failed" and self.engine.tls_failure:
            # the PBX's certificate was refused: say why right in the status bar
            text = tip = self.tr("Not registered: %1").replace("%1", reason)
        shown = html.escape(text, quote=False)
        self.reg_label.setText(f'<span style="color:{colour}">●</span> {shown}')
        self.reg_label.setToolTip(tip)
        self.reg_label.setProperty("state", state)

    # the current call's facts, read from its model
    @property
    def current(self) -> str | None:
        """The engine key of the current call (None: idle)."""
        return self.call.key if self.call is not None else None

    @property
    def incoming(self) -> str | None:
        """The current call's key when it came in (ringing or answered)."""
        return self.current if self.call is not None and self.call.direction == "in" else None

    @property
    def _answered_at(self) -> float | None:
        return self.call.answered_clock if self.call is not None else None

    @property
    def _held(self) -> bool:
        return self.call is not None and self.call.held

    @property
    def _muted(self) -> bool:
        return self.call is not None and self.call.muted

    def _update(self) -> None:
        ringing = self.incoming is not None and self._answered_at is None
        in_call = self.current is not None and not ringing
        self.call_button.setEnabled(self.current is None)
        self.answer_button.setEnabled(ringing)
        self.reject_button.setEnabled(ringing)
        self.hangup_button.setEnabled(self.current is not None)
        for b in (self.hold_button, self.mute_button, self.transfer_button):
            b.setEnabled(in_call and self._answered_at is not None)
        self.consult_button.setEnabled(in_call and self._answered_at is not None
                                       and len(self.calls.live()) == 1)
        if self.lines.waiting() is not None:
            self.answer_button.setEnabled(True)  # answers the waiting call
        self.hold_button.setChecked(self._held)
        self.mute_button.setChecked(self._muted)

    # ------------------------------------------------------------- actions
    def _prepare_ringer(self) -> None:
        prepare = getattr(self._ringer, "prepare", None)
        if prepare is not None:
            prepare()

    def set_ringer(self, ringer) -> None:
        """Replace the ringer: any object with start() and stop()."""
        self._ringer.stop()
        self._ringer = ringer

    def call_clicked(self) -> str | None:
        if self.current is not None:
            return None
        model = self.calls.plan(self.number.text(), origin=SOFTPHONE)
        key = self.calls.dial(model)  # the call is shown when it is added (_on_call_added)
        if key is None:
            self._show_error(model.error)
        return key

    def answer(self) -> None:
        if self.lines.answer_waiting():
            return  # a waiting call: answered, the call in progress is on hold
        if self.incoming is None or self._answered_at is not None:
            return
        try:
            self.calls.answer(self.call)
        except TelephonyError as exc:
            self._show_error(str(exc))

    def reject(self) -> None:
        if self.incoming is not None:
            self.engine.reject(self.incoming)

    def hangup(self) -> None:
        if self.current is not None:
            self.engine.hangup(self.current)

    def hangup_or_reject(self) -> None:
        if self.incoming is not None and self._answered_at is None:
            self.reject()
        else:
            self.hangup()

    def toggle_hold(self) -> None:
        if self.current is None or self._answered_at is None:
            self._update()
            return
        try:
            if self._held:
                self.calls.resume(self.call)
            else:
                self.calls.hold(self.call)
        except TelephonyError as exc:
            self._show_error(str(exc))
        self._update()

    def toggle_mute(self) -> None:
        if self.current is None or self._answered_at is None:
            self._update()
            return
        try:
            self.engine.set_mute(self.current, not self._muted)
        except TelephonyError as exc:
            self._show_error(str(exc))
        self._update()

    def transfer_clicked(self) -> None:
        if self.current is None:
            return
        target, ok = QInputDialog.getText(self, self.tr("Transfer"),
                                          self.tr("Transfer the call to (number or SIP address):"))
        if ok and target.strip():
            self.transfer_to(target.strip())

    def consult_clicked(self) -> None:
        """Attended transfer, step 1: the other line calls whom to transfer to."""
        try:
            self.lines.consult_clicked()
        except TelephonyError as exc:
            self._show_error(str(exc))
        self._update()

    def transfer_to(self, target: str) -> None:
        if self.current is None:
            return
        try:
            self.engine.transfer(self.current, target)
            self.status.setText(self.tr("Transferring…"))
        except TelephonyError as exc:
            self._show_error(str(exc))

    def pad_key(self, key: str) -> None:
        if self.current is not None and self._answered_at is not None:
            try:
                self.engine.send_dtmf(self.current, key)
            except TelephonyError as exc:
                self._show_error(str(exc))
        else:
            self.number.insert(key)

    # ------------------------------------------------------------- the calls
    def _on_registration(self, state: str, code: int, reason: str) -> None:
        self._reg = (state, code, reason)
        self._show_registration()

    def _on_call_added(self, model: CallModel) -> None:
        if self.call is not None:
            if model.waiting:  # a second call while on a call: the soft waiting tone
                waiting = getattr(self._ringer, "start_waiting", None)
                if waiting is not None:
                    waiting()
                self._notify(model.remote_number or model.number)
            self._update()
            return  # a third call: Calls answers 486 Busy Here
        self._watch(model)
        if model.direction == "in":
            self.number.setText(model.remote_number or model.number)
            self.status.setText(self.tr("Incoming call from %1").replace("%1", self.number.text()))
            self._ringer.start()
            self._notify(self.number.text())
            self._auto_left = int(self.config.get("sip.auto_answer_seconds") or 0)
            if self._auto_left > 0:
                self._clock.start()
        else:
            if model.origin != SOFTPHONE:  # dialled elsewhere: show the number dialled
                self.number.setText(model.number)
            self.status.setText(self.tr("Calling…"))
        self._update()

    def _watch(self, model: CallModel) -> None:
        """Make ``model`` the strip's current call."""
        self.call = model
        model.sig_changed.connect(self._on_call_changed)
        self._talking = False

    def _unwatch(self) -> None:
        if self.call is not None:
            try:
                self.call.sig_changed.disconnect(self._on_call_changed)
            except (RuntimeError, TypeError):
                pass
        self.call = None
        self._talking = False

    def _follow(self, model: CallModel) -> None:
        """The manager switched lines: the strip acts on the new active call."""
        if model is self.call or not model.live:
            return
        self._unwatch()
        self._watch(model)
        self._number_of(model)
        self._on_call_changed(model)

    def _number_of(self, model: CallModel) -> None:
        self.number.setText(model.remote_number or model.number)

    def _stop_waiting_tone(self, _model=None) -> None:
        if self.lines.waiting() is None and (self.call is None or self.call.answered_clock
                                             is not None or self.call.direction == "out"):
            self._ringer.stop()

    def _notify(self, who: str) -> None:
        window = self.window()
        if window is not None:
            if window.isMinimized():
                window.showNormal()
            window.raise_()
            window.activateWindow()
            QApplication.alert(window)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(icon("phone"), self)
                self._tray.show()
            self._tray.showMessage(self.tr("Incoming call"), who,
                                   QSystemTrayIcon.MessageIcon.Information, 10000)

    def _on_call_changed(self, sender=None) -> None:
        model = self.call
        if model is None or (sender or self.sender()) is not model:
            return
        if model.answered_clock is not None and not self._talking:
            self._talking = True
            self._ringer.stop()
            self._clock.start()
            self._tick()
        elif model.sip_state == "early" and model.direction == "out":
            self.status.setText(self.tr("Ringing…"))
        elif model.answered_clock is not None:
            self._tick()  # hold, mute
        self._show_security(model)
        self._update()

    def _on_call_ended(self, model: CallModel) -> None:
        if model is not self.call:
            self._update()
            return
        self._unwatch()
        self._clock.stop()
        record = model.record
        self.security.hide()
        self.status.setText(self.tr("Call ended: %1 %2")
                            .replace("%1", str(record.sip_status)).replace("%2", record.sip_reason))
        rest = self.calls.active if self.calls.active is not None and self.calls.active.live \
            else self.calls.other(model)
        self._ringer.stop()
        if rest is not None:  # the other line goes on: the strip shows it (on hold)
            self._watch(rest)
            self._number_of(rest)
            if rest.direction == "in" and rest.answered_clock is None:
                self._ringer.start()  # the waiting call is the only one now: a full ring
            self._on_call_changed(rest)
        self._update()

    def _show_security(self, model: CallModel) -> None:
        signalling_tls, media_security = model.signalling_tls, model.media_security
        if not media_security:
            return
        text = labels.call_security_label(signalling_tls, media_security)
        secure = labels.call_secure(signalling_tls, media_security)
        mark = labels.call_security_mark(signalling_tls, media_security)
        self.security.setText(f"{mark} {text}")
        self.security.setProperty("secure", secure)
        if secure:
            tip = self.tr("Signalling over TLS and the audio encrypted (SRTP)")
        elif media_security == "srtp":
            tip = self.tr("The audio is encrypted (SRTP), but its keys went over signalling "
                          "that is not encrypted")
        else:
            tip = self.tr("The call's audio is not encrypted")
        self.security.setToolTip(tip)
        self.security.setVisible(bool(text))

    def _tick(self) -> None:
        if self.current is None:
            return
        if self._answered_at is None:
            if self._auto_left > 0:
                self.status.setText(self.tr("Incoming call: auto-answer in %1 s")
                                    .replace("%1", str(self._auto_left)))
                self._auto_left -= 1
            return
        secs = int(time.monotonic() - self._answered_at)
        text = self.tr("In call %1").replace("%1", f"{secs // 60}:{secs % 60:02d}")
        if self._held:
            text += " · " + self.tr("on hold")
        if self._muted:
            text += " · " + self.tr("muted")
        self.status.setText(text)

    def _show_error(self, message: str) -> None:
        self.status.setText(message)
        self.status.setToolTip(message)

    def shutdown(self) -> None:
        self._ringer.stop()
        self._clock.stop()
        if self._tray is not None:
            self._tray.hide()
