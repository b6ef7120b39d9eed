"""Two lines on one engine: hold that really silences, transfer, conference, voicemail.

:class:`LinesMixin` is part of :class:`~workstation.telephony.engine.TelephonyEngine`
(its own module to keep the engine's file small); every method runs on the
engine thread like the rest of the engine.

Audio routing per call (pjsua2's conference bridge):

    headset mic (ctx.source) ─▶ call ─▶ headset speaker (ctx.sink)
                             └▶ recorder left      call ─▶ recorder right

* hold: pjsua2 keeps a held call's bridge connections (the held party would
  hear the manager talking on the other line): :meth:`hold` cuts both
  directions and the recorder's microphone leg at once, before the re-INVITE
  (a=sendonly) goes out; :meth:`resume` restores them when the media is back.
* conference: each call's audio also goes to the other call (and to the
  other call's recording), the headset hears and feeds both.
* voicemail: a ringing call is redirected (302 with the voicemail Contact) or
  answered and REFERred there (``method="refer"``) without touching the headset.
"""

from __future__ import annotations

import logging

import pjsua2 as pj
from PySide6.QtCore import QCoreApplication, QTimer

log = logging.getLogger(__name__)


def _transmit(src, dst, on: bool) -> None:
    if src is None or dst is None:
        return
    try:
        if on:
            src.startTransmit(dst)
        else:
            src.stopTransmit(dst)
    except pj.Error as exc:  # a port already gone: nothing to connect or cut
        log.debug("%s: %s", "startTransmit" if on else "stopTransmit", exc.info())


# Texts are translated in the engine's context ("TelephonyEngine"): a mixin's tr()
# looks them up under the engine's class at run time, lupdate would file them under
# "LinesMixin".


def _usable(ctx) -> bool:
    """The call's AudioMedia is its current bridge port."""
    return ctx.audio_current and not ctx.ended and ctx.audio is not None


class LinesMixin:
    """Hold, resume, transfers, conference and voicemail of the engine's calls."""

    def _route_headset(self, ctx, on: bool) -> None:
        """Connect (or cut) the headset and the recorder's microphone leg of a call.

        Only while its media is active: after a re-INVITE or a hang-up pjsua has
        replaced or removed the call's bridge port (with its connections), and a
        stopTransmit on the stale port aborts the process (pjmedia's assertion)."""
        if ctx.audio is None or not _usable(ctx):
            return
        _transmit(ctx.audio, ctx.sink, on)
        mic_on = on and not ctx.muted
        _transmit(ctx.source, ctx.audio, mic_on)
        if ctx.recorder is not None:
            _transmit(ctx.source, ctx.recorder.left, mic_on)

    def hold(self, key: str) -> None:
        """Put a call on hold: its party hears nothing from here (and nothing of the
        other line) from now on; a=sendonly re-INVITE."""
        ctx = self._ctx(key)
        ctx.held = True
        if ctx.conference:
            self.split_conference(key)
        self._route_headset(ctx, False)
        try:
            self._call_op(key, "setHold", pj.CallOpParam(True), retries=30)
        except Exception:
            ctx.held = False
            self._route_headset(ctx, True)
            raise
        self.sig_hold.emit(key, True)

    def resume(self, key: str) -> None:
        """Take a call off hold (re-INVITE with the UNHOLD flag); the headset is
        connected again when its media is active."""
        ctx = self._ctx(key)
        prm = pj.CallOpParam(True)
        prm.opt.flag = pj.PJSUA_CALL_UNHOLD
        self._call_op(key, "reinvite", prm, retries=30)
        ctx.held = False
        if ctx.audio_current:  # the media never went away (a hold still on its way)
            self._route_headset(ctx, True)
        self.sig_hold.emit(key, False)

    def transfer(self, key: str, target: str) -> None:
        """Blind transfer (REFER) to a number or URI."""
        self._call_op(key, "xfer", self.dial_uri(target), pj.CallOpParam(True))

    def transfer_attended(self, key: str, other_key: str) -> None:
        """Attended transfer: connect call ``key``'s party to ``other_key``'s (REFER/Replaces)."""
        other = self._ctx(other_key)
        self._call_op(key, "xferReplaces", other.call, pj.CallOpParam(True))

    # ---- conference --------------------------------------------------------------------
    def conference(self, key: str, other_key: str) -> None:
        """Both calls and the manager hear each other (both must be answered). A held
        call is resumed; the audio is cross-connected when both media are up."""
        a, b = self._ctx(key), self._ctx(other_key)
        if a.answered_mono is None or b.answered_mono is None:
            raise self._error(QCoreApplication.translate(
                "TelephonyEngine", "Both calls must be answered to join them."))
        a.conference.add(b.key)
        b.conference.add(a.key)
        for ctx in (a, b):
            if ctx.held:
                self.resume(ctx.key)
        self._connect_conference(a)

    def split_conference(self, key: str) -> None:
        """Stop mixing ``key`` with the calls it is in conference with."""
        ctx = self._calls.get(key)
        if ctx is None:
            return
        for other_key in list(ctx.conference):
            other = self._calls.get(other_key)
            ctx.conference.discard(other_key)
            if other is None:
                continue
            other.conference.discard(key)
            self._cross(ctx, other, False)

    def in_conference(self, key: str) -> bool:
        ctx = self._calls.get(key)
        return bool(ctx and ctx.conference)

    def _connect_conference(self, ctx) -> None:
        """Cross-connect a call with its conference partners whose media is up
        (called again whenever a call's media becomes active)."""
        for other_key in ctx.conference:
            other = self._calls.get(other_key)
            if other is not None:
                self._cross(ctx, other, True)  # (only between current bridge ports)

    @staticmethod
    def _cross(a, b, on: bool) -> None:
        if not (_usable(a) and _usable(b)):
            return  # a stale port: its connections went with it (see _route_headset)
        for x, y in ((a, b), (b, a)):
            _transmit(x.audio, y.audio, on)
            if y.recorder is not None:  # each recording keeps both parties
                _transmit(x.audio, y.recorder.right, on)

    # ---- voicemail ---------------------------------------------------------------------
    def redirect(self, key: str, target: str) -> None:
        """Send a ringing call elsewhere with 302 Moved Temporarily (Contact: target)."""
        ctx = self._ctx(key)
        uri = self.dial_uri(target)
        prm = pj.CallOpParam(True)
        prm.statusCode = 302
        prm.reason = "Moved Temporarily"
        h = pj.SipHeader()
        h.hName, h.hValue = "Contact", f"<{uri}>"
        prm.txOption.headers.append(h)
        err = self._try_op(ctx, "hangup", (prm,))
        if err is not None:
            raise self._error(err[1])

    def to_voicemail(self, key: str, target: str, method: str = "302") -> None:
        """A ringing call to voicemail: 302 redirect, or answer (no headset, no
        recording) and REFER to ``target`` once confirmed."""
        if method != "refer":
            self.redirect(key, target)
            return
        ctx = self._ctx(key)
        ctx.refer_to = self.dial_uri(target)
        ctx.no_headset = True
        self.answer(key)

    def _refer_when_confirmed(self, ctx) -> None:
        """Call state hook: a call answered only to be REFERred is transferred now."""
        if ctx.refer_to and ctx.state == "confirmed":
            target, ctx.refer_to = ctx.refer_to, ""
            QTimer.singleShot(0, lambda k=ctx.key: self._refer_now(k, target))

    def _refer_now(self, key: str, target: str) -> None:
        ctx = self._calls.get(key)
        if ctx is None or ctx.ended:
            return
        err = self._try_op(ctx, "xfer", (target, pj.CallOpParam(True)))
        if err is not None:
            log.warning("REFER to voicemail failed: %s", err[1])
            text = QCoreApplication.translate("TelephonyEngine",
                                              "Could not send the call to voicemail: %1")
            self.sig_error.emit(text.replace("%1", err[1]))
            self.hangup(key)
