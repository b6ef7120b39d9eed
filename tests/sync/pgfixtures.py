"""A throwaway PostgreSQL cluster per test session, a fresh shared database per test.

The cluster is initdb'd in a temporary folder on a free port (run as the
``postgres`` system user when the tests run as root) and removed at the end.
The schema (Alembic chain + db/shared SQL) is built once in a template
database; each test gets a copy. Roles are cluster-wide, so logins carry a
per-test suffix. Under CI a missing PostgreSQL fails instead of skipping.
"""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from pathlib import Path

import pytest

_counter = itertools.count(1)


def _root_require(config):
    """tests/conftest.py's ``require`` (skip locally, fail under CI)."""
    root = Path(__file__).resolve().parent.parent / "conftest.py"
    for plugin in config.pluginmanager.get_plugins():
        if getattr(plugin, "__file__", None) and Path(plugin.__file__).resolve() == root:
            return plugin.require
    raise RuntimeError("tests/conftest.py is not loaded")


@pytest.fixture(scope="session")
def pg_cluster(request):
    from workstation.sync.pgcluster import PgCluster, find_pg_bin

    _root_require(request.config)(find_pg_bin() is not None, "PostgreSQL server (initdb) is not installed")
    cluster = PgCluster(fsync=False).init()
    cluster.start()
    yield cluster
    cluster.destroy()


@pytest.fixture
def require_part(request):
    """``require(condition, reason)``: skip locally, fail under CI."""
    return _root_require(request.config)


@pytest.fixture(scope="session")
def pg_template(pg_cluster):
    from workstation.sync.shared import shared_engine, upgrade_shared_engine

    pg_cluster.create_database("ws_template")
    engine = shared_engine(url=pg_cluster.url(dbname="ws_template"))
    upgrade_shared_engine(engine)
    engine.dispose()
    return "ws_template"


@dataclass
class Member:
    login: str
    password: str
    id: object
    url: str
    role: str


class SharedDb:
    def __init__(self, cluster, name: str) -> None:
        self.cluster = cluster
        self.name = name
        self.tag = name.split("_")[-1]
        self.admin_url = cluster.url(dbname=name)
        self._engines = []

    def engine(self, url: str | None = None):
        from workstation.sync.shared import shared_engine

        e = shared_engine(url=url or self.admin_url)
        self._engines.append(e)
        return e

    def add_user(self, name: str, role: str = "manager", team: str | None = "team1") -> Member:
        from workstation.sync.shared import create_user

        login = f"{name}_{self.tag}"
        password = secrets.token_hex(8)
        uid = create_user(self.engine(), login, password, role, team=team)
        return Member(login, password, uid,
                      self.cluster.url(login, password, self.name), role)

    def add_pool_lead(self, member: Member, company: str = "Pool Co"):
        """A lead of ``member``'s team's shared pool, written straight into the
        shared database (as another workstation's push would); returns its id."""
        from sqlalchemy import text

        with self.engine().begin() as c:
            return c.scalar(text(
                "INSERT INTO leads (id, company, category, address, source, topic, product,"
                " project, site, channel, team_id, shared_pool, remind, attempts, notes,"
                " name_key, created_at, updated_at, revision, deleted) VALUES"
                " (gen_random_uuid(), :company, '', '', '', '', '', '', '', 'call',"
                " (SELECT team_id FROM users WHERE login = :l), true, false, 0, '', '', now(),"
                " now(), 0, false) RETURNING id"), {"l": member.login, "company": company})

    def psql(self, sql: str, member: Member | None = None):
        if member is None:
            return self.cluster.psql(sql, dbname=self.name)
        return self.cluster.psql(sql, user=member.login, password=member.password,
                                 dbname=self.name)

    def close(self) -> None:
        for e in self._engines:
            e.dispose()


@pytest.fixture
def shared_db(pg_cluster, pg_template):
    name = f"ws_t{next(_counter)}"
    pg_cluster.create_database(name, template=pg_template)
    db = SharedDb(pg_cluster, name)
    yield db
    db.close()


class Workstation:
    """A local store plus a Syncer signed in as one member."""

    def __init__(self, path: Path, member: Member, shared_db: SharedDb) -> None:
        from workstation.store.db import Store
        from workstation.sync.worker import Syncer

        self.store = Store(path=path)
        self.store.upgrade()
        self.member = member
        self.shared = shared_db.engine(member.url)
        self.syncer = Syncer(self.store.url, self.shared)

    def sync(self):
        return self.syncer.sync_once()

    def session(self):
        return self.store.session()

    def close(self) -> None:
        self.syncer.close()
        self.store.dispose()


@pytest.fixture
def make_workstation(tmp_path, shared_db):
    made = []

    def make(member: Member, name: str | None = None) -> Workstation:
        ws = Workstation(tmp_path / f"{name or member.login}.sqlite3", member, shared_db)
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.close()
