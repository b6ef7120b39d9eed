"""The browser on a real PostgreSQL cluster: the same filters in SQL, as each
user's own role (row-level security), through a read-only connection."""

from __future__ import annotations

import hashlib
import uuid

import psycopg
import pytest
from sqlalchemy import text

import callgen
from workstation.services import browse as B
from workstation.services.context import Context, SignedInUser
from workstation.sync.browse import SharedReader

pytestmark = pytest.mark.pg


@pytest.fixture
def team_db(shared_db):
    """team1: sup1, m1, m2; team2: sup2, m3; 1,200 calls of the managers."""
    people = {"sup1": ("supervisor", "team1"), "m1": ("manager", "team1"),
              "m2": ("manager", "team1"), "sup2": ("supervisor", "team2"),
              "m3": ("manager", "team2"), "boss": ("admin", None)}
    members = {k: shared_db.add_user(k, role, team=team) for k, (role, team) in people.items()}
    made = callgen.Made()
    made.users = {k: members[k].id for k in ("m1", "m2", "m3")}
    with shared_db.engine().begin() as c:
        callgen.make_calls(c, made, 1200, leads=60)
        teams = dict(c.execute(text("SELECT id, team_id FROM users")).all())
    return shared_db, members, made, teams


def ctx_for(store, config, member, teams):
    return Context(store, SignedInUser(id=member.id, login=member.login, role=member.role,
                                       team_id=teams[member.id]), settings=config)


def all_pages(ctx, flt, reader, size=200):
    out, after = [], None
    while True:
        rows = B.page(ctx, flt, after=after, limit=size, source=reader)
        out.extend(rows)
        if len(rows) < size:
            return out
        after = rows[-1].key


def test_roles_decide_the_rows_on_the_shared_database(team_db, store, config):
    db, members, made, teams = team_db
    readers = {k: SharedReader.from_url(m.url) for k, m in members.items()}
    try:
        sup1 = ctx_for(store, config, members["sup1"], teams)
        team1 = {members["m1"].id, members["m2"].id}
        rows = all_pages(sup1, B.CallFilter(), readers["sup1"])
        assert {r.user_id for r in rows} == team1
        assert len(rows) == sum(len(made.calls_of[u]) for u in team1)
        assert B.count(sup1, B.CallFilter(), source=readers["sup1"]) == len(rows)
        # the other team's calls are not there even when asked for by id
        m3_call = made.calls_of[members["m3"].id][0]
        assert B.page(sup1, B.CallFilter(call_ids=(m3_call,)), source=readers["sup1"]) == []
        assert B.context(sup1, m3_call, source=readers["sup1"]) is None
        m1 = ctx_for(store, config, members["m1"], teams)
        mine = all_pages(m1, B.CallFilter(), readers["m1"])
        assert {r.user_id for r in mine} == {members["m1"].id}
        assert len(mine) == len(made.calls_of[members["m1"].id])
        assert B.context(m1, made.calls_of[members["m2"].id][0], source=readers["m1"]) is None
        boss = ctx_for(store, config, members["boss"], teams)
        assert B.count(boss, B.CallFilter(), source=readers["boss"]) == 1200
    finally:
        for r in readers.values():
            r.dispose()


def test_the_same_filters_and_sorts_run_in_postgresql(team_db, store, config):
    db, members, made, teams = team_db
    reader = SharedReader.from_url(members["boss"].url)
    try:
        ctx = ctx_for(store, config, members["boss"], teams)
        flt = B.CallFilter(direction="out", outcome="success", min_seconds=60,
                           has_recording=False, sort="duration", descending=False)
        rows = all_pages(ctx, flt, reader, size=33)
        want = [c for c in made.calls if c["direction"] == "out" and c["outcome"] == "success"
                and (c["talk_seconds"] or 0) >= 60]
        assert {r.id for r in rows} == {c["id"] for c in want} and want
        values = [r.talk_seconds for r in rows]
        assert values == sorted(values)
        found = B.page(ctx, B.CallFilter(search="company 00003"), source=reader, limit=1000)
        assert found and {r.lead_id for r in found} == {made.leads[3]}
        choices = B.choices(ctx, source=reader)
        assert choices.reviews  # the review tables are in the shared schema
        assert {n for _i, n in choices.teams} >= {"team1", "team2"}
        assert B.page(ctx, B.CallFilter(unreviewed=True), source=reader, limit=5)
    finally:
        reader.dispose()


def test_the_browser_connection_cannot_write(team_db):
    db, members, made, teams = team_db
    reader = SharedReader.from_url(members["m1"].url)
    try:
        with reader.session() as s:
            with pytest.raises(Exception, match="read-only"):
                s.execute(text("UPDATE calls SET notes = 'x' WHERE user_id = :u"),
                          {"u": members["m1"].id})
        with psycopg.connect(**reader.conninfo()) as conn:
            with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
                conn.execute("INSERT INTO tags (id, name, created_at, updated_at, revision,"
                             " deleted) VALUES (gen_random_uuid(), 'x', now(), now(), 0, false)")
    finally:
        reader.dispose()


def _recording_of(db, member, call_id, data=b"OggS" + b"x" * 1000):
    rec = uuid.uuid4()
    with db.engine(member.url).begin() as c:
        c.execute(text(
            "INSERT INTO recordings (id, call_id, owner_login, size, sha256, chunk_size,"
            " chunk_count, duration_s) VALUES (:i, :c, session_user, :n, :h, :n, 1, 1.0)"),
            {"i": rec, "c": call_id, "n": len(data), "h": hashlib.sha256(data).hexdigest()})
        c.execute(text("INSERT INTO recording_chunks (recording_id, idx, data, sha256)"
                       " VALUES (:i, 0, :d, :h)"),
                  {"i": rec, "d": data, "h": hashlib.sha256(data).hexdigest()})
        assert c.scalar(text("SELECT ws_finish_recording(:i)"), {"i": rec})
    return rec


def test_a_recording_is_found_only_by_those_who_may_open_it(team_db, store, config):
    db, members, made, teams = team_db
    call = made.calls_of[members["m1"].id][0]
    rec = _recording_of(db, members["m1"], call)
    for who, visible in (("m1", True), ("sup1", True), ("m2", False), ("sup2", False),
                         ("m3", False)):
        reader = SharedReader.from_url(members[who].url)
        try:
            got = B.recording(ctx_for(store, config, members[who], teams), call, source=reader)
            assert (got is not None and got.recording_id == rec) is visible, who
            # and with psql's own means: the chunks are not readable either
            with psycopg.connect(**reader.conninfo()) as conn:
                n = conn.execute("SELECT count(*) FROM recording_chunks WHERE recording_id = %s",
                                 (rec,)).fetchone()[0]
            assert (n == 1) is visible, who
        finally:
            reader.dispose()
    has = B.page(ctx_for(store, config, members["sup1"], teams),
                 B.CallFilter(has_recording=True), source=SharedReader.from_url(
                     members["sup1"].url))
    assert [r.id for r in has] == [call]


def test_the_uploader_stores_the_waveform_and_only_the_recordings_readers_see_it(
        team_db, make_workstation, store, config, tmp_path):
    import numpy as np
    import soundfile as sf

    from workstation.store.models import Call
    from workstation.store.types import utcnow
    from workstation.sync.recordings import RecordingUploader, recording_id

    db, members, made, teams = team_db
    m1 = members["m1"]
    rate = 16000
    t = np.arange(6 * rate) / rate
    wav = tmp_path / "call.wav"  # the manager talks, the client is silent
    sf.write(str(wav), np.stack([0.5 * np.sin(2 * np.pi * 440 * t), 0 * t], 1)
             .astype(np.float32), rate, subtype="PCM_16")
    ws = make_workstation(m1)
    ws.syncer.recordings = RecordingUploader(chunk_size=8192)
    ws.sync()  # users arrive
    with ws.session() as s, s.begin():
        call = Call(user_id=m1.id, direction="out", recording_path=str(wav), ended_at=utcnow())
        s.add(call)
    assert ws.sync().recordings["uploaded"] == 1
    rec = recording_id(call.id)
    for who, visible in (("sup1", True), ("m1", True), ("m2", False), ("sup2", False)):
        reader = SharedReader.from_url(members[who].url)
        try:
            got = B.recording(ctx_for(store, config, members[who], teams), call.id,
                              source=reader)
            if not visible:
                assert got is None, who
                with psycopg.connect(**reader.conninfo()) as conn:
                    assert conn.execute("SELECT count(*) FROM recording_peaks").fetchone()[0] == 0
                continue
            p = got.shared.peaks
            assert p["bucket_ms"] == 10 and abs(p["duration_s"] - 6.0) < 1e-6
            left, right = np.frombuffer(p["left"], np.uint8), np.frombuffer(p["right"], np.uint8)
            assert len(left) == 600 and left.min() > 120 and right.max() == 0
        finally:
            reader.dispose()
    # insert-only, and only the recording's own uploader writes it
    for who in ("m1", "sup1"):
        with psycopg.connect(**{**SharedReader.from_url(members[who].url).conninfo(),
                                "options": ""}) as conn:
            for sql in ("UPDATE recording_peaks SET bucket_ms = 20",
                        "DELETE FROM recording_peaks"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql)
                conn.rollback()
    with psycopg.connect(**{**SharedReader.from_url(members["m2"].url).conninfo(),
                            "options": ""}) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # RLS: not m2's recording
            conn.execute("INSERT INTO recording_peaks (recording_id, bucket_ms, channels,"
                         " duration_s, left_peaks, right_peaks) VALUES (%s, 10, 2, 1, '', '')",
                         (rec,))


def test_a_missing_chunk_stops_the_stream_with_its_reason(team_db, tmp_path):
    from workstation.sync.playback import ChunkStream, RecordingCache

    db, members, made, teams = team_db
    call = made.calls_of[members["m1"].id][1]
    data = bytes(range(256)) * 40  # 10,240 bytes in 4 chunks of 3,000
    rec = uuid.uuid4()
    with db.engine(members["m1"].url).begin() as c:
        c.execute(text(
            "INSERT INTO recordings (id, call_id, owner_login, size, sha256, chunk_size,"
            " chunk_count, duration_s) VALUES (:i, :c, session_user, :n, :h, 3000, 4, 1.0)"),
            {"i": rec, "c": call, "n": len(data), "h": hashlib.sha256(data).hexdigest()})
        for idx in range(4):
            part = data[idx * 3000:(idx + 1) * 3000]
            c.execute(text("INSERT INTO recording_chunks (recording_id, idx, data, sha256)"
                           " VALUES (:i, :n, :d, :h)"),
                      {"i": rec, "n": idx, "d": part, "h": hashlib.sha256(part).hexdigest()})
    with db.engine().begin() as c:  # lost on the server (what missing-recordings reports)
        c.execute(text("DELETE FROM recording_chunks WHERE recording_id = :i AND idx = 1"),
                  {"i": rec})
    reader = SharedReader.from_url(members["sup1"].url)
    errors = []
    cache = RecordingCache(tmp_path / "cache", 1 << 20)
    try:
        with reader.session() as s:
            from workstation.store.browse import RECORDINGS, SharedRecording

            r = s.execute(RECORDINGS.select().where(RECORDINGS.c.id == rec)).mappings().one()
        stream = ChunkStream(reader.conninfo(), SharedRecording(
            rec, int(r["size"]), 4, 3000, 1.0, r["sha256"]), cache,
            on_error=errors.append).start()
        assert not stream.wait_done(20)
        assert errors and "chunk 1 is missing" in errors[0]
        assert stream.read_at(0, 100) == data[:100]  # what arrived is served
        assert stream.read_at(3500, 100) == b""  # the lost part: empty, the reader is told
        assert stream.read_at(9500, 100) == data[9500:9600]  # the tail had arrived first
        assert cache.get(rec) is None  # nothing half-written in the cache
        stream.close()
    finally:
        reader.dispose()


def test_the_tab_follows_the_sync_connection(qtbot, team_db, store, config, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from workstation.sync.playback import RecordingCache
    from workstation.sync.qt import SyncService
    from workstation.sync.worker import Syncer
    from workstation.views import calls

    db, members, made, teams = team_db
    ctx = ctx_for(store, config, members["sup1"], teams)
    service = SyncService(Syncer(store.url, db.engine(members["sup1"].url)))
    w = QMainWindow()
    b = calls.install(w, ctx, reader=SharedReader.from_url(members["sup1"].url),
                      cache=RecordingCache(tmp_path / "c", 1 << 20), sync=service)
    qtbot.addWidget(w, before_close_func=lambda _w: b.shutdown())
    qtbot.waitUntil(lambda: b.source_kind() == "shared" and b.model.rowCount() > 0,
                    timeout=20000)
    shared_rows = b.model.rowCount()
    service.sig_status.emit(False, 0, None)  # the worker lost the shared database
    qtbot.waitUntil(lambda: b.source_kind() == "local" and not b.model.is_loading(),
                    timeout=10000)
    assert b.source_label.text().startswith("Offline")
    assert b.model.rowCount() == 0 < shared_rows  # this store holds none of the team's calls
    service.sig_status.emit(True, 0, None)  # and found it again
    qtbot.waitUntil(lambda: b.source_kind() == "shared" and b.model.rowCount() == shared_rows,
                    timeout=20000)
    assert b.source_label.text().startswith("Online")
