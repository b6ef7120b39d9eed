"""Monitoring tokens (db/shared/080_monitor.sql) tested by attack.

Each login connects as psql would (plain psycopg, its own password) and tries
what it must not: a manager asks a token for a colleague, a supervisor of
another team asks one, a token is replayed, presented for another target, by
another SIP account, after it expired, with a forged field or signature; the
key and the spent nonces cannot be read, nobody may sign. The legitimate path
beside every attack works (through services.monitor, what the app runs).
"""

from __future__ import annotations

import time
import uuid

import psycopg
import pytest
from sqlalchemy import text

from workstation.services import monitor as svc

pytestmark = pytest.mark.pg

DENIED = "42501"


def connect(shared_db, member) -> psycopg.Connection:
    return psycopg.connect(host="127.0.0.1", port=shared_db.cluster.port, user=member.login,
                           password=member.password, dbname=shared_db.name, autocommit=True,
                           connect_timeout=5)


def refused(conn, sql: str, params=None, match: str = "") -> str:
    with pytest.raises(psycopg.Error) as info:
        conn.execute(sql, params)
    assert info.value.sqlstate == DENIED, (info.value.sqlstate, str(info.value))
    assert match in str(info.value), str(info.value)
    return str(info.value)


def token(conn, target) -> str:
    return conn.execute("SELECT ws_monitor_token(%s)", (target.id,)).fetchone()[0]


def check(conn, tok: str, sip: str):
    return conn.execute("SELECT * FROM ws_monitor_check(%s, %s)", (tok, sip)).fetchone()


@pytest.fixture
def people(shared_db):
    p = {
        "sup": shared_db.add_user("sup", "supervisor"),
        "lead": shared_db.add_user("lead", "teamlead"),
        "mgr": shared_db.add_user("mgr", "manager"),
        "mgr2": shared_db.add_user("mgr2", "manager"),
        "sup_b": shared_db.add_user("supb", "supervisor", team="team2"),
        "mgr_b": shared_db.add_user("mgrb", "manager", team="team2"),
        "admin": shared_db.add_user("adm", "admin"),
    }
    with shared_db.engine().begin() as c:
        for name, m in p.items():
            c.execute(text("UPDATE users SET sip_username = :s, full_name = :n WHERE id = :i"),
                      {"s": f"sip-{name}", "n": f"Person {name}", "i": m.id})
    return p


def test_supervisor_and_team_lead_get_a_token_the_manager_accepts_once(shared_db, people):
    sup, lead, mgr = (connect(shared_db, people[k]) for k in ("sup", "lead", "mgr"))
    tok = token(sup, people["mgr"])
    row = check(mgr, tok, "sip-sup")
    assert row[0] == people["sup"].id and row[1] == "Person sup"
    # replayed (the same INVITE sent again, or a copy sniffed off the wire): refused
    refused(mgr, "SELECT * FROM ws_monitor_check(%s, %s)", (tok, "sip-sup"), "already used")
    # a team lead may too
    assert check(mgr, token(lead, people["mgr"]), "sip-lead")[0] == people["lead"].id


def test_a_manager_cannot_get_a_token_for_a_colleague_or_for_himself(shared_db, people):
    mgr = connect(shared_db, people["mgr"])
    refused(mgr, "SELECT ws_monitor_token(%s)", (people["mgr2"].id,))
    refused(mgr, "SELECT ws_monitor_token(%s)", (people["mgr"].id,))
    sup = connect(shared_db, people["sup"])
    refused(sup, "SELECT ws_monitor_token(%s)", (people["sup"].id,), "not in your team")


def test_another_teams_supervisor_and_an_admin_get_no_token(shared_db, people):
    sup_b = connect(shared_db, people["sup_b"])
    refused(sup_b, "SELECT ws_monitor_token(%s)", (people["mgr"].id,), "not in your team")
    assert token(sup_b, people["mgr_b"])  # their own team: fine
    admin = connect(shared_db, people["admin"])
    refused(admin, "SELECT ws_monitor_token(%s)", (people["mgr"].id,), "permission denied")


def test_a_token_for_one_manager_is_refused_at_another_workstation(shared_db, people):
    sup = connect(shared_db, people["sup"])
    tok = token(sup, people["mgr"])
    refused(connect(shared_db, people["mgr2"]), "SELECT * FROM ws_monitor_check(%s, %s)",
            (tok, "sip-sup"), "someone else")
    # ...and it was not spent by the failed attempt: the right target still accepts it
    assert check(connect(shared_db, people["mgr"]), tok, "sip-sup")[0] == people["sup"].id


def test_a_token_presented_from_another_sip_account_is_refused(shared_db, people):
    tok = token(connect(shared_db, people["sup"]), people["mgr"])
    mgr = connect(shared_db, people["mgr"])
    refused(mgr, "SELECT * FROM ws_monitor_check(%s, %s)", (tok, "sip-mgr2"), "SIP account")
    refused(mgr, "SELECT * FROM ws_monitor_check(%s, %s)", (tok, ""), "SIP account")


def test_an_expired_token_is_refused(shared_db, people):
    with shared_db.engine().begin() as c:  # the DBA mints one that expired a second ago
        tok = c.scalar(text("SELECT ws_monitor_sign(:s, :t, :e)"), {
            "s": people["sup"].id, "t": people["mgr"].id, "e": int(time.time()) - 1})
    refused(connect(shared_db, people["mgr"]), "SELECT * FROM ws_monitor_check(%s, %s)",
            (tok, "sip-sup"), "expired")


def test_forged_tokens_are_refused(shared_db, people):
    sup, mgr = connect(shared_db, people["sup"]), connect(shared_db, people["mgr"])
    good = token(sup, people["mgr"])
    head, nonce, sig = good.rsplit(".", 2)
    v, s_id, t_id, exp = head.split(".")
    forged = [
        f"{v}.{s_id}.{t_id}.{int(exp) + 3600}.{nonce}.{sig}",  # expiry pushed out
        f"{v}.{people['lead'].id}.{t_id}.{exp}.{nonce}.{sig}",  # another supervisor
        f"{v}.{s_id}.{t_id}.{exp}.{uuid.uuid4().hex}.{sig}",  # fresh nonce for a replay
        f"{head}.{nonce}.{'0' * 64}",  # made-up signature
        f"{head}.{nonce}.{sig[:-1]}{'0' if sig[-1] != '0' else '1'}",  # one digit off
    ]
    for tok in forged:
        refused(mgr, "SELECT * FROM ws_monitor_check(%s, %s)", (tok, "sip-sup"), "signature")
    # a manager cannot make a token for a colleague's supervisor to use on himself either
    own = f"{v}.{s_id}.{people['mgr2'].id}.{exp}.{nonce}.{sig}"
    refused(connect(shared_db, people["mgr2"]), "SELECT * FROM ws_monitor_check(%s, %s)",
            (own, "sip-sup"), "signature")
    for junk in ("", "v1", good + "00", "v1.' OR 1=1 --", "x" * 300):
        refused(mgr, "SELECT * FROM ws_monitor_check(%s, %s)", (junk, "sip-sup"), "malformed")
    assert check(mgr, good, "sip-sup")  # the genuine one still works


def test_nobody_signs_reads_the_key_or_the_spent_tokens(shared_db, people):
    for who in ("sup", "mgr", "admin"):
        conn = connect(shared_db, people[who])
        refused(conn, "SELECT * FROM ws_monitor_key")
        refused(conn, "SELECT * FROM ws_monitor_spent")
        refused(conn, "INSERT INTO ws_monitor_spent VALUES ('x', %s, %s, now())",
                (people["sup"].id, people["mgr"].id))
        refused(conn, "SELECT ws_monitor_sign(%s, %s, 99999999999)",
                (people["sup"].id, people["mgr"].id))
        refused(conn, "SELECT ws_monitor_sig('v1')")
        refused(conn, "SELECT ws_monitor_allowed(%s, %s)", (people["sup"].id, people["mgr"].id))


def test_a_demoted_supervisors_token_dies_with_the_role(shared_db, people):
    tok = token(connect(shared_db, people["sup"]), people["mgr"])
    with shared_db.engine().begin() as c:
        c.execute(text("UPDATE users SET role = 'manager' WHERE id = :i"), {"i": people["sup"].id})
    refused(connect(shared_db, people["mgr"]), "SELECT * FROM ws_monitor_check(%s, %s)",
            (tok, "sip-sup"), "no longer")


class _Ctx:
    def __init__(self, url: str) -> None:
        self.settings = {"db.shared_url": url}


def test_the_service_functions_speak_the_same_rules(shared_db, people):
    sup_e = shared_db.engine(people["sup"].url)
    mgr_e = shared_db.engine(people["mgr"].url)
    tok = svc.request_token(None, people["mgr"].id, engine=sup_e)
    grant = svc.check_token(None, tok, "sip-sup", engine=mgr_e)
    assert grant.supervisor_id == people["sup"].id and grant.supervisor_name == "Person sup"
    with pytest.raises(svc.MonitorRefused, match="already used"):
        svc.check_token(None, tok, "sip-sup", engine=mgr_e)
    with pytest.raises(svc.MonitorRefused, match="not in your team"):
        svc.request_token(None, people["mgr_b"].id, engine=sup_e)
    with pytest.raises(svc.MonitorRefused, match="no shared database"):
        svc.request_token(_Ctx(""), people["mgr"].id)
