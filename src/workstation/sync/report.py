"""What one sync round did (:class:`SyncReport`), and what the shared database refused."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Rejected:
    """A local change the shared database refused (kept in the outbox)."""

    table: str
    row_id: uuid.UUID
    at: datetime
    reason: str


@dataclass
class SyncReport:
    pushed: Counter = field(default_factory=Counter)
    pulled: Counter = field(default_factory=Counter)
    rejected: Counter = field(default_factory=Counter)
    merged: Counter = field(default_factory=Counter)
    conflicts: int = 0
    recordings: Counter = field(default_factory=Counter)

    def moved(self) -> bool:
        return bool(sum(self.pushed.values()) or sum(self.pulled.values())
                    or sum(self.merged.values()) or sum(self.recordings.values()))

    def lines(self) -> list[str]:
        def fmt(c: Counter) -> str:
            total = sum(c.values())
            parts = ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if v)
            return f"{total}" + (f" ({parts})" if parts else "")

        out = [f"pushed: {fmt(self.pushed)}", f"pulled: {fmt(self.pulled)}"]
        if self.conflicts:
            out.append(f"conflicts resolved (later write kept, both in history): {self.conflicts}")
        if sum(self.merged.values()):
            out.append(f"merged with shared rows of the same name: {fmt(self.merged)}")
        if sum(self.rejected.values()):
            out.append(f"refused by the shared database (kept; see `workstation sync status`): "
                       f"{fmt(self.rejected)}")
        if sum(self.recordings.values()):
            out.append(f"recordings: {fmt(self.recordings)}")
        return out
