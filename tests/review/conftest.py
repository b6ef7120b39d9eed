"""Review tests: a local store with a team (supervisor sue, managers alice and
bob, admin ada, a manager of another team) and helpers to add calls."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

T0 = datetime(2026, 11, 2, 6, 0, tzinfo=timezone.utc)


@dataclass
class Team:
    store: object
    config: object
    ids: dict

    def ctx(self, who: str):
        from workstation.services.context import Context, SignedInUser

        uid, role, team = self.ids[who]
        return Context(self.store, SignedInUser(id=uid, login=who, name=who.title(), role=role,
                                                team_id=team), settings=self.config)

    def call(self, who: str, *, talk: float = 90.0, outcome: str = "success",
             at: datetime | None = None, recorded: bool = True, answered: bool = True,
             consent: str = "not_asked") -> uuid.UUID:
        from workstation.store.models import Call

        cid = uuid.uuid4()
        at = at or T0
        with self.store.session() as s, s.begin():
            s.add(Call(id=cid, user_id=self.ids[who][0], direction="out",
                       remote_number="+380501112233", started_at=at,
                       answered_at=at + timedelta(seconds=5) if answered else None,
                       ended_at=at + timedelta(seconds=5 + talk), outcome=outcome,
                       talk_seconds=talk if answered else 0.0,
                       recording_path="/tmp/x.wav" if recorded else "",
                       recording_expected=recorded, recording_consent=consent if recorded else ""))
        return cid


@pytest.fixture
def team(store, config):
    from workstation.store.models import Team as TeamRow
    from workstation.store.models import User

    t1, t2 = uuid.uuid4(), uuid.uuid4()
    ids = {}
    with store.session() as s, s.begin():
        s.add_all([TeamRow(id=t1, name="Team 1"), TeamRow(id=t2, name="Team 2")])
        for login, role, tid in (("sue", "supervisor", t1), ("alice", "manager", t1),
                                 ("bob", "manager", t1), ("ada", "admin", None),
                                 ("zoe", "manager", t2), ("zed", "supervisor", t2)):
            uid = uuid.uuid4()
            s.add(User(id=uid, login=login, full_name=login.title(), role=role, team_id=tid))
            ids[login] = (uid, role, tid)
    return Team(store, config, ids)


@pytest.fixture
def card(team):
    """The admin's scorecard: greeting (yes/no, 1), needs (0..4, weight 2),
    no lies (critical yes/no, 1)."""
    from workstation.services import review

    review.save_scorecard(team.ctx("ada"), "Sales call", [
        review.CriterionSpec("Greeting", 1.0),
        review.CriterionSpec("Needs found", 2.0, "scale", 4),
        review.CriterionSpec("No false promises", 1.0, critical=True),
    ])
    return review.scorecard(team.ctx("sue"))


from sync.pgfixtures import (  # noqa: E402,F401 - fixtures for the PostgreSQL tests
    make_workstation,
    pg_cluster,
    pg_template,
    require_part,
    shared_db,
)
