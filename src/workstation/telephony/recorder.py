"""Call recording: two mono parts while the call runs, one stereo WAV after it.

While a call is up, two pjsua2 ``AudioMediaRecorder`` objects write
``<stem>.left.part.wav`` (what the manager sends: microphone and consent
prompt) and ``<stem>.right.part.wav`` (what the client sends). They are fed in
the same bridge tick, so the parts have equal length. pjmedia finalises a WAV
header only when the recorder object is destroyed, so while recording the
engine calls :func:`patch_header` every few seconds: a part file is a playable
WAV at any moment, even after ``kill -9``. After the call the parts are merged
into ``<stem>.wav`` (stereo: manager left, client right) and removed;
:func:`recover_recordings` does the same at the next start for parts a killed
process left behind.

Recordings and their parts are 0600 (they are calls with clients).

Only :class:`CallRecorder` touches pjsua2 (on the engine thread); the other
functions are plain file work, safe on any thread.
"""

from __future__ import annotations

import logging
import os
import struct
import time
import wave
from array import array
from pathlib import Path

from workstation import paths

log = logging.getLogger(__name__)

LEFT = ".left.part.wav"
RIGHT = ".right.part.wav"
_HEADER = 44


def _data_offset(fh) -> tuple[int, int, int] | None:
    """(offset of the data chunk's size field, start of data, block align) or None."""
    fh.seek(0)
    head = fh.read(12)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    align = 2
    pos = 12
    while True:
        fh.seek(pos)
        chunk = fh.read(8)
        if len(chunk) < 8:
            return None
        cid, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
        if cid == b"fmt ":
            fmt = fh.read(16)
            if len(fmt) == 16:
                align = max(1, struct.unpack("<H", fmt[12:14])[0])
        if cid == b"data":
            return pos + 4, pos + 8, align
        pos += 8 + size + (size & 1)
        if pos > 4096:
            return None


def patch_header(path: Path) -> int:
    """Make the RIFF and data sizes match the bytes on disk; returns data bytes.

    Safe while pjmedia is still appending: only the two size fields are
    rewritten, and pjmedia rewrites them itself when it closes the file.
    """
    with open(path, "r+b") as fh:
        found = _data_offset(fh)
        if found is None:
            return 0
        size_field, data_start, align = found
        fh.seek(0, os.SEEK_END)
        total = fh.tell()
        data = max(0, total - data_start)
        data -= data % align
        fh.seek(4)
        fh.write(struct.pack("<I", data_start - 8 + data))
        fh.seek(size_field)
        fh.write(struct.pack("<I", data))
    return data


def merge_stereo(left: Path, right: Path, out: Path) -> Path:
    """Interleave two mono 16-bit parts (manager left, client right) into ``out``.

    Writes to a temporary name and renames, so ``out`` is complete or absent.
    The shorter part is padded with silence.
    """
    for part in (left, right):
        if part.exists():
            patch_header(part)
    frames: list[array] = []
    rate = 16000
    for part in (left, right):
        samples = array("h")
        if part.exists():
            try:
                with wave.open(str(part), "rb") as w:
                    if w.getsampwidth() != 2 or w.getnchannels() != 1:
                        raise ValueError(f"{part}: expected mono 16-bit, got "
                                         f"{w.getnchannels()} ch / {8 * w.getsampwidth()} bit")
                    rate = w.getframerate()
                    samples.frombytes(w.readframes(w.getnframes()))
            except (wave.Error, EOFError) as exc:
                log.warning("recording part %s unreadable: %s", part, exc)
        frames.append(samples)
    n = max(len(frames[0]), len(frames[1]))
    for samples in frames:
        samples.extend([0] * (n - len(samples)))
    stereo = array("h", bytes(4 * n))
    stereo[0::2] = frames[0]
    stereo[1::2] = frames[1]
    tmp = out.with_name(out.name + ".tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, paths.PRIVATE_FILE))
    paths.private_file(tmp)
    with wave.open(str(tmp), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(stereo.tobytes())
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, out)
    for part in (left, right):
        try:
            part.unlink()
        except FileNotFoundError:
            pass
    return out


def wait_closed(parts: list[Path], timeout: float = 3.0, settle: float = 0.1) -> bool:
    """Wait until pjmedia has finished writing ``parts`` after their recorders were dropped.

    pjsua 2.14+ removes conference ports asynchronously: the recorder's last
    buffer and its final header land a clock tick or two after the Python
    object is gone. Done when every file is non-empty and unchanged for
    ``settle`` seconds; False on timeout (the merge then uses what is there).
    """
    deadline = time.monotonic() + timeout
    last: list[int] | None = None
    stable_since = time.monotonic()
    while time.monotonic() < deadline:
        sizes = [p.stat().st_size if p.exists() else 0 for p in parts]
        if sizes != last:
            last, stable_since = sizes, time.monotonic()
        elif all(sizes) and time.monotonic() - stable_since >= settle:
            return True
        time.sleep(0.02)
    return False


def final_path(left_part: Path) -> Path:
    return left_part.with_name(left_part.name[: -len(LEFT)] + ".wav")


def recover_recordings(directory: Path) -> list[Path]:
    """Merge parts a killed process left in ``directory``; returns the WAVs made."""
    made = []
    for left in sorted(Path(directory).glob("*" + LEFT)):
        right = left.with_name(left.name[: -len(LEFT)] + RIGHT)
        try:
            made.append(merge_stereo(left, right, final_path(left)))
            log.info("recovered recording %s", made[-1])
        except (OSError, ValueError) as exc:
            log.error("cannot recover recording %s: %s", left, exc)
    return made


class CallRecorder:
    """The two pjsua2 recorders of one call. Create, connect and drop on the engine thread."""

    def __init__(self, stem: Path) -> None:
        import pjsua2 as pj  # (deferred: pjsua2 loads only when a call is recorded)

        self.left_path = stem.with_name(stem.name + LEFT)
        self.right_path = stem.with_name(stem.name + RIGHT)
        self.final_path = stem.with_name(stem.name + ".wav")
        self.left = pj.AudioMediaRecorder()
        self.right = pj.AudioMediaRecorder()
        self.left.createRecorder(str(self.left_path))
        self.right.createRecorder(str(self.right_path))
        for part in (self.left_path, self.right_path):  # pjmedia made them with the umask
            paths.private_file(part)

    def patch(self) -> None:
        for part in (self.left_path, self.right_path):
            try:
                patch_header(part)
            except OSError as exc:
                log.warning("cannot patch %s: %s", part, exc)

    def close(self) -> None:
        """Drop the recorders: pjmedia writes the final header. Engine thread only."""
        self.left = None
        self.right = None
