"""The status bar's indicator strip: registration, sync, today's calls vs plan.

Features add their own small widgets (a label, an icon button) with
:meth:`StatusIndicators.add_indicator`; the main window places the strip at
the right end of its status bar.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget


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
