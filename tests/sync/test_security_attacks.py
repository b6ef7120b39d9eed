"""The shared database as a security boundary, tested by attack.

Every test signs in as an app role the way psql would (a plain psycopg
connection with the user's own login and password), tries to break a rule and
asserts the server refuses it; the legitimate path next to each attack still
works. Users are made with the product's own ``create_user`` (what
``workstation sync add-user`` runs)."""

from __future__ import annotations

import re
import time
import uuid

import psycopg
import pytest
from psycopg import errors as pgerr
from sqlalchemy import text

from workstation.store.models import Call, HistoryEvent, Lead, Task
from workstation.store.types import utcnow

pytestmark = pytest.mark.pg

DENIED = {"42501"}  # insufficient_privilege (also what RLS's WITH CHECK raises)


def connect(shared_db, member) -> psycopg.Connection:
    return psycopg.connect(host="127.0.0.1", port=shared_db.cluster.port, user=member.login,
                           password=member.password, dbname=shared_db.name, autocommit=True,
                           connect_timeout=5)


def refused(conn, sql: str, params=None, codes=DENIED) -> psycopg.Error:
    with pytest.raises(psycopg.Error) as info:
        conn.execute(sql, params)
    assert info.value.sqlstate in codes, (info.value.sqlstate, str(info.value))
    return info.value


def admin_scalar(shared_db, sql: str, **params):
    with shared_db.engine().connect() as c:
        return c.scalar(text(sql), params)


def team_of(shared_db, member):
    return admin_scalar(shared_db, "SELECT team_id FROM users WHERE login = :l", l=member.login)


INSERT_LEAD = ("INSERT INTO leads (id, company, category, address, source, topic, product,"
               " project, site, channel, owner_id, team_id, shared_pool, remind, attempts, notes,"
               " name_key, created_at, updated_at, revision, deleted) VALUES (%s, %s, '', '', '',"
               " '', '', '', '', 'call', %s, %s, %s, false, 0, '', '', now(), now(), 0, false)")


def add_lead(shared_db, *, owner=None, team=None, pool=False, company="Acme") -> uuid.UUID:
    lid = uuid.uuid4()
    with shared_db.engine().begin() as c:
        c.execute(text(
            "INSERT INTO leads (id, company, category, address, source, topic, product, project,"
            " site, channel, owner_id, team_id, shared_pool, remind, attempts, notes, name_key,"
            " created_at, updated_at, revision, deleted) VALUES (:i, :c, '', '', '', '', '', '',"
            " '', 'call', :o, :t, :p, false, 0, '', '', now(), now(), 0, false)"),
            {"i": lid, "c": company, "o": owner, "t": team, "p": pool})
    return lid


CALL_COLS = ("id, lead_id, user_id, direction, local_number, remote_number, remote_e164,"
             " sip_call_id, started_at, sip_reason, codec, recording_path, refusal_reason,"
             " notes, effective, created_at, updated_at, revision, deleted")


def call_values(lead_id, user_id, talk=None):
    return {"i": uuid.uuid4(), "l": lead_id, "u": user_id, "t": talk}


INSERT_CALL = (f"INSERT INTO calls ({CALL_COLS}, talk_seconds, outcome) VALUES (%(i)s, %(l)s, %(u)s,"
               " 'out', '', '+380501112233', '+380501112233', '', now(), '', '', '', '', '',"
               " false, now(), now(), 0, false, %(t)s, 'success')")


@pytest.fixture
def team(shared_db):
    """Two teams: team1 (manager alice, manager bob, supervisor sue, team lead tom,
    admin ada) and team2 (manager zoe, supervisor zed)."""
    m = {
        "alice": shared_db.add_user("alice"),
        "bob": shared_db.add_user("bob"),
        "sue": shared_db.add_user("sue", role="supervisor"),
        "tom": shared_db.add_user("tom", role="teamlead"),
        "ada": shared_db.add_user("ada", role="admin"),
        "zoe": shared_db.add_user("zoe", team="team2"),
        "zed": shared_db.add_user("zed", role="supervisor", team="team2"),
    }
    m["team1"], m["team2"] = team_of(shared_db, m["alice"]), team_of(shared_db, m["zoe"])
    return m


# -- 1. a user cannot change their own team or role --------------------------------------

def test_user_cannot_change_own_team_role_or_active_only_display_name(shared_db, team):
    alice = team["alice"]
    with connect(shared_db, alice) as conn:
        for sets in (f"team_id = '{team['team2']}'", "role = 'admin'", "active = false",
                     "deleted = true", "sip_extension = '999'", "login = 'root'",
                     f"team_id = '{team['team2']}', role = 'admin'"):
            refused(conn, f"UPDATE users SET {sets} WHERE login = current_user")
        cur = conn.execute("UPDATE users SET full_name = 'Alice A.' WHERE login = current_user")
        assert cur.rowcount == 1
        # nor anybody else's row
        assert conn.execute("UPDATE users SET full_name = 'x' WHERE login <> current_user"
                            ).rowcount == 0
        zoe_lead = add_lead(shared_db, owner=team["zoe"].id, team=team["team2"])
        assert conn.execute("SELECT count(*) FROM leads WHERE id = %s", (zoe_lead,)
                            ).fetchone()[0] == 0
    assert admin_scalar(shared_db, "SELECT team_id FROM users WHERE login = :l",
                        l=alice.login) == team["team1"]
    assert admin_scalar(shared_db, "SELECT role FROM users WHERE login = :l",
                        l=alice.login) == "manager"
    with connect(shared_db, team["ada"]) as conn:  # an admin may
        assert conn.execute("UPDATE users SET team_id = %s WHERE login = %s",
                            (team["team2"], team["bob"].login)).rowcount == 1


# -- 2. the app's admin is not a database superuser in disguise ---------------------------

def test_admin_cannot_create_roles_grant_server_programs_or_run_programs(shared_db, team):
    ada = team["ada"]
    assert admin_scalar(shared_db, "SELECT rolcreaterole FROM pg_roles WHERE rolname = :r",
                        r=ada.login) is False
    with connect(shared_db, ada) as conn:
        refused(conn, f'GRANT pg_execute_server_program TO "{ada.login}"')
        refused(conn, f'GRANT pg_read_server_files TO "{ada.login}"')
        refused(conn, "COPY (SELECT 1) TO PROGRAM 'id'")
        refused(conn, "CREATE ROLE evil LOGIN PASSWORD 'x'")
        refused(conn, f'ALTER ROLE "{team["bob"].login}" PASSWORD \'stolen\'')
        refused(conn, 'ALTER ROLE postgres PASSWORD \'stolen\'')
        # the narrow functions refuse everything but app logins and app roles
        verifier = conn.pgconn.encrypt_password(b"pw", b"postgres", b"scram-sha-256").decode()
        refused(conn, "SELECT ws_set_password('postgres', %s)", (verifier,))
        refused(conn, "SELECT ws_create_login('postgres', %s, 'manager')", (verifier,))
        refused(conn, "SELECT ws_grant_app_role(%s, 'admin')", ("ws_user_admin",),
                codes={"22023"})
        refused(conn, "SELECT ws_create_login('mallory', 'plain-password', 'manager')",
                codes={"28P01"})
        refused(conn, "SELECT ws_create_login('mallory', %s, 'superuser')", (verifier,),
                codes={"22023"})
        refused(conn, "SET ROLE ws_user_admin")
    with connect(shared_db, team["alice"]) as conn:  # a manager cannot use them at all
        verifier = conn.pgconn.encrypt_password(b"pw", b"bob", b"scram-sha-256").decode()
        refused(conn, "SELECT ws_set_password(%s, %s)", (team["bob"].login, verifier))
        refused(conn, "SELECT ws_create_login('mallory', %s, 'admin')", (verifier,))


def test_admin_creates_a_user_through_the_functions_and_the_password_never_reaches_the_log(
        shared_db, team):
    from workstation.sync.shared import create_user, set_password, shared_engine

    ada = team["ada"]
    engine = shared_engine(url=ada.url)
    try:
        login = f"newbie_{shared_db.tag}"
        uid = create_user(engine, login, "S3cret-newbie-pw", "manager", team="team1")
        assert admin_scalar(shared_db, "SELECT id FROM users WHERE login = :l", l=login) == uid
        stored = admin_scalar(shared_db, "SELECT rolpassword FROM pg_authid WHERE rolname = :r",
                              r=login)
        assert stored.startswith("SCRAM-SHA-256$")
        newbie = type(ada)(login, "S3cret-newbie-pw", uid, "", "manager")
        with connect(shared_db, newbie) as conn:
            assert conn.execute("SELECT ws_uid()").fetchone()[0] == uid
        set_password(engine, login, "An0ther-newbie-pw")
        newbie.password = "An0ther-newbie-pw"
        connect(shared_db, newbie).close()
        # a failed statement lands in the server log: with a verifier, not the password
        with pytest.raises(Exception):
            create_user(engine, shared_db.cluster.superuser, "Leaky-pw-4242", "manager")
    finally:
        engine.dispose()
    log = shared_db.cluster.log.read_text(errors="replace")
    assert "ws_create_login" in log  # the refusal was logged...
    assert "Leaky-pw-4242" not in log and "S3cret-newbie-pw" not in log  # ...without a password


# -- 3. append-only calls and history -------------------------------------------------------

def test_manager_cannot_rewrite_or_hide_own_calls_and_history(shared_db, team):
    alice = team["alice"]
    lead = add_lead(shared_db, owner=alice.id, team=team["team1"])
    with connect(shared_db, alice) as conn:
        v = call_values(lead, alice.id, talk=42.0)
        conn.execute(INSERT_CALL, v)
        for sets in ("talk_seconds = 99999", "outcome = 'busy'", "started_at = now() - interval '1 day'",
                     "remote_number = '+1'", "deleted = true", f"user_id = '{team['bob'].id}'"):
            refused(conn, f"UPDATE calls SET {sets} WHERE id = %s", (v["i"],))
        # what signalling had not filled yet is filled once
        assert conn.execute("UPDATE calls SET ended_at = now(), codec = 'PCMA' WHERE id = %s",
                            (v["i"],)).rowcount == 1
        refused(conn, "UPDATE calls SET codec = 'G722' WHERE id = %s", (v["i"],))
        # the wrap-up is the author's; an edit after the first leaves the old value in history
        conn.execute("UPDATE calls SET result = 'refusal', notes = 'first' WHERE id = %s", (v["i"],))
        conn.execute("UPDATE calls SET result = 'positive', notes = 'second' WHERE id = %s",
                     (v["i"],))
        ev = conn.execute("SELECT old_value, new_value FROM history_events WHERE call_id = %s"
                          " AND field = 'call.wrapup'", (v["i"],)).fetchall()
        assert len(ev) == 1 and '"first"' in ev[0][0] and '"second"' in ev[0][1]
        hid = uuid.uuid4()
        conn.execute("INSERT INTO history_events (id, lead_id, user_id, kind, at, text, field,"
                     " created_at, updated_at, revision, deleted) VALUES (%s, %s, %s, 'note', now(),"
                     " 'said no', '', now(), now(), 0, false)", (hid, lead, alice.id))
        refused(conn, "UPDATE history_events SET deleted = true WHERE id = %s", (hid,))
        refused(conn, "UPDATE history_events SET text = 'said yes' WHERE id = %s", (hid,))
        refused(conn, "DELETE FROM history_events WHERE id = %s", (hid,))
        refused(conn, "DELETE FROM calls WHERE id = %s", (v["i"],))
    assert admin_scalar(shared_db, "SELECT talk_seconds FROM calls WHERE id = :i", i=v["i"]) == 42.0
    assert admin_scalar(shared_db, "SELECT deleted FROM history_events WHERE id = :i", i=hid) is False
    with connect(shared_db, team["ada"]) as conn:  # not even an admin rewrites a fact
        refused(conn, "UPDATE calls SET talk_seconds = 1 WHERE id = %s", (v["i"],))


# -- 4. forged rows on others' leads --------------------------------------------------------

def test_manager_cannot_forge_rows_on_others_leads_or_take_pool_leads(shared_db, team):
    alice, bob = team["alice"], team["bob"]
    bobs = add_lead(shared_db, owner=bob.id, team=team["team1"], company="Bob's")
    pool = add_lead(shared_db, team=team["team1"], pool=True, company="Pool")
    with connect(shared_db, alice) as conn:
        refused(conn, INSERT_CALL, call_values(bobs, alice.id))  # a call on bob's lead
        refused(conn, INSERT_CALL, call_values(None, bob.id))  # a call in bob's name
        refused(conn, "INSERT INTO history_events (id, lead_id, user_id, kind, at, text, field,"
                      " created_at, updated_at, revision, deleted) VALUES (%s, %s, %s, 'note',"
                      " now(), 'x', '', now(), now(), 0, false)", (uuid.uuid4(), bobs, alice.id))
        refused(conn, "INSERT INTO tasks (id, lead_id, owner_id, kind, title, remind, status,"
                      " created_at, updated_at, revision, deleted) VALUES (%s, %s, NULL, 'callback',"
                      " 'x', false, 'open', now(), now(), 0, false)", (uuid.uuid4(), bobs))
        for owner, pooled in ((bob.id, True), (bob.id, False)):  # a lead owned by someone else
            refused(conn, INSERT_LEAD, (uuid.uuid4(), "Forged", owner, team["team1"], pooled))
        refused(conn, INSERT_LEAD, (uuid.uuid4(), "Other team pool", None, team["team2"], True))
        # taking a pool lead: neither by a plain update nor through the assignment function
        refused(conn, "UPDATE leads SET owner_id = %s, shared_pool = false WHERE id = %s",
                (alice.id, pool))
        refused(conn, "SELECT ws_assign_lead(%s, %s, NULL)", (pool, alice.id))
        refused(conn, "SELECT ws_assign_lead(%s, %s, NULL)", (bobs, alice.id))
        # a lease is capped by the server
        row = conn.execute("SELECT acquired, expires_at - now() FROM ws_acquire_lease(%s, %s)",
                           (pool, 2_147_483_647)).fetchone()
        assert row[0] is True and row[1].total_seconds() <= 1800
        refused(conn, "INSERT INTO leases (lead_id, holder, expires_at) VALUES (%s, current_user,"
                      " 'infinity')", (bobs,))
        # the legitimate path: her own lead and call
        own = uuid.uuid4()
        conn.execute(INSERT_LEAD, (own, "Mine", alice.id, team["team1"], False))
        conn.execute(INSERT_CALL, call_values(own, alice.id))
        conn.execute(INSERT_CALL, call_values(pool, alice.id))  # the team's pool: hers to call
    assert admin_scalar(shared_db, "SELECT owner_id FROM leads WHERE id = :i", i=pool) is None


def test_hand_over_syncs_through_the_assignment_rules(shared_db, team, make_workstation):
    from workstation.store.handover import hand_over

    alice, bob = team["alice"], team["bob"]
    a, b = make_workstation(alice), make_workstation(bob)
    a.sync()
    with a.session() as s, s.begin():
        lead = Lead(company="Handed Co", owner_id=alice.id, team_id=team["team1"])
        s.add(lead)
        s.flush()
        s.add(Task(lead_id=lead.id, owner_id=alice.id, title="call back"))
    a.sync()
    with a.session() as s:
        hand_over(s, lead.id, to_user_id=bob.id, note="speaks German", by_user_id=alice.id)
        s.commit()
    report = a.sync()
    assert not report.rejected, a.syncer.rejected_lines()
    assert admin_scalar(shared_db, "SELECT owner_id FROM leads WHERE id = :i", i=lead.id) == bob.id
    assert admin_scalar(shared_db, "SELECT owner_id FROM tasks WHERE lead_id = :i",
                        i=lead.id) == bob.id
    b.sync()
    with b.session() as s:
        assert s.get(Lead, lead.id).owner_id == bob.id
        kinds = {e.kind for e in s.query(HistoryEvent).filter_by(lead_id=lead.id)}
        assert "handover" in kinds
    # bob hands it to team2's pool; a team lead of team2 gives it to zoe
    with b.session() as s:
        hand_over(s, lead.id, to_team_id=team["team2"], note="their region", by_user_id=bob.id)
        s.commit()
    assert not b.sync().rejected
    assert admin_scalar(shared_db, "SELECT team_id FROM leads WHERE id = :i",
                        i=lead.id) == team["team2"]
    with connect(shared_db, team["zed"]) as conn:
        conn.execute("SELECT ws_assign_lead(%s, %s, NULL)", (lead.id, team["zoe"].id))
    with connect(shared_db, team["tom"]) as conn:  # team1's lead cannot touch it any more
        refused(conn, "SELECT ws_assign_lead(%s, %s, NULL)", (lead.id, team["bob"].id))
    assert admin_scalar(shared_db, "SELECT owner_id FROM leads WHERE id = :i",
                        i=lead.id) == team["zoe"].id


# -- 5. plans ---------------------------------------------------------------------------

PLAN = ("INSERT INTO kpi_plans (id, user_id, team_id, metric, period, target, created_at,"
        " updated_at, revision, deleted) VALUES (%s, %s, %s, 'effective_calls', 'day', 40,"
        " now(), now(), 0, false)")


def test_team_lead_edits_only_own_teams_plans(shared_db, team):
    glob, other = uuid.uuid4(), uuid.uuid4()
    with connect(shared_db, team["ada"]) as conn:
        conn.execute(PLAN, (glob, None, None))
        conn.execute(PLAN, (other, None, team["team2"]))
    with connect(shared_db, team["tom"]) as conn:
        refused(conn, PLAN, (uuid.uuid4(), None, None))  # a new global plan
        refused(conn, PLAN, (uuid.uuid4(), None, team["team2"]))  # another team's
        refused(conn, PLAN, (uuid.uuid4(), team["zoe"].id, None))  # another team's manager
        assert conn.execute("UPDATE kpi_plans SET target = 1 WHERE id IN (%s, %s)",
                            (glob, other)).rowcount == 0
        mine = uuid.uuid4()
        conn.execute(PLAN, (mine, None, team["team1"]))  # the legitimate path
        conn.execute(PLAN, (uuid.uuid4(), team["alice"].id, None))
        refused(conn, "UPDATE kpi_plans SET team_id = %s WHERE id = %s", (team["team2"], mine))
        assert conn.execute("UPDATE kpi_plans SET target = 45 WHERE id = %s", (mine,)).rowcount == 1
    with connect(shared_db, team["alice"]) as conn:  # a manager edits no plan
        refused(conn, PLAN, (uuid.uuid4(), team["alice"].id, None))
    assert admin_scalar(shared_db, "SELECT target FROM kpi_plans WHERE id = :i", i=glob) == 40


# -- who reads what ---------------------------------------------------------------------------

def test_supervisor_and_team_lead_read_exactly_their_teams_leads_and_calls(shared_db, team):
    t1 = [add_lead(shared_db, owner=team["alice"].id, team=team["team1"]),
          add_lead(shared_db, owner=team["bob"].id, team=team["team1"]),
          add_lead(shared_db, team=team["team1"], pool=True)]
    t2 = [add_lead(shared_db, owner=team["zoe"].id, team=team["team2"])]
    with connect(shared_db, team["alice"]) as conn:
        conn.execute(INSERT_CALL, call_values(t1[0], team["alice"].id))
    with connect(shared_db, team["zoe"]) as conn:
        conn.execute(INSERT_CALL, call_values(t2[0], team["zoe"].id))
    for who, leads, calls in (("sue", t1, 1), ("tom", t1, 1), ("zed", t2, 1),
                              ("alice", [t1[0], t1[2]], 1), ("zoe", t2, 1)):
        with connect(shared_db, team[who]) as conn:
            seen = {r[0] for r in conn.execute("SELECT id FROM leads")}
            assert seen == set(leads), who
            assert conn.execute("SELECT count(*) FROM calls").fetchone()[0] == calls, who


# -- 6. NOTIFY ----------------------------------------------------------------------------------

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def test_notify_payload_names_no_ids_and_tokens_cannot_be_computed(shared_db, team):
    zoe = team["zoe"]
    with connect(shared_db, zoe) as spy:
        spy.execute("LISTEN ws_sync")
        lead = add_lead(shared_db, owner=team["alice"].id, team=team["team1"])
        with connect(shared_db, team["alice"]) as conn:
            conn.execute(INSERT_CALL, call_values(lead, team["alice"].id))
        got = [n.payload for n in spy.notifies(timeout=2, stop_after=2)]
        assert got and not any(UUID_RE.search(p) for p in got)
        assert not any(str(team["team1"]).replace("-", "")[:8] in p for p in got)
        refused(spy, "SELECT ws_tok(%s)", (team["team1"],))
        refused(spy, "SELECT ws_audience(false, %s, %s)", (team["alice"].id, team["team1"]))
        refused(spy, "SELECT * FROM ws_notify_key")
        mine = set(spy.execute("SELECT ws_my_tokens()").fetchone()[0])
        assert not any(tok in p.split() for p in got for tok in mine)  # not hers to pull


def test_spoofed_notifications_only_cause_rate_limited_pulls(shared_db, team, make_workstation):
    from workstation.sync.runner import SyncWorker

    bob = team["bob"]
    b = make_workstation(bob)
    worker = SyncWorker(b.syncer, poll_s=600)
    worker.start()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not worker.status.connected:
            time.sleep(0.05)
        pulls = b.syncer.timings["pulls"]
        with connect(shared_db, team["zoe"]) as spoofer:
            started = time.monotonic()
            for i in range(300):
                payload = ("leads *", "calls " + "w" * 5000, "\x01garbage", "", "leads o" + "0" * 16,
                           "users p-")[i % 6]
                spoofer.execute("SELECT pg_notify('ws_sync', %s)", (payload,))
        deadline = time.monotonic() + 15  # the next pull may wait for twice the last one
        while time.monotonic() < deadline and b.syncer.timings["pulls"] == pulls:
            time.sleep(0.05)
        time.sleep(0.5)  # and the tail of the flood
        spent = time.monotonic() - started
        assert worker.is_alive() and worker.status.connected
        extra = b.syncer.timings["pulls"] - pulls
        # coalesced: at most one pull per interval (0.25 s) since the flood began, not 300
        assert 1 <= extra <= int(spent / 0.25) + 2
        with b.session() as s:
            assert s.query(Lead).count() == 0  # and it brought nothing it may not see
    finally:
        worker.stop()


# -- 7. a refused row stays -------------------------------------------------------------------

def test_a_row_the_server_refuses_stays_in_the_outbox_with_its_reason(shared_db, team,
                                                                        make_workstation):
    alice = team["alice"]
    a = make_workstation(alice)
    a.sync()
    with a.session() as s, s.begin():
        bad = Lead(company="Nul\x00Byte Ltd", owner_id=alice.id)
        good = Lead(company="Fine Ltd", owner_id=alice.id)
        s.add_all([bad, good])
    report = a.sync()
    assert report.rejected["leads"] == 1 and report.pushed["leads"] >= 1
    assert admin_scalar(shared_db, "SELECT count(*) FROM leads WHERE id = :i", i=good.id) == 1
    assert a.syncer.waiting() == 0 and a.syncer.rejected_count() == 1
    (rej,) = a.syncer.rejected()
    assert rej.row_id == bad.id and rej.table == "leads" and "0x00" in rej.reason
    a.sync()  # skipped, not retried in a loop, not lost
    assert a.syncer.rejected_count() == 1
    with a.session() as s, s.begin():  # the user fixes the row: it goes and the refusal is gone
        s.get(Lead, bad.id).company = "Nul Byte Ltd"
    assert not a.sync().rejected
    assert a.syncer.rejected_count() == 0
    assert admin_scalar(shared_db, "SELECT company FROM leads WHERE id = :i",
                        i=bad.id) == "Nul Byte Ltd"


def test_refused_rows_are_listed_with_the_servers_reason(shared_db, team, make_workstation):
    alice = team["alice"]
    a = make_workstation(alice)
    a.sync()
    bobs = add_lead(shared_db, owner=team["bob"].id, team=team["team1"])
    with a.session() as s, s.begin():  # a stale copy of a lead that is not hers...
        s.add(Lead(id=bobs, company="Bob's copy", owner_id=team["bob"].id))
    with a.session() as s, s.begin():  # ...and a call on it
        s.add(Call(lead_id=bobs, user_id=alice.id, direction="out", started_at=utcnow()))
    report = a.sync()
    assert sum(report.rejected.values()) >= 1
    lines = "\n".join(a.syncer.rejected_lines())
    assert "refused by the shared database: 2" in lines
    assert re.search(r"calls [0-9a-f-]{36}: .*row-level security", lines)


def test_a_stale_copy_does_not_undo_a_team_leads_move(shared_db, team, make_workstation):
    """Alice's workstation pushed her lead (so it knows its assignment); the team lead
    then puts it in the team's pool. Her next edit, made on the stale copy, still
    reaches the server, and the lead stays in the pool."""
    alice = team["alice"]
    a = make_workstation(alice)
    a.sync()
    with a.session() as s, s.begin():
        lead = Lead(company="Moving Co", owner_id=alice.id, team_id=team["team1"])
        s.add(lead)
    a.sync()
    with connect(shared_db, team["tom"]) as conn:
        conn.execute("SELECT ws_assign_lead(%s, NULL, %s)", (lead.id, team["team1"]))
    with a.session() as s, s.begin():
        s.get(Lead, lead.id).notes = "asked for a callback on Monday"
    report = a.sync()
    assert not report.rejected, a.syncer.rejected_lines()
    assert admin_scalar(shared_db, "SELECT notes FROM leads WHERE id = :i",
                        i=lead.id) == "asked for a callback on Monday"
    assert admin_scalar(shared_db, "SELECT shared_pool AND owner_id IS NULL FROM leads"
                        " WHERE id = :i", i=lead.id) is True
