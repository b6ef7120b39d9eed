"""views.paging.PagedTableModel over an in-memory list, its reads on the real worker pool.

Every read can be held on its worker until the test lets it go, so the order in
which pages arrive is the test's, not the scheduler's. Qt's own
QAbstractItemModelTester watches the model throughout: a begin/end pair out of
step or a wrong rowCount is a logged FAIL, and the test fails on it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, Qt, QtMsgType
from PySide6.QtTest import QAbstractItemModelTester

from workstation.views.paging import PagedTableModel

WAIT = 20000  # ms: generous, the tests wait on conditions, never on speed


@dataclass(frozen=True)
class Row:
    id: int
    key: int
    text: str


ALL = [Row(i, i * 10, f"row {i}") for i in range(25)]
FILTERS = {"all": lambda r: True, "even": lambda r: r.id % 2 == 0}


class Handle:
    """What _new_query hands out: records whether a newer filter interrupted it."""

    def __init__(self) -> None:
        self.interrupted = threading.Event()

    def interrupt(self) -> None:
        self.interrupted.set()


@dataclass
class Read:
    flt: str
    after: int | None
    query: Handle
    go: threading.Event
    started: threading.Event


class ListModel(PagedTableModel):
    _what = "test list"

    def __init__(self, page_size: int = 10, hold: bool = False, fail_after=None) -> None:
        super().__init__(None, None, page_size, "all", wait_for_filter=True)
        self.hold = hold
        """True: each page read waits on its worker until the test sets its ``go``."""
        self.fail_after = fail_after
        """The page after this key raises."""
        self.reads: list[Read] = []
        self.done: list[tuple[int, int]] = []
        """(generation, rows) of every page that came back, stale or not."""
        self.counts_read = 0
        self.back: list[str] = []
        """"page" / "failed" / "count" for every read that came back, stale or not."""

    def _new_query(self):
        return Handle()

    def _page_reader(self, after, limit, query):
        flt, fail = self._filter, self.fail_after
        read = Read(flt, after, query, threading.Event(), threading.Event())
        if not self.hold:
            read.go.set()
        self.reads.append(read)

        def work():
            read.started.set()
            assert read.go.wait(WAIT / 1000)
            if fail is not None and after == fail:
                raise OSError("disk on fire")
            match = [r for r in ALL if FILTERS[flt](r) and (after is None or r.key > after)]
            return match[:limit]
        return work

    def _count_reader(self, query):
        flt = self._filter
        self.counts_read += 1
        return lambda: sum(1 for r in ALL if FILTERS[flt](r))

    def _error_text(self, exc):
        return f"could not read: {exc}"

    def _make_headers(self):
        return ["Text"]

    def all_delivered(self) -> bool:
        return len(self.back) == len(self.reads) + self.counts_read

    def _page_done(self, gen, rows):
        self.back.append("page")
        self.done.append((gen, len(rows or [])))
        super()._page_done(gen, rows)

    def _page_failed(self, gen, exc):
        self.back.append("failed")
        super()._page_failed(gen, exc)

    def _count_done(self, gen, n):
        self.back.append("count")
        super()._count_done(gen, n)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()].text
        return None


@pytest.fixture
def watched(qtbot, qtlog):
    """A model under QAbstractItemModelTester; no FAIL may be logged by the end."""
    made = []

    def make(**kw):
        model = ListModel(**kw)
        made.append((model, QAbstractItemModelTester(
            model, QAbstractItemModelTester.FailureReportingMode.Warning)))
        return model

    yield make
    for model, _tester in made:  # no worker may outlive its model
        settle(qtbot, model)
    fails = [r.message for r in qtlog.records
             if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg)
             and "FAIL" in r.message]
    assert not fails, fails


def texts(model):
    return [model.data(model.index(i, 0)) for i in range(model.rowCount())]


def test_nothing_is_read_before_the_first_filter(qtbot, watched):
    model = watched()
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.reads == [] and not model.is_loading()


def settle(qtbot, model):
    """Let every held read go (and those the tester starts meanwhile) until all have
    come back to the model."""
    def idle():
        for r in model.reads:
            r.go.set()
        return model.all_delivered() and not model.is_loading()
    qtbot.waitUntil(idle, timeout=WAIT)


def test_pages_arrive_in_order_one_read_at_a_time(qtbot, watched):
    # The tester, as a view would, calls fetchMore itself whenever rows came in;
    # so does the test: either way one page is read at a time, in key order.
    model = watched(hold=True)
    loading, counts, loaded = [], [], []
    model.sig_loading.connect(loading.append)
    model.sig_count.connect(counts.append)
    model.sig_page_loaded.connect(loaded.append)

    model.set_filter("all")
    assert model.is_loading() and model.canFetchMore()
    for n in (1, 2, 3):
        model.fetchMore(QModelIndex())  # a page is under way: no second read
        assert len(model.reads) == n and model.is_loading()
        with qtbot.waitSignal(model.sig_page_loaded, timeout=WAIT):
            model.reads[-1].go.set()
        assert model.rowCount() == min(10 * n, 25)
    assert [r.after for r in model.reads] == [None, 90, 190]  # the last row's key
    assert texts(model) == [r.text for r in ALL]
    assert loaded == [10, 10, 5]
    assert loading.count(True) == 3 and loading.count(False) == 3
    assert not model.canFetchMore() and not model.is_loading()  # a short page: the end
    model.fetchMore(QModelIndex())
    assert len(model.reads) == 3
    qtbot.waitUntil(lambda: counts == [25], timeout=WAIT)
    # finished reads let go of their handles: a new filter interrupts none of them
    model.set_filter("even")
    assert not any(r.query.interrupted.is_set() for r in model.reads[:3])
    settle(qtbot, model)


def test_a_filter_change_mid_fetch_drops_the_stale_page(qtbot, watched):
    model = watched(hold=True)
    counts, loaded = [], []
    model.sig_count.connect(counts.append)
    model.sig_page_loaded.connect(loaded.append)

    model.set_filter("all")
    stale = model.reads[0]
    assert stale.started.wait(WAIT / 1000)  # the read is on its worker, held
    model.set_filter("even")
    assert stale.query.interrupted.is_set()  # the superseded read was told to stop
    fresh = model.reads[1]
    assert fresh.flt == "even" and fresh.after is None
    assert model.rowCount() == 0 and model.is_loading()

    with qtbot.waitSignal(model.sig_page_loaded, timeout=WAIT):
        fresh.go.set()
    evens = [f"row {i}" for i in range(0, 20, 2)]
    assert texts(model) == evens
    stale.go.set()  # the old page comes back last ...
    qtbot.waitUntil(lambda: len(model.done) >= 2 and model.done[-1][0] == 1, timeout=WAIT)
    assert model.done[0] == (2, 10)  # (the fresh one, generation 2)
    assert model.done[-1] == (1, 10)  # ... tagged with the older generation
    assert texts(model) == evens and loaded == [10]  # and dropped
    assert not fresh.query.interrupted.is_set()
    settle(qtbot, model)
    assert counts == [13]  # the count of "all" (25) came too late and was dropped
    assert all(r.flt == "even" for r in model.reads[1:])
    assert texts(model) == [f"row {i}" for i in range(0, 25, 2)]


def test_a_failing_page_emits_the_error_and_stops_fetching(qtbot, watched, caplog):
    model = watched(fail_after=90)
    errors, loaded = [], []
    model.sig_error.connect(errors.append)
    model.sig_page_loaded.connect(loaded.append)
    model.set_filter("all")
    qtbot.waitUntil(lambda: loaded == [10], timeout=WAIT)
    model.fetchMore(QModelIndex())  # the second page: it raises
    qtbot.waitUntil(lambda: errors != [], timeout=WAIT)
    assert errors == ["could not read: disk on fire"]
    assert "test list query failed: disk on fire" in caplog.text
    assert not model.is_loading() and not model.canFetchMore()
    model.fetchMore(QModelIndex())
    settle(qtbot, model)
    assert len(model.reads) == 2  # no retry behind the user's back
    assert model.rowCount() == 10 and errors == ["could not read: disk on fire"]

    model.fail_after = None  # refresh starts over
    with qtbot.waitSignal(model.sig_page_loaded, timeout=WAIT):
        model.refresh()
    assert model.rowCount() >= 10 and model.reads[2].after is None
    settle(qtbot, model)
    assert model.rowCount() == 25


def test_a_stale_failure_is_not_reported(qtbot, watched):
    model = watched(hold=True, fail_after=90)
    errors = []
    model.sig_error.connect(errors.append)
    model.set_filter("all")
    with qtbot.waitSignal(model.sig_page_loaded, timeout=WAIT):
        model.reads[0].go.set()
    model.fetchMore(QModelIndex())
    failing = model.reads[1]
    assert failing.after == 90
    model.set_filter("even")
    assert failing.query.interrupted.is_set()
    settle(qtbot, model)
    assert errors == [] and model.rowCount() == 13 and not model.canFetchMore()
