"""Engine and session factory for the local store; schema upgrades via Alembic.

SQLite runs in WAL mode with ``synchronous=FULL``: a commit the user has seen
survives a killed process and a power cut. Foreign keys are enforced.
"""

from __future__ import annotations

import logging
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
    cur.close()


def make_engine(url: str, **kw) -> Engine:
    if url.startswith("sqlite"):
        kw.setdefault("connect_args", {"check_same_thread": False})
        engine = create_engine(url, **kw)
        event.listen(engine, "connect", _sqlite_pragmas)
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
        self.engine.dispose()
        if self._write_engine is not None:
            self._write_engine.dispose()


def open_store(config=None) -> Store:
    """The store the settings name (``db.local_path``), upgraded to head."""
    local = config.get("db.local_path") if config is not None else ""
    store = Store(path=local or None)
    store.upgrade()
    return store
