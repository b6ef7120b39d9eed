"""The recording player: QMediaPlayer + QAudioOutput, the waveform as its time line.

Play/pause, seek (a click on the waveform), ±10 s, speed 0.5×–2× with the
pitch kept (QMediaPlayer.pitchCompensation, on by default with the FFmpeg
backend), keys: Space play/pause, Left/Right −/+10 s, [ and ] slower/faster.

A recording this workstation has is played from its file. One held only in
the shared database is streamed: a :class:`workstation.sync.playback.ChunkStream`
fetches its chunks in the background and :class:`StreamDevice` hands
QMediaPlayer what has arrived (the backend's reads wait on its own thread for
a chunk still on its way), so playback starts after the first chunks; the
complete file then lands in the bounded playback cache, and the next play is
from there.

Listening is accounted: :attr:`Player.sig_played` carries the seconds of the
recording played when a recording is left (another one opened, the player
closed); :attr:`Player.sig_downloaded` when a copy is saved. The integrator
wires them to ``services.review.log_access`` (the audit).
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from workstation import paths
from workstation import peaks as P
from workstation.sync.playback import ChunkStream, RecordingCache
from workstation.views import ops
from workstation.views.calls.model import Pending
from workstation.views.calls.waveform import WaveformView

log = logging.getLogger(__name__)

RATES = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
_LOADED = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia,
           QMediaPlayer.MediaStatus.BufferingMedia)
SKIP_MS = 10_000


def clock(ms: int) -> str:
    s = max(0, int(ms)) // 1000
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class StreamDevice(QIODevice):
    """A read-only random-access QIODevice over a :class:`ChunkStream`."""

    def __init__(self, stream: ChunkStream, parent=None) -> None:
        super().__init__(parent)
        self.stream = stream

    def isSequential(self) -> bool:  # noqa: N802 (Qt API)
        return False

    def size(self) -> int:
        return self.stream.size

    def bytesAvailable(self) -> int:  # noqa: N802 (Qt API)
        return self.stream.available(self.pos()) + super().bytesAvailable()

    def readData(self, maxlen: int):  # noqa: N802 (Qt API)
        data = self.stream.read_at(self.pos(), int(maxlen))
        if not data and self.pos() < self.stream.size:
            return None  # an error or a timeout: the backend sees a failed read
        return data

    def writeData(self, data) -> int:  # noqa: N802 (Qt API)
        return -1


class _Relay(QObject):
    """Stream callbacks (worker thread) to the GUI thread, as queued signals."""

    sig_progress = Signal(int, int)
    sig_done = Signal(object)
    sig_error = Signal(str)


class Player(QWidget):
    sig_played = Signal(object, object, float)
    """(call id, recording id, seconds of the recording played) when the user leaves
    a recording they listened to. The recording id is the shared one (for a local
    file: the id its upload has, ``sync.recordings.recording_id``)."""
    sig_downloaded = Signal(object, object)
    """(call id, recording id): a copy of the recording was saved."""
    sig_position = Signal(int)
    """Position in ms (for the review panel's comments)."""
    sig_first_audio = Signal()
    """Playback of the current recording has started moving (first audio)."""

    def __init__(self, ctx, parent=None, *, cache: RecordingCache | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player")
        self.ctx = ctx
        self.cache = cache
        self._mp: QMediaPlayer | None = None
        self.audio: QAudioOutput | None = None
        self.call_id: uuid.UUID | None = None
        self.recording = None
        self.stream: ChunkStream | None = None
        self.device: StreamDevice | None = None
        self.file: Path | None = None
        self._relay: _Relay | None = None
        self._played_ms = 0
        self._last_pos = 0
        self._moving = False
        self._shared_peaks = None
        self._autoplay = False
        self._seek_when_loaded: int | None = None
        self._shut = False
        self.pending = Pending()
        self.stream_factory = ChunkStream
        """Makes the stream of a shared recording (``ChunkStream``'s signature)."""

        self.waveform = WaveformView(self)
        self.play_button = QPushButton(self)
        self.play_button.setObjectName("playButton")
        self.back_button = QPushButton(self)
        self.forward_button = QPushButton(self)
        self.speed = QComboBox(self)
        self.speed.setObjectName("speed")
        for r in RATES:
            self.speed.addItem(f"{r:g}×", r)
        self.speed.setCurrentIndex(RATES.index(1.0))
        self.save_button = QPushButton(self)
        self.position_label = QLabel("0:00", self)
        self.position_label.setObjectName("position")
        self.duration_label = QLabel("0:00", self)
        self.duration_label.setObjectName("duration")
        self.status = QLabel(self)
        self.status.setObjectName("playerStatus")
        for b in (self.play_button, self.back_button, self.forward_button, self.save_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        bar = QHBoxLayout()
        for wdg in (self.back_button, self.play_button, self.forward_button, self.speed,
                    self.position_label, QLabel("/", self), self.duration_label):
            bar.addWidget(wdg)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.waveform, 1)
        lay.addLayout(bar)

        self.play_button.clicked.connect(self.toggle)
        self.back_button.clicked.connect(lambda: self.skip(-SKIP_MS))
        self.forward_button.clicked.connect(lambda: self.skip(SKIP_MS))
        self.speed.currentIndexChanged.connect(
            lambda i: self._mp.setPlaybackRate(float(self.speed.itemData(i)))
            if self._mp is not None else None)
        self.save_button.clicked.connect(lambda: self.save_copy())
        self.waveform.sig_seek.connect(self.seek)
        self.install_keys(self)
        self.retranslate()
        self._update_buttons()

    @property
    def player(self) -> QMediaPlayer:
        """The QMediaPlayer, made when a recording is first opened (QtMultimedia and
        its audio output are not started with the window)."""
        if self._mp is None:
            mp = self._mp = QMediaPlayer(self)
            self.audio = QAudioOutput(self)
            mp.setAudioOutput(self.audio)
            if hasattr(mp, "setPitchCompensation"):
                mp.setPitchCompensation(True)
            mp.setPlaybackRate(float(self.speed.currentData() or 1.0))
            mp.positionChanged.connect(self._on_position)
            mp.durationChanged.connect(self._on_duration)
            mp.playbackStateChanged.connect(lambda _s: self._update_buttons())
            mp.errorOccurred.connect(self._on_error)
            mp.mediaStatusChanged.connect(self._on_media_status)
        return self._mp

    # -- keys -------------------------------------------------------------------------
    def install_keys(self, widget: QWidget) -> None:
        """Space, Left/Right, [ ] control the player while ``widget`` has the focus."""
        for key, fn in ((Qt.Key.Key_Space, self.toggle),
                        (Qt.Key.Key_Left, lambda: self.skip(-SKIP_MS)),
                        (Qt.Key.Key_Right, lambda: self.skip(SKIP_MS)),
                        (Qt.Key.Key_BracketLeft, lambda: self.step_rate(-1)),
                        (Qt.Key.Key_BracketRight, lambda: self.step_rate(1))):
            sc = QShortcut(QKeySequence(key), widget)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("−10 s"))
        self.back_button.setToolTip(self.tr("Back 10 seconds (Left)"))
        self.forward_button.setText(self.tr("+10 s"))
        self.forward_button.setToolTip(self.tr("Forward 10 seconds (Right)"))
        self.speed.setToolTip(self.tr("Speed, pitch kept ([ slower, ] faster)"))
        self.save_button.setText(self.tr("Save a copy…"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        playing = self.is_playing()
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
        has = self.recording is not None
        for b in (self.play_button, self.back_button, self.forward_button):
            b.setEnabled(has)
        self.save_button.setEnabled(has)

    # -- opening a recording ------------------------------------------------------------
    def clear(self, message: str = "") -> None:
        self._autoplay = False
        self._seek_when_loaded = None
        self._leave()
        if self._mp is not None:
            self._mp.stop()
            self._mp.setSource(QUrl())
        self._drop_stream()
        self.recording, self.call_id, self.file = None, None, None
        self.waveform.clear(message)
        self.position_label.setText("0:00")
        self.duration_label.setText("0:00")
        self.status.setText("")
        self._update_buttons()

    def open(self, call_id: uuid.UUID, recording, *, ring_ms: int = 0,
             markers: list[tuple[int, str]] | None = None, source=None,
             autoplay: bool = False) -> None:
        """Load ``recording`` (a ``services.browse.Recording``) of ``call_id``."""
        self.clear()
        self.call_id, self.recording = call_id, recording
        self._played_ms, self._last_pos, self._moving = 0, 0, False
        self.waveform.set_ring(ring_ms)
        self.waveform.set_markers(markers or [])
        self._shared_peaks = None
        if recording.shared is not None:
            dur = recording.shared.duration_s
            if dur:
                self.waveform.set_duration(int(dur * 1000))
                self.duration_label.setText(clock(int(dur * 1000)))
            sp = recording.shared.peaks
            if sp:  # the uploader's waveform: drawn before any audio arrived
                try:
                    self._shared_peaks = P.from_lanes(
                        sp["left"], sp["right"], bucket_ms=sp["bucket_ms"],
                        duration_s=sp["duration_s"], channels=sp["channels"])
                except P.PeaksError as exc:
                    log.warning("recording %s: %s", recording.shared.id, exc)
        cached = (self.cache.get(recording.shared.id)
                  if recording.shared is not None and self.cache is not None else None)
        if recording.path is not None or cached is not None:
            self.file = recording.path or cached
            self.player.setSource(QUrl.fromLocalFile(str(self.file)))
            self._load_peaks(self.file)
        elif recording.shared is not None and source is not None:
            self._start_stream(recording.shared, source)
            if self._shared_peaks is not None:
                self.waveform.set_peaks(self._shared_peaks)
        else:
            self.waveform.set_message(self.tr("The recording is not available offline."))
        self._update_buttons()
        self._autoplay = autoplay
        if autoplay and self.player.mediaStatus() in _LOADED:
            self._autoplay = False
            self.play()

    def _start_stream(self, rec, source) -> None:
        relay = self._relay = _Relay(self)
        relay.sig_progress.connect(self._on_stream_progress)
        relay.sig_done.connect(self._on_stream_done)
        relay.sig_error.connect(self._on_stream_error)
        self.stream = self.stream_factory(source.conninfo(), rec, self.cache,
                                  on_progress=relay.sig_progress.emit,
                                  on_done=relay.sig_done.emit, on_error=relay.sig_error.emit)
        self.stream.start()
        self.device = StreamDevice(self.stream, self)
        self.device.open(QIODevice.OpenModeFlag.ReadOnly)
        self.player.setSourceDevice(self.device, QUrl(f"recording-{rec.id}.ogg"))
        self.waveform.set_message(self.tr("Fetching the recording…"))
        self.status.setText(self.tr("Fetching…"))

    def _drop_stream(self) -> None:
        if self.stream is not None:
            self.stream.close(timeout=2.0)
        if self.device is not None:
            self.device.close()
            self.device.deleteLater()
        if self._relay is not None:
            self._relay.deleteLater()
        self.stream = self.device = self._relay = None

    def _on_stream_progress(self, have: int, total: int) -> None:
        if self.stream is not None and have < total:
            self.status.setText(self.tr("Fetching… %1 %").replace(
                "%1", str(int(100 * have / max(1, total)))))

    def _on_stream_done(self, path) -> None:
        self.status.setText("")
        if path is not None:
            self.file = Path(path)
            if self._shared_peaks is not None:
                try:  # beside the cached file: the next opening reads them from there
                    P.save(self.file, self._shared_peaks)
                except OSError as exc:
                    log.warning("peaks of %s not cached: %s", self.file, exc)
            else:
                self._load_peaks(self.file)
        else:
            self.waveform.set_message("")

    def _on_stream_error(self, message: str) -> None:
        self.status.setText(message)
        self.waveform.set_message(self.tr("Could not fetch the recording."))

    def _load_peaks(self, path: Path) -> None:
        call_id = self.call_id
        if P.load_cached(path) is None:
            self.waveform.set_message(self.tr("Drawing the waveform…"))

        def done(p):
            if self.call_id == call_id and p is not None:
                self.waveform.set_peaks(p)

        def failed(exc):
            if self.call_id == call_id:
                self.waveform.set_message(str(exc))

        self.pending.add(ops.query(self, lambda: P.peaks(path), done, failed))

    # -- control ------------------------------------------------------------------------
    def play(self) -> None:
        if self.recording is not None:
            self.player.play()

    def pause(self) -> None:
        if self._mp is not None:
            self._mp.pause()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def is_playing(self) -> bool:
        return self._mp is not None and \
            self._mp.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def position(self) -> int:
        return int(self._mp.position()) if self._mp is not None else 0

    def duration(self) -> int:
        return int((self._mp.duration() if self._mp is not None else 0)
                   or self.waveform.duration())

    def seek(self, ms: int) -> None:
        if self.recording is None:
            return
        dur = self.duration()
        ms = max(0, min(int(ms), dur if dur > 0 else int(ms)))
        self._last_pos = ms  # a jump is not "played"
        if self.player.mediaStatus() not in _LOADED:
            # the source is still loading (the waveform may know the length first):
            # a position set now is lost when the load ends, so it waits for that
            self._seek_when_loaded = ms
        self.player.setPosition(ms)
        self.waveform.set_position(ms)
        self.position_label.setText(clock(ms))

    def skip(self, delta_ms: int) -> None:
        self.seek(self.position() + int(delta_ms))

    def rate(self) -> float:
        return float(self.speed.currentData() if self._mp is None else self._mp.playbackRate())

    def set_rate(self, rate: float) -> None:
        rate = min(RATES, key=lambda r: abs(r - rate))
        self.speed.setCurrentIndex(RATES.index(rate))

    def step_rate(self, step: int) -> None:
        i = max(0, min(len(RATES) - 1, self.speed.currentIndex() + step))
        self.speed.setCurrentIndex(i)

    def played_seconds(self) -> float:
        return self._played_ms / 1000.0

    # -- player events -------------------------------------------------------------------
    def _on_position(self, ms: int) -> None:
        delta = ms - self._last_pos
        if self.is_playing() and 0 < delta <= 2500:
            self._played_ms += delta
            if not self._moving:
                self._moving = True
                self.sig_first_audio.emit()
        self._last_pos = ms
        self.waveform.set_position(ms)
        self.position_label.setText(clock(ms))
        self.sig_position.emit(int(ms))

    def _on_media_status(self, status) -> None:
        # play once the new source is loaded: a play() right after setSource may be
        # undone by the FFmpeg backend finishing the previous (empty) source's load
        if status in _LOADED and self._seek_when_loaded is not None:
            ms, self._seek_when_loaded = self._seek_when_loaded, None
            self.player.setPosition(ms)
        if self._autoplay and status in _LOADED:
            self._autoplay = False
            self.play()

    def _on_duration(self, ms: int) -> None:
        if ms > 0:
            self.waveform.set_duration(int(ms))
            self.duration_label.setText(clock(int(ms)))

    def _on_error(self, error, message: str = "") -> None:
        if error != QMediaPlayer.Error.NoError:
            log.warning("player: %s", message or error)
            self.status.setText(message or self.tr("The recording cannot be played."))

    def _leave(self) -> None:
        """Account the listening of the recording being left (the audit)."""
        if self.call_id is not None and self._played_ms > 0:
            rec_id = self.recording.recording_id if self.recording is not None else None
            self.sig_played.emit(self.call_id, rec_id, self._played_ms / 1000.0)
        self._played_ms = 0

    def save_copy(self, path: str | None = None) -> Path | None:
        """Save a copy of the recording (asks where when ``path`` is None)."""
        if self.recording is None:
            return None
        src = self.file
        if src is None and self.stream is not None and self.stream.done:
            src = self.stream.path
        if src is None:
            self.status.setText(self.tr("Wait until the recording has arrived."))
            return None
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Save a copy of the recording"), src.name,
                self.tr("Recordings (*%1)").replace("%1", src.suffix))
            if not path:
                return None
        dst = Path(path)
        tmp = dst.with_name(dst.name + ".part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, paths.PRIVATE_FILE)
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out)
        paths.private_file(tmp)  # 0600 whatever was there before
        os.replace(tmp, dst)
        self.sig_downloaded.emit(self.call_id, self.recording.recording_id)
        return dst

    def shutdown(self) -> None:
        """Account the listening, stop, drop the stream; safe to call twice."""
        if self._shut:
            return
        self._shut = True
        self.pending.detach()
        self._leave()
        if self._mp is not None:
            self._mp.stop()
        self._drop_stream()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.shutdown()
        super().closeEvent(event)
