"""The status bar's indicator strip: registration, sync, today's calls vs plan.

Features add their own small widgets (a label, an icon button) with
:meth:`StatusIndicators.add_indicator`; the main window places the strip at
the right end of its status bar. :class:`ElidingLabel` is the one-line label
for long messages in a crowded bar (a 1366 px laptop screen).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import (  # QtGui's Qt has mightBeRichText
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    Qt,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

MIN_CHARS = 8
"""An eliding label may shrink to about this many characters."""


def _narrow(label: QLabel, chars: int = MIN_CHARS) -> int:
    return label.fontMetrics().horizontalAdvance("x" * chars)


def _rich_document(label: QLabel, width: int) -> QTextDocument | None:
    """``label``'s rich text cut to ``width`` with "…", or None when it fits."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setHtml(label.text())
    if doc.idealWidth() <= width:
        return None
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("…")
    while doc.characterCount() > 2 and doc.idealWidth() > width:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.movePosition(QTextCursor.MoveOperation.Left)  # before "…"
        cursor.deletePreviousChar()
    return doc


def elided(label: QLabel) -> bool:
    """Is ``label`` (one line) narrower than its text?"""
    text, width = label.text(), label.contentsRect().width()
    if not text:
        return False
    if Qt.mightBeRichText(text):
        return _rich_document(label, width) is not None
    return label.fontMetrics().horizontalAdvance(text) > width


def paint_elided(label: QLabel) -> bool:
    """Paint ``label``'s text elided if it does not fit (True), else leave it to QLabel.
    The whole text becomes the tooltip while it is cut."""
    text, rect = label.text(), label.contentsRect()
    doc = _rich_document(label, rect.width()) if text and Qt.mightBeRichText(text) else None
    cut = doc is not None or (bool(text) and not Qt.mightBeRichText(text) and
                              label.fontMetrics().horizontalAdvance(text) > rect.width())
    ours = label.property("_elidedTip")  # the tooltip set here, if any
    if not label.toolTip() or label.toolTip() == ours:  # never replace a label's own tooltip
        want = ""
        if cut:
            want = QTextDocumentFragment.fromHtml(text).toPlainText() if doc is not None else text
        if label.toolTip() != want:
            label.setToolTip(want)
            label.setProperty("_elidedTip", want)
    if not cut:
        return False
    painter = QPainter(label)
    if doc is not None:
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, label.palette().color(label.foregroundRole()))
        doc.documentLayout().draw(painter, ctx)
    else:
        short = label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        label.style().drawItemText(painter, rect, int(label.alignment()), label.palette(),
                                   label.isEnabled(), short, label.foregroundRole())
    return True


class _Elider(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint and isinstance(obj, QLabel):
            return paint_elided(obj)
        return False


def make_eliding(label: QLabel, chars: int = MIN_CHARS) -> QLabel:
    """Let a label someone else made (an indicator) shrink to ``chars`` characters and
    paint its text elided, whole in the tooltip."""
    label.setMinimumWidth(min(label.minimumSizeHint().width(), _narrow(label, chars)))
    label.installEventFilter(_Elider(label))
    return label


class ElidingLabel(QLabel):
    """A one-line label that may be narrower than its text: it paints the text
    elided ("Call with +380 67 1…"), rich text too, and shows the whole of it as
    its tooltip. ``text()`` is always the full text."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), _narrow(self)), hint.height())

    def is_elided(self) -> bool:
        return elided(self)

    def paintEvent(self, event) -> None:  # noqa: N802
        if not paint_elided(self):
            super().paintEvent(event)


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
        if isinstance(widget, QLabel) and not isinstance(widget, ElidingLabel):
            make_eliding(widget)  # a crowded status bar elides it rather than the softphone
        self._layout.addWidget(widget)
        if name:
            self._named[name] = widget
        return widget

    def indicator(self, name: str) -> QWidget | None:
        return self._named.get(name)
