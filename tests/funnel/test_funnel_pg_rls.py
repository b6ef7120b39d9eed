"""The funnel's queries run as a manager's own PostgreSQL login see only what row-level
security lets that login read, even with the service's scoping bypassed (the store
queries called with no owner filter), and a plain psycopg connection (as psql would)
reads no other manager's stage history either."""

from __future__ import annotations

import uuid
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy.orm import Session

from workstation.store import funnel as q
from workstation.store.db import Store
from workstation.store.models import Funnel, FunnelStage, HistoryEvent, Lead
from workstation.store.types import utcnow

pytestmark = pytest.mark.pg


def test_a_manager_login_sees_only_own_leads_in_the_funnel(shared_db):
    anna = shared_db.add_user("anna", "manager", team="team1")
    boris = shared_db.add_user("boris", "manager", team="team1")
    admin_store = Store(url=shared_db.admin_url)
    now = utcnow()
    with Session(admin_store.engine) as s, s.begin():
        s.info["no_outbox"] = True
        f = Funnel(id=uuid.uuid4(), code="f", name="F")
        s.add(f)
        s.flush()
        new = FunnelStage(id=uuid.uuid4(), funnel_id=f.id, position=1, code="new", name="New")
        won = FunnelStage(id=uuid.uuid4(), funnel_id=f.id, position=2, code="won", name="Won")
        s.add_all([new, won])
        s.flush()
        for owner, n in ((anna, 2), (boris, 3)):
            for i in range(n):
                lead = Lead(id=uuid.uuid4(), company=f"{owner.login} {i}", owner_id=owner.id,
                            funnel_id=f.id, stage_id=won.id, created_at=now - timedelta(days=9))
                s.add(lead)
                s.flush()
                s.add(HistoryEvent(id=uuid.uuid4(), lead_id=lead.id, kind="stage_change",
                                   at=now - timedelta(days=2), old_value="new", new_value="won",
                                   user_id=owner.id))
        fid, won_id = f.id, won.id
    admin_store.dispose()
    mine = Store(url=anna.url)
    try:
        with mine.session() as s:
            unscoped = q.LeadFilter(fid)  # no owner: the service would add it; RLS holds anyway
            assert q.leads_per_stage(s, unscoped) == {won_id: 2}
            assert q.furthest_positions(s, unscoped) == {2: 2}
            med = q.median_stay_seconds(s, unscoped)
            assert med["new"][1] == 2 and med["new"][0] == pytest.approx(7 * 86400, rel=1e-6)
            assert q.lead_ids_at_stage(s, q.LeadFilter(fid, owner_id=boris.id), won_id, 10) \
                == []
    finally:
        mine.dispose()
    with psycopg.connect(host="127.0.0.1", port=shared_db.cluster.port, user=anna.login,
                         password=anna.password, dbname=shared_db.name, autocommit=True,
                         connect_timeout=5) as conn:
        n = conn.execute("SELECT count(*) FROM history_events h JOIN leads l ON l.id = h.lead_id"
                         " WHERE h.kind = 'stage_change' AND l.owner_id = %s",
                         (boris.id,)).fetchone()[0]
        assert n == 0
        assert conn.execute("SELECT count(*) FROM leads").fetchone()[0] == 2
