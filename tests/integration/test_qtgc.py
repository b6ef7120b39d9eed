"""Cyclic garbage is finalised on the GUI thread (workstation.qtgc), whoever allocates."""

from __future__ import annotations

import gc
import threading

import pytest


class _Cycle:
    """Garbage only the cyclic collector frees; notes on which thread that happened."""

    freed_on: list[int] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.get_ident())


def _make_garbage_on_the_gui_thread(n: int = 20) -> None:
    from PySide6.QtCore import QObject

    for _ in range(n):
        c = _Cycle()
        c.qobject = QObject()  # a Qt object made here, owned by the cycle
        del c


def _allocate_on_a_worker(keep: list) -> int:
    """What a pool worker compiling SQL does to the allocator: far past gen 0's
    threshold, with objects that stay (``keep``), as a warm-up's caches do."""
    out = []

    def work() -> None:
        keep.extend([i] for i in range(20 * gc.get_threshold()[0]))
        out.append(threading.get_ident())

    t = threading.Thread(target=work)
    t.start()
    t.join()
    return out[0]


@pytest.fixture
def clean_gc():
    gc.collect()
    _Cycle.freed_on.clear()
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    gc.collect()


def test_without_it_a_worker_thread_frees_the_gui_threads_garbage(clean_gc):
    """The hazard itself: CPython collects on the thread that allocates."""
    gc.enable()
    _make_garbage_on_the_gui_thread()
    worker = _allocate_on_a_worker([])
    assert _Cycle.freed_on and set(_Cycle.freed_on) == {worker}


def test_with_it_the_gui_thread_frees_everything(qtbot, clean_gc):
    from workstation.qtgc import GuiThreadGC

    gui = threading.get_ident()
    collector = GuiThreadGC(interval_ms=20)
    try:
        assert not gc.isenabled()
        _make_garbage_on_the_gui_thread()
        kept: list = []
        _allocate_on_a_worker(kept)
        assert _Cycle.freed_on == []  # nothing finalised on the worker
        qtbot.waitUntil(lambda: len(_Cycle.freed_on) == 20, timeout=5000)
        assert set(_Cycle.freed_on) == {gui}
        assert sum(collector.collections) >= 1
    finally:
        collector.uninstall()
    assert gc.isenabled()
