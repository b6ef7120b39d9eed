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


def compute(path: Path, bucket_ms: int = BUCKET_MS) -> Peaks:
    """Read ``path`` and compute its peaks (no cache)."""
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
    shaped = block.reshape(-1, step, channels)  # int16: no widening of every sample
    a = np.maximum(shaped.max(axis=1).astype(np.int32), -shaped.min(axis=1).astype(np.int32))
    a = np.minimum(a * 255 // 32767, 255).astype(np.uint8)
    lanes[0].append(a[:, 0])
    lanes[1].append(a[:, 1] if channels > 1 else a[:, 0])


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
