"""Two workstations against one real PostgreSQL: a manager's (real Calls fed by the
engine's signals, the presence tracker) and a team lead's (the board), each
with its own local store and sync service (poll interval 10 minutes: whatever
moves, moves by NOTIFY)."""

from __future__ import annotations

from board.board_parts import EngineSignals, make_context
from workstation.sync.qt import SyncService
from workstation.views import ops
from workstation.views.board import BoardView, PresenceTracker
from workstation.views.callmodel import Calls

NO_POLL_S = 600.0


class Station:
    def __init__(self, ws, role: str) -> None:
        ws.sync()  # users and teams (the board lists the team's managers)
        self.ws = ws
        self.ctx = make_context(ws.store, ws.member.id, login=ws.member.login, role=role)
        self.service = SyncService(ws.syncer, poll_s=NO_POLL_S)
        self.pulled_states = 0
        self.service.sig_report.connect(self._report)
        self.service.start()

    def _report(self, report) -> None:
        """What CallCenter._pulled does in the app: a pull is announced on the bus."""
        self.pulled_states += report.pulled.get("agent_states", 0)
        changes = ops.pulled_changes(report)
        if changes is not None:
            ops.bus().sig_changed.emit(changes)

    @property
    def timings(self):
        return self.ws.syncer.timings

    def connected(self) -> bool:
        return self.service.last.connected

    def stop(self) -> None:
        self.service.stop()


class ManagerStation(Station):
    def __init__(self, ws, *, heartbeat_s: float = 30.0) -> None:
        super().__init__(ws, "manager")
        self.engine = EngineSignals()
        self.calls = Calls(self.engine)
        self.tracker = PresenceTracker(self.ctx, self.calls, heartbeat_s=heartbeat_s)


class LeadStation(Station):
    def __init__(self, ws, *, stale_s: float = 90.0, role: str = "teamlead") -> None:
        super().__init__(ws, role)
        self.board = BoardView(self.ctx, sync=self.service, stale_s=stale_s)

    def state_of(self, user_id) -> str | None:
        row = self.board.model.row_of(user_id)
        return self.board.model.state_of(row) if row >= 0 else None
