"""Outbox: every local change to a synced row gets an outbox entry in the same
transaction. ORM sessions get it automatically (a ``before_flush`` hook on
every Session); bulk Core writes (the importer) call :func:`record_bulk`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import event, insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from workstation.store.models import OutboxEntry, Synced
from workstation.store.types import utcnow


def record_bulk(conn: Connection | Session, table_name: str, ids: Iterable[uuid.UUID],
                op: str = "upsert") -> None:
    now = utcnow()
    rows = [{"table_name": table_name, "row_id": i, "op": op, "created_at": now} for i in ids]
    if rows:
        conn.execute(insert(OutboxEntry), rows)


def record_changes(conn: Connection, changed: dict[str, Iterable[uuid.UUID]]) -> None:
    """Outbox entries for a few rows of several tables in ONE statement (the
    call path's Core writes: a worker thread waits for the GIL after each SQLite
    call). For thousands of rows use :func:`record_bulk`."""
    now = utcnow()
    rows = [{"table_name": table, "row_id": row_id, "op": "upsert", "created_at": now}
            for table, ids in changed.items() for row_id in dict.fromkeys(ids)]
    if rows:
        conn.execute(insert(OutboxEntry.__table__).values(rows))


@event.listens_for(Session, "before_flush")
def _outbox_before_flush(session: Session, _ctx, _instances) -> None:
    if session.info.get("no_outbox"):  # the sync worker applying pulled rows
        return
    now = utcnow()
    seen: set[tuple[str, uuid.UUID]] = set()
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, Synced) or (obj in session.dirty and not session.is_modified(obj)):
            continue
        if obj.id is None:
            obj.id = uuid.uuid4()
        key = (obj.__tablename__, obj.id)
        if key in seen:
            continue
        seen.add(key)
        op = "delete" if obj.deleted else "upsert"
        session.add(OutboxEntry(table_name=obj.__tablename__, row_id=obj.id, op=op,
                                created_at=now))
    for obj in session.deleted:
        if isinstance(obj, Synced):
            session.add(OutboxEntry(table_name=obj.__tablename__, row_id=obj.id, op="delete",
                                    created_at=now))
