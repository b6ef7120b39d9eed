"""The waveform of a whole call: the manager's lane above, the client's below.

Drawn with QPainter from :class:`workstation.peaks.Peaks`: each pixel
column shows the loudest bucket it covers (reduced with numpy when the width
changes, not on every paint). Silence (both lanes quiet) is shaded, the
ringing before the answer is a hatched lead-in, the script steps the manager
reached are markers with their names, and a click seeks.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workstation import peaks as P

MANAGER_COLOR = QColor("#2f6db5")
CLIENT_COLOR = QColor("#c0562a")
SILENCE_COLOR = QColor(0, 0, 0, 22)
RING_COLOR = QColor("#9a9a9a")
MARKER_COLOR = QColor("#2d8a4e")
CURSOR_COLOR = QColor("#d11")


class WaveformView(QWidget):
    sig_seek = Signal(int)
    """The user clicked the time line: seek to this position (ms in the recording)."""

    LABEL_ROW = 16

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("waveform")
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._peaks: P.Peaks | None = None
        self._duration_ms = 0
        self._ring_ms = 0
        self._position = 0
        self._markers: list[tuple[int, str]] = []
        self._silence: list[tuple[int, int]] = []
        self._columns: tuple[int, np.ndarray, np.ndarray] | None = None
        self._message = ""

    # -- what it shows ---------------------------------------------------------------
    def clear(self, message: str = "") -> None:
        self._peaks, self._columns, self._silence = None, None, []
        self._markers, self._duration_ms, self._ring_ms, self._position = [], 0, 0, 0
        self._message = message
        self.update()

    def set_message(self, message: str) -> None:
        self._message = message
        self.update()

    def set_peaks(self, p: P.Peaks | None) -> None:
        self._peaks, self._columns = p, None
        self._silence = P.silence(p) if p is not None and len(p) else []
        if p is not None:
            self._duration_ms = max(self._duration_ms, int(p.duration_s * 1000))
            self._message = ""
        self.update()

    def peaks(self) -> P.Peaks | None:
        return self._peaks

    def set_duration(self, ms: int) -> None:
        if ms > 0 and ms != self._duration_ms:
            self._duration_ms = int(ms)
            self._columns = None
            self.update()

    def duration(self) -> int:
        return self._duration_ms

    def set_ring(self, ms: int) -> None:
        """Ringing before the answer (not in the recording): a hatched lead-in."""
        self._ring_ms = max(0, int(ms))
        self._columns = None
        self.update()

    def set_markers(self, markers: list[tuple[int, str]]) -> None:
        self._markers = sorted(markers)
        self.update()

    def markers(self) -> list[tuple[int, str]]:
        return list(self._markers)

    def silences(self) -> list[tuple[int, int]]:
        return list(self._silence)

    def set_position(self, ms: int) -> None:
        if ms != self._position:
            self._position = int(ms)
            self.update()

    # -- geometry --------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(600, 120)

    def _span_ms(self) -> int:
        return max(1, self._ring_ms + self._duration_ms)

    def x_of(self, ms: int) -> float:
        return (self._ring_ms + ms) * self.width() / self._span_ms()

    def ms_at(self, x: float) -> int:
        ms = int(x * self._span_ms() / max(1, self.width())) - self._ring_ms
        return max(0, min(self._duration_ms, ms))

    def lane_columns(self, width: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Per pixel column, the loudest bucket of each lane (0..255)."""
        width = width or self.width()
        p = self._peaks
        if p is None or not len(p) or width <= 0:
            return np.zeros(0, np.uint8), np.zeros(0, np.uint8)
        if self._columns is not None and self._columns[0] == width:
            return self._columns[1], self._columns[2]
        x0 = int(round(self.x_of(0)))
        x1 = max(x0 + 1, int(round(self.x_of(int(p.duration_s * 1000)))))
        cols = max(1, min(width, x1) - x0)
        edges = np.linspace(0, len(p), cols + 1).astype(np.int64)
        starts = np.minimum(edges[:-1], len(p) - 1)
        left = np.maximum.reduceat(p.left, starts)
        right = np.maximum.reduceat(p.right, starts)
        pad = np.zeros(x0, np.uint8)
        left, right = np.concatenate([pad, left]), np.concatenate([pad, right])
        self._columns = (width, left, right)
        return left, right

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._columns = None
        super().resizeEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton and self._duration_ms > 0:
            self.sig_seek.emit(self.ms_at(event.position().x()))
            event.accept()
            return
        super().mousePressEvent(event)

    # -- painting --------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        qp = QPainter(self)
        w, h = self.width(), self.height()
        qp.fillRect(self.rect(), self.palette().base())
        top, bottom = self.LABEL_ROW, h - 2
        lane_h = (bottom - top) / 2
        mid1, mid2 = top + lane_h / 2, top + lane_h * 1.5
        if self._ring_ms and self._duration_ms:
            rx = self.x_of(0)
            qp.fillRect(QRectF(0, top, rx, bottom - top),
                        QBrush(RING_COLOR, Qt.BrushStyle.BDiagPattern))
            qp.setPen(RING_COLOR.darker(130))
            qp.save()
            qp.translate(rx / 2, top + (bottom - top) / 2)
            qp.rotate(-90)
            qp.drawText(QRectF(-(bottom - top) / 2, -8, bottom - top, 16),
                        Qt.AlignmentFlag.AlignCenter, self.tr("ringing"))
            qp.restore()
        for a, b in self._silence:
            qp.fillRect(QRectF(self.x_of(a), top, max(1.0, self.x_of(b) - self.x_of(a)),
                               bottom - top), SILENCE_COLOR)
        left, right = self.lane_columns(w)
        if len(left):
            scale = (lane_h / 2 - 1) / 255.0
            for lane, mid, color in ((left, mid1, MANAGER_COLOR), (right, mid2, CLIENT_COLOR)):
                qp.setPen(QPen(color, 1))
                xs = np.flatnonzero(lane)
                for x in xs:
                    a = float(lane[x]) * scale
                    qp.drawLine(QPointF(x + 0.5, mid - a), QPointF(x + 0.5, mid + a))
        qp.setPen(QPen(self.palette().mid().color(), 1, Qt.PenStyle.DotLine))
        qp.drawLine(QPointF(0, top + lane_h), QPointF(w, top + lane_h))
        qp.setPen(self.palette().text().color())
        lx = (self.x_of(0) if self._duration_ms else 0) + 4  # after the ringing lead-in
        qp.drawText(QRectF(lx, top, 200, 14), Qt.AlignmentFlag.AlignLeft, self.tr("Manager"))
        qp.drawText(QRectF(lx, top + lane_h, 200, 14), Qt.AlignmentFlag.AlignLeft,
                    self.tr("Client"))
        fm = QFontMetrics(self.font())
        last_right = -1e9
        for ms, name in self._markers:
            x = self.x_of(ms)
            qp.setPen(QPen(MARKER_COLOR, 1, Qt.PenStyle.DashLine))
            qp.drawLine(QPointF(x, top - 2), QPointF(x, bottom))
            if x > last_right + 4:
                text = fm.elidedText(name, Qt.TextElideMode.ElideRight, 140)
                qp.setPen(MARKER_COLOR.darker(120))
                qp.drawText(QPointF(x + 2, top - 4), text)
                last_right = x + 2 + fm.horizontalAdvance(text)
        if self._duration_ms:
            x = self.x_of(self._position)
            qp.setPen(QPen(CURSOR_COLOR, 2))
            qp.drawLine(QPointF(x, 0), QPointF(x, h))
        if self._message:
            qp.setPen(self.palette().placeholderText().color())
            qp.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._message)
        qp.end()
