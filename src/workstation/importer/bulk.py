"""Bulk writes into the local SQLite store, for imports of 100,000 rows.

Profiling an import through SQLAlchemy Core (``conn.execute(insert(Model),
rows)``) showed half of the time in per-value bind processing (UUID to hex,
datetime to text, ~1.4 million calls for 100,000 rows). Here:

- the SQL text comes from the models' table metadata; columns that hold the
  same value for every row (timestamps, author, revision, flags, defaults) are
  rendered once, through the column types' own bind processors, as literals;
- row ids are made as hex text directly, in the same form the ``Uuid`` type
  stores on SQLite (checked at start-up). They are time-ordered UUIDs
  (version 7 layout, a counter in the random part), so B-tree inserts into
  the primary keys and ``lead_id`` indexes append instead of scattering;
- the outbox rows for sync are copied inside SQLite
  (``INSERT INTO outbox ... SELECT ... WHERE rowid > :before``), in parent-
  before-child order, the same rows ``store.outbox.record_bulk`` writes.

Only the executemany of the varying columns crosses from Python.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, Table

from workstation.store.models import OutboxEntry

class IdMaker:
    """Time-ordered UUIDs (version 7 layout) as 32-digit hex, increasing.

    48 bits of Unix milliseconds, the version nibble 7, 12 random bits, then
    the variant bits 10 and a 62-bit counter that starts at a random value.
    """

    def __init__(self) -> None:
        ms = int(time.time() * 1000) & ((1 << 48) - 1)
        rand_a = int.from_bytes(os.urandom(2), "big") & 0xFFF
        self.prefix = f"{ms:012x}7{rand_a:03x}"
        # variant 10 in the top bits; leave 2**40 of headroom so the counter never carries
        self.counter = (2 << 62) | (int.from_bytes(os.urandom(8), "big") & ((1 << 61) - 1))

    def __call__(self) -> str:
        self.counter += 1
        return self.prefix + format(self.counter, "016x")

    def many(self, n: int) -> list[str]:
        start = self.counter + 1
        self.counter += n
        prefix = self.prefix
        return [prefix + format(c, "016x") for c in range(start, start + n)]


def processor(type_, dialect):
    """The type's bind processor for this dialect (TypeDecorators included)."""
    return type_.dialect_impl(dialect).bind_processor(dialect)


def literal(value) -> str:
    """SQL literal for an already processed value (int, float, str, None)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {type(value).__name__}")


class BulkTable:
    """``INSERT`` of the ``varying`` columns per row; every other column constant."""

    def __init__(self, conn: Connection, table: Table, varying: Sequence[str],
                 constants: dict) -> None:
        dialect = conn.dialect
        self.table = table
        self.varying = tuple(varying)
        consts: dict[str, str] = {}
        for col in table.columns:
            if col.key in self.varying:
                continue
            if col.key in constants:
                value = constants[col.key]
            elif col.default is not None and not callable(col.default.arg):
                value = col.default.arg
            else:
                continue  # NULL or the server default
            if value is None:
                continue
            proc = processor(col.type, dialect)
            consts[col.name] = literal(proc(value) if proc else value)
        var_names = [table.c[k].name for k in self.varying]
        names = ", ".join(var_names + list(consts))
        values = ["?"] * len(self.varying) + list(consts.values())
        self.sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join(values)})'
        self.procs = {k: processor(table.c[k].type, dialect) for k in self.varying}
        # staging: rows go into an index-free TEMP table first (cheap, per row), then
        # into the real table with one INSERT ... SELECT: SQLite does the index and
        # page work in one call that releases the GIL, so the reader thread runs on.
        self.stage_name = f"_import_{table.name}"
        self.stage_ddl = (f'CREATE TEMP TABLE IF NOT EXISTS "{self.stage_name}" '
                          f'({", ".join(var_names)})')
        self.stage_sql = (f'INSERT INTO temp."{self.stage_name}" VALUES '
                          f'({", ".join("?" * len(var_names))})')
        self.unstage_sql = (f'INSERT INTO "{table.name}" ({names}) SELECT '
                            f'{", ".join(var_names + list(consts.values()))} '
                            f'FROM temp."{self.stage_name}" ORDER BY rowid')
        self.staged = False

    def processor(self, key: str):
        return self.procs[key]

    def process(self, key: str, value):
        """A value for a varying column that is not already in stored form."""
        proc = self.procs[key]
        return proc(value) if (proc and value is not None) else value

    def insert(self, conn: Connection, rows: list[tuple]) -> None:
        """Insert directly (executemany)."""
        if rows:
            conn.exec_driver_sql(self.sql, rows)

    def stage(self, conn: Connection, rows: list[tuple]) -> None:
        """Collect rows in the TEMP table; :meth:`unstage` moves them in."""
        if not rows:
            return
        if not self.staged:
            conn.exec_driver_sql(self.stage_ddl)
            conn.exec_driver_sql(f'DELETE FROM temp."{self.stage_name}"')
            self.staged = True
        conn.exec_driver_sql(self.stage_sql, rows)
        self.pending = True

    def unstage(self, conn: Connection) -> None:
        if self.staged and getattr(self, "pending", False):
            conn.exec_driver_sql(self.unstage_sql)
            conn.exec_driver_sql(f'DELETE FROM temp."{self.stage_name}"')
            self.pending = False

    def drop_stage(self, conn: Connection) -> None:
        if self.staged:
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS temp."{self.stage_name}"')
            self.staged = False


def check_uuid_form(conn: Connection, table: Table) -> None:
    """The ``Uuid`` type must store the 32-digit hex this module writes."""
    proc = processor(table.c.id.type, conn.dialect)
    sample = uuid.uuid4()
    if proc is None or proc(sample) != sample.hex:
        raise RuntimeError("bulk import expects UUIDs stored as 32-digit hex (SQLite)")


def max_rowid(conn: Connection, table: Table) -> int:
    return conn.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table.name}"').scalar()


def outbox_since(conn: Connection, tables: Iterable[tuple[Table, int]], now: datetime) -> int:
    """Outbox rows ('upsert') for every row of ``tables`` with rowid above the mark."""
    out = OutboxEntry.__table__
    proc = processor(out.c.created_at.type, conn.dialect)
    created = proc(now) if proc else now
    total = 0
    for table, before in tables:
        res = conn.exec_driver_sql(
            f'INSERT INTO "{out.name}" (table_name, row_id, op, created_at) '
            f'SELECT ?, id, \'upsert\', ? FROM "{table.name}" WHERE rowid > ? ORDER BY rowid',
            (table.name, created, before))
        total += res.rowcount or 0
    return total


def outbox_ids(conn: Connection, table: Table, ids: Iterable[str], now: datetime) -> None:
    """Outbox rows for updated rows (ids as stored hex)."""
    out = OutboxEntry.__table__
    proc = processor(out.c.created_at.type, conn.dialect)
    created = proc(now) if proc else now
    rows = [(table.name, i, created) for i in ids]
    if rows:
        conn.exec_driver_sql(
            f'INSERT INTO "{out.name}" (table_name, row_id, op, created_at) '
            "VALUES (?, ?, 'upsert', ?)", rows)
