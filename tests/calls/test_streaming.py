"""A recording held only in the shared database starts playing with only its first
chunks fetched; the rest arrives in the background into the bounded cache."""

from __future__ import annotations

import hashlib
import threading
import uuid

import numpy as np
import psycopg
import pytest
import soundfile as sf
from sqlalchemy import text

from audio_rig import pulse_rig  # noqa: F401 - fixture
from workstation.services import browse as B
from workstation.sync.browse import SharedReader
from workstation.sync.playback import ChunkStream, RecordingCache
from workstation.sync.recordings import compress

pytestmark = [pytest.mark.pg, pytest.mark.audio, pytest.mark.slow]
CHUNK = 64 * 1024


def upload(db, member, call_id, path, peaks=None):
    data = path.read_bytes()
    rec = uuid.uuid4()
    count = -(-len(data) // CHUNK)
    with db.engine(member.url).begin() as c:
        c.execute(text(
            "INSERT INTO recordings (id, call_id, owner_login, size, sha256, chunk_size,"
            " chunk_count, duration_s) VALUES (:i, :c, session_user, :n, :h, :k, :m, 120)"),
            {"i": rec, "c": call_id, "n": len(data), "h": hashlib.sha256(data).hexdigest(),
             "k": CHUNK, "m": count})
        for idx in range(count):
            part = data[idx * CHUNK:(idx + 1) * CHUNK]
            c.execute(text("INSERT INTO recording_chunks (recording_id, idx, data, sha256)"
                           " VALUES (:i, :n, :d, :h)"),
                      {"i": rec, "n": idx, "d": part, "h": hashlib.sha256(part).hexdigest()})
        if peaks is not None:  # what the uploader stores beside the chunks
            c.execute(text("INSERT INTO recording_peaks (recording_id, bucket_ms, channels,"
                           " duration_s, left_peaks, right_peaks) VALUES (:i, :b, 2, :d, :l, :r)"),
                      {"i": rec, "b": peaks.bucket_ms, "d": peaks.duration_s,
                       "l": peaks.left.tobytes(), "r": peaks.right.tobytes()})
        assert c.scalar(text("SELECT ws_finish_recording(:i)"), {"i": rec})
    return rec, data, count


class GatedConn:
    """A real psycopg connection whose chunk reads past the first ``allowed`` wait."""

    def __init__(self, conn, allowed: int, gate: threading.Event, log: list) -> None:
        self.conn, self.allowed, self.gate, self.log = conn, allowed, gate, log

    def __enter__(self):
        self.conn.__enter__()
        return self

    def __exit__(self, *a):
        return self.conn.__exit__(*a)

    def execute(self, sql, args):
        if len(self.log) >= self.allowed:
            self.gate.wait(60)
        self.log.append(args[1])
        return self.conn.execute(sql, args)

    def rollback(self):
        self.conn.rollback()


def test_playback_starts_before_the_whole_file_arrived(qtbot, pulse_rig, shared_db, tmp_path,  # noqa: F811
                                                       store, config):
    from workstation.services.context import Context, SignedInUser
    from workstation.views.calls.player import Player

    m1 = shared_db.add_user("m1", "manager", team="team1")
    sup = shared_db.add_user("sup", "supervisor", team="team1")
    rate = 16000
    t = np.arange(120 * rate) / rate
    left = 0.3 * np.sin(2 * np.pi * 440 * t) * (t % 5 < 2)
    right = 0.3 * np.sin(2 * np.pi * 300 * t) * (t % 5 >= 3)
    wav = tmp_path / "call.wav"
    sf.write(str(wav), np.stack([left, right], 1).astype(np.float32), rate, subtype="PCM_16")
    ogg = tmp_path / "call.opus.ogg"
    compress(wav, ogg)
    call_id = uuid.uuid4()
    with shared_db.engine().begin() as c:
        c.execute(text("INSERT INTO calls (id, user_id, direction, local_number, remote_number,"
                       " remote_e164, sip_call_id, started_at, sip_reason, codec,"
                       " media_security, recording_path, refusal_reason, notes, effective,"
                       " created_at, updated_at, revision, deleted) VALUES (:i, :u, 'out', '',"
                       " '+380441234567', '', '', now(), '', 'PCMA', 'rtp', '', '', '', false,"
                       " now(), now(), 0, false)"), {"i": call_id, "u": m1.id})
    from workstation import peaks as P

    wave = P.compute(wav)
    rec_id, data, count = upload(shared_db, m1, call_id, ogg, wave)
    assert count >= 8

    reader = SharedReader.from_url(sup.url)
    ctx = Context(store, SignedInUser(id=sup.id, login=sup.login, role="supervisor"),
                  settings=config)
    rec = B.recording(ctx, call_id, source=reader)
    assert rec is not None and rec.path is None and rec.shared.chunk_count == count

    gate, fetched = threading.Event(), []
    allowed = 5  # the first chunk, the last two, chunks 1 and 2
    cache = RecordingCache(tmp_path / "cache", max_bytes=20 << 20)
    player = Player(ctx, cache=cache)
    qtbot.addWidget(player)
    player.stream_factory = lambda info, r, c, **kw: ChunkStream(
        info, r, c, connect=lambda **k: GatedConn(psycopg.connect(**k), allowed, gate, fetched),
        **kw)
    played = []
    player.sig_played.connect(lambda *a: played.append(a))
    try:
        with qtbot.waitSignal(player.sig_first_audio, timeout=20000):
            player.open(call_id, rec, source=reader, autoplay=True)
        assert player.stream.arrived() <= allowed < count  # playing with part of the file
        # the head, then the tail the Ogg demuxer probes for the duration (in whichever
        # order the reader asks for them), before the middle
        assert set(fetched[:3]) == {0, count - 1, count - 2}
        assert cache.get(rec_id) is None
        # the whole call's waveform is there already (the uploader's), lanes intact
        drawn = player.waveform.peaks()
        assert drawn is not None and len(drawn) == 12000
        assert drawn.left[:150].min() > 60 and drawn.left[350:450].max() == 0
        assert drawn.right[:250].max() == 0 and drawn.right[350:450].min() > 60
        gate.set()
        assert player.stream.wait_done(30)
        qtbot.waitUntil(lambda: cache.get(rec_id) is not None, timeout=10000)
        assert cache.get(rec_id).read_bytes() == data
        qtbot.waitUntil(lambda: P.load_cached(cache.get(rec_id)) is not None, timeout=10000)
        qtbot.waitUntil(lambda: player.position() > 2000, timeout=20000)
        player.seek(60_000)
        qtbot.waitUntil(lambda: abs(player.position() - 60_000) < 500, timeout=10000)
        player.clear()
        assert played and played[0][1] == rec_id
        # played again: from the cache, no stream
        player.open(call_id, rec, source=reader)
        assert player.stream is None and player.file == cache.get(rec_id)
    finally:
        gate.set()
        player.shutdown()
        reader.dispose()
