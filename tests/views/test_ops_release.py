"""Background operations drop what they held on the GUI thread (views.ops._Releaser).

The start-up crash of issue 15 had this shape: a pool thread finished a
warm-up whose closure held a widget, and the widget's wrapper died there.
Here each operation's closure, result and exception hold an object that
records which thread freed it; all of them must be freed on the GUI thread.
"""

import gc
import threading

from PySide6.QtCore import QObject

from workstation.views import ops

freed_on: list[int] = []


class Tracked(QObject):
    def __del__(self):
        freed_on.append(threading.get_ident())


class Failure(Exception):
    pass


def test_closures_results_and_errors_are_freed_on_the_gui_thread(qtbot):
    gui = threading.get_ident()
    freed_on.clear()
    done = []
    n = 60
    for i in range(n):
        held = Tracked()  # captured by the closure only

        if i % 3 == 2:
            def fn(_p, _c, held=held):
                raise Failure(held)  # the exception carries it too
        else:
            def fn(_p, _c, held=held):
                return Tracked() if held is not None else None  # a result holding one
        ops.run_op(None, fn, on_done=lambda r: done.append(r is not None),
                   on_error=lambda e: done.append(isinstance(e, Failure)))
        del held, fn
    qtbot.waitUntil(lambda: len(done) == n, timeout=30000)
    assert all(done)
    done.clear()  # the results go with the list
    # the release events come after the results: let them through
    qtbot.waitUntil(lambda: len(freed_on) >= n + 2 * n // 3, timeout=30000)
    gc.collect()
    assert len(freed_on) >= n + 2 * n // 3
    assert set(freed_on) == {gui}, "a worker thread freed an object made on the GUI thread"


def test_a_view_closed_while_its_op_runs_gets_no_callback_and_nothing_crashes(qtbot):
    started, finished, called = threading.Event(), [], []
    for _ in range(50):
        view = QObject()
        go = threading.Event()

        def fn(progress, cancel, go=go):
            started.set()
            go.wait(5)
            progress(1, 1)  # emits on the op after its view is gone
            finished.append(cancel.is_set())
            return 1

        op = ops.run_op(view, fn, on_done=called.append, on_error=called.append,
                        on_progress=lambda d, t: called.append((d, t)))
        qtbot.waitUntil(started.is_set, timeout=5000)
        started.clear()
        view.deleteLater()
        qtbot.waitUntil(lambda op=op: op.orphaned, timeout=5000)
        go.set()
        qtbot.waitUntil(lambda op=op: op.finished.is_set(), timeout=5000)
    qtbot.wait(50)
    assert finished == [True] * 50  # the op was cancelled when its view went
    assert called == []
