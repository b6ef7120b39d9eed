"""The session context every service takes: the store, the signed-in user, the
region and the settings, and the one way to write.

    ctx = Context(store, SignedInUser(id=uid, login="anna"), settings=config)
    with ctx.read() as s:          # reads: a plain session, no transaction kept
        ...
    with ctx.write() as s:         # writes: lock, BEGIN IMMEDIATE, commit or roll back
        ...

The user is one object: parts that act for the user read ``ctx.user.id`` when
they act, never a copy, so adopting the shared database's id after an offline
first start is one assignment (:meth:`SignedInUser.adopt`).
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workstation.domain.attempts import AttemptPolicy
from workstation.domain.kpi import EffectiveRule
from workstation.store.admin import effective_min_talk

WRITE_LOCK = threading.RLock()
"""Taken around every write transaction of this process (``Context.write``):
writers queue on it and wake at once, instead of meeting in SQLite and polling
its busy handler (sleeps of 1, 2, 5, 10, 15... ms). Other processes (an import
from the CLI, the sync worker's own connections) are waited for by SQLite's
busy timeout once BEGIN IMMEDIATE asks for the lock."""


@dataclass
class SignedInUser:
    """Who works at this workstation: the row of ``user.login`` in the store."""

    id: uuid.UUID | None
    login: str
    name: str = ""
    role: str = "manager"
    team_id: uuid.UUID | None = None

    @property
    def display_name(self) -> str:
        return self.name or self.login

    def adopt(self, new_id: uuid.UUID) -> None:
        """Sync merged this login with the shared row: act under its id from now on."""
        self.id = new_id


class Context:
    """Store, signed-in user, settings; ``read()`` and the one ``write()``."""

    def __init__(self, store, user: SignedInUser, *, settings) -> None:
        self.store, self.user, self.settings = store, user, settings

    # -- what the settings say (read when asked: the settings dialog changes them) --
    @property
    def region(self) -> str:
        return self.settings.get("phone.default_region") or "UA"

    @property
    def language(self) -> str | None:
        return self.settings.get("ui.language") or None

    def attempt_policy(self) -> AttemptPolicy:
        return AttemptPolicy.from_config(self.settings)

    def effective_rule(self) -> EffectiveRule:
        """The admin's rule from the store (synced to every workstation), else the setting."""
        with self.read() as s:
            seconds = effective_min_talk(s)
        return EffectiveRule(seconds) if seconds is not None else \
            EffectiveRule.from_config(self.settings)

    @property
    def daily_plan(self) -> int:
        return int(self.settings.get("plan.effective_calls_per_day"))

    # -- sessions -----------------------------------------------------------------
    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reads. Never shared across threads: open it where it is used."""
        with self.store.session() as s:
            yield s

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """The one way to write: the in-process write lock, then a transaction
        begun with BEGIN IMMEDIATE (it waits for another process's writer instead
        of failing), committed when the block ends, rolled back on any error."""
        with WRITE_LOCK, self.store.write_session() as s, s.begin():
            yield s
