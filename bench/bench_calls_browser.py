"""Calls browser figures (issue 11), one JSON object per line:

- calls_browser_first_rows: the Calls tab opened over 100,000 calls in the
  local store until its first page is in the table (target < 500 ms);
- calls_browser_first_rows_shared: the same over 100,000 calls in a real
  PostgreSQL database, read as a supervisor (row-level security; 2/3 of the
  calls are the supervisor's team's);
- calls_play_first_audio_shared: "play" of a 10-minute recording held only in a
  real PostgreSQL database (256 KB chunks, fetched as the supervisor) until the
  player's position moves, through the PulseAudio test rig (target < 1 s);
- calls_waveform_10min / _cached: peaks of a 10-minute stereo WAV, computed and
  from its .peaks cache (targets 300 ms / 30 ms); _ogg: the same from Ogg Opus;
  _shared: "play" of the shared-only recording until its waveform (the uploader's,
  read with the recording's row) is in the view.

    PYTHONPATH=src QT_QPA_PLATFORM=offscreen python bench/bench_calls_browser.py
"""

from __future__ import annotations

import hashlib
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "calls")]

import numpy as np  # noqa: E402
import soundfile as sf  # noqa: E402


def emit(name, values, target, unit="ms"):
    print(json.dumps({"bench": name, "value": round(statistics.median(values), 1), "unit": unit,
                      "target": target, "n": len(values)}), flush=True)


def wait(app, cond, timeout=30.0):
    end = time.perf_counter() + timeout
    while not cond():
        if time.perf_counter() > end:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.0005)


def main() -> None:
    from audio_rig import PulseRig

    tmp = Path(tempfile.mkdtemp(prefix="bench-calls-"))
    rig = PulseRig(tmp / "pulse")
    rig.start()
    import os

    os.environ["PULSE_SERVER"] = rig.server
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    import callgen
    from workstation.config import Config
    from workstation import peaks as P
    from workstation.services.context import Context, SignedInUser
    from workstation.store.db import Store
    from workstation.sync.playback import RecordingCache
    from workstation.views import calls

    cfg = Config(tmp / "config.json")
    try:
        # -- 1. first rows over 100,000 calls ---------------------------------------------
        store = Store(path=tmp / "s.sqlite3")
        store.upgrade()
        made = callgen.Made()
        with store.engine.begin() as c:
            callgen.make_people(c, made)
            callgen.make_calls(c, made, 100_000)
        ctx = Context(store, SignedInUser(id=made.users["north0"], login="north0",
                                          role="admin"), settings=cfg)
        times = []
        for _ in range(5):
            w = QMainWindow()
            w.resize(1366, 768)
            t0 = time.perf_counter()
            b = calls.install(w, ctx, cache=RecordingCache(tmp / "cache", 50 << 20))
            w.show()
            wait(app, lambda: b.model.rowCount() > 0)
            app.processEvents()
            times.append((time.perf_counter() - t0) * 1000)
            b.shutdown()
            w.close()
            w.deleteLater()
            app.processEvents()
        emit("calls_browser_first_rows", times, 500)

        # -- 3. waveform of a 10-minute call --------------------------------------------------
        rate = 16000
        t = np.arange(600 * rate) / rate
        left = 0.3 * np.sin(2 * np.pi * 440 * t) * (t % 6 < 3)
        right = 0.3 * np.sin(2 * np.pi * 300 * t) * (t % 6 >= 3)
        wav = tmp / "call.wav"
        sf.write(str(wav), np.stack([left, right], 1).astype(np.float32), rate, subtype="PCM_16")
        comp, cached = [], []
        for _ in range(3):
            P.cache_path(wav).unlink(missing_ok=True)
            t0 = time.perf_counter()
            P.peaks(wav)
            comp.append((time.perf_counter() - t0) * 1000)
        for _ in range(10):
            t0 = time.perf_counter()
            assert P.peaks(wav).cached
            cached.append((time.perf_counter() - t0) * 1000)
        emit("calls_waveform_10min", comp, 300)
        emit("calls_waveform_10min_cached", cached, 30)
        from workstation.sync.recordings import compress

        ogg = tmp / "call.opus.ogg"
        compress(wav, ogg)
        t0 = time.perf_counter()
        P.compute(ogg)
        emit("calls_waveform_10min_ogg", [(time.perf_counter() - t0) * 1000], 300)

        # -- 2. play to first audio, shared database only --------------------------------------
        play_first_audio(app, tmp, ogg, cfg, rig)
    finally:
        rig.stop()


def play_first_audio(app, tmp, ogg, cfg, rig) -> None:
    from sqlalchemy import text

    from workstation.services import browse as B
    from workstation.services.context import Context, SignedInUser
    from workstation.store.db import Store
    from workstation.sync.browse import SharedReader
    from workstation.sync.pgcluster import PgCluster
    from workstation.sync.playback import RecordingCache
    from workstation.sync.shared import create_user, shared_engine, upgrade_shared_engine
    from workstation.views.calls.player import Player

    cluster = PgCluster(fsync=False).init()
    cluster.start()
    try:
        cluster.create_database("ws")
        admin = shared_engine(url=cluster.url(dbname="ws"))
        upgrade_shared_engine(admin)
        m = create_user(admin, "m1", "pw-m1", "manager", team="t")
        sup = create_user(admin, "sup", "pw-sup", "supervisor", team="t")
        data = ogg.read_bytes()
        chunk = 256 * 1024
        call_id, rec = uuid.uuid4(), uuid.uuid4()
        manager = shared_engine(url=cluster.url("m1", "pw-m1", "ws"))
        with admin.begin() as c:
            c.execute(text("INSERT INTO calls (id, user_id, direction, local_number,"
                           " remote_number, remote_e164, sip_call_id, started_at, sip_reason,"
                           " codec, media_security, recording_path, refusal_reason, notes,"
                           " effective, created_at, updated_at, revision, deleted) VALUES"
                           " (:i, :u, 'out', '', '', '', '', now(), '', '', '', '', '', '',"
                           " false, now(), now(), 0, false)"), {"i": call_id, "u": m})
        from workstation import peaks as P

        wave = P.compute(ogg.with_name("call.wav"))
        with manager.begin() as c:
            n = -(-len(data) // chunk)
            c.execute(text("INSERT INTO recordings (id, call_id, owner_login, size, sha256,"
                           " chunk_size, chunk_count, duration_s) VALUES (:i, :c, session_user,"
                           " :s, :h, :k, :n, 600)"),
                      {"i": rec, "c": call_id, "s": len(data),
                       "h": hashlib.sha256(data).hexdigest(), "k": chunk, "n": n})
            for i in range(n):
                part = data[i * chunk:(i + 1) * chunk]
                c.execute(text("INSERT INTO recording_chunks VALUES (:r, :i, :d, :h)"),
                          {"r": rec, "i": i, "d": part, "h": hashlib.sha256(part).hexdigest()})
            c.execute(text("INSERT INTO recording_peaks (recording_id, bucket_ms, channels,"
                           " duration_s, left_peaks, right_peaks) VALUES (:i, :b, 2, :d, :l,"
                           " :r)"), {"i": rec, "b": wave.bucket_ms, "d": wave.duration_s,
                                    "l": wave.left.tobytes(), "r": wave.right.tobytes()})
            c.execute(text("SELECT ws_finish_recording(:i)"), {"i": rec})
        store = Store(path=tmp / "sup.sqlite3")
        store.upgrade()
        with admin.connect() as c:
            team = c.scalar(text("SELECT team_id FROM users WHERE id = :i"), {"i": sup})
        ctx = Context(store, SignedInUser(id=sup, login="sup", role="supervisor", team_id=team),
                      settings=cfg)
        reader = SharedReader.from_url(cluster.url("sup", "pw-sup", "ws"))
        times, drawn = [], []
        for k in range(5):
            cache = RecordingCache(tmp / f"cache{k}", 50 << 20)  # empty: from the database
            player = Player(ctx, cache=cache)
            started = []
            player.sig_first_audio.connect(lambda: started.append(time.perf_counter()))
            t0 = time.perf_counter()
            r = B.recording(ctx, call_id, source=reader)
            player.open(call_id, r, source=reader, autoplay=True)
            assert player.waveform.peaks() is not None
            drawn.append((time.perf_counter() - t0) * 1000)
            wait(app, lambda: started, timeout=30)
            times.append((started[0] - t0) * 1000)
            player.shutdown()
            player.deleteLater()
            app.processEvents()
        emit("calls_play_first_audio_shared", times, 1000)
        emit("calls_waveform_10min_shared", drawn, 300)

        # the Calls tab over 100,000 calls in the shared database, as the supervisor
        import callgen
        from PySide6.QtWidgets import QMainWindow

        from workstation.views import calls

        made = callgen.Made()
        made.users = {"m1": m, "m2": create_user(admin, "m2", "pw-m2", "manager", team="t"),
                      "x1": create_user(admin, "x1", "pw-x1", "manager", team="other")}
        with admin.begin() as c:
            callgen.make_calls(c, made, 100_000)
        with admin.begin() as c:
            c.execute(text("ANALYZE"))
        first = []
        for _ in range(5):
            w = QMainWindow()
            w.resize(1366, 768)
            t0 = time.perf_counter()
            b = calls.install(w, ctx, reader=reader, cache=RecordingCache(tmp / "c2", 1 << 20))
            w.show()
            wait(app, lambda: b.model.rowCount() > 0 and b.source_kind() == "shared")
            first.append((time.perf_counter() - t0) * 1000)
            b.player.shutdown()
            w.close()
            w.deleteLater()
            app.processEvents()
        emit("calls_browser_first_rows_shared", first, 500)
        manager.dispose()
        admin.dispose()
    finally:
        cluster.destroy()


if __name__ == "__main__":
    main()
