"""Python's cyclic garbage collector runs on the GUI thread only.

    collector = GuiThreadGC(app)   # in main(), before the parts start

CPython collects cycles on whichever thread happens to cross the allocation
threshold: a QThreadPool worker compiling SQL, the headset's audio QThread,
pjmedia's clock thread (the headset port), libpulse's thread (the device
watcher) or a sync thread. Whatever cyclic garbage exists at that moment is
finalised there: a PySide wrapper's C++ object (a QObject, a QTimer, a
dynamically made QObject class and its meta-object) created on the GUI thread
would be destroyed on another thread, and a pjsua2 object on a thread pjlib
does not know (which aborts the process). Measured in the app's first 6 s
(bench/bench_startup.py, startup_gc_off_gui_thread): 12–14 of ~230 collections
ran on QThreadPool workers with automatic collection, none with this.

The remedy PyQt/PySide applications use (Anki's aqt, pyqtgraph, calibre):
automatic collection off, and a QTimer on the GUI thread that collects each
generation when its count passed the interpreter's own threshold; so the
collection schedule stays what CPython would do, only the thread is fixed.
Explicit ``gc.collect()`` calls (the engine's, before libDestroy) still work.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

INTERVAL_MS = 500


class GuiThreadGC(QObject):
    """Owns the collection schedule while it lives; :meth:`uninstall` gives it back."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self.collections = [0, 0, 0]
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        t0, t1, t2 = self.threshold
        c0, c1, c2 = gc.get_count()
        if not t0 or c0 <= t0:
            return 0
        generation = 2 if (c1 > t1 and c2 > t2) else 1 if c1 > t1 else 0
        self.collections[generation] += 1
        return gc.collect(generation)

    def uninstall(self) -> None:
        """Automatic collection back as it was (tests; safe twice)."""
        self.timer.stop()
        if self._was_enabled:
            gc.enable()
