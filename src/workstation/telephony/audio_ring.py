"""Ring buffers and counters shared by the pjmedia clock thread and the Qt audio thread.

Pure Python, no Qt, no pjsua2: `BridgeCore` is what both sides of the headset
bridge touch. The clock thread calls `pull_mic()` / `push_speaker()` once per
20 ms frame; the Qt audio thread calls `write_mic()` / `read_speaker()`.
Every method holds one small lock for a few microseconds and only copies bytes.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

SAMPLE_RATE = 16000
CHANNELS = 1
SAMPLE_BYTES = 2
FRAME_MS = 20
BYTES_PER_MS = SAMPLE_RATE * CHANNELS * SAMPLE_BYTES // 1000  # 32
FRAME_BYTES = FRAME_MS * BYTES_PER_MS  # 640
SILENT_FRAME = bytes(FRAME_BYTES)

#: A side counts as "flowing" while the other end touched it within this time.
_IDLE_AFTER_S = 0.2
#: Rings are checked once per this many seconds for audio that only adds delay.
_TRIM_WINDOW_S = 1.0
#: Audio that sat in a ring for a whole window beyond the jitter margin is dropped
#: when it exceeds this (bytes, 4 ms): clock drift or a start-up backlog.
_TRIM_SLACK = 128


def ms_to_bytes(ms: float) -> int:
    """Whole samples worth ``ms`` milliseconds of 16 kHz mono Int16."""
    return int(ms * BYTES_PER_MS) // SAMPLE_BYTES * SAMPLE_BYTES


class RingBuffer:
    """A bounded FIFO of bytes. Not locked itself: `BridgeCore` holds the lock."""

    __slots__ = ("_buf",)

    def __init__(self) -> None:
        self._buf = bytearray()

    def __len__(self) -> int:
        return len(self._buf)

    def write(self, data: bytes) -> None:
        self._buf += data

    def read(self, n: int) -> bytes:
        out = bytes(self._buf[:n])
        del self._buf[:n]
        return out

    def drop_oldest(self, keep: int) -> int:
        """Drop all but the newest ``keep`` bytes; return how many were dropped."""
        extra = len(self._buf) - keep
        extra -= extra % SAMPLE_BYTES
        if extra > 0:
            del self._buf[:extra]
            return extra
        return 0

    def clear(self) -> None:
        self._buf.clear()


@dataclass(frozen=True)
class BridgeStats:
    """A snapshot of the bridge's counters (see `BridgeCore.stats`)."""

    mic_underruns: int
    """pjsua2 asked for a microphone frame and the ring held less than a frame."""
    mic_overruns: int
    """Microphone data dropped because the ring grew past its limit (clock drift)."""
    speaker_underruns: int
    """The headset speaker ran dry while the call was sending audio."""
    speaker_overruns: int
    """Speaker data dropped because the ring grew past its limit (clock drift)."""
    mic_frames: int
    speaker_frames: int
    mic_fill_ms: float
    """Microphone ring fill now."""
    speaker_fill_ms: float
    """Speaker ring fill plus what waits in the audio sink now."""
    mic_latency_ms: float
    """Mean time microphone audio waited in the ring before pjsua2 took it."""
    speaker_latency_ms: float
    """Mean time call audio waited in the ring and the sink's queue."""
    max_tick_gap_ms: float = 0.0
    """Longest gap between two pjsua2 clock ticks (GIL waits show up here)."""
    max_mic_gap_ms: float = 0.0
    """Longest gap between two microphone deliveries on the Qt audio thread."""

    @property
    def underruns(self) -> int:
        return self.mic_underruns + self.speaker_underruns

    @property
    def overruns(self) -> int:
        return self.mic_overruns + self.speaker_overruns

    @property
    def latency_ms(self) -> float:
        """Buffering the bridge adds, both directions added (excluding the OS audio server)."""
        return self.mic_latency_ms + self.speaker_latency_ms


class BridgeCore:
    """The two rings (microphone → pjsua2, pjsua2 → speaker) and their counters.

    Microphone side: the ring is a small jitter buffer. It starts handing
    frames to pjsua2 once it holds the prefill (``mic_prefill_ms`` at first;
    each underrun raises it by 10 ms up to ``mic_prefill_max_ms``, and 15 s
    without one lowers it again by 5 ms: an adaptive jitter buffer, since a busy
    Python GUI thread delays the Qt audio thread through the GIL); if pjsua2 finds less
    than a frame, that is an underrun (a silent frame goes out and the ring
    primes again). Above ``max_fill_ms`` the oldest audio is dropped back to
    the prefill level (an overrun: the two clocks drift apart).

    Speaker side: pjsua2 appends one frame per tick; the Qt thread moves it to
    the audio sink, keeping about ``speaker_target_ms`` queued there.
    """

    def __init__(self, mic_prefill_ms: float = 30, speaker_target_ms: float = 40,
                 max_fill_ms: float = 160, mic_prefill_max_ms: float = 80) -> None:
        self._lock = threading.Lock()
        self.mic_prefill = self._mic_prefill_base = max(ms_to_bytes(mic_prefill_ms), FRAME_BYTES)
        self._mic_prefill_max = max(ms_to_bytes(mic_prefill_max_ms), self.mic_prefill)
        self._mic_calm_since = 0.0
        self.speaker_target = ms_to_bytes(speaker_target_ms)
        self.max_fill = max(ms_to_bytes(max_fill_ms), self._mic_prefill_max + FRAME_BYTES)
        self._mic = RingBuffer()
        self._spk = RingBuffer()
        self._mic_open = False
        self._spk_open = False
        self._mic_primed = False
        self._muted = False
        self._last_pull = 0.0
        self._last_push = 0.0
        self._sink_queued = 0
        self._sink_expected = 0
        self._sink_consumed = False
        self._mic_win = (0.0, 1 << 30)  # (window start, min fill left after a read)
        self._spk_win = (0.0, 1 << 30)
        self._c = dict.fromkeys(("mic_under", "mic_over", "spk_under", "spk_over", "mic_frames",
                                 "spk_frames", "mic_wait_sum", "spk_wait_sum", "spk_wait_n"), 0)
        self._gap = {"tick": 0.0, "mic": 0.0}
        self._last_write = 0.0

    # ---- clock thread -------------------------------------------------------------------
    def pull_mic(self) -> bytes:
        """One frame for pjsua2 (silence when the mic is closed, muted or priming)."""
        with self._lock:
            now = time.monotonic()
            if self._last_pull and now - self._last_pull < _IDLE_AFTER_S * 5:
                self._gap["tick"] = max(self._gap["tick"], now - self._last_pull)
            self._last_pull = now
            if not self._mic_open:
                return SILENT_FRAME
            fill = len(self._mic)
            if not self._mic_primed:
                if fill < self.mic_prefill:
                    return SILENT_FRAME
                self._mic_primed = True
            if fill < FRAME_BYTES:
                self._c["mic_under"] += 1
                self._mic_primed = False
                self.mic_prefill = min(self.mic_prefill + ms_to_bytes(10), self._mic_prefill_max)
                self._mic_calm_since = now
                return SILENT_FRAME
            if self.mic_prefill > self._mic_prefill_base and now - self._mic_calm_since > 15:
                self.mic_prefill = max(self.mic_prefill - ms_to_bytes(5), self._mic_prefill_base)
                self._mic_calm_since = now
            self._c["mic_frames"] += 1
            self._c["mic_wait_sum"] += fill
            data = self._mic.read(FRAME_BYTES)
            self._mic_win = self._trim(self._mic, self._mic_win, self.mic_prefill - FRAME_BYTES,
                                       "mic_over")
            return SILENT_FRAME if self._muted else data

    def _trim(self, ring: RingBuffer, win: tuple[float, int], margin: int,
              counter: str) -> tuple[float, int]:
        """Track the lowest fill in a window; drop what never left the ring (drift)."""
        start, low = win
        low = min(low, len(ring))
        now = self._last_pull if counter == "mic_over" else time.monotonic()
        if now - start < _TRIM_WINDOW_S:
            return start, low
        if start and low - margin > _TRIM_SLACK:
            ring.drop_oldest(len(ring) - (low - margin))
            self._c[counter] += 1
        return now, 1 << 30

    def push_speaker(self, data: bytes) -> None:
        """One frame of call audio from pjsua2."""
        with self._lock:
            self._last_push = time.monotonic()
            if not self._spk_open:
                return
            self._spk.write(data)
            self._c["spk_frames"] += 1
            if not self._sink_consumed:
                # the sink has not started playing yet (the first open takes ~1.5 s
                # with PulseAudio): keep only the newest frame, nothing is late yet
                self._spk.drop_oldest(FRAME_BYTES)
                return
            if len(self._spk) > self.max_fill:
                self._spk.drop_oldest(self.speaker_target)
                self._c["spk_over"] += 1

    # ---- Qt audio thread ----------------------------------------------------------------
    def write_mic(self, data: bytes) -> None:
        """Microphone bytes from the audio source."""
        with self._lock:
            if not self._mic_open:
                return
            self._mic.write(data)
            now = time.monotonic()
            if self._last_write and now - self._last_write < _IDLE_AFTER_S * 5:
                self._gap["mic"] = max(self._gap["mic"], now - self._last_write)
            self._last_write = now
            if time.monotonic() - self._last_pull > _IDLE_AFTER_S:
                # nobody consumes (no call, or the bridge is idle): keep only a prefill
                self._mic.drop_oldest(self.mic_prefill)
            elif len(self._mic) > self.max_fill:
                self._mic.drop_oldest(self.mic_prefill)
                self._c["mic_over"] += 1

    def read_speaker(self, sink_queued: int, sink_free: int) -> bytes:
        """What to write to the sink now, given how much it holds and has room for.

        Keeps about ``speaker_target`` bytes queued in the sink. When the sink
        has run dry while pjsua2 is sending audio, that is an underrun: the
        reply then starts with a cushion of silence so playback has slack again.
        """
        with self._lock:
            self._sink_queued = sink_queued
            if sink_queued < self._sink_expected:
                self._sink_consumed = True
            out = self._read_speaker_locked(sink_queued, sink_free)
            self._sink_expected = sink_queued + len(out)
            if self._sink_consumed:
                self._spk_win = self._trim(self._spk, self._spk_win, 0, "spk_over")
            return out

    def _read_speaker_locked(self, sink_queued: int, sink_free: int) -> bytes:
        flowing = time.monotonic() - self._last_push < _IDLE_AFTER_S
        want = min(self.speaker_target - sink_queued, sink_free)
        if want <= 0:
            return b""
        out = b""
        if sink_queued == 0 and flowing and self._sink_consumed:
            if not self._spk:
                self._c["spk_under"] += 1
            cushion = min(self.speaker_target // 2, want)
            cushion -= cushion % SAMPLE_BYTES
            out = bytes(cushion)
            want -= cushion
        n = min(want, len(self._spk))
        n -= n % SAMPLE_BYTES
        if n > 0:
            self._c["spk_wait_sum"] += len(self._spk) + sink_queued
            self._c["spk_wait_n"] += 1
            out += self._spk.read(n)
        return out

    # ---- control (any thread) -----------------------------------------------------------
    def set_mic_open(self, is_open: bool) -> None:
        with self._lock:
            self._mic_open = is_open
            self._mic_primed = False
            self._mic.clear()
            self._mic_win = (0.0, 1 << 30)

    def set_speaker_open(self, is_open: bool) -> None:
        with self._lock:
            self._spk_open = is_open
            self._spk.clear()
            self._sink_queued = self._sink_expected = 0
            self._sink_consumed = False
            self._spk_win = (0.0, 1 << 30)

    def set_muted(self, muted: bool) -> None:
        with self._lock:
            self._muted = muted

    @property
    def muted(self) -> bool:
        return self._muted

    def reset_counters(self) -> None:
        with self._lock:
            for k in self._c:
                self._c[k] = 0
            self._gap = {"tick": 0.0, "mic": 0.0}

    def stats(self) -> BridgeStats:
        with self._lock:
            c = dict(self._c)
            gap = dict(self._gap)
            mic_fill = len(self._mic)
            spk_fill = len(self._spk) + self._sink_queued
        mic_lat = c["mic_wait_sum"] / c["mic_frames"] / BYTES_PER_MS if c["mic_frames"] else 0.0
        spk_lat = c["spk_wait_sum"] / c["spk_wait_n"] / BYTES_PER_MS if c["spk_wait_n"] else 0.0
        return BridgeStats(
            mic_underruns=c["mic_under"], mic_overruns=c["mic_over"],
            speaker_underruns=c["spk_under"], speaker_overruns=c["spk_over"],
            mic_frames=c["mic_frames"], speaker_frames=c["spk_frames"],
            mic_fill_ms=mic_fill / BYTES_PER_MS, speaker_fill_ms=spk_fill / BYTES_PER_MS,
            mic_latency_ms=mic_lat, speaker_latency_ms=spk_lat,
            max_tick_gap_ms=gap["tick"] * 1000, max_mic_gap_ms=gap["mic"] * 1000)
