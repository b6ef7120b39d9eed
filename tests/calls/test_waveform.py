"""Waveform lanes from known left/right signals, the .peaks cache, the view's seek,
and the bounded playback cache."""

from __future__ import annotations

import stat
import uuid

import numpy as np
import soundfile as sf
from PySide6.QtCore import QPoint, Qt

from workstation import peaks as P
from workstation.sync.playback import RecordingCache

RATE = 16000


def stereo(path, left, right, fmt="WAV", subtype="PCM_16"):
    sf.write(str(path), np.stack([left, right], axis=1).astype(np.float32), RATE,
             format=fmt, subtype=subtype)
    return path


def tone(seconds, hz=440, amp=0.5):
    t = np.arange(int(seconds * RATE)) / RATE
    return amp * np.sin(2 * np.pi * hz * t)


def test_a_tone_only_on_the_left_leaves_the_right_lane_silent(tmp_path):
    left = tone(6)
    right = np.zeros_like(left)
    right[2 * RATE:3 * RATE] = tone(1, 300, 0.25)  # the client speaks from 2 s to 3 s
    p = P.compute(stereo(tmp_path / "a.wav", left, right))
    assert len(p) == 600 and p.bucket_ms == 10 and abs(p.duration_s - 6.0) < 1e-6
    assert p.left.min() >= 120 and p.left.max() <= 128  # 0.5 of full scale
    assert p.right[:195].max() == 0 and p.right[305:].max() == 0
    assert 60 <= p.right[205:295].min() and p.right[205:295].max() <= 64
    quiet_left = P.compute(stereo(tmp_path / "b.wav", np.zeros_like(left), left))
    assert quiet_left.left.max() == 0 and quiet_left.right.min() >= 120


def test_silence_is_found_where_both_lanes_are_quiet(tmp_path):
    left = tone(10)
    left[3 * RATE:6 * RATE] = 0
    right = np.zeros_like(left)
    right[4 * RATE:5 * RATE] = tone(1, 300, 0.3)
    p = P.compute(stereo(tmp_path / "a.wav", left, right))
    assert P.silence(p) == [(3000, 4000), (5000, 6000)]


def test_peaks_of_ogg_opus_match_the_wav(tmp_path):
    left, right = tone(4), np.zeros(4 * RATE)
    p = P.compute(stereo(tmp_path / "a.opus.ogg", left, right, "OGG", "OPUS"))
    assert abs(p.duration_s - 4.0) < 0.05
    assert np.median(p.left) > 100 and np.median(p.right) < 5


def test_peaks_are_cached_next_to_the_file_and_renewed_when_it_changes(tmp_path, loose_umask):
    f = stereo(tmp_path / "a.wav", tone(3), np.zeros(3 * RATE))
    first = P.peaks(f)
    cache = P.cache_path(f)
    assert not first.cached and cache.is_file()
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    again = P.peaks(f)
    assert again.cached and np.array_equal(again.left, first.left)
    stereo(f, np.zeros(5 * RATE), tone(5))  # the file changed: the cache is stale
    fresh = P.peaks(f)
    assert not fresh.cached and len(fresh) == 500 and fresh.left.max() == 0
    cache.write_bytes(b"garbage")
    assert not P.peaks(f).cached


def test_a_file_that_is_no_recording_names_the_file(tmp_path):
    bad = tmp_path / "x.wav"
    bad.write_bytes(b"not audio at all")
    try:
        P.peaks(bad)
    except P.PeaksError as exc:
        assert "x.wav" in str(exc)
    else:
        raise AssertionError("no error")


def test_the_view_draws_two_lanes_and_a_click_seeks(qtbot, tmp_path):
    from workstation.views.calls.waveform import WaveformView

    p = P.compute(stereo(tmp_path / "a.wav", tone(8), np.zeros(8 * RATE)))
    view = WaveformView()
    qtbot.addWidget(view)
    view.resize(800, 120)
    view.show()
    view.set_peaks(p)
    view.set_ring(2000)
    view.set_markers([(4000, "Offer")])
    left, right = view.lane_columns()
    assert len(left) == 800 or len(left) == 799
    ring_px = int(800 * 2 / 10)
    assert left[:ring_px - 1].max() == 0  # the ring lead-in holds no audio
    assert left[ring_px + 2:].min() > 100 and right.max() == 0
    with qtbot.waitSignal(view.sig_seek) as sig:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(600, 60))
    assert abs(sig.args[0] - 5500) <= 20  # 600 px of 800 over 10 s, minus 2 s of ring
    with qtbot.waitSignal(view.sig_seek) as sig:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(50, 60))
    assert sig.args[0] == 0  # a click on the ringing seeks to the start
    img = view.grab().toImage()
    assert img.pixelColor(700, 16 + 25).blue() > img.pixelColor(700, 16 + 25).red()


def test_cache_keeps_its_bound_evicting_the_least_recently_played(tmp_path, loose_umask):
    cache = RecordingCache(tmp_path / "cache", max_bytes=250_000)
    ids = [uuid.uuid4() for _ in range(4)]
    import os
    import time

    for n, i in enumerate(ids[:2]):
        p = cache.put(i, os.urandom(100_000))
        os.utime(p, (time.time() - 100 + n, time.time() - 100 + n))
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
    P.cache_path(cache.path_for(ids[0])).write_bytes(b"x" * 10)
    assert cache.get(ids[0]) is not None  # played again: now the most recent
    cache.put(ids[2], os.urandom(100_000))
    assert cache.get(ids[1]) is None  # the least recently played went
    assert cache.get(ids[0]) is not None and cache.get(ids[2]) is not None
    assert cache.total() <= 250_000
    cache.put(ids[3], os.urandom(100_000))
    assert cache.total() <= 250_000 and cache.get(ids[3]) is not None
    assert not P.cache_path(cache.path_for(ids[0])).exists() or cache.get(ids[0]) is not None
    assert len(cache.files()) == 2
