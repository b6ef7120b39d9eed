"""A read-only door to the shared database for the calls browser.

The browser reads the team's calls where they all are: the shared PostgreSQL
database, signed in as the user's own role (row-level security decides the
rows, as with psql). Every transaction is read-only
(``default_transaction_read_only``): the browser cannot write there even by
mistake. Sessions are short and opened on the worker that runs the query.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from workstation.sync.shared import (NotConfigured, SharedUnavailable, check_connection,
                                     describe, libpq_conninfo, shared_engine)

__all__ = ["NotConfigured", "SharedReader", "SharedUnavailable"]

READ_ONLY = "-c default_transaction_read_only=on"


class SharedReader:
    """``session()`` on the shared database, read-only, as the signed-in user."""

    kind = "shared"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def from_config(cls, config) -> SharedReader:
        """Raises NotConfigured when no shared database is set (no network here)."""
        return cls(shared_engine(config, connect_args={
            "options": READ_ONLY, "application_name": "workstation-browse"}))

    @classmethod
    def from_url(cls, url: str) -> SharedReader:
        return cls(shared_engine(url=url, connect_args={
            "options": READ_ONLY, "application_name": "workstation-browse"}))

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine) as s:
            s.info["no_outbox"] = True  # never writes; no outbox there
            yield s

    def check(self) -> None:
        """Raises SharedUnavailable when the database cannot be reached (worker thread)."""
        check_connection(self.engine)

    def conninfo(self) -> dict:
        """psycopg.connect keywords for a connection of one's own (the chunk fetcher)."""
        info = libpq_conninfo(self.engine)
        info["options"] = READ_ONLY
        info["application_name"] = "workstation-playback"
        return info

    def describe(self) -> str:
        return describe(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()
