"""Review rules under row-level security, by attack: each login connects with a
plain psycopg connection (as psql would) and tries what it must not; the
legitimate path next to each attack works."""

from __future__ import annotations

import hashlib
import json
import uuid

import pytest
from sqlalchemy import text

from review.pgparts import add_call, add_recording, connect, owner_exec, refused

pytestmark = pytest.mark.pg


@pytest.fixture
def crew(shared_db):
    m = {n: shared_db.add_user(n, role=r, team=t) for n, r, t in (
        ("alice", "manager", "team1"), ("bob", "manager", "team1"),
        ("sue", "supervisor", "team1"), ("tom", "teamlead", "team1"),
        ("ada", "admin", None), ("zoe", "manager", "team2"),
        ("zed", "supervisor", "team2"))}
    with shared_db.engine().connect() as c:
        for t in ("team1", "team2"):
            m[t] = c.scalar(text("SELECT id FROM teams WHERE name = :n"), {"n": t})
    return m


REVIEW_COLS = ("id, call_id, reviewer_id, manager_id, status, score, failed_critical,"
               " manager_fault, answers, summary, created_at, updated_at, revision, deleted")
INSERT_REVIEW = (f"INSERT INTO call_reviews ({REVIEW_COLS}) VALUES (%s, %s, %s, %s, %s, %s,"
                 " false, false, '{}', '', now(), now(), 0, false)")
COMMENT_COLS = ("id, review_id, call_id, author_id, at_ms, text, kind, created_at, updated_at,"
                " revision, deleted")
INSERT_COMMENT = (f"INSERT INTO review_comments ({COMMENT_COLS}) VALUES (gen_random_uuid(),"
                  " %s, %s, %s, 1000, %s, %s, now(), now(), 0, false)")


def scored_review(shared_db, crew, call, status="scored"):
    rid = uuid.uuid4()
    owner_exec(shared_db, f"INSERT INTO call_reviews ({REVIEW_COLS}) VALUES (:i, :c, :r,"
               " (SELECT user_id FROM calls WHERE id = :c), :s, 70, false, false, '{}', '',"
               " now(), now(), 0, false)", i=rid, c=call, r=crew["sue"].id, s=status)
    return rid


def test_recordings_own_for_a_manager_team_for_a_supervisor(shared_db, crew):
    call = add_call(shared_db, crew["alice"])
    rec = add_recording(shared_db, crew["alice"], call)
    count = ("SELECT (SELECT count(*) FROM recordings WHERE id = %s),"
             " (SELECT count(*) FROM recording_chunks WHERE recording_id = %s)")
    seen = {}
    for who in ("alice", "bob", "sue", "tom", "ada", "zoe", "zed"):
        with connect(shared_db, crew[who]) as conn:
            seen[who] = conn.execute(count, (rec, rec)).fetchone()
    assert seen["alice"] == seen["sue"] == seen["tom"] == seen["ada"] == (1, 4)
    assert seen["bob"] == seen["zoe"] == seen["zed"] == (0, 0)


def test_uploader_cannot_place_a_file_in_another_team_or_on_anothers_call(shared_db, crew):
    alice_call = add_call(shared_db, crew["alice"])
    with connect(shared_db, crew["bob"]) as conn:
        data = b"fake"
        sha = hashlib.sha256(data).hexdigest()
        # on alice's call: refused (a forged recording of someone else's call)
        refused(conn, "INSERT INTO recordings (id, call_id, owner_id, size, sha256, chunk_size,"
                      " chunk_count) VALUES (gen_random_uuid(), %s, %s, 4, %s, 4, 1)",
                (alice_call, crew["bob"].id, sha))
        # naming team2: the server puts it in bob's own team all the same
        bob_call = add_call(shared_db, crew["bob"])
        rid = conn.execute("INSERT INTO recordings (id, call_id, owner_id, team_id, size, sha256,"
                           " chunk_size, chunk_count) VALUES (gen_random_uuid(), %s, %s, %s, 4,"
                           " %s, 4, 1) RETURNING id",
                           (bob_call, crew["bob"].id, crew["team2"], sha)).fetchone()[0]
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT team_id FROM recordings WHERE id = :i"),
                        {"i": rid}) == crew["team1"]
    with connect(shared_db, crew["zed"]) as conn:
        assert conn.execute("SELECT count(*) FROM recordings").fetchone()[0] == 0


def test_manager_cannot_read_others_reviews_nor_write_scores(shared_db, crew):
    alice_call = add_call(shared_db, crew["alice"])
    bob_call = add_call(shared_db, crew["bob"])
    rid = scored_review(shared_db, crew, alice_call)
    queued = scored_review(shared_db, crew, bob_call, status="in_review")
    with connect(shared_db, crew["bob"]) as conn:
        assert conn.execute("SELECT count(*) FROM call_reviews WHERE id = %s",
                            (rid,)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM review_comments").fetchone()[0] == 0
        # a score of his own call, in his own name or sue's
        for reviewer in (crew["bob"].id, crew["sue"].id):
            refused(conn, INSERT_REVIEW, (uuid.uuid4(), bob_call, reviewer, crew["bob"].id,
                                          "scored", 100))
        # his queued review: he cannot score it himself
        refused(conn, "UPDATE call_reviews SET score = 100, status = 'scored' WHERE id = %s",
                (queued,))
        assert conn.execute("UPDATE call_reviews SET score = 100 WHERE id = %s",
                            (rid,)).rowcount == 0
    with connect(shared_db, crew["alice"]) as conn:  # her own review: reads, cannot rescore
        assert conn.execute("SELECT score FROM call_reviews WHERE id = %s",
                            (rid,)).fetchone()[0] == 70
        refused(conn, "UPDATE call_reviews SET score = 100 WHERE id = %s", (rid,))
        refused(conn, "UPDATE call_reviews SET manager_fault = true, status = 'acknowledged'"
                      " WHERE id = %s", (rid,))
        refused(conn, "UPDATE call_reviews SET answers = %s WHERE id = %s",
                (json.dumps({"x": 1}), rid))
        # ... but acknowledges it
        assert conn.execute("UPDATE call_reviews SET status = 'acknowledged' WHERE id = %s",
                            (rid,)).rowcount == 1
    with connect(shared_db, crew["zed"]) as conn:  # another team's supervisor
        assert conn.execute("SELECT count(*) FROM call_reviews").fetchone()[0] == 0
        refused(conn, INSERT_REVIEW, (uuid.uuid4(), alice_call, crew["zed"].id,
                                      crew["alice"].id, "scored", 10))
    with connect(shared_db, crew["sue"]) as conn:  # the team's supervisor scores
        conn.execute(INSERT_REVIEW, (uuid.uuid4(), bob_call, crew["sue"].id, crew["bob"].id,
                                     "scored", 55))
        # naming the wrong manager is refused
        refused(conn, INSERT_REVIEW, (uuid.uuid4(), bob_call, crew["sue"].id, crew["alice"].id,
                                      "scored", 55), codes={"23514"})
        refused(conn, INSERT_REVIEW, (uuid.uuid4(), bob_call, crew["sue"].id, crew["bob"].id,
                                      "scored", 150), codes={"23514"})


def test_manager_cannot_forge_an_acknowledgement_on_anothers_call(shared_db, crew):
    alice_call = add_call(shared_db, crew["alice"])
    rid = scored_review(shared_db, crew, alice_call)
    with connect(shared_db, crew["bob"]) as conn:
        assert conn.execute("UPDATE call_reviews SET status = 'acknowledged' WHERE id = %s",
                            (rid,)).rowcount == 0
        for kind in ("ack", "dispute", "reply", "comment"):
            refused(conn, INSERT_COMMENT, (rid, alice_call, crew["bob"].id, "ok", kind))
        # nor in alice's name
        refused(conn, INSERT_COMMENT, (rid, alice_call, crew["alice"].id, "ok", "ack"))
        # nor the review's sync upsert path with a made-up row
        refused(conn, f"INSERT INTO call_reviews ({REVIEW_COLS}) VALUES (%s, %s, %s, %s,"
                      " 'acknowledged', 70, false, false, '{}', '', now(), now(), 0, false)"
                      " ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status",
                (rid, alice_call, crew["sue"].id, crew["alice"].id))
    with connect(shared_db, crew["sue"]) as conn:  # nor the supervisor for her
        refused(conn, "UPDATE call_reviews SET status = 'acknowledged' WHERE id = %s", (rid,))
        refused(conn, INSERT_COMMENT, (rid, alice_call, crew["sue"].id, "fine", "ack"))
        conn.execute(INSERT_COMMENT, (rid, alice_call, crew["sue"].id, "Listen at 1 s",
                                      "comment"))
    with connect(shared_db, crew["alice"]) as conn:
        conn.execute(INSERT_COMMENT, (rid, alice_call, crew["alice"].id, "ok", "ack"))
        refused(conn, INSERT_COMMENT, (rid, alice_call, crew["alice"].id, "x", "comment"))
        # a comment of another call's review on this review: refused
        bob_call = add_call(shared_db, crew["bob"])
        refused(conn, INSERT_COMMENT, (rid, bob_call, crew["alice"].id, "x", "ack"))
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT status FROM call_reviews WHERE id = :i"),
                        {"i": rid}) == "scored"
        assert sorted(c.scalars(text("SELECT kind FROM review_comments"))) == ["ack", "comment"]


def test_supervisor_cannot_delete_or_rewrite_audit_rows(shared_db, crew):
    call = add_call(shared_db, crew["alice"])
    rec = add_recording(shared_db, crew["alice"], call)
    insert = ("INSERT INTO recording_access (id, user_id, login, recording_id, call_id, action,"
              " at, played_seconds, created_at, updated_at, revision, deleted) VALUES"
              " (gen_random_uuid(), %s, %s, %s, %s, %s, now(), %s, now(), now(), 0, false)")
    with connect(shared_db, crew["sue"]) as conn:
        conn.execute(insert, (crew["sue"].id, crew["sue"].login, rec, call, "play", 42.0))
        assert conn.execute("SELECT count(*) FROM recording_access").fetchone()[0] == 1
        refused(conn, "DELETE FROM recording_access")
        refused(conn, "UPDATE recording_access SET played_seconds = 1")
        refused(conn, "UPDATE recording_access SET deleted = true")
        refused(conn, "TRUNCATE recording_access")
        refused(conn, insert, (crew["sue"].id, crew["sue"].login, rec, call, "erase", None))
        refused(conn, insert, (crew["sue"].id, crew["sue"].login, rec, call, "play", -5.0))
    with connect(shared_db, crew["ada"]) as conn:
        refused(conn, "DELETE FROM recording_access")
        refused(conn, "UPDATE recording_access SET login = 'nobody'")
    with shared_db.engine().connect() as c:
        assert c.execute(text("SELECT login, played_seconds FROM recording_access")).all() == [
            (crew["sue"].login, 42.0)]


def test_retention_function_is_admins_only_and_scorecards_admin_written(shared_db, crew):
    for who in ("alice", "sue", "tom"):
        with connect(shared_db, crew[who]) as conn:
            refused(conn, "SELECT * FROM ws_apply_retention(1, true)")
            refused(conn, "INSERT INTO scorecards (id, code, version, name, active, created_at,"
                          " updated_at, revision, deleted) VALUES (gen_random_uuid(), 'x', 9,"
                          " 'x', true, now(), now(), 0, false)")
    with connect(shared_db, crew["ada"]) as conn:
        assert conn.execute("SELECT count(*) FROM ws_apply_retention(1, false)"
                            ).fetchone()[0] == 0


def test_consent_is_recorded_once(shared_db, crew):
    call = add_call(shared_db, crew["alice"])  # 'not_asked'
    with connect(shared_db, crew["alice"]) as conn:
        refused(conn, "UPDATE calls SET recording_consent = 'given' WHERE id = %s", (call,))
        refused(conn, "UPDATE calls SET recording_expected = false WHERE id = %s", (call,))
        assert conn.execute("UPDATE calls SET recording_consent = 'refused' WHERE id = %s",
                            (call,)).rowcount == 1


def test_flags_visible_to_the_calls_manager_and_team_only(shared_db, crew):
    call = add_call(shared_db, crew["alice"])
    insert = ("INSERT INTO recording_flags (id, call_id, reason, workstation, detail,"
              " detected_at, created_at, updated_at, revision, deleted) VALUES"
              " (gen_random_uuid(), %s, %s, 'x', '', now(), now(), now(), 0, false)")
    with connect(shared_db, crew["sue"]) as conn:
        conn.execute(insert, (call, "no_file"))
        refused(conn, insert, (call, "whatever"))
    with connect(shared_db, crew["bob"]) as conn:
        assert conn.execute("SELECT count(*) FROM recording_flags").fetchone()[0] == 0
        refused(conn, insert, (call, "no_file"))
    with connect(shared_db, crew["zed"]) as conn:
        assert conn.execute("SELECT count(*) FROM recording_flags").fetchone()[0] == 0
    with connect(shared_db, crew["alice"]) as conn:
        assert conn.execute("SELECT count(*) FROM recording_flags").fetchone()[0] == 1


def test_notify_names_the_calls_manager_and_team_not_everybody(shared_db, crew):
    """A review, a comment and a playback wake only who may see them (keyed tokens)."""
    import time as _time

    import psycopg

    from workstation.sync.runner import _Audience
    from workstation.sync.shared import libpq_conninfo, shared_engine

    def listen(member):
        engine = shared_engine(url=member.url)
        conn = psycopg.connect(**libpq_conninfo(engine), autocommit=True)
        engine.dispose()
        conn.execute("LISTEN ws_sync")
        return conn, _Audience.of(conn)

    def payloads(conn, tables):
        got, deadline = {}, _time.monotonic() + 5
        while _time.monotonic() < deadline and not tables <= set(got):
            for n in conn.notifies(timeout=0.5):
                table, _, tokens = n.payload.partition(" ")
                got[table] = tokens
        return got

    call = add_call(shared_db, crew["alice"])
    conns = {who: listen(crew[who]) for who in ("alice", "bob", "sue", "zed")}
    try:
        rid = scored_review(shared_db, crew, call)
        owner_exec(shared_db, f"INSERT INTO review_comments ({COMMENT_COLS}) VALUES"
                   " (gen_random_uuid(), :r, :c, :a, 10, 'x', 'comment', now(), now(), 0, false)",
                   r=rid, c=call, a=crew["sue"].id)
        owner_exec(shared_db, "INSERT INTO recording_access (id, user_id, login, action, at,"
                   " created_at, updated_at, revision, deleted) VALUES (gen_random_uuid(), :u,"
                   " :l, 'play', now(), now(), now(), 0, false)",
                   u=crew["sue"].id, l=crew["sue"].login)
        tables = {"call_reviews", "review_comments", "recording_access"}
        got = {who: payloads(conn, tables) for who, (conn, _a) in conns.items()}
        for who, (_c, aud) in conns.items():
            assert set(got[who]) == tables, (who, got[who])
            assert all("*" not in t for t in got[who].values())
        sees = {who: {t: aud.sees(tok) for t, tok in got[who].items()}
                for who, (_c, aud) in conns.items()}
        assert sees["alice"] == {"call_reviews": True, "review_comments": True,
                                 "recording_access": False}
        assert sees["sue"] == {"call_reviews": True, "review_comments": True,
                               "recording_access": True}
        assert not any(sees["bob"].values()) and not any(sees["zed"].values())
    finally:
        for conn, _a in conns.values():
            conn.close()
