"""A throwaway PostgreSQL cluster for tests, benches and the demo.

``initdb`` in a temporary folder, a free port on 127.0.0.1, the unix socket in
that folder; removed by :meth:`PgCluster.destroy`. PostgreSQL refuses to run as
root, so when we are root the server runs as the ``postgres`` system user
(``runuser``) and the folder is handed to it.
"""

from __future__ import annotations

import os
import pwd
import secrets as _secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_BIN_CANDIDATES = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin",
                     "/usr/lib/postgresql/15/bin")


def find_pg_bin() -> Path | None:
    env = os.environ.get("WORKSTATION_PG_BIN")
    for cand in ([env] if env else []) + list(PG_BIN_CANDIDATES):
        if cand and (Path(cand) / "initdb").exists():
            return Path(cand)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """One PostgreSQL server in its own folder. Superuser: ``postgres``."""

    superuser = "postgres"

    def __init__(self, base: Path | None = None, *, fsync: bool = True) -> None:
        self.bin = find_pg_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries (initdb) are not installed")
        self.base = Path(base or tempfile.mkdtemp(prefix="ws-pg-"))
        self.data = self.base / "data"
        self.sock = self.base / "sock"
        self.log = self.base / "server.log"
        self.port = free_port()
        self.password = _secrets.token_hex(12)
        self.fsync = fsync
        self._as_root = os.geteuid() == 0

    # -- process plumbing ------------------------------------------------------------
    def _cmd(self, *args: str) -> list[str]:
        if self._as_root:
            return ["runuser", "-u", "postgres", "--", *args]
        return list(args)

    def _run(self, *args: str) -> None:
        subprocess.run(self._cmd(*args), check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=120)

    def init(self) -> PgCluster:
        self.base.mkdir(parents=True, exist_ok=True)
        self.sock.mkdir(exist_ok=True)
        pwfile = self.base / "pw"
        pwfile.write_text(self.password + "\n")
        if self._as_root:
            pg = pwd.getpwnam("postgres")
            for p in (self.base, self.sock, pwfile):
                os.chown(p, pg.pw_uid, pg.pw_gid)
            os.chmod(self.base, 0o755)
        try:
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", self.superuser,
                      "--pwfile", str(pwfile), "--auth-local=trust",
                      "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        except subprocess.CalledProcessError as exc:
            raise RuntimeError(f"initdb failed: {exc.stderr.decode(errors='replace')}") from exc
        pwfile.unlink()
        with open(self.data / "postgresql.conf", "a") as fh:
            fh.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                     f"unix_socket_directories = '{self.sock}'\nmax_connections = 200\n"
                     "shared_buffers = 64MB\n")
            if not self.fsync:
                fh.write("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        return self

    def start(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                      "-w", "-t", "60", "start")
        except subprocess.CalledProcessError as exc:
            raise RuntimeError(f"postgres did not start: {self.log_tail()}") from exc

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(self._cmd(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode,
                                 "-w", "-t", "60", "stop"),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=90)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)

    def log_tail(self, n: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no server log)"

    # -- addresses -------------------------------------------------------------------
    def url(self, user: str | None = None, password: str | None = None,
            dbname: str = "postgres") -> str:
        """A SQLAlchemy URL over TCP (password authentication, as a workstation signs in)."""
        from sqlalchemy.engine import URL  # (deferred: SQLAlchemy loads only when a URL is built)

        user = user or self.superuser
        if password is None and user == self.superuser:
            password = self.password
        return URL.create("postgresql+psycopg", username=user, password=password,
                          host="127.0.0.1", port=self.port, database=dbname
                          ).render_as_string(hide_password=False)

    def psql(self, sql: str, *, user: str | None = None, password: str | None = None,
             dbname: str = "postgres", check: bool = False) -> subprocess.CompletedProcess:
        """Run ``psql`` over TCP as ``user`` (the way a person would sign in)."""
        env = dict(os.environ)
        env["PGPASSWORD"] = password if password is not None else self.password
        return subprocess.run(
            [str(self.bin / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
             "-h", "127.0.0.1", "-p", str(self.port), "-U", user or self.superuser,
             "-d", dbname, "-c", sql],
            env=env, capture_output=True, text=True, timeout=60, check=check)

    def create_database(self, name: str, template: str | None = None) -> None:
        import psycopg  # (deferred: psycopg loads only when a cluster is probed)

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.superuser,
                             password=self.password, dbname="postgres",
                             autocommit=True) as conn:
            tmpl = f" TEMPLATE {template}" if template else ""
            conn.execute(f'CREATE DATABASE "{name}"{tmpl}')
