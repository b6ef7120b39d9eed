"""The waveform of a call: per-channel peaks of the stereo recording, cached.

A recording is stereo: the manager on the left channel, the client on the
right (telephony/recorder.py); uploaded copies are Ogg Opus
(sync/recordings.py). :func:`peaks` reads it in blocks with libsndfile
(soundfile decodes WAV and Ogg Opus alike) and keeps, for every
``bucket_ms`` of audio, the loudest sample of each channel as a byte
(0..255, linear). The result is cached next to the file as ``<file>.peaks``
(0600, written atomically) and reused while the file's size and mtime are
unchanged, so opening the call again costs one small read.

Qt-free and store-free: plain file work, run on a worker (views/ops).
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from workstation import paths

BUCKET_MS = 10
MAGIC = b"WSPEAKS1"
_HEAD = struct.Struct("<8sIIqqdI")  # magic, bucket_ms, channels, size, mtime_ns, seconds, n


class PeaksError(ValueError):
    """The recording cannot be read (the message names the file)."""


@dataclass(frozen=True)
class Peaks:
    """``left`` / ``right``: uint8 peak per bucket (the client's lane is ``right``)."""

    left: np.ndarray
    right: np.ndarray
    bucket_ms: int
    duration_s: float
    channels: int
    cached: bool = False

    def __len__(self) -> int:
        return len(self.left)


def from_lanes(left: bytes, right: bytes, *, bucket_ms: int, duration_s: float,
               channels: int = 2) -> Peaks:
    """Peaks as the shared database keeps them (recording_peaks: one byte per bucket)."""
    if len(left) != len(right):
        raise PeaksError(f"peaks: lanes of {len(left)} and {len(right)} buckets differ")
    return Peaks(np.frombuffer(left, np.uint8), np.frombuffer(right, np.uint8), int(bucket_ms),
                 float(duration_s), int(channels), cached=True)


def cache_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".peaks")


def _signature(path: Path) -> tuple[int, int]:
    st = Path(path).stat()
    return st.st_size, st.st_mtime_ns


def load_cached(path: Path) -> Peaks | None:
    """The cached peaks of ``path`` when they are still its peaks, else None."""
    cp = cache_path(path)
    try:
        raw = cp.read_bytes()
        size, mtime = _signature(path)
    except OSError:
        return None
    if len(raw) < _HEAD.size:
        return None
    magic, bucket, channels, c_size, c_mtime, seconds, n = _HEAD.unpack_from(raw)
    if magic != MAGIC or (c_size, c_mtime) != (size, mtime) or len(raw) != _HEAD.size + 2 * n:
        return None
    body = np.frombuffer(raw, dtype=np.uint8, offset=_HEAD.size)
    return Peaks(body[:n], body[n:], bucket, seconds, channels, cached=True)


def _pcm16_wav(path: Path) -> tuple[int, int, int, int] | None:
    """(data offset, frames, rate, channels) of a plain 16-bit PCM WAV, else None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                return None
            fmt = None
            pos = 12
            while pos < 1 << 16:
                fh.seek(pos)
                chunk = fh.read(8)
                if len(chunk) < 8:
                    return None
                cid, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
                if cid == b"fmt ":
                    fmt = struct.unpack("<HHIIHH", fh.read(16))
                elif cid == b"data":
                    if fmt is None or fmt[0] != 1 or fmt[5] != 16 or fmt[1] not in (1, 2):
                        return None
                    total = os.fstat(fh.fileno()).st_size - (pos + 8)
                    frames = min(size, total) // (2 * fmt[1])
                    return pos + 8, frames, fmt[2], fmt[1]
                pos += 8 + size + (size & 1)
    except OSError:
        return None
    return None


def _compute_pcm16(path: Path, found, bucket_ms: int) -> Peaks:
    """The fast path for the recorder's own WAVs: the samples mapped, not decoded."""
    offset, frames, rate, channels = found
    step = max(1, rate * bucket_ms // 1000)
    data = np.memmap(path, dtype="<i2", mode="r", offset=offset, shape=(frames, channels))
    lanes: list[list[np.ndarray]] = [[], []]
    per = step * 6000
    for start in range(0, frames, per):
        block = np.asarray(data[start:start + per])
        usable = len(block) - len(block) % step
        if usable:
            _reduce(block[:usable], step, channels, lanes)
        if usable < len(block):
            rest = block[usable:]
            pad = np.zeros((step - len(rest), channels), dtype=rest.dtype)
            _reduce(np.concatenate([rest, pad]), step, channels, lanes)
    del data
    left = np.concatenate(lanes[0]) if lanes[0] else np.zeros(0, np.uint8)
    right = np.concatenate(lanes[1]) if lanes[1] else np.zeros(0, np.uint8)
    return Peaks(left, right, bucket_ms, frames / rate if rate else 0.0, channels)


def compute(path: Path, bucket_ms: int = BUCKET_MS) -> Peaks:
    """Read ``path`` and compute its peaks (no cache)."""
    found = _pcm16_wav(Path(path))
    if found is not None:
        return _compute_pcm16(Path(path), found, bucket_ms)
    # (deferred: libsndfile loads only when a waveform is drawn)
    import soundfile as sf

    try:
        f = sf.SoundFile(str(path))
    except (RuntimeError, sf.LibsndfileError) as exc:
        raise PeaksError(f"{path}: not a readable recording ({exc})") from None
    with f:
        rate, channels = f.samplerate, f.channels
        step = max(1, rate * bucket_ms // 1000)
        lanes: list[list[np.ndarray]] = [[], []]
        carry = None
        for block in f.blocks(blocksize=step * 6000, dtype="int16", always_2d=True):
            if carry is not None:
                block = np.concatenate([carry, block])
            usable = len(block) - len(block) % step
            carry = block[usable:] if usable < len(block) else None
            if usable:
                _reduce(block[:usable], step, channels, lanes)
        if carry is not None and len(carry):
            pad = np.zeros((step - len(carry), carry.shape[1]), dtype=carry.dtype)
            _reduce(np.concatenate([carry, pad]), step, channels, lanes)
        frames = f.frames
    left = np.concatenate(lanes[0]) if lanes[0] else np.zeros(0, np.uint8)
    right = np.concatenate(lanes[1]) if lanes[1] else np.zeros(0, np.uint8)
    return Peaks(left, right, bucket_ms, frames / rate if rate else 0.0, channels)


def _reduce(block: np.ndarray, step: int, channels: int, lanes) -> None:
    # one channel at a time, contiguous, reduced along its last axis (numpy's fast path;
    # a reduce over the middle axis of (buckets, step, channels) is ~15x slower)
    for c in range(2):
        lane = np.ascontiguousarray(block[:, min(c, channels - 1)]).reshape(-1, step)
        a = np.maximum(lane.max(axis=1).astype(np.int32), -lane.min(axis=1).astype(np.int32))
        lanes[c].append(np.minimum(a * 255 // 32767, 255).astype(np.uint8))


def save(path: Path, p: Peaks) -> Path:
    cp = cache_path(path)
    size, mtime = _signature(path)
    tmp = cp.with_name(cp.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, paths.PRIVATE_FILE)
    with os.fdopen(fd, "wb") as fh:
        fh.write(_HEAD.pack(MAGIC, p.bucket_ms, p.channels, size, mtime, p.duration_s, len(p)))
        fh.write(np.ascontiguousarray(p.left, np.uint8).tobytes())
        fh.write(np.ascontiguousarray(p.right, np.uint8).tobytes())
    paths.private_file(tmp)
    os.replace(tmp, cp)
    return cp


def peaks(path: Path, bucket_ms: int = BUCKET_MS) -> Peaks:
    """The peaks of ``path``: from its cache when fresh, else computed and cached
    (a read-only folder only loses the cache)."""
    path = Path(path)
    got = load_cached(path)
    if got is not None and got.bucket_ms == bucket_ms:
        return got
    p = compute(path, bucket_ms)
    try:
        save(path, p)
    except OSError:
        pass
    return p


def silence(p: Peaks, threshold: int = 6, min_ms: int = 700) -> list[tuple[int, int]]:
    """(start ms, end ms) of stretches where both lanes stay under ``threshold``."""
    quiet = (np.maximum(p.left, p.right) < threshold).astype(np.int8)
    edges = np.diff(np.concatenate([[0], quiet, [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    keep = (ends - starts) * p.bucket_ms >= min_ms
    return [(int(a) * p.bucket_ms, int(b) * p.bucket_ms)
            for a, b in zip(starts[keep], ends[keep])]
