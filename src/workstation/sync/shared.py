"""The shared PostgreSQL database: connection, schema upgrade, users.

The workstation signs in as the user's own database role: ``db.shared_url``
names user, host, port, database and options (a remote host is reached with
``sslmode=verify-full``: :func:`secure_transport`);
the password comes from the keyring (secret ``db.shared_password``). The schema
is the same Alembic chain as the local store plus the PostgreSQL-only SQL in
``db/shared/`` (revision triggers, roles, row-level security), applied in file
name order by :func:`upgrade_shared`.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import sys
import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from workstation import paths
from workstation.store.models import Team, User
from workstation.store.seed import ensure_defaults

log = logging.getLogger(__name__)

APP_ROLES = ("manager", "supervisor", "teamlead", "admin")
CONNECT_TIMEOUT_S = 3


class SharedUnavailable(RuntimeError):
    """The shared database cannot be reached (or refused the sign-in)."""


class NotConfigured(RuntimeError):
    """No shared database is set: this workstation works alone."""


_LOOPBACK = {"localhost", "::1", "ip6-localhost"}
SECURE_SSLMODE = "verify-full"
INSECURE_SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca")


def is_loopback(host: str | None) -> bool:
    """A host on this machine (or a Unix socket): no network to protect."""
    if not host or host.startswith("/"):
        return True
    host = host.strip("[]").lower()
    if host in _LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def secure_transport(u: URL, *, ca_file: str = "", allow_insecure: bool = False) -> URL:
    """TLS rules for the shared database (README, "Security model").

    Loopback hosts are left as they are. A remote host gets ``sslmode=verify-full``
    (the certificate must chain to ``ca_file`` or, by default, the system's CAs, and
    name the host) unless the URL says otherwise; a mode that does not verify the
    server (disable, allow, prefer, require, verify-ca) is refused unless
    ``allow_insecure`` (``db.allow_insecure_tls``) is on."""
    host = u.host or u.query.get("host")
    if isinstance(host, tuple):
        host = host[0] if host else None
    if is_loopback(host):
        return u
    mode = u.query.get("sslmode") or SECURE_SSLMODE
    if mode in INSECURE_SSLMODES and not allow_insecure:
        raise NotConfigured(
            f"db.shared_url: sslmode={mode} to {host} does not check the server's certificate "
            f"and host name, so anyone on the network could pose as it; use "
            f"sslmode={SECURE_SSLMODE} (the default), or set db.allow_insecure_tls true for a "
            f"test bench")
    query = dict(u.query)
    query["sslmode"] = mode
    if mode == SECURE_SSLMODE and "sslrootcert" not in query:
        query["sslrootcert"] = ca_file or "system"
    return u.set(query=query)


def transport_state(u: URL) -> str:
    """"local" (loopback), "verified" (verify-full) or "insecure" — for the status bar."""
    host = u.host or u.query.get("host")
    if is_loopback(host if isinstance(host, str) else None):
        return "local"
    return "verified" if u.query.get("sslmode") == SECURE_SSLMODE else "insecure"


def shared_url(config=None, *, url: str | None = None, password: str | None = None) -> URL:
    """The SQLAlchemy URL (psycopg driver) with the keyring password filled in and
    the TLS rules applied (:func:`secure_transport`)."""
    raw = url if url is not None else (config.get("db.shared_url") if config is not None else "")
    if not raw:
        raise NotConfigured("no shared database is set (workstation config set db.shared_url ...)")
    try:
        u = make_url(raw)
    except Exception as exc:  # noqa: BLE001 - sqlalchemy raises ArgumentError and friends
        raise NotConfigured(f"db.shared_url: not a database URL: {exc}") from None
    if not u.drivername.startswith("postgresql"):
        raise NotConfigured(f"db.shared_url: expected postgresql://..., got {u.drivername}://")
    u = u.set(drivername="postgresql+psycopg")
    u = secure_transport(u, ca_file=config.get("db.ssl_ca_file") if config is not None else "",
                         allow_insecure=bool(config.get("db.allow_insecure_tls"))
                         if config is not None else False)
    if password is None and u.password is None:
        # (deferred: keyring loads only when no password is in the URL)
        from workstation.secrets import get_secret

        password = get_secret("db.shared_password")
    if password is not None:
        u = u.set(password=password)
    return u


def shared_engine(config=None, *, url: str | URL | None = None, password: str | None = None,
                  **kw) -> Engine:
    u = url if isinstance(url, URL) else shared_url(config, url=url, password=password)
    args = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "workstation"}
    args.update(kw.pop("connect_args", {}))
    kw.setdefault("pool_size", 2)
    kw.setdefault("max_overflow", 2)
    return create_engine(u, pool_pre_ping=True, connect_args=args, **kw)


def libpq_conninfo(engine: Engine) -> dict:
    """Keyword arguments for ``psycopg.connect`` reaching the same database."""
    u = engine.url
    info = {"host": u.host or "localhost", "port": u.port or 5432, "user": u.username,
            "dbname": u.database, "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "workstation-listen"}
    if u.password is not None:
        info["password"] = u.password
    info.update({k: v for k, v in u.query.items() if isinstance(v, str)})
    return info


def describe(engine_or_url) -> str:
    u = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return f"{u.username}@{u.host}:{u.port or 5432}/{u.database}"


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, DBAPIError) as exc:
        raise SharedUnavailable(f"shared database {describe(engine)}: {short_error(exc)}") from exc


def short_error(exc: BaseException) -> str:
    """The first line of a database error (the driver's own message when there is one)."""
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def is_unavailable(exc: BaseException) -> bool:
    """The shared database is out of reach (not: it refused what was sent)."""
    if isinstance(exc, OperationalError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return False


# -- schema --------------------------------------------------------------------------

def shared_sql_files() -> list[Path]:
    return sorted((paths.data_dir("db") / "shared").glob("*.sql"))


def apply_shared_sql(engine: Engine) -> list[str]:
    """Apply db/shared/*.sql (idempotent), each file in its own transaction."""
    done = []
    for f in shared_sql_files():
        sql = f.read_text(encoding="utf-8")
        with engine.begin() as conn:
            # plain psycopg: several statements at once, no placeholder parsing
            conn.connection.driver_connection.execute(sql)
        done.append(f.name)
    return done


def upgrade_shared_engine(engine: Engine) -> tuple[str | None, str | None]:
    """Alembic to head, then the PostgreSQL-only SQL, then the default rows."""
    # (deferred: alembic loads only for the schema upgrade)
    from workstation.store.db import upgrade

    before, after = upgrade(engine)
    apply_shared_sql(engine)
    with Session(engine) as s, s.begin():
        s.info["no_outbox"] = True  # the shared database has no outbox of its own
        ensure_defaults(s)
    return before, after


def upgrade_shared(config) -> int:
    """``workstation db upgrade --shared``: exit code 0, or 3 when unreachable."""
    try:
        engine = shared_engine(config)
    except NotConfigured as exc:
        print(f"workstation: {exc}", file=sys.stderr)
        return 2
    try:
        check_connection(engine)
        before, after = upgrade_shared_engine(engine)
    except SharedUnavailable as exc:
        print(f"workstation: {exc}", file=sys.stderr)
        return 3
    except DBAPIError as exc:
        print(f"workstation: shared database {describe(engine)}: {short_error(exc)}",
              file=sys.stderr)
        return 3
    finally:
        engine.dispose()
    print(f"shared database {describe(engine)}: {before or 'empty'} -> {after}; "
          f"roles and access rules applied")
    return 0


# -- users ---------------------------------------------------------------------------

_LOGIN_RE = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")


def scram_verifier(engine_or_conn, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here by libpq: the
    server (and its log) never sees the password itself."""
    conn = engine_or_conn.connect() if isinstance(engine_or_conn, Engine) else engine_or_conn
    try:
        pg = conn.connection.driver_connection.pgconn
        return pg.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()
    finally:
        if conn is not engine_or_conn:
            conn.close()


def _check_login(login: str, role: str | None = None) -> None:
    if not _LOGIN_RE.match(login) or login.startswith(("pg_", "ws_")):
        raise ValueError(f"login {login!r}: use lower-case letters, digits, '_', '.', '-' "
                         "(not starting with pg_ or ws_)")
    if role is not None and role not in APP_ROLES:
        raise ValueError(f"role {role!r}: expected one of {', '.join(APP_ROLES)}")


def create_user(engine: Engine, login: str, password: str, role: str = "manager", *,
                team: str | None = None, full_name: str = "") -> uuid.UUID:
    """Create (or update) a user: a login in the group ``ws_<role>`` and its users row.

    Run by an admin. The login is made by ``ws_create_login`` (db/shared/035_logins.sql),
    which can grant only the app's roles; the password travels as a SCRAM verifier.
    One transaction: the login and the row appear together or not at all.
    Returns the users.id.
    """
    _check_login(login, role)
    with Session(engine) as s, s.begin():
        s.info["no_outbox"] = True  # the shared database has no outbox of its own
        verifier = scram_verifier(s.connection(), login, password)
        s.execute(text("SELECT ws_create_login(:l, :v, :r)"), {"l": login, "v": verifier, "r": role})
        team_id = None
        if team:
            t = s.scalar(select(Team).where(Team.name == team))
            if t is None:
                t = Team(name=team)
                s.add(t)
                s.flush()
            team_id = t.id
        u = s.scalar(select(User).where(User.login == login))
        if u is None:
            u = User(login=login)
            s.add(u)
        u.role, u.team_id, u.full_name, u.active = role, team_id, full_name or u.full_name, True
        s.flush()
        return u.id


def set_password(engine: Engine, login: str, password: str) -> None:
    """An admin sets another user's password (as a SCRAM verifier)."""
    _check_login(login)
    with engine.begin() as conn:
        conn.execute(text("SELECT ws_set_password(:l, :v)"),
                     {"l": login, "v": scram_verifier(conn, login, password)})
