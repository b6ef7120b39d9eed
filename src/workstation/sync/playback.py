"""Recordings played straight from the shared database: fetched in chunks in the
background, served as they arrive, kept in a bounded local cache.

:class:`ChunkStream` runs one worker thread with its own (read-only) psycopg
connection. It fetches the first chunk, then the last two (a player that probes
the end of an Ogg file for its duration gets it at once), then the rest in
order; a read of a part that has not arrived moves that chunk to the front.
:meth:`ChunkStream.read_at` blocks (on the reader's thread: the media
backend's) until the bytes are there. When every chunk arrived and the whole
file's SHA-256 matches the server's, the file goes into the
:class:`RecordingCache` (0600, atomic), which evicts the least recently played
files beyond its size limit (``recordings.cache_mb``).

Qt-free: views/calls wraps a stream in a QIODevice for QMediaPlayer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from workstation import paths

log = logging.getLogger(__name__)

SUFFIX = ".ogg"


class RecordingCache:
    """Complete recordings by id in one folder, at most ``max_bytes`` in all (LRU
    by the time each was last played, kept as the file's access time; a file's
    ``.peaks`` goes with it)."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = paths.private_dir(Path(folder))
        self.max_bytes = int(max_bytes)
        self._lock = threading.Lock()

    @classmethod
    def from_config(cls, config) -> RecordingCache:
        return cls(paths.playback_cache_dir(), int(config.get("recordings.cache_mb")) << 20)

    def path_for(self, rec_id: uuid.UUID) -> Path:
        return self.folder / f"{rec_id}{SUFFIX}"

    def get(self, rec_id: uuid.UUID) -> Path | None:
        """The cached file (marked as just used), or None."""
        p = self.path_for(rec_id)
        try:  # the access time says when it was last used; the mtime (the .peaks key) stays
            os.utime(p, ns=(time.time_ns(), p.stat().st_mtime_ns))
        except FileNotFoundError:
            return None
        return p

    def files(self) -> list[Path]:
        """Least recently used first."""
        return sorted(self.folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_atime_ns)

    def total(self) -> int:
        return sum(p.stat().st_size + _peaks_size(p) for p in self.files())

    def put(self, rec_id: uuid.UUID, data: bytes | bytearray) -> Path:
        """Store a complete file (atomically, 0600), then trim the cache to its bound.
        A file larger than the whole cache is stored anyway and goes at the next put."""
        dst = self.path_for(rec_id)
        tmp = dst.with_name(dst.name + ".part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, paths.PRIVATE_FILE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        paths.private_file(tmp)
        os.replace(tmp, dst)
        self.trim(keep={dst})
        return dst

    def trim(self, keep: set[Path] = frozenset()) -> list[Path]:
        """Evict least recently used files until the cache fits; returns what went."""
        gone = []
        with self._lock:
            files = self.files()
            total = sum(p.stat().st_size + _peaks_size(p) for p in files)
            for p in files:
                if total <= self.max_bytes:
                    break
                if p in keep:
                    continue
                total -= p.stat().st_size + _peaks_size(p)
                p.unlink(missing_ok=True)
                p.with_name(p.name + ".peaks").unlink(missing_ok=True)
                gone.append(p)
        return gone


def _peaks_size(p: Path) -> int:
    try:
        return p.with_name(p.name + ".peaks").stat().st_size
    except FileNotFoundError:
        return 0


class StreamError(RuntimeError):
    """The recording could not be fetched (the message says why)."""


class ChunkStream:
    """One recording being fetched: ``read_at`` serves what arrived."""

    def __init__(self, conninfo: dict, rec, cache: RecordingCache | None = None, *,
                 on_progress: Callable[[int, int], None] | None = None,
                 on_done: Callable[[Path | None], None] | None = None,
                 on_error: Callable[[str], None] | None = None,
                 connect: Callable[..., object] | None = None) -> None:
        self.rec = rec
        self.size, self.count, self.chunk = int(rec.size), int(rec.chunk_count), int(rec.chunk_size)
        self.conninfo, self.cache = conninfo, cache
        self.on_progress, self.on_done, self.on_error = on_progress, on_done, on_error
        self._connect = connect
        self.data = bytearray(self.size)
        self.have: set[int] = set()
        self.order = self._first_order()
        self.error: str | None = None
        self.path: Path | None = None
        self.done = False
        self.started_at = time.monotonic()
        self.first_chunk_s: float | None = None
        self._cv = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True,
                                        name=f"recording-{rec.id}")

    def _first_order(self) -> list[int]:
        n = self.count
        head = [0] + [i for i in (n - 1, n - 2) if i > 0]
        return list(dict.fromkeys(head + list(range(n))))

    def start(self) -> ChunkStream:
        self._thread.start()
        return self

    def close(self, timeout: float = 5.0) -> None:
        self._stop.set()
        with self._cv:
            self._cv.notify_all()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    # -- the reader's side --------------------------------------------------------------
    def arrived(self) -> int:
        with self._cv:
            return len(self.have)

    def available(self, pos: int) -> int:
        """Bytes readable at ``pos`` without waiting."""
        with self._cv:
            return self._available(pos)

    def _available(self, pos: int) -> int:
        if pos >= self.size:
            return 0
        idx = pos // self.chunk
        end = pos
        while idx in self.have and end < self.size:
            end = min(self.size, (idx + 1) * self.chunk)
            idx += 1
        return end - pos

    def read_at(self, pos: int, n: int, timeout: float = 30.0) -> bytes:
        """Up to ``n`` bytes at ``pos``, waiting for their chunk; b"" at the end, on
        an error or after ``timeout``."""
        if pos >= self.size or n <= 0:
            return b""
        deadline = time.monotonic() + timeout
        with self._cv:
            idx = pos // self.chunk
            if idx not in self.have and idx in self.order:
                self.order.remove(idx)
                self.order.insert(0, idx)  # wanted now: fetched next
            while not self._available(pos):
                left = deadline - time.monotonic()
                if self.error or self._stop.is_set() or left <= 0:
                    return b""
                self._cv.wait(min(left, 0.5))
            m = min(n, self._available(pos))
            return bytes(self.data[pos:pos + m])

    def wait_done(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._cv:
            while not (self.done or self.error):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cv.wait(left)
        return self.done

    # -- the worker -----------------------------------------------------------------------
    def _open(self):
        if self._connect is not None:
            return self._connect(**self.conninfo)
        import psycopg  # (deferred: psycopg loads only when a shared recording is played)

        return psycopg.connect(**self.conninfo)

    def _run(self) -> None:
        try:
            conn = self._open()
        except Exception as exc:  # noqa: BLE001 - reported to the player
            self._fail(f"cannot reach the shared database: {str(exc).strip().splitlines()[0]}")
            return
        try:
            with conn:
                while not self._stop.is_set():
                    with self._cv:
                        if not self.order:
                            break
                        idx = self.order.pop(0)
                    row = conn.execute(
                        "SELECT data, sha256 FROM recording_chunks WHERE recording_id = %s"
                        " AND idx = %s", (self.rec.id, idx)).fetchone()
                    conn.rollback()  # no transaction left open between chunks
                    if row is None:
                        self._fail(f"recording {self.rec.id}: chunk {idx} is missing")
                        return
                    data = bytes(row[0])
                    if hashlib.sha256(data).hexdigest() != str(row[1]).lower():
                        self._fail(f"recording {self.rec.id}: chunk {idx} checksum mismatch")
                        return
                    start = idx * self.chunk
                    if start + len(data) > self.size:
                        self._fail(f"recording {self.rec.id}: chunk {idx} is longer than the file")
                        return
                    with self._cv:
                        self.data[start:start + len(data)] = data
                        self.have.add(idx)
                        if self.first_chunk_s is None:
                            self.first_chunk_s = time.monotonic() - self.started_at
                        self._cv.notify_all()
                    if self.on_progress:
                        self.on_progress(len(self.have), self.count)
        except Exception as exc:  # noqa: BLE001 - reported to the player
            self._fail(f"recording {self.rec.id}: {str(exc).strip().splitlines()[0]}")
            return
        if self._stop.is_set():
            return
        self._finish()

    def _finish(self) -> None:
        sha = getattr(self.rec, "sha256", "")
        if sha and hashlib.sha256(self.data).hexdigest() != sha.lower():
            self._fail(f"recording {self.rec.id}: the file's checksum does not match the server's")
            return
        path = None
        if self.cache is not None:
            try:
                path = self.cache.put(self.rec.id, self.data)
            except OSError as exc:
                log.warning("recording %s not cached: %s", self.rec.id, exc)
        with self._cv:
            self.path, self.done = path, True
            self._cv.notify_all()
        if self.on_done:
            self.on_done(path)

    def _fail(self, message: str) -> None:
        log.warning("%s", message)
        with self._cv:
            self.error = message
            self._cv.notify_all()
        if self.on_error:
            self.on_error(message)
