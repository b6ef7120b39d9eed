"""The native headset path (``libwsaudio.so``, built from ``wsaudio.c`` by ``make``).

`NativeHeadset` is a pjmedia port on pjsua's conference bridge whose frames
go to and from PulseAudio streams entirely in C: no Python runs per frame,
so what the manager hears does not depend on the interpreter being
scheduled (see wsaudio.c). This module only loads the library (ctypes) and
wraps its handful of calls.

Threads: `NativeHeadset()` and `destroy()` touch pjsua and run on the pjsua2
thread; `open`/`close_side` block on PulseAudio for a few milliseconds and
belong on the bridge's audio thread; the rest is safe anywhere.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

from workstation.telephony.audio_ring import BridgeStats

LIBRARY = Path(__file__).with_name("libwsaudio.so")
_ERR = 512


class NativeAudioError(RuntimeError):
    """The native path cannot be used (library missing, PulseAudio absent, a device)."""


class _Stats(ctypes.Structure):
    _fields_ = [(n, ctypes.c_uint64) for n in (
        "mic_underruns", "mic_overruns", "spk_underruns", "spk_overruns", "mic_frames",
        "spk_frames")] + [(n, ctypes.c_double) for n in (
            "mic_fill_ms", "spk_fill_ms", "mic_latency_ms", "spk_latency_ms", "max_tick_gap_ms",
            "max_mic_gap_ms", "level_rms", "spk_device_ms")]


_lib: ctypes.CDLL | None = None
_load_error = ""


def _bind(lib: ctypes.CDLL) -> None:
    vp, cp, sz, ci, cu, cd = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int,
                              ctypes.c_uint, ctypes.c_double)
    for name, res, args in (
            ("wsa_init", ci, [cp, cp, sz]),
            ("wsa_create", vp, [cp, cu, cu, ci, cp, sz]),
            ("wsa_slot", ci, [vp]),
            ("wsa_open", ci, [vp, ci, cp, cu, cp, sz]),
            ("wsa_close_side", None, [vp, ci]),
            ("wsa_state", ci, [vp, ci]),
            ("wsa_set_muted", None, [vp, ci]),
            ("wsa_set_silence_rms", None, [vp, cd]),
            ("wsa_seconds_since_sound", cd, [vp]),
            ("wsa_stats", None, [vp, ctypes.POINTER(_Stats), ci]),
            ("wsa_destroy", None, [vp])):
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args


def load() -> ctypes.CDLL:
    """The library, bound to the loaded pjsua2 extension; NativeAudioError says why not."""
    global _lib, _load_error
    if _lib is not None:
        return _lib
    if _load_error:
        raise NativeAudioError(_load_error)
    if not sys.platform.startswith("linux"):
        _load_error = "the native headset path is built for Linux (PulseAudio) only"
        raise NativeAudioError(_load_error)
    try:
        lib = ctypes.CDLL(os.fspath(LIBRARY))
    except OSError as exc:
        _load_error = f"{LIBRARY.name} cannot be loaded ({exc}); `make native` builds it"
        raise NativeAudioError(_load_error) from None
    _bind(lib)
    import pjsua2._pjsua2 as ext  # (deferred: only the native path needs the extension's path)

    err = ctypes.create_string_buffer(_ERR)
    if lib.wsa_init(os.fsencode(ext.__file__), err, _ERR) != 0:
        _load_error = err.value.decode(errors="replace")
        raise NativeAudioError(_load_error)
    _lib = lib
    return lib


def available() -> tuple[bool, str]:
    """(True, "") when the native path can be used, else (False, why)."""
    try:
        load()
    except NativeAudioError as exc:
        return False, str(exc)
    return True, ""


class NativeHeadset:
    """One headset port: create on the pjsua2 thread after libInit; `destroy()` there too."""

    def __init__(self, mic_target_ms: int = 30, speaker_target_ms: int = 20,
                 realtime: bool = True, app_name: str = "workstation") -> None:
        self._lib = load()
        err = ctypes.create_string_buffer(_ERR)
        handle = self._lib.wsa_create(app_name.encode(), int(mic_target_ms),
                                      int(speaker_target_ms), int(realtime), err, _ERR)
        if not handle:
            raise NativeAudioError(err.value.decode(errors="replace"))
        self._h = ctypes.c_void_p(handle)
        self.slot = self._lib.wsa_slot(self._h)

    def open(self, input: bool, device: str = "", period_ms: int = 10) -> None:
        """Open the microphone (``input``) or speaker on a PulseAudio device by its
        name ("" = the default); raises NativeAudioError naming the device."""
        err = ctypes.create_string_buffer(_ERR)
        if self._lib.wsa_open(self._h, int(input), device.encode() if device else None,
                              int(period_ms), err, _ERR) != 0:
            raise NativeAudioError(err.value.decode(errors="replace"))

    def close_side(self, input: bool) -> None:
        self._lib.wsa_close_side(self._h, int(input))

    def state(self, input: bool) -> int:
        """1 open, 0 closed, -1 the stream died (its device went away)."""
        return self._lib.wsa_state(self._h, int(input))

    def set_muted(self, muted: bool) -> None:
        self._lib.wsa_set_muted(self._h, int(bool(muted)))

    def set_silence_rms(self, rms: float) -> None:
        self._lib.wsa_set_silence_rms(self._h, float(rms))

    def seconds_since_sound(self) -> float:
        """Since the microphone last carried sound; -1 when it never did."""
        return self._lib.wsa_seconds_since_sound(self._h)

    def stats(self, reset: bool = False) -> BridgeStats:
        """The counters since the last reset, as the Python path reports them."""
        s = _Stats()
        self._lib.wsa_stats(self._h, ctypes.byref(s), int(reset))
        return BridgeStats(s.mic_underruns, s.mic_overruns, s.spk_underruns, s.spk_overruns,
                           s.mic_frames, s.spk_frames, s.mic_fill_ms, s.spk_fill_ms,
                           s.mic_latency_ms, s.spk_latency_ms, s.max_tick_gap_ms,
                           s.max_mic_gap_ms)

    def destroy(self) -> None:
        """Close the streams and take the port off the bridge (pjsua2 thread). Once."""
        h, self._h = self._h, None
        if h is not None:
            self._lib.wsa_destroy(h)
