"""Fixtures for the UI tests: a user and a main window (helpers: views_helpers.py)."""

from __future__ import annotations

import pytest

from workstation.store.models import User


@pytest.fixture
def user(store):
    with store.session() as s, s.begin():
        u = User(login="manager", full_name="Maria Manager")
        s.add(u)
    return u.id


@pytest.fixture
def window(qtbot, store, user, make_ctx):
    from workstation.views.mainwindow import MainWindow

    w = MainWindow(make_ctx(store, user, "Maria Manager"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.shutdown()
