"""Call recordings: compress to Ogg Opus, upload in checksummed chunks, resume.

After a call ends, its WAV (``calls.recording_path``) is compressed to Ogg Opus
with libsndfile (Vorbis if this libsndfile has no Opus), about 200 KB per
minute of speech. The compressed file is uploaded to the shared database in
chunks (``recording_chunks``), each with its SHA-256 checked by the server;
an interrupted upload resumes with the chunks the server does not have yet.
The server then checks the whole file's SHA-256 (``ws_finish_recording``);
only after that confirmation is the WAV removed; the compressed copy stays
``recordings.keep_days`` days, then goes too. State lives in the local
``recording_uploads`` table, so a crash at any step resumes where it was.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import socket
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from workstation import paths
from workstation import peaks as waveform
from workstation.store import review as review_store
from workstation.store.models import Call, RecordingUpload, User
from workstation.store.types import recording_id_of, utcnow

log = logging.getLogger(__name__)

CHUNK_SIZE = 256 * 1024
OPUS_RATES = (8000, 12000, 16000, 24000, 48000)
COMPRESSION_LEVEL = 0.9  # libsndfile Opus: ~27 kbit/s for 16 kHz speech
STUCK_REPORT_EVERY_S = 600.0  # stuck uploads are looked for every 10 minutes
UPLOADS = RecordingUpload.__table__
CALLS = Call.__table__


def recording_id(call_id: uuid.UUID) -> uuid.UUID:
    """The shared recording's id: derived from the call, the same on every retry."""
    return recording_id_of(call_id)


def codec() -> tuple[str, str]:
    # (deferred: soundfile, numpy and scipy load only when a recording is converted)
    import soundfile as sf

    subtypes = sf.available_subtypes("OGG")
    return ("OGG", "OPUS") if "OPUS" in subtypes else ("OGG", "VORBIS")


def _resample(block, rate_in: int, rate_out: int):
    # (deferred: soundfile, numpy and scipy load only when a recording is converted)
    import numpy as np

    try:
        # (deferred: soundfile, numpy and scipy load only when a recording is converted)
        from scipy.signal import resample_poly

        g = math.gcd(rate_in, rate_out)
        return resample_poly(block, rate_out // g, rate_in // g, axis=0)
    except ImportError:  # scipy is optional: linear interpolation
        n_out = int(round(len(block) * rate_out / rate_in))
        x_old = np.arange(len(block)) / rate_in
        x_new = np.arange(n_out) / rate_out
        if block.ndim == 1:
            return np.interp(x_new, x_old, block)
        return np.stack([np.interp(x_new, x_old, block[:, i]) for i in range(block.shape[1])],
                        axis=1)


def compress(src: Path, dst: Path, level: float = COMPRESSION_LEVEL) -> float:
    """WAV (any libsndfile input) -> Ogg Opus, atomically. Returns the duration in s."""
    # (deferred: soundfile, numpy and scipy load only when a recording is converted)
    import soundfile as sf

    fmt, subtype = codec()
    tmp = dst.with_name(dst.name + ".part")
    with sf.SoundFile(str(src)) as inp:
        rate = inp.samplerate
        out_rate = rate if (subtype != "OPUS" or rate in OPUS_RATES) else \
            min((r for r in OPUS_RATES if r >= rate), default=48000)
        kw = {"compression_level": level} if subtype == "OPUS" else {}
        with sf.SoundFile(str(tmp), "w", samplerate=out_rate, channels=inp.channels,
                          format=fmt, subtype=subtype, **kw) as out:
            for block in inp.blocks(blocksize=out_rate * 10, dtype="float32", always_2d=True):
                if out_rate != rate:
                    block = _resample(block, rate, out_rate).astype("float32")
                out.write(block)
        duration = inp.frames / rate if rate else 0.0
    paths.private_file(tmp)  # a recording is lead data: 0600 whatever the umask
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dst)
    return duration


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class RecordingUploader:
    """Finds finished calls' recordings and moves them to the shared database."""

    def __init__(self, *, keep_days: int = 30, chunk_size: int = CHUNK_SIZE,
                 level: float = COMPRESSION_LEVEL,
                 on_chunk: Callable[[uuid.UUID, int], None] | None = None,
                 stuck_hours: float = 24.0) -> None:
        self.keep_days = keep_days
        self.chunk_size = chunk_size
        self.level = level
        self.on_chunk = on_chunk  # called after each chunk is committed (tests cut here)
        self.stuck_hours = stuck_hours
        self._stuck_at = -math.inf

    @classmethod
    def from_config(cls, config) -> RecordingUploader:
        return cls(keep_days=int(config.get("recordings.keep_days")))

    def run_once(self, shared: Engine, local: Engine) -> Counter:
        moved = Counter()
        with shared.connect() as sc:
            uid = sc.scalar(text("SELECT ws_uid()"))
        self.discover(local, uid)
        with local.connect().execution_options(ws_read=True) as lc:
            todo = [dict(r) for r in lc.execute(select(UPLOADS).where(
                UPLOADS.c.state.in_(("pending", "compressed")))).mappings()]
        for up in todo:
            try:
                if up["state"] == "pending":
                    up = self._compress(local, up)
                    moved["compressed"] += 1
                if self.upload(shared, local, up):
                    moved["uploaded"] += 1
            except (OSError, RuntimeError) as exc:  # a missing or unreadable file
                log.warning("recording of call %s: %s", up["call_id"], exc)
                with local.begin() as lc:
                    lc.execute(update(UPLOADS).where(UPLOADS.c.id == up["id"])
                               .values(state="failed", error=str(exc)))
        moved["removed"] += self.cleanup(local)
        if time.monotonic() - self._stuck_at > STUCK_REPORT_EVERY_S:
            self._stuck_at = time.monotonic()
            moved["stuck"] += self.report_stuck(local, uid)
        return +moved

    def report_stuck(self, local: Engine, uid) -> int:
        """Flag this workstation's uploads not confirmed for ``stuck_hours``
        (``recording_flags``, synced: the supervisor's missing-recordings list)."""
        if uid is None:
            return 0
        before = utcnow() - timedelta(hours=self.stuck_hours)
        with Session(local) as s, s.begin():
            login = s.scalar(select(User.login).where(User.id == uid)) or ""
            return len(review_store.report_stuck(s, before, login, uid, socket.gethostname()))

    def discover(self, local: Engine, uid) -> int:
        """Queue finished calls of this user whose recording file is here."""
        with local.connect().execution_options(ws_read=True) as lc:
            rows = lc.execute(select(CALLS.c.id, CALLS.c.recording_path, CALLS.c.user_id).where(
                CALLS.c.recording_path != "", CALLS.c.ended_at.is_not(None),
                CALLS.c.id.not_in(select(UPLOADS.c.call_id)))).all()
        new = [r for r in rows if (r.user_id is None or uid is None or r.user_id == uid)
               and Path(r.recording_path).is_file()]
        if new:
            with local.begin() as lc:
                lc.execute(insert(UPLOADS).prefix_with("OR IGNORE"), [
                    {"id": recording_id(r.id), "call_id": r.id, "source_path": r.recording_path,
                     "stored_path": "", "size": 0, "sha256": "", "chunk_size": self.chunk_size,
                     "state": "pending", "error": "", "created_at": utcnow()} for r in new])
        return len(new)

    def _compress(self, local: Engine, up: dict) -> dict:
        src = Path(up["source_path"])
        dst = src.with_suffix(".opus.ogg" if codec()[1] == "OPUS" else ".ogg")
        duration = compress(src, dst, self.level)
        try:  # the waveform, from the WAV (the Ogg decodes ~20x slower), kept beside the copy
            waveform.save(dst, waveform.compute(src))
        except (OSError, RuntimeError, waveform.PeaksError) as exc:
            log.warning("recording of call %s: no waveform: %s", up["call_id"], exc)
        up = dict(up, stored_path=str(dst), size=dst.stat().st_size, sha256=sha256_file(dst),
                  state="compressed", chunk_size=self.chunk_size, duration=duration)
        with local.begin() as lc:
            lc.execute(update(UPLOADS).where(UPLOADS.c.id == up["id"]).values(
                stored_path=up["stored_path"], size=up["size"], sha256=up["sha256"],
                chunk_size=up["chunk_size"], state="compressed"))
        return up

    def upload(self, shared: Engine, local: Engine, up: dict) -> bool:
        """Send the missing chunks, then ask the server to confirm. True when confirmed."""
        path = Path(up["stored_path"])
        size, chunk = up["size"], up["chunk_size"]
        count = max(1, math.ceil(size / chunk))
        with shared.begin() as sc:
            sc.execute(text(
                "INSERT INTO recordings (id, call_id, owner_login, size, sha256, chunk_size,"
                " chunk_count, duration_s) VALUES (:id, :call, session_user, :size, :sha,"
                " :chunk, :count, :dur) ON CONFLICT (id) DO NOTHING"),
                {"id": up["id"], "call": up["call_id"], "size": size, "sha": up["sha256"],
                 "chunk": chunk, "count": count, "dur": up.get("duration")})
        with shared.connect() as sc:
            have = set(sc.scalars(text("SELECT idx FROM recording_chunks WHERE recording_id = :i"),
                                  {"i": up["id"]}))
        with open(path, "rb") as fh:
            for idx in range(count):
                if idx in have:
                    continue
                fh.seek(idx * chunk)
                data = fh.read(chunk)
                with shared.begin() as sc:
                    sc.execute(text("INSERT INTO recording_chunks (recording_id, idx, data, sha256)"
                                    " VALUES (:i, :n, :d, :h) ON CONFLICT DO NOTHING"),
                               {"i": up["id"], "n": idx, "d": data,
                                "h": hashlib.sha256(data).hexdigest()})
                if self.on_chunk:
                    self.on_chunk(up["id"], idx)
        self._upload_peaks(shared, up["id"], path)
        with shared.begin() as sc:
            ok = bool(sc.scalar(text("SELECT ws_finish_recording(:i)"), {"i": up["id"]}))
        if not ok:
            raise RuntimeError(f"server did not confirm recording {up['id']} (checksum mismatch)")
        with local.begin() as lc:
            lc.execute(update(UPLOADS).where(UPLOADS.c.id == up["id"])
                       .values(state="confirmed", confirmed_at=utcnow(), error=""))
        src = Path(up["source_path"])
        if src != path and src.exists():
            src.unlink()  # the confirmed compressed copy replaces the WAV
        return True

    def _upload_peaks(self, shared: Engine, rec_id, path: Path) -> None:
        """The waveform to ``recording_peaks`` (db/shared/065_browse.sql), once; a shared
        database without that table (older schema) only loses the head start."""
        p = waveform.load_cached(path)
        if p is None:
            return
        try:
            with shared.begin() as sc:
                sc.execute(text(
                    "INSERT INTO recording_peaks (recording_id, bucket_ms, channels, duration_s,"
                    " left_peaks, right_peaks) VALUES (:i, :b, :c, :d, :l, :r)"
                    " ON CONFLICT (recording_id) DO NOTHING"),
                    {"i": rec_id, "b": p.bucket_ms, "c": p.channels, "d": p.duration_s,
                     "l": p.left.tobytes(), "r": p.right.tobytes()})
        except DBAPIError as exc:
            log.warning("recording %s: waveform not stored in the shared database: %s",
                        rec_id, str(exc.orig or exc).strip().splitlines()[0])

    def cleanup(self, local: Engine) -> int:
        """Remove compressed copies confirmed more than keep_days ago."""
        limit = utcnow() - timedelta(days=self.keep_days)
        with local.connect().execution_options(ws_read=True) as lc:
            old = lc.execute(select(UPLOADS.c.id, UPLOADS.c.stored_path).where(
                UPLOADS.c.state == "confirmed", UPLOADS.c.confirmed_at <= limit)).all()
        for r in old:
            Path(r.stored_path).unlink(missing_ok=True)
            waveform.cache_path(Path(r.stored_path)).unlink(missing_ok=True)
        if old:
            with local.begin() as lc:
                lc.execute(update(UPLOADS).where(UPLOADS.c.id.in_([r.id for r in old]))
                           .values(state="removed"))
        return len(old)


def fetch(shared: Engine, rec_id: uuid.UUID) -> bytes:
    """The stored file, reassembled from its chunks (what a supervisor plays)."""
    with shared.connect() as sc:
        parts = sc.execute(text("SELECT data FROM recording_chunks WHERE recording_id = :i"
                                " ORDER BY idx"), {"i": rec_id}).scalars().all()
    return b"".join(bytes(p) for p in parts)
