"""The board across workstations against a real PostgreSQL cluster: a manager's
call ends -> the team lead's board shows it, by NOTIFY (the poll is 10 minutes
away); heartbeats keep a manager on the board, their absence turns them
offline; quitting writes offline; and agent_states' row-level security, attacked
with plain psycopg connections as each role."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import text

from board.board_sync_parts import LeadStation, ManagerStation
from workstation.domain import presence as P

pytestmark = pytest.mark.pg

DENIED = {"42501"}
REPEATS = 5


def _connect(shared_db, member) -> psycopg.Connection:
    return psycopg.connect(host="127.0.0.1", port=shared_db.cluster.port, user=member.login,
                           password=member.password, dbname=shared_db.name, autocommit=True,
                           connect_timeout=5)


def _refused(conn, sql, params=None):
    with pytest.raises(psycopg.Error) as info:
        conn.execute(sql, params)
    assert info.value.sqlstate in DENIED, (info.value.sqlstate, str(info.value))


INSERT = ("INSERT INTO agent_states (id, user_id, state, detail, started_at, heartbeat_at,"
          " created_at, updated_at, revision, deleted) VALUES"
          " (%s, %s, %s, '', now(), now(), now(), now(), 0, false)")


@pytest.fixture
def stations(qtbot, shared_db, make_workstation):
    made = []

    def make(kind, member, **kw):
        st = kind(make_workstation(member), **kw)
        made.append(st)
        qtbot.waitUntil(st.connected, timeout=20000)
        return st

    yield make
    for st in made:
        st.stop()


def test_a_call_ending_on_one_workstation_shows_on_the_team_leads_board_by_notify(
        qtbot, shared_db, stations):
    alice = shared_db.add_user("alice")
    lena = shared_db.add_user("lena", role="teamlead")
    a = stations(ManagerStation, alice)
    b = stations(LeadStation, lena)
    qtbot.waitUntil(lambda: b.board.model.row_of(alice.id) >= 0, timeout=20000)
    assert b.state_of(alice.id) == P.OFFLINE
    polls, pulls_before = b.timings["wake_poll"], b.pulled_states
    a.tracker.start()
    qtbot.waitUntil(lambda: b.state_of(alice.id) == P.AVAILABLE, timeout=20000)
    for n in range(REPEATS):  # the real thing, again and again
        notified = b.timings["wake_notify"]
        key = a.engine.ring(f"+38067123450{n}")
        a.engine.answer(key)
        qtbot.waitUntil(lambda: b.state_of(alice.id) == P.ON_CALL, timeout=20000)
        row = b.board.model.rows[b.board.model.row_of(alice.id)]
        assert f"+38067123450{n}" in row.detail
        a.engine.end(key, f"+38067123450{n}", talk=5.0)
        qtbot.waitUntil(lambda: b.state_of(alice.id) == P.WRAPUP, timeout=20000)
        assert b.timings["wake_notify"] > notified  # a NOTIFY woke the pull
        a.tracker.wrapup_done()
        qtbot.waitUntil(lambda: b.state_of(alice.id) == P.AVAILABLE, timeout=20000)
    assert b.timings["wake_poll"] == polls  # the 10-minute poll never came
    assert b.pulled_states > pulls_before
    assert a.timings["wake_local"] >= 1  # the manager's commits woke their push at once
    # the shared database holds the intervals: ringing, on a call, wrap-up each time
    with shared_db.engine().connect() as c:
        states = c.execute(text("SELECT state FROM agent_states WHERE user_id = :u"
                                " ORDER BY started_at"), {"u": alice.id}).scalars().all()
    assert states == [P.AVAILABLE] + [P.RINGING, P.ON_CALL, P.WRAPUP, P.AVAILABLE] * REPEATS
    # quitting the app: offline on the board, through the same path
    a.tracker.sign_off()
    qtbot.waitUntil(lambda: b.state_of(alice.id) == P.OFFLINE, timeout=20000)
    row = b.board.model.rows[b.board.model.row_of(alice.id)]
    assert not row.open


def test_heartbeats_keep_a_manager_on_the_board_and_their_absence_turns_them_offline(
        qtbot, shared_db, stations):
    alice = shared_db.add_user("alice")
    lena = shared_db.add_user("lena", role="teamlead")
    a = stations(ManagerStation, alice, heartbeat_s=0.5)
    b = stations(LeadStation, lena, stale_s=3.0)
    a.tracker.start()
    qtbot.waitUntil(lambda: b.state_of(alice.id) == P.AVAILABLE, timeout=20000)
    first_beat = b.board.model.rows[b.board.model.row_of(alice.id)].heartbeat_at
    qtbot.wait(5000)  # longer than the threshold: the heartbeats arrive by NOTIFY
    row = b.board.model.rows[b.board.model.row_of(alice.id)]
    assert row.heartbeat_at > first_beat and b.state_of(alice.id) == P.AVAILABLE
    a.tracker.heartbeat_timer.stop()  # the workstation freezes or loses its network
    qtbot.waitUntil(lambda: b.state_of(alice.id) == P.OFFLINE, timeout=20000)
    refreshes = b.board.refreshes
    qtbot.wait(1500)
    assert b.state_of(alice.id) == P.OFFLINE and b.board.refreshes == refreshes  # by the clock
    a.tracker.heartbeat_timer.start()  # back: on the board again
    qtbot.waitUntil(lambda: b.state_of(alice.id) == P.AVAILABLE, timeout=20000)


def test_agent_states_row_level_security_by_attack(shared_db, make_workstation):
    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    lena = shared_db.add_user("lena", role="teamlead")
    sam = shared_db.add_user("sam", role="supervisor")
    oleg = shared_db.add_user("oleg", role="teamlead", team="team2")
    root = shared_db.add_user("root", role="admin")
    ca, cb, cl, cs, co, cr = (_connect(shared_db, m) for m in (alice, bob, lena, sam, oleg, root))
    listen = _connect(shared_db, bob)
    listen_lead = _connect(shared_db, lena)
    try:
        from workstation.sync.runner import _Audience

        listen.execute("LISTEN ws_sync")
        listen_lead.execute("LISTEN ws_sync")
        bob_sees, lena_sees = _Audience.of(listen), _Audience.of(listen_lead)
        own = uuid.uuid4()
        ca.execute(INSERT, (own, alice.id, P.AVAILABLE))  # the legitimate path
        # NOTIFY names alice and her team's readers: bob's workstation skips it
        payloads = [n.payload for n in listen.notifies(timeout=5, stop_after=1)]
        assert payloads and payloads[0].startswith("agent_states ")
        assert not bob_sees.sees(payloads[0].partition(" ")[2])
        lead_payloads = [n.payload for n in listen_lead.notifies(timeout=5, stop_after=1)]
        assert lena_sees.sees(lead_payloads[0].partition(" ")[2])
        # reading: own; the team's for its team lead and supervisor; another team's lead: no
        assert ca.execute("SELECT count(*) FROM agent_states").fetchone()[0] == 1
        assert cb.execute("SELECT count(*) FROM agent_states").fetchone()[0] == 0
        assert cl.execute("SELECT count(*) FROM agent_states").fetchone()[0] == 1
        assert cs.execute("SELECT count(*) FROM agent_states").fetchone()[0] == 1
        assert co.execute("SELECT count(*) FROM agent_states").fetchone()[0] == 0
        assert cr.execute("SELECT count(*) FROM agent_states").fetchone()[0] == 1
        # nobody writes another user's state: not a colleague, not the team lead, not an admin
        for conn in (cb, cl, cs, cr):
            _refused(conn, INSERT, (uuid.uuid4(), alice.id, P.BREAK))
            cur = conn.execute("UPDATE agent_states SET detail = 'forged' WHERE id = %s", (own,))
            assert cur.rowcount == 0
        # nor hands their own row to someone else
        _refused(ca, "UPDATE agent_states SET user_id = %s WHERE id = %s", (bob.id, own))
        # an interval's state and start are facts; no deleting, no tombstones
        _refused(ca, "UPDATE agent_states SET state = 'on_call' WHERE id = %s", (own,))
        _refused(ca, "UPDATE agent_states SET started_at = now() - interval '1 day'"
                     " WHERE id = %s", (own,))
        _refused(ca, "UPDATE agent_states SET deleted = true WHERE id = %s", (own,))
        _refused(ca, "DELETE FROM agent_states WHERE id = %s", (own,))
        _refused(cb, "DELETE FROM agent_states")
        # what the owner may do: the heartbeat and the end of the interval
        cur = ca.execute("UPDATE agent_states SET heartbeat_at = now(), ended_at = now(),"
                         " detail = 'ok' WHERE id = %s", (own,))
        assert cur.rowcount == 1
        with shared_db.engine().connect() as c:
            assert c.scalar(text("SELECT detail FROM agent_states WHERE id = :i"),
                            {"i": own}) == "ok"
    finally:
        for conn in (ca, cb, cl, cs, co, cr, listen, listen_lead):
            conn.close()


def test_states_written_while_the_workstation_does_not_sync_all_arrive_later(
        qtbot, shared_db, make_workstation, stations):
    from board.board_parts import EngineSignals, make_context
    from workstation.sync.qt import SyncService
    from workstation.views.board import PresenceTracker
    from workstation.views.callmodel import Calls

    alice = shared_db.add_user("alice")
    lena = shared_db.add_user("lena", role="teamlead")
    b = stations(LeadStation, lena)
    ws = make_workstation(alice)
    ws.sync()  # signed in once; then no sync runs (offline): the outbox keeps every change
    engine = EngineSignals()
    tracker = PresenceTracker(make_context(ws.store, alice.id, login=alice.login), Calls(engine))
    tracker.start()
    for n in range(3):
        key = engine.ring()
        engine.answer(key)
        engine.end(key)
        tracker.wrapup_done()
    tracker.choose(P.BREAK, "meeting")
    qtbot.waitUntil(tracker.idle, timeout=10000)
    qtbot.wait(500)
    assert b.state_of(alice.id) == P.OFFLINE  # nothing reached the shared database
    service = SyncService(ws.syncer, poll_s=600.0)
    service.start()  # back online
    try:
        qtbot.waitUntil(lambda: b.state_of(alice.id) == P.BREAK, timeout=20000)
        with shared_db.engine().connect() as c:
            states = c.execute(text("SELECT state FROM agent_states WHERE user_id = :u"
                                    " ORDER BY started_at"), {"u": alice.id}).scalars().all()
        assert states == [P.AVAILABLE] + [P.RINGING, P.ON_CALL, P.WRAPUP, P.AVAILABLE] * 3 + [
            P.BREAK]
        assert b.board.model.index(b.board.model.row_of(alice.id), 2).data() == "Meeting"
    finally:
        service.stop()
