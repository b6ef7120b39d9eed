"""The audio of the engine's calls: headset routing, mute, recording, consent, RTP stats.

:class:`MediaMixin` is part of :class:`~workstation.telephony.engine.TelephonyEngine`
(its own module to keep the engine's file small, like ``lines.py``); every method runs
on the engine thread like the rest of the engine, but for the merge and recovery of
recordings, which run on plain Python threads and never call pjsua2.

Headset audio hook: by default a call's audio is connected to pjsua2's null device.
The audio bridge registers ``engine.audio_attach = fn(call_key, call_media) ->
(source, sink) | None``, called when a call's media becomes active; the engine
connects what it returns, honours mute and records ``source`` on the left channel
(:class:`~workstation.telephony.recorder.CallRecorder`: one part file per direction,
merged to stereo when the call is over). ``engine.audio_detach = fn(call_key)`` is
called when the call's media goes away.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pjsua2 as pj
from PySide6.QtCore import QCoreApplication, Slot

from workstation import paths
from workstation.telephony.call import CallStats, utc_now
from workstation.telephony.recorder import (CallRecorder, merge_stereo, recover_recordings,
                                            wait_closed)

if TYPE_CHECKING:
    from workstation.telephony.call import CallContext, EngineCall

# The engine's log: one logger name whichever file an engine method lives in.
log = logging.getLogger("workstation.telephony.engine")

AudioAttach = Callable[[str, Any], "tuple[Any, Any] | None"]

# Texts are translated in the engine's context ("TelephonyEngine"), as in lines.py.


class MediaMixin:
    """Routing, recording and statistics of the engine's call audio."""

    def recordings_dir(self) -> Path:
        d = self.settings.recordings_dir or paths.recordings_dir()
        return paths.private_dir(Path(d))

    def set_mute(self, key: str, muted: bool) -> None:
        """Stop (or restart) sending the microphone into the call."""
        ctx = self._ctx(key)
        ctx.muted = bool(muted)
        if ctx.media_active and ctx.source is not None and ctx.audio is not None:
            targets = [ctx.audio] + ([ctx.recorder.left] if ctx.recorder else [])
            for target in targets:
                try:
                    if ctx.muted:
                        ctx.source.stopTransmit(target)
                    else:
                        ctx.source.startTransmit(target)
                except pj.Error as exc:
                    log.warning("mute: %s", exc.info())
        self.sig_mute.emit(key, ctx.muted)

    def call_audio_media(self, key: str):
        """The call's AudioMedia while its media is active, else None. Engine thread."""
        ctx = self._calls.get(key)
        return ctx.audio if ctx and ctx.media_active else None

    def call_stats(self, key: str) -> CallStats | None:
        ctx = self._calls.get(key)
        if ctx is None or ctx.ended:
            return ctx.stats if ctx else None
        try:
            info = ctx.call.getInfo()
            for i, media in enumerate(info.media):
                if media.type == pj.PJMEDIA_TYPE_AUDIO and \
                        media.status != pj.PJSUA_CALL_MEDIA_NONE:
                    return self._read_stats(ctx, i, final=False)
        except pj.Error:
            pass
        return None

    def _on_call_media_state(self, call: EngineCall) -> None:
        ctx = self._calls.get(call.key)
        if ctx is None or ctx.ended:
            return
        try:
            info = call.getInfo()
        except pj.Error:
            return
        active = None
        for i, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                active = i
                break
        if active is None:
            ctx.media_active = ctx.audio_current = False
            return
        try:
            audio = call.getAudioMedia(active)
            ctx.audio = audio
            ctx.audio_current = True  # ctx.audio is the call's bridge port now
            self._connect_audio(ctx)
            try:
                ctx.codec = call.getStreamInfo(active).codecName
            except pj.Error:
                pass
        except pj.Error as exc:
            log.error("media connect failed for %s: %s", ctx.key, exc.info())
            return
        first = not ctx.media_active
        ctx.media_active = True
        if first:
            self.sig_media_active.emit(ctx.key)

    def _connect_audio(self, ctx: CallContext) -> None:
        if ctx.no_headset:
            return  # answered only to be REFERred to voicemail
        endpoints = None
        if self.audio_attach is not None and ctx.source is None:
            try:
                endpoints = self.audio_attach(ctx.key, ctx.audio)
            except Exception:  # noqa: BLE001 - a broken bridge must not kill the call
                log.exception("audio bridge attach failed; using the null device")
        if endpoints:
            ctx.source, ctx.sink = endpoints
        if ctx.source is None:
            adm = self.ep.audDevManager()
            ctx.source = adm.getCaptureDevMedia()
            ctx.sink = adm.getPlaybackDevMedia()
        ctx.audio.startTransmit(ctx.sink)
        if not ctx.muted:
            ctx.source.startTransmit(ctx.audio)
        if self.settings.record_calls and ctx.recorder is None:
            self._start_recording(ctx)
        elif ctx.recorder is not None:  # a new bridge port after hold/resume: record it too
            ctx.audio.startTransmit(ctx.recorder.right)
            if not ctx.muted:
                ctx.source.startTransmit(ctx.recorder.left)
        if self.settings.consent_prompt and not ctx.consent_played:
            self._play_consent(ctx)
        if ctx.held:  # media came up while on hold: the held party hears nothing
            self._route_headset(ctx, False)
        self._connect_conference(ctx)

    def _start_recording(self, ctx: CallContext) -> None:
        started = (ctx.started_at or utc_now()).astimezone()
        number = re.sub(r"[^0-9A-Za-z+_-]", "_", ctx.remote_number)[:40] or "unknown"
        stem = self.recordings_dir() / f"{started:%Y%m%d-%H%M%S}_{ctx.direction.value}_{number}_{ctx.key}"
        try:
            rec = CallRecorder(stem)
            ctx.audio.startTransmit(rec.right)
            if not ctx.muted:
                ctx.source.startTransmit(rec.left)
        except pj.Error as exc:
            log.error("cannot record %s: %s", stem, exc.info())
            text = QCoreApplication.translate("TelephonyEngine", "Cannot record the call: %1")
            self.sig_error.emit(text.replace("%1", exc.reason))
            return
        ctx.recorder = rec
        ctx.recording_path = rec.final_path

    def _play_consent(self, ctx: CallContext) -> None:
        ctx.consent_played = True
        wav = self.settings.consent_wav or paths.resource("sounds", "consent.wav")
        if not Path(wav).exists():
            log.warning("consent prompt %s is missing", wav)
            return
        try:
            player = pj.AudioMediaPlayer()
            player.createPlayer(str(wav), pj.PJMEDIA_FILE_NO_LOOP)
            player.startTransmit(ctx.audio)
            if ctx.recorder:
                player.startTransmit(ctx.recorder.left)
            ctx.consent_player = player
        except pj.Error as exc:
            log.error("consent prompt: %s", exc.info())

    def _read_stats(self, ctx: CallContext, idx: int, final: bool) -> CallStats | None:
        try:
            st = ctx.call.getStreamStat(idx)
            codec = ctx.codec
            try:
                codec = ctx.call.getStreamInfo(idx).codecName or codec
            except pj.Error:
                pass
        except pj.Error:
            return None
        rtcp = st.rtcp
        stats = CallStats(
            call_key=ctx.key, codec=codec,
            rx_packets=int(rtcp.rxStat.pkt), tx_packets=int(rtcp.txStat.pkt),
            rx_loss=int(rtcp.rxStat.loss), tx_loss=int(rtcp.txStat.loss),
            rx_jitter_ms=rtcp.rxStat.jitterUsec.mean / 1000.0,
            tx_jitter_ms=rtcp.txStat.jitterUsec.mean / 1000.0,
            rtt_ms=rtcp.rttUsec.mean / 1000.0, final=final)
        ctx.codec = codec
        return stats

    def _on_stream_destroyed(self, call: EngineCall, idx: int) -> None:
        ctx = self._calls.get(call.key)
        if ctx is None or ctx.ghost:
            return
        stats = self._read_stats(ctx, idx, final=True)
        if stats is not None:
            ctx.stats = stats
            self.sig_call_stats.emit(stats)

    def _merge(self, recorder: CallRecorder, wait: bool = True) -> None:
        if wait:
            wait_closed([recorder.left_path, recorder.right_path])
        try:
            path = merge_stereo(recorder.left_path, recorder.right_path, recorder.final_path)
        except (OSError, ValueError) as exc:
            log.error("cannot finish recording %s: %s", recorder.final_path, exc)
            return
        self.sig_recording_finished.emit(str(path))

    def _recover_recordings(self) -> None:
        directory = self.recordings_dir()
        if not any(directory.glob("*.left.part.wav")):
            return

        def work() -> None:
            for path in recover_recordings(directory):
                self.sig_recording_finished.emit(str(path))

        t = threading.Thread(target=work, daemon=True, name="recover-recordings")
        self._threads.append(t)
        t.start()

    @Slot()
    def _emit_live_stats(self) -> None:
        for key, ctx in list(self._calls.items()):
            if ctx.media_active and not ctx.ended and not ctx.ghost:
                stats = self.call_stats(key)
                if stats is not None:
                    self.sig_call_stats.emit(stats)

    @Slot()
    def _patch_recordings(self) -> None:
        for ctx in self._calls.values():
            if ctx.recorder is not None:
                ctx.recorder.patch()

