"""The session context: ctx.write() is the one way to write (lock, BEGIN IMMEDIATE,
commit or roll back), and the signed-in user is one object."""

from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from workstation.services import users
from workstation.services.context import WRITE_LOCK, Context, SignedInUser
from workstation.store.models import Lead, User


def test_write_holds_the_sqlite_write_lock_from_its_first_statement(store, config):
    ctx = Context(store, SignedInUser(id=None, login="anna"), settings=config)
    with ctx.write() as s:
        s.scalar(select(Lead.id).limit(1))  # only a read so far: the lock is held already
        with store.engine.connect() as other:
            other.exec_driver_sql("PRAGMA busy_timeout=0")
            with pytest.raises(OperationalError, match="locked"):
                other.exec_driver_sql("BEGIN IMMEDIATE")
        held_elsewhere = []
        t = threading.Thread(target=lambda: held_elsewhere.append(WRITE_LOCK.acquire(timeout=0)))
        t.start()
        t.join()
        assert held_elsewhere == [False]  # other threads of this process queue on the lock


def test_write_commits_at_the_end_and_rolls_back_on_error(store, config):
    ctx = Context(store, SignedInUser(id=None, login="anna"), settings=config)
    with ctx.write() as s:
        s.add(Lead(company="Kept"))
    with pytest.raises(RuntimeError), ctx.write() as s:
        s.add(Lead(company="Gone"))
        s.flush()
        raise RuntimeError("power cut")
    with ctx.read() as s:
        assert set(s.scalars(select(Lead.company))) == {"Kept"}


def test_settings_are_read_when_asked(store, config):
    ctx = Context(store, SignedInUser(id=None, login="anna"), settings=config)
    assert ctx.region == "UA"
    config.set("phone.default_region", "PL")
    assert ctx.region == "PL"


def test_sign_in_creates_the_login_once_and_adopting_an_id_is_one_assignment(store, config):
    config.set("user.login", "anna")
    config.set("user.name", "Anna Manager")
    ctx = users.sign_in(store, config)
    again = users.sign_in(store, config)
    assert ctx.user.id is not None and again.user.id == ctx.user.id
    assert (ctx.user.login, ctx.user.display_name, ctx.user.role) == ("anna", "Anna Manager",
                                                                      "manager")
    with ctx.read() as s:
        assert [u.login for u in s.scalars(select(User))] == ["anna"]
    user = ctx.user
    shared = uuid.uuid4()
    user.adopt(shared)
    assert ctx.user is user and ctx.user.id == shared
