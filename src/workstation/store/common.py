"""What the store's services share: their error type and transaction helper."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy.orm import Session

NEW_DEAL_STAGE = "interest"
"""Stage a lead moves to (at least) when the wrap-up says "new deal"."""


class WorkspaceError(ValueError):
    """Bad input to a workspace service; the message names the field."""


@contextlib.contextmanager
def in_transaction(session: Session) -> Iterator[None]:
    """Run in the session's transaction, or in a new one committed at the end."""
    if session.in_transaction():
        yield
    else:
        with session.begin():
            yield


def aware(value: datetime | None, name: str) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise WorkspaceError(f"{name}: a time with a time zone is required, got {value!r}")
    return value
