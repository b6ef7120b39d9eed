"""The review on the real shared database: reviews and comments sync between
the supervisor's and the manager's workstations, sampling sees the team's
pulled calls, the audit goes through the outbox (offline too) and is
insert-only, retention deletes recordings but keeps calls and reviews (and
recordings under review or disputed), every missing-recording reason is
found and stored."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text

from review.pgparts import add_call, add_recording, connect, ctx_for, owner_exec, refused
from workstation.services import review
from workstation.sync import review as shared_review

pytestmark = pytest.mark.pg


@pytest.fixture
def crew(shared_db):
    m = {
        "alice": shared_db.add_user("alice"),
        "bob": shared_db.add_user("bob"),
        "sue": shared_db.add_user("sue", role="supervisor"),
        "ada": shared_db.add_user("ada", role="admin"),
        "zoe": shared_db.add_user("zoe", team="team2"),
        "zed": shared_db.add_user("zed", role="supervisor", team="team2"),
    }
    with shared_db.engine().connect() as c:
        m["team1"] = c.scalar(text("SELECT team_id FROM users WHERE login = :l"),
                              {"l": m["alice"].login})
        m["team2"] = c.scalar(text("SELECT team_id FROM users WHERE login = :l"),
                              {"l": m["zoe"].login})
    return m


def scorecard_on(ws_admin, ctx):
    review.save_scorecard(ctx, "Sales", [review.CriterionSpec("Greeting"),
                                         review.CriterionSpec("Honest", critical=True)])
    ws_admin.sync()


def test_review_round_trip_between_supervisor_and_manager(shared_db, crew, make_workstation):
    ws_ada, ws_sue, ws_alice = (make_workstation(crew[n]) for n in ("ada", "sue", "alice"))
    ada, sue = ctx_for(ws_ada, crew["ada"]), ctx_for(ws_sue, crew["sue"], crew["team1"])
    alice = ctx_for(ws_alice, crew["alice"], crew["team1"])
    ws_alice.sync()
    scorecard_on(ws_ada, ada)
    call = add_call(shared_db, crew["alice"])
    ws_sue.sync()
    card = review.scorecard(sue)
    g, h = card.criteria
    v = review.submit(sue, call, {g.id: 1, h.id: 1}, manager_fault=True)
    review.comment(sue, call, "Listen here", at_ms=4200)
    rep = ws_sue.sync()
    assert rep.pushed["call_reviews"] == 1 and rep.pushed["review_comments"] == 1
    assert not rep.rejected, ws_sue.syncer.rejected_lines()
    ws_alice.sync()
    mine = review.review_for_call(alice, call)
    assert mine.score == 100.0 and mine.manager_fault and mine.comments[0].at_ms == 4200
    review.dispute(alice, v.id, "Not my fault")
    rep = ws_alice.sync()
    assert rep.pushed["call_reviews"] == 1 and not rep.rejected, ws_alice.syncer.rejected_lines()
    ws_sue.sync()
    assert [r.status for r in review.queue(sue)] == ["disputed"]
    review.resolve(sue, v.id, "Right", manager_fault=False)
    assert not ws_sue.sync().rejected
    ws_alice.sync()
    review.acknowledge(alice, v.id)
    assert not ws_alice.sync().rejected
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT status FROM call_reviews WHERE id = :i"),
                        {"i": v.id}) == "acknowledged"
        assert c.scalar(text("SELECT count(*) FROM review_comments WHERE review_id = :i"),
                        {"i": v.id}) == 4


def test_sampling_queue_from_pulled_team_calls(shared_db, crew, make_workstation):
    ws_sue = make_workstation(crew["sue"])
    sue = ctx_for(ws_sue, crew["sue"], crew["team1"])
    for i in range(14):
        add_call(shared_db, crew["alice"], talk=30 + i * 40, ended_ago_s=3600 * (i + 1))
    for i in range(3):
        add_call(shared_db, crew["bob"], talk=60)
    add_call(shared_db, crew["zoe"])  # other team: sue does not even pull it
    add_call(shared_db, crew["bob"], talk=3)
    ws_sue.sync()
    from workstation.store.types import utcnow

    res = review.sample(sue, utcnow() - timedelta(days=7), utcnow(), seed=1)
    assert res.per_manager == {crew["alice"].id: 10, crew["bob"].id: 3}
    assert not ws_sue.sync().rejected, ws_sue.syncer.rejected_lines()
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT count(*) FROM call_reviews WHERE status = 'in_review'"
                             " AND reviewer_id = :u"), {"u": crew["sue"].id}) == 13


def test_audit_through_the_outbox_offline_and_insert_only(shared_db, crew, make_workstation):
    ws_sue = make_workstation(crew["sue"])
    sue = ctx_for(ws_sue, crew["sue"], crew["team1"])
    call = add_call(shared_db, crew["alice"])
    rec = add_recording(shared_db, crew["alice"], call)
    # offline: nothing reaches the shared database, the rows wait in the outbox
    for seconds in (12.5, 30.0):
        review.log_access(sue, recording_id=rec, call_id=call, action="play",
                          played_seconds=seconds)
    review.log_access(sue, recording_id=rec, call_id=call, action="download")
    assert ws_sue.syncer.waiting() >= 3
    rep = ws_sue.sync()
    assert rep.pushed["recording_access"] == 3 and not rep.rejected
    with shared_db.engine().connect() as c:
        rows = c.execute(text("SELECT login, action, played_seconds FROM recording_access"
                              " ORDER BY at")).all()
    assert rows == [(crew["sue"].login, "play", 12.5), (crew["sue"].login, "play", 30.0),
                    (crew["sue"].login, "download", None)]
    for who in ("sue", "ada"):
        with connect(shared_db, crew[who]) as conn:
            refused(conn, "DELETE FROM recording_access")
            refused(conn, "UPDATE recording_access SET played_seconds = 0")
            refused(conn, "TRUNCATE recording_access")
            # nor a row in somebody else's name
            refused(conn, "INSERT INTO recording_access (id, user_id, login, action, at,"
                          " created_at, updated_at, revision, deleted) VALUES"
                          " (gen_random_uuid(), %s, %s, 'play', now(), now(), now(), 0, false)",
                    (crew["bob"].id, crew["bob"].login))
    with connect(shared_db, crew["ada"]) as conn:
        assert conn.execute("SELECT count(*) FROM recording_access").fetchone()[0] == 3
    with connect(shared_db, crew["bob"]) as conn:  # a manager reads nobody's
        assert conn.execute("SELECT count(*) FROM recording_access").fetchone()[0] == 0
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT count(*) FROM recording_access")) == 3


def test_retention_deletes_old_files_keeps_calls_reviews_and_disputed(
        shared_db, crew, make_workstation):
    old_plain = add_call(shared_db, crew["alice"])
    old_scored = add_call(shared_db, crew["alice"])
    old_disputed = add_call(shared_db, crew["alice"])
    old_queued = add_call(shared_db, crew["bob"])
    fresh = add_call(shared_db, crew["bob"])
    recs = {c: add_recording(shared_db, crew["alice"] if c in (old_plain, old_scored,
                                                               old_disputed) else crew["bob"],
                             c, age_days=0 if c == fresh else 90)
            for c in (old_plain, old_scored, old_disputed, old_queued, fresh)}
    for call, status in ((old_scored, "acknowledged"), (old_disputed, "disputed"),
                         (old_queued, "in_review")):
        owner_exec(shared_db, """
            INSERT INTO call_reviews (id, call_id, reviewer_id, manager_id, status, score,
                failed_critical, manager_fault, answers, summary, created_at, updated_at,
                revision, deleted)
            VALUES (gen_random_uuid(), :c, :r, (SELECT user_id FROM calls WHERE id = :c), :s,
                    80, false, false, '{}', '', now(), now(), 0, false)""",
                   c=call, r=crew["sue"].id, s=status)
    ws_ada = make_workstation(crew["ada"])
    ada = ctx_for(ws_ada, crew["ada"])
    with connect(shared_db, crew["sue"]) as conn:  # not an admin: refused
        refused(conn, "SELECT * FROM ws_apply_retention(30, true)")
    with pytest.raises(Exception, match="no number of days"):
        shared_review.retention(ws_ada.shared, None, apply=False)
    review.set_retention_days(ada, 30)
    assert not ws_ada.sync().rejected
    dry = shared_review.retention(ws_ada.shared, None, apply=False)
    assert {r.call_id: r.action for r in dry} == {
        old_plain: "would_delete", old_scored: "would_delete", old_disputed: "kept",
        old_queued: "kept"}
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT count(*) FROM recordings")) == 5
    done = shared_review.retention(ws_ada.shared, None, apply=True)
    assert sorted(r.action for r in done) == ["deleted", "deleted", "kept", "kept"]
    with shared_db.engine().connect() as c:
        left = set(c.scalars(text("SELECT call_id FROM recordings")))
        assert left == {old_disputed, old_queued, fresh}
        assert c.scalar(text("SELECT count(*) FROM recording_chunks WHERE recording_id IN"
                             " (:a, :b)"), {"a": recs[old_plain], "b": recs[old_scored]}) == 0
        assert c.scalar(text("SELECT count(*) FROM calls")) == 5  # the calls stay
        assert c.scalar(text("SELECT score FROM call_reviews WHERE call_id = :c"),
                        {"c": old_scored}) == 80  # and their scores
        assert c.scalar(text("SELECT count(*) FROM recording_purges")) == 2
    # a purged recording is not "missing"
    ws_sue = make_workstation(crew["sue"])
    rep = shared_review.check_missing(ws_sue.shared, grace=timedelta(0))
    assert old_plain not in {f["call_id"] for f in rep.flags}
    assert old_plain in rep.fine


def test_the_admins_workstation_applies_the_retention_by_itself(shared_db, crew,
                                                                  make_workstation):
    old = add_call(shared_db, crew["alice"])
    fresh = add_call(shared_db, crew["alice"])
    for call, age in ((old, 90), (fresh, 0)):
        add_recording(shared_db, crew["alice"], call, age_days=age)
    ws_sue, ws_ada = make_workstation(crew["sue"]), make_workstation(crew["ada"])
    ada = ctx_for(ws_ada, crew["ada"])
    # no setting yet: nothing to do, and a supervisor's workstation never does it
    ws_ada.syncer.retention_due_at = 0
    assert not ws_ada.sync().rejected
    review.set_retention_days(ada, 30)
    ws_sue.sync()
    ws_sue.syncer.retention_due_at = 0
    ws_sue.sync()
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT count(*) FROM recordings")) == 2
    ws_ada.sync()  # the setting reaches the shared database (and the next round is not due)
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT count(*) FROM recordings")) == 2
    ws_ada.syncer.retention_due_at = 0  # the due time came
    report = ws_ada.sync()
    assert report.recordings["purged"] == 1
    assert ws_ada.syncer.retention_due_at > 0  # and the next one is hours away
    with shared_db.engine().connect() as c:
        assert set(c.scalars(text("SELECT call_id FROM recordings"))) == {fresh}
        assert c.scalar(text("SELECT count(*) FROM calls")) == 2  # the calls stay


def test_every_missing_recording_reason_is_found_stored_and_counted(
        shared_db, crew, make_workstation):
    a, b = crew["alice"], crew["bob"]
    ok = add_call(shared_db, a, talk=60)
    add_recording(shared_db, a, ok, duration=59.0)
    no_file = add_call(shared_db, a, talk=60)
    zero = add_call(shared_db, a, talk=60)
    add_recording(shared_db, a, zero, b"", size=0, duration=0.0)
    short = add_call(shared_db, b, talk=120)
    add_recording(shared_db, b, short, duration=40.0)
    bad_sum = add_call(shared_db, b, talk=60)
    add_recording(shared_db, b, bad_sum, complete=False, sha="0" * 64, duration=60.0)
    stuck = add_call(shared_db, b, talk=60)
    stuck_rec = add_recording(shared_db, b, stuck, complete=False, chunks=1, age_days=2)
    in_progress = add_call(shared_db, b, talk=60)
    add_recording(shared_db, b, in_progress, complete=False, chunks=1, age_days=0)
    not_recorded = add_call(shared_db, a, talk=60, recorded=False)
    too_recent = add_call(shared_db, a, talk=60, ended_ago_s=10)
    orphan = add_recording(shared_db, a, uuid.uuid4(), age_days=1)
    add_call(shared_db, crew["zoe"], talk=60)  # another team's: not sue's to see
    ws_sue = make_workstation(crew["sue"])
    sue = ctx_for(ws_sue, crew["sue"], crew["team1"])
    rep = shared_review.check_missing(ws_sue.shared, grace=timedelta(minutes=5),
                                      stuck=timedelta(hours=24))
    got = {(f["call_id"], f["reason"]) for f in rep.flags}
    assert got == {(no_file, "no_file"), (zero, "zero_length"), (short, "short"),
                   (bad_sum, "checksum"), (stuck, "upload_stuck"), (None, "no_call")}
    assert [f["recording_id"] for f in rep.flags if f["reason"] == "no_call"] == [orphan]
    assert [f["recording_id"] for f in rep.flags if f["reason"] == "upload_stuck"] == [stuck_rec]
    assert ok in rep.fine and not_recorded not in rep.checked and too_recent not in rep.checked
    assert in_progress in rep.checked and in_progress not in rep.fine
    assert rep.per_workstation() == {a.login: 3, b.login: 3}
    # stored: synced to the shared database, where nothing is silently dropped
    ws_sue.sync()
    assert review.save_check(sue, rep.flags, rep.checked, rep.fine) == (6, 0)
    assert not ws_sue.sync().rejected, ws_sue.syncer.rejected_lines()
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT count(*) FROM recording_flags WHERE resolved_at IS NULL"
                             )) == 6
    # fixed: the next check resolves it
    add_recording(shared_db, a, no_file, duration=60.0)
    rep2 = shared_review.check_missing(ws_sue.shared, grace=timedelta(minutes=5))
    new, resolved = review.save_check(sue, rep2.flags, rep2.checked, rep2.fine)
    assert (new, resolved) == (0, 1)
    assert {f.reason for f in review.open_flags(sue)} == {
        "zero_length", "short", "checksum", "upload_stuck", "no_call"}
    # a verify run recomputes the digest of confirmed files too
    tampered = add_call(shared_db, a, talk=10)
    add_recording(shared_db, a, tampered, sha="1" * 64, duration=10.0)
    rep3 = shared_review.check_missing(ws_sue.shared, grace=timedelta(minutes=5), verify=True)
    assert (tampered, "checksum") in {(f["call_id"], f["reason"]) for f in rep3.flags}


def test_workstation_reports_its_stuck_upload(shared_db, crew, make_workstation):
    from workstation.store.models import Call, RecordingUpload
    from workstation.store.types import utcnow

    ws_alice = make_workstation(crew["alice"])
    alice = ctx_for(ws_alice, crew["alice"], crew["team1"])
    ws_alice.sync()  # her users row arrives
    call = uuid.uuid4()
    with ws_alice.store.session() as s, s.begin():
        s.add(Call(id=call, user_id=crew["alice"].id, direction="out", talk_seconds=30.0,
                   started_at=utcnow(), answered_at=utcnow(), ended_at=utcnow(),
                   recording_path="/x.wav", recording_expected=True))
        s.add(RecordingUpload(id=uuid.uuid4(), call_id=call, source_path="/x.wav",
                              state="failed", error="disk gone",
                              created_at=utcnow() - timedelta(days=2)))
    found = review.report_stuck_uploads(alice, hours=24)
    assert [f["reason"] for f in found] == ["upload_stuck"] and "disk gone" in found[0]["detail"]
    assert not ws_alice.sync().rejected, ws_alice.syncer.rejected_lines()
    ws_sue = make_workstation(crew["sue"])
    ws_sue.sync()
    sue = ctx_for(ws_sue, crew["sue"], crew["team1"])
    flags = review.open_flags(sue)
    assert [(f.call_id, f.reason, f.workstation) for f in flags] == [
        (call, "upload_stuck", crew["alice"].login)]
    with connect(shared_db, crew["bob"]) as conn:  # another manager sees none of it
        assert conn.execute("SELECT count(*) FROM recording_flags").fetchone()[0] == 0


def test_the_uploader_reports_stuck_uploads_on_its_own(shared_db, crew, make_workstation):
    from workstation.store.models import Call, RecordingFlag, RecordingUpload
    from workstation.store.types import utcnow
    from workstation.sync.recordings import RecordingUploader

    ws = make_workstation(crew["bob"])
    ws.sync()
    call = uuid.uuid4()
    with ws.store.session() as s, s.begin():
        s.add(Call(id=call, user_id=crew["bob"].id, direction="out", talk_seconds=30.0,
                   started_at=utcnow(), answered_at=utcnow(), ended_at=utcnow(),
                   recording_path="", recording_expected=True))
        s.add(RecordingUpload(id=uuid.uuid4(), call_id=call, source_path="/gone.wav",
                              state="failed", error="cannot open /gone.wav", created_at=utcnow() - timedelta(hours=30)))
    up = RecordingUploader(stuck_hours=24)
    moved = up.run_once(ws.shared, ws.syncer.local)
    assert moved["stuck"] == 1
    with ws.store.session() as s:
        flags = s.query(RecordingFlag).all()
        assert [(f.call_id, f.reason, f.workstation) for f in flags] == [
            (call, "upload_stuck", crew["bob"].login)]
    assert up.run_once(ws.shared, ws.syncer.local)["stuck"] == 0  # not again before 10 min
    assert not ws.sync().rejected, ws.syncer.rejected_lines()
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT reason FROM recording_flags WHERE call_id = :c"),
                        {"c": call}) == "upload_stuck"
    # confirmed meanwhile: the next report resolves the flag
    with ws.store.session() as s, s.begin():
        s.query(RecordingUpload).update({"state": "confirmed"})
    up.report_stuck(ws.syncer.local, crew["bob"].id)
    with ws.store.session() as s:
        assert s.query(RecordingFlag).one().resolved_at is not None
