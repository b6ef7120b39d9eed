"""``safe_emit``: Signal.emit without PySide6 6.12's reference leak on Python 3.11.

PySide6 6.12.0 ``SignalInstance.emit()`` returns ``True`` without taking a
reference on Python 3.11 (where bools are not immortal): every emit from
Python code drops ``True``'s refcount by one, and after a few thousand emits
the interpreter aborts ("Fatal Python error: bool_dealloc"). The engine emits
several signals per call, so an all-day softphone would crash. Measured here:
100 emits → True's refcount -100 (PySide6 6.12.0, CPython 3.11.7).

``safe_emit`` probes the leak once and, only when it is present, gives the
returned bool back the reference the binding failed to take.
"""

from __future__ import annotations

import ctypes
import sys

_leaks: bool | None = None


def _probe() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        sig = Signal()

    p = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        p.sig.emit()
    leaked = sys.getrefcount(True) - before <= -8
    for _ in range(8 if leaked else 0):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return leaked


def emit_leaks() -> bool:
    global _leaks
    if _leaks is None:
        _leaks = _probe()
    return _leaks


def safe_emit(signal, *args) -> None:
    """``signal.emit(*args)``, compensating PySide6's missing reference when needed."""
    result = signal.emit(*args)
    if isinstance(result, bool) and emit_leaks():
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
