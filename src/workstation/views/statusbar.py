"""The status bar's indicator strip: registration, sync, today's calls vs plan.

Features add their own small widgets (a label, an icon button) with
:meth:`StatusIndicators.add_indicator`; the main window places the strip at
the right end of its status bar. :class:`ElidingLabel` is the one-line label
for long messages in a crowded bar (a 1366 px laptop screen).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, Qt  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

MIN_CHARS = 8
"""An eliding label may shrink to about this many characters."""


class ElidingLabel(QLabel):
    """A one-line label that may be narrower than its text: it paints the text
    elided ("Call with +380 67 1…") and shows the whole of it as its tooltip.
    ``text()`` is always the full text. Rich text is painted as QLabel does."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._own_tip = False

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().horizontalAdvance("x" * MIN_CHARS)
        return QSize(min(hint.width(), narrow), hint.height())

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._update_tip()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_tip()

    def is_elided(self) -> bool:
        text = self.text()
        return (bool(text) and not Qt.mightBeRichText(text)
                and self.fontMetrics().horizontalAdvance(text) > self.contentsRect().width())

    def _update_tip(self) -> None:
        if self.is_elided():
            self.setToolTip(self.text())
            self._own_tip = True
        elif self._own_tip:
            self.setToolTip("")
            self._own_tip = False

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.is_elided():
            super().paintEvent(event)
            return
        rect = self.contentsRect()
        elided = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                               rect.width())
        painter = QPainter(self)
        self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(),
                                  self.isEnabled(), elided, self.foregroundRole())


class StatusIndicators(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("statusIndicators")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 4, 0)
        self._layout.setSpacing(8)
        self._named: dict[str, QWidget] = {}

    def add_indicator(self, widget: QWidget, name: str = "") -> QWidget:
        """Append ``widget`` (with a thin separator before it); ``name`` finds it later."""
        if self._layout.count():
            sep = QFrame(self)
            sep.setFrameShape(QFrame.Shape.VLine)
            sep.setFrameShadow(QFrame.Shadow.Sunken)
            self._layout.addWidget(sep)
        widget.setParent(self)
        self._layout.addWidget(widget)
        if name:
            self._named[name] = widget
        return widget

    def indicator(self, name: str) -> QWidget | None:
        return self._named.get(name)
