"""Engine and session factory for the local store; schema upgrades via Alembic.

SQLite runs in WAL mode with ``synchronous=FULL``: a commit the user has seen
survives a killed process and a power cut. Foreign keys are enforced. The
database file and its -wal/-shm are 0600 (see :func:`make_private_sqlite`).

Checkpoints (copying the WAL's pages into the database file) never run inside
a commit: SQLite's automatic one would make every ~30th wrap-up pay for a
thousand scattered page writes and an fsync of the database file (measured:
the wrap-up's p99 tail). :class:`Checkpointer` runs them on its own thread
once the store has been quiet for 0.3 s (a pause between two saves), or after
many commits in a row: many small checkpoints, none of them long.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from workstation import paths
from workstation.store import outbox  # noqa: F401  (installs the outbox hook)
from workstation.store.seed import ensure_defaults

log = logging.getLogger(__name__)


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    # A long import holds the write lock; a wrap-up saved meanwhile (off the GUI
    # thread) waits for it instead of failing. WAL readers never wait.
    cur.execute("PRAGMA busy_timeout=120000")
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.execute("PRAGMA wal_autocheckpoint=0")  # the Checkpointer does it, off the commit
    cur.close()


class Checkpointer:
    """WAL checkpoints on a thread of their own, when the store is quiet.

    ``touch()`` (every commit) wakes it; it waits until no commit came for
    ``quiet`` seconds, or ``force_after`` commits piled up, then runs
    ``PRAGMA wal_checkpoint(PASSIVE)`` on its own connection (PASSIVE never
    blocks a reader or a writer). A failure is logged and retried at the
    next commit: the data is safe in the WAL either way.
    """

    def __init__(self, path: str, *, quiet: float = 0.3, force_after: int = 200) -> None:
        self.path, self.quiet, self.force_after = path, quiet, force_after
        self._wake = threading.Condition()
        self._commits = 0
        self._last = 0.0
        self._stop = False
        self._thread: threading.Thread | None = None
        self.runs = 0

    def touch(self, *_args) -> None:
        with self._wake:
            self._commits += 1
            self._last = time.monotonic()
            if self._thread is None and not self._stop:
                self._thread = threading.Thread(target=self._run, name="wal-checkpoint",
                                                daemon=True)
                self._thread.start()
            self._wake.notify()

    def _due(self) -> float | None:
        """Seconds to wait before the next checkpoint; None: nothing to do."""
        if self._commits == 0:
            return None
        if self._stop or self._commits >= self.force_after:
            return 0.0
        return max(0.0, self._last + self.quiet - time.monotonic())

    def _run(self) -> None:
        while True:
            with self._wake:
                wait = self._due()
                while wait is None or wait > 0:
                    if self._stop and wait is None:
                        return
                    self._wake.wait(wait)
                    wait = self._due()
                self._commits = 0
            self.checkpoint()

    def checkpoint(self) -> None:
        try:
            # mode=rw: a store deleted meanwhile is not created again
            uri = Path(self.path).absolute().as_uri() + "?mode=rw"
            con = sqlite3.connect(uri, uri=True, timeout=5)
            try:
                con.execute("PRAGMA wal_checkpoint(PASSIVE)")
                self.runs += 1
            finally:
                con.close()
        except sqlite3.Error as exc:
            log.warning("WAL checkpoint of %s failed (retried at the next commit): %s",
                        self.path, exc)

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        """Stop the thread after a last checkpoint of what is pending."""
        with self._wake:
            self._stop = True
            self._wake.notify()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=10)


_checkpointers: dict[str, Checkpointer] = {}
_checkpointers_lock = threading.Lock()


def _file_of(url: str) -> str | None:
    if url.startswith("sqlite:///") and ":memory:" not in url:
        return url[len("sqlite:///"):].split("?", 1)[0]
    return None


def checkpointer_for(url: str) -> Checkpointer | None:
    """The process's one checkpointer of this store file (None: not a file)."""
    path = _file_of(url)
    if path is None:
        return None
    with _checkpointers_lock:
        cp = _checkpointers.get(path)
        if cp is None:
            cp = _checkpointers[path] = Checkpointer(path)
        return cp


def stop_checkpointer(url: str) -> None:
    path = _file_of(url)
    with _checkpointers_lock:
        cp = _checkpointers.pop(path, None) if path else None
    if cp is not None:
        cp.stop()


def _touch_checkpointer(url: str):
    def touch(_conn) -> None:
        cp = checkpointer_for(url)
        if cp is not None:
            cp.touch()
    return touch


def make_private_sqlite(url: str) -> None:
    """The SQLite file of ``url`` 0600, made empty if missing (SQLite gives its -wal and
    -shm files the database file's mode); -wal/-shm an older version left are tightened."""
    from sqlalchemy.engine import make_url  # (deferred: the store module loads before its engine is wanted)

    u = make_url(url)
    db = u.database
    if not u.drivername.startswith("sqlite") or not db or db == ":memory:" \
            or db.startswith("file:"):
        return
    path = Path(db)
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, paths.PRIVATE_FILE))
    except OSError as exc:  # SQLite reports it better when it opens the file
        log.debug("cannot create %s: %s", path, exc)
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
              path.with_name(path.name + "-journal")):
        paths.private_file(p)


def make_engine(url: str, **kw) -> Engine:
    if url.startswith("sqlite"):
        kw.setdefault("connect_args", {"check_same_thread": False})
        engine = create_engine(url, **kw)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "commit", _touch_checkpointer(url))
        return engine
    return create_engine(url, pool_pre_ping=True, **kw)


def make_write_engine(url: str) -> Engine:
    """An engine whose transactions begin with BEGIN IMMEDIATE on SQLite."""
    engine = make_engine(url)
    if not url.startswith("sqlite"):
        return engine

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _rec):
        dbapi_conn.isolation_level = None  # the "begin" hook below emits BEGIN

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(paths.data_dir("db")))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision(url: str) -> str | None:
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str | None]:
    """Bring the schema to head. Returns (revision before, revision after)."""
    before = current_revision(engine)
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    after = current_revision(engine)
    if before != after:
        log.info("database upgraded from %s to %s", before or "empty", after)
    return before, after


class Store:
    """The local database: one engine, one session factory."""

    def __init__(self, url: str | None = None, *, path: Path | str | None = None) -> None:
        if url is None:
            path = Path(path) if path else paths.default_database_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            url = sqlite_url(path)
        make_private_sqlite(url)
        self.url = url
        self.engine = make_engine(url)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        self._write_engine: Engine | None = None
        self._write_factory: sessionmaker | None = None

    def session(self) -> Session:
        """A session for reads (and writes that cannot meet another writer)."""
        return self.session_factory()

    def write_session(self) -> Session:
        """A session whose transactions take the write lock first (BEGIN IMMEDIATE).

        SQLite refuses at once, without waiting, a transaction that read first
        and then wants to write while another connection writes (an import,
        sync): it could deadlock. Taking the lock at BEGIN makes the save wait
        for the other writer (busy_timeout) and then succeed. Use it for every
        save the user sees: wrap-ups, call records, card edits.
        """
        if self._write_factory is None:
            self._write_engine = make_write_engine(self.url)
            self._write_factory = sessionmaker(self._write_engine, expire_on_commit=False)
        return self._write_factory()

    def upgrade(self) -> tuple[str | None, str | None]:
        before, after = upgrade(self.engine)
        with self.session() as s, s.begin():
            ensure_defaults(s)
        return before, after

    def dispose(self) -> None:
        stop_checkpointer(self.url)
        self.engine.dispose()
        if self._write_engine is not None:
            self._write_engine.dispose()


def open_store(config=None) -> Store:
    """The store the settings name (``db.local_path``), upgraded to head."""
    local = config.get("db.local_path") if config is not None else ""
    store = Store(path=local or None)
    store.upgrade()
    return store
