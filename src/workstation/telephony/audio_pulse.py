"""Which PulseAudio sinks/sources exist right now, watched through libpulse (ctypes).

Why: QtMultimedia 6.12's PulseAudio backend notices a device that appears
but not one that goes away (measured: after `pactl unload-module` of a
null sink, QMediaDevices.audioOutputs() still listed it and no
audioOutputsChanged came). The headset bridge must notice an unplugged
headset, so on Linux it asks PulseAudio (or PipeWire's pulse server) itself.

`PulseWatcher` runs a libpulse threaded mainloop, subscribes to sink/source
events and keeps the set of device descriptions; `changed` is emitted
(queued to the owner's thread) after every add/remove. Absent libpulse or
server: `available` is False and the bridge relies on QMediaDevices alone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_CONTEXT_READY = 4
_CONTEXT_FAILED = 5
_CONTEXT_TERMINATED = 6
_MASK_SINK = 0x0001
_MASK_SOURCE = 0x0002
_FACILITY_MASK = 0x000F
_TYPE_MASK = 0x0030
_FACILITY_SINK = 0
_FACILITY_SOURCE = 1


class _Info(ctypes.Structure):
    # pa_sink_info and pa_source_info both start with: name, index, description
    _fields_ = [("name", ctypes.c_char_p), ("index", ctypes.c_uint32),
                ("description", ctypes.c_char_p)]


_STATE_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
_SUB_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32, ctypes.c_void_p)
_INFO_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(_Info), ctypes.c_int,
                            ctypes.c_void_p)


def _load():
    name = ctypes.util.find_library("pulse") or "libpulse.so.0"
    lib = ctypes.CDLL(name)
    vp = ctypes.c_void_p
    for fn, res, args in (
            ("pa_threaded_mainloop_new", vp, []),
            ("pa_threaded_mainloop_get_api", vp, [vp]),
            ("pa_threaded_mainloop_start", ctypes.c_int, [vp]),
            ("pa_threaded_mainloop_stop", None, [vp]),
            ("pa_threaded_mainloop_free", None, [vp]),
            ("pa_threaded_mainloop_lock", None, [vp]),
            ("pa_threaded_mainloop_unlock", None, [vp]),
            ("pa_context_new", vp, [vp, ctypes.c_char_p]),
            ("pa_context_connect", ctypes.c_int, [vp, ctypes.c_char_p, ctypes.c_int, vp]),
            ("pa_context_disconnect", None, [vp]),
            ("pa_context_unref", None, [vp]),
            ("pa_context_get_state", ctypes.c_int, [vp]),
            ("pa_context_set_state_callback", None, [vp, _STATE_CB, vp]),
            ("pa_context_set_subscribe_callback", None, [vp, _SUB_CB, vp]),
            ("pa_context_subscribe", vp, [vp, ctypes.c_int, vp, vp]),
            ("pa_context_get_sink_info_list", vp, [vp, _INFO_CB, vp]),
            ("pa_context_get_source_info_list", vp, [vp, _INFO_CB, vp]),
            ("pa_operation_unref", None, [vp])):
        f = getattr(lib, fn)
        f.restype, f.argtypes = res, args
    return lib


class PulseWatcher(QObject):
    """Live sets of PulseAudio sink and source descriptions (and names)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._sinks: dict[int, tuple[str, str]] = {}
        self._sources: dict[int, tuple[str, str]] = {}
        self._pending: dict[str, dict[int, tuple[str, str]]] = {}
        self._ml = self._ctx = None
        self.available = False
        try:
            self._pa = _load()
        except OSError as exc:
            log.info("libpulse not available: %s", exc)
            return
        # keep the ctypes callbacks referenced as long as the context lives
        self._state_cb = _STATE_CB(self._on_state)
        self._sub_cb = _SUB_CB(self._on_event)
        self._sink_cb = _INFO_CB(lambda c, i, eol, u: self._on_info("sink", i, eol))
        self._source_cb = _INFO_CB(lambda c, i, eol, u: self._on_info("source", i, eol))
        self._ready = threading.Event()
        pa = self._pa
        self._ml = pa.pa_threaded_mainloop_new()
        self._ctx = pa.pa_context_new(pa.pa_threaded_mainloop_get_api(self._ml),
                                      b"workstation-headset-watch")
        pa.pa_context_set_state_callback(self._ctx, self._state_cb, None)
        # flags 2 = PA_CONTEXT_NOAUTOSPAWN: never start a sound server ourselves
        if pa.pa_context_connect(self._ctx, None, 2, None) < 0:
            self._free()
            return
        pa.pa_threaded_mainloop_start(self._ml)
        if not self._ready.wait(3.0) or not self.available:
            self.close()
            return
        self._ready.clear()
        pa.pa_threaded_mainloop_lock(self._ml)
        try:
            self._refresh()
        finally:
            pa.pa_threaded_mainloop_unlock(self._ml)
        self._ready.wait(3.0)

    # ---- libpulse thread -----------------------------------------------------------------
    def _on_state(self, ctx, _userdata) -> None:
        state = self._pa.pa_context_get_state(ctx)
        if state == _CONTEXT_READY:
            self.available = True
            self._pa.pa_context_set_subscribe_callback(ctx, self._sub_cb, None)
            op = self._pa.pa_context_subscribe(ctx, _MASK_SINK | _MASK_SOURCE, None, None)
            if op:
                self._pa.pa_operation_unref(op)
            self._ready.set()
        elif state in (_CONTEXT_FAILED, _CONTEXT_TERMINATED):
            self.available = False
            self._ready.set()

    def _on_event(self, ctx, event, index, _userdata) -> None:
        if (event & _FACILITY_MASK) in (_FACILITY_SINK, _FACILITY_SOURCE):
            self._refresh()

    def _refresh(self) -> None:
        """Ask for both lists (called on the libpulse thread or with its lock held)."""
        with self._lock:
            self._pending = {"sink": {}, "source": {}}
        for getter, cb in ((self._pa.pa_context_get_sink_info_list, self._sink_cb),
                           (self._pa.pa_context_get_source_info_list, self._source_cb)):
            op = getter(self._ctx, cb, None)
            if op:
                self._pa.pa_operation_unref(op)

    def _on_info(self, kind: str, info, eol: int) -> None:
        with self._lock:
            pending = self._pending.get(kind)
            if pending is None:
                return
            if eol == 0 and info:
                i = info.contents
                pending[i.index] = ((i.description or b"").decode(errors="replace"),
                                    (i.name or b"").decode(errors="replace"))
                return
            # end of list: publish it
            new = self._pending.pop(kind)
            if kind == "sink":
                old, self._sinks = self._sinks, new
            else:
                old, self._sources = self._sources, new
            done = not self._pending
        if old != new:
            self.changed.emit()
        if done:
            self._ready.set()

    # ---- any thread ------------------------------------------------------------------------
    def has_output(self, name: str) -> bool:
        return self.output_index(name) is not None

    def has_input(self, name: str) -> bool:
        return self.input_index(name) is not None

    def output_index(self, name: str) -> int | None:
        """PulseAudio's index of the sink with this name or description (None: absent).

        The index is the sink's identity: a sink unloaded and loaded again (a
        headset unplugged and plugged back) gets a new one, while its name,
        which is what Qt uses as QAudioDevice.id(), stays the same.
        """
        with self._lock:
            return next((i for i, pair in sorted(self._sinks.items()) if name in pair), None)

    def input_index(self, name: str) -> int | None:
        """PulseAudio's index of the source with this name or description (None: absent)."""
        with self._lock:
            return next((i for i, pair in sorted(self._sources.items()) if name in pair), None)

    def close(self) -> None:
        if self._ml is None:
            return
        self._pa.pa_threaded_mainloop_stop(self._ml)
        self._free()

    def _free(self) -> None:
        if self._ctx:
            self._pa.pa_context_disconnect(self._ctx)
            self._pa.pa_context_unref(self._ctx)
            self._ctx = None
        if self._ml:
            self._pa.pa_threaded_mainloop_free(self._ml)
            self._ml = None
        self.available = False
