"""The sync thread: runs :class:`workstation.sync.worker.Syncer` until stopped.

A local commit wakes a push at once; PostgreSQL NOTIFY (``ws_sync``) wakes a
pull, coalesced to at most one per ``PULL_INTERVAL_S`` and only when the
payload names rows this workstation may see; a poll covers missed
notifications; offline, it retries from ``RETRY_FIRST_S`` doubling.
"""

from __future__ import annotations

import logging
import os
import re
import select as selectmod
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import psycopg
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from workstation.sync.worker import (
    OUTBOX_CHECK_S,
    PULL_INTERVAL_S,
    RETRY_FIRST_S,
    SyncReport,
    Syncer,
)
from workstation.sync.shared import SharedUnavailable, libpq_conninfo

log = logging.getLogger(__name__)


@dataclass
class Status:
    connected: bool
    waiting: int
    last_sync: datetime | None
    error: str = ""
    rejected: int = 0  # changes the shared database refused (kept in the outbox)


class SyncWorker(threading.Thread):
    """Runs :class:`Syncer` until stopped.

    A local change (a commit of any ORM session on this store, seen through
    SQLAlchemy's ``after_commit``; an outbox check every ``OUTBOX_CHECK_S``
    catches other writers) wakes a push at once. A NOTIFY from another
    workstation wakes a pull, at most one per ``pull_interval_s`` (or twice the
    last pull's duration after its end, when that is longer): on a busy team
    the notifications of that interval are pulled together, and pushes (which
    never wait for notified pulls) get most of the thread. Notifications about
    rows this login cannot see (the payload names who can) wake nothing. A poll every ``poll_s`` pulls every table (missed
    notifications). When the shared database is unreachable it retries after
    ``RETRY_FIRST_S``, doubling up to ``retry_s``.
    """

    def __init__(self, syncer: Syncer, *, poll_s: float = 5.0, retry_s: float = 1.0,
                 on_status: Callable[[Status], None] | None = None,
                 on_report: Callable[[SyncReport], None] | None = None,
                 pull_interval_s: float = PULL_INTERVAL_S) -> None:
        super().__init__(name="workstation-sync", daemon=True)
        self.syncer = syncer
        self.poll_s = poll_s
        self.retry_s = retry_s
        self.on_status = on_status
        self.on_report = on_report
        self.pull_interval_s = pull_interval_s
        self._halt = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self.status = Status(False, 0, None)
        self.audience: _Audience | None = None  # None: every notification concerns us

    def stop(self, timeout: float | None = 10.0) -> None:
        self._halt.set()
        self.wake()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)

    def wake(self) -> None:
        """Push now (e.g. right after a wrap-up was saved). Any thread."""
        try:
            self._wake_w.send(b"w")
        except OSError:  # full (a wake is pending anyway) or closed
            pass

    def _drain_wake(self) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except OSError:
            pass

    def _emit(self, connected: bool, error: str = "") -> None:
        try:
            waiting = self.syncer.waiting()
            last = self.syncer.last_sync()
            rejected = self.syncer.rejected_count()
        except Exception:  # noqa: BLE001 - a busy local store must not kill the thread
            waiting, last = self.status.waiting, self.status.last_sync
            rejected = self.status.rejected
        self.status = Status(connected, waiting, last, error, rejected)
        if self.on_status:
            self.on_status(self.status)

    def run(self) -> None:
        _watch(self, True)
        listen = None
        pull_all = True  # the first round, after a reconnect, and on each poll
        notified: set[str] = set()
        last_pull = float("-inf")
        pull_gap = self.pull_interval_s
        poll_at = 0.0
        retry = RETRY_FIRST_S
        try:
            while not self._halt.is_set():
                try:
                    if listen is None:
                        listen = psycopg.connect(**libpq_conninfo(self.syncer.shared),
                                                 autocommit=True)
                        listen.execute("LISTEN ws_sync")
                        pull_all = True
                    self._drain_wake()  # commits after this wake the next round
                    now = time.monotonic()
                    pull_all = pull_all or now >= poll_at
                    if pull_all:  # a login moved to another team or role
                        self.audience = _Audience.of(listen)
                    pull = pull_all or (bool(notified) and now - last_pull >= pull_gap)
                    if pull:  # what else changed up to now is pulled in this round too
                        self._read_notifies(listen, notified)
                    report = self.syncer.sync_once(None if pull_all else set(notified),
                                                   pull=pull)
                    retry = RETRY_FIRST_S
                    if pull:
                        # pulls take at most a third of the time: pushes come first
                        last_pull = time.monotonic()
                        pull_gap = max(self.pull_interval_s, 2 * (last_pull - now))
                        if pull_all:
                            poll_at = now + self.poll_s
                        pull_all = False
                        notified.clear()
                    self._emit(True)
                    if self.on_report and report.moved():
                        self.on_report(report)
                    self._wait(listen, notified, last_pull + pull_gap, poll_at)
                except (SharedUnavailable, psycopg.OperationalError, OperationalError) as exc:
                    log.info("shared database unavailable: %s", exc)
                    if listen is not None:
                        try:
                            listen.close()
                        except Exception:  # noqa: BLE001
                            pass
                        listen = None
                    self._emit(False, str(exc))
                    self._halt.wait(retry)
                    retry = min(self.retry_s, retry * 2)
                except Exception as exc:  # noqa: BLE001 - keep syncing; the log has the trace
                    log.exception("sync round failed")
                    self._emit(self.status.connected, str(exc))
                    pull_all = True
                    self._halt.wait(self.retry_s)
        finally:
            self.syncer.timings["thread_cpu_s"] += time.thread_time()
            _watch(self, False)
            if listen is not None:
                listen.close()
            self.syncer.close()
            self._wake_r.close()
            self._wake_w.close()

    def _note(self, n, notified: set[str]) -> None:
        """Changes this workstation pushed itself (NOTIFY sent by one of its own push
        connections) do not make it pull: its own rows are already here; nor do
        rows it may not see (the payload names who may)."""
        t = self.syncer.timings
        if n.pid in self.syncer.push_pids:
            t["notify_own"] += 1
            return
        table, _, tokens = n.payload.partition(" ")
        if table in notified:
            t["notify_other"] += 1
            return
        if self.audience is not None and not self.audience.sees(tokens):
            t["notify_unseen"] += 1
            return
        t["notify_other"] += 1
        notified.add(table)

    def _read_notifies(self, listen, notified: set[str]) -> None:
        for n in listen.notifies(timeout=0.0):
            self._note(n, notified)

    def _wait(self, listen, notified: set[str], pull_at: float, poll_at: float) -> None:
        """Until there is something to do: a local change to push (woken, or found
        in the outbox), notified tables once ``pull_at`` has come, or the poll."""
        t = self.syncer.timings
        check_at = time.monotonic() + OUTBOX_CHECK_S
        while not self._halt.is_set():
            now = time.monotonic()
            if now >= poll_at:
                t["wake_poll"] += 1
                return
            if notified and now >= pull_at:
                t["wake_notify"] += 1
                return
            until = min(poll_at, check_at, pull_at if notified else poll_at)
            # Once a pull is wanted, further notifications wait in the socket until
            # it is due (read just before it): a busy team costs no wake-ups.
            fds = [self._wake_r] if notified else [self._wake_r, listen.fileno()]
            ready, _, _ = selectmod.select(fds, [], [], max(0.0, until - now))
            if self._wake_r in ready:
                t["wake_local"] += 1
                return
            if ready:  # notifications (or the server went away: raises)
                self._read_notifies(listen, notified)
            if time.monotonic() >= check_at:
                if self.syncer.outbox_mark():
                    t["wake_outbox"] += 1
                    return
                check_at = time.monotonic() + OUTBOX_CHECK_S


_TOKEN = re.compile(r"[opw](?:[0-9a-f]{16}|-)")  # 'w-': the readers of no team


@dataclass(frozen=True)
class _Audience:
    """Which notification tokens (db/shared/010_revisions.sql) concern this login.

    Tokens are keyed hashes of user and team ids: the server tells each login
    its own (``ws_my_tokens()``), and a payload names only tokens, so a listener
    learns nothing about other teams' rows. A payload with ``*`` or anything this
    version does not understand (a forged one too) just makes it pull."""

    tokens: frozenset[str]

    @classmethod
    def of(cls, conn) -> _Audience | None:
        """None: this login sees everything (admin, table owner, superuser) or the
        shared database cannot say (then every notification is pulled)."""
        try:
            row = conn.execute(
                "SELECT ws_my_tokens(), ws_uid(), ws_is_admin(),"
                " (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user),"
                " pg_has_role(session_user, (SELECT relowner FROM pg_class"
                "  WHERE oid = 'leads'::regclass), 'MEMBER')").fetchone()
        except psycopg.OperationalError:
            raise
        except psycopg.Error as exc:
            log.info("notifications not filtered: %s", exc)
            return None
        tokens, uid, admin, superuser, owner = row
        if admin or superuser or owner or uid is None or not tokens:
            return None
        return cls(frozenset(tokens))

    def sees(self, tokens: str) -> bool:
        words = tokens.split()
        if not words:
            return True  # nothing to go by: pull
        for tok in words:
            if tok in self.tokens or not _TOKEN.fullmatch(tok):
                return True  # ours, '*', or a shape we do not know
        return False


# -- waking workers on local commits ---------------------------------------------------------

_watch_lock = threading.Lock()
_watchers: dict[str, set[SyncWorker]] = {}  # local database file -> its running workers
_bind_keys: dict[str, str | None] = {}


def _db_key(url) -> str | None:
    raw = str(url)
    if raw not in _bind_keys:
        db = getattr(url, "database", None)
        _bind_keys[raw] = (os.path.realpath(db) if db and db != ":memory:"
                           and str(getattr(url, "drivername", "")).startswith("sqlite")
                           else None)
    return _bind_keys[raw]


def _after_commit(session) -> None:
    if not _watchers:
        return
    bind = session.bind
    url = getattr(bind, "url", None)
    if url is None:
        return
    for worker in list(_watchers.get(_db_key(url), ())):
        worker.wake()


def _watch(worker: SyncWorker, on: bool) -> None:
    key = _db_key(worker.syncer.local.url)
    if key is None:
        return
    with _watch_lock:
        if not event.contains(Session, "after_commit", _after_commit):
            event.listen(Session, "after_commit", _after_commit)
        workers = set(_watchers.get(key, ()))
        if on:
            workers.add(worker)
        else:
            workers.discard(worker)
        if workers:
            _watchers[key] = workers
        else:
            _watchers.pop(key, None)
