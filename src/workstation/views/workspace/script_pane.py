"""The script pane (LEFT): current step with variables filled, the client's answers,
objection and info-occasion buttons, the info-occasion counter, back."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.scripts import Script, ScriptRun, ScriptRunError


MIN_BUTTON_CHARS = 12
"""A script button may shrink to about this many characters (the rest is elided)."""


class _ElidingButton(QPushButton):
    """A push button that may be narrower than its text: on a laptop screen the
    text is elided ("Objection: we already…") and the full text is its tooltip.
    Painting elides; the layout never asks for the whole text's width."""

    PAD = 12
    """Room the style leaves around a push button's text (Fusion: 2 × 6 px)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().horizontalAdvance("x" * MIN_BUTTON_CHARS) + 16
        return QSize(min(hint.width(), narrow), hint.height())

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._tip()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._tip()

    def _room(self, opt: QStyleOptionButton | None = None) -> int:
        if opt is None:
            opt = QStyleOptionButton()
            self.initStyleOption(opt)
        rect = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self)
        return rect.width() - self.PAD

    def _fits(self, opt: QStyleOptionButton | None = None) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) <= self._room(opt)

    def _tip(self) -> None:
        tip = "" if self._fits() else self.text()
        if self.toolTip() != tip:
            self.setToolTip(tip)

    def paintEvent(self, event) -> None:  # noqa: N802
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        if self._fits(opt):
            super().paintEvent(event)
            return
        opt.text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                                 max(0, self._room(opt)))
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_PushButton, opt)


class _Flow(QWidget):
    """A column of buttons. The buttons are reused from one step (and call) to
    the next: only their text, name and action change; extra ones are hidden."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        self._pool: list[QPushButton] = []
        self._actions: dict[QPushButton, object] = {}

    def set_buttons(self, specs: list[tuple[str, str, bool, object]]) -> None:
        """(text, object name, enabled, action or None) per button, in order."""
        while len(self._pool) < len(specs):
            b = _ElidingButton(self)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, b=b: self._clicked(b))
            self.layout_.addWidget(b)
            self._pool.append(b)
        for b, (text, name, enabled, action) in zip(self._pool, specs):
            if b.text() != text:
                b.setText(text)
            b.setObjectName(name)
            b.setEnabled(enabled)
            self._actions[b] = action
            if b.isHidden():
                b.show()
        for b in self._pool[len(specs):]:
            b.setObjectName("")
            self._actions[b] = None
            if not b.isHidden():
                b.hide()
        self.buttons = self._pool[:len(specs)]

    def _clicked(self, b: QPushButton) -> None:
        action = self._actions.get(b)
        if action is not None:
            action()


class ScriptPane(QWidget):
    sig_step_changed = Signal(str)
    """The current step changed; carries its id."""
    sig_info_warning = Signal(int)
    """More info-occasions than the script allows were used; carries the count."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.run: ScriptRun | None = None
        self.script_id: uuid.UUID | None = None
        self.titleLabel = QLabel(self)
        self.titleLabel.setObjectName("scriptTitle")
        f = self.titleLabel.font()
        f.setBold(True)
        self.titleLabel.setFont(f)
        self.textLabel = QLabel(self)
        self.textLabel.setObjectName("scriptText")
        self.textLabel.setWordWrap(True)
        self.textLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.answers = _Flow(self)
        self.detours = QGroupBox(self.tr("Objections and info-occasions"), self)
        dl = QHBoxLayout(self.detours)
        self.objections = _Flow(self.detours)
        self.infos = _Flow(self.detours)
        dl.addWidget(self.objections)
        dl.addWidget(self.infos)
        self.counterLabel = QLabel(self)
        self.counterLabel.setObjectName("infoCounter")
        self.counterLabel.setWordWrap(True)  # the warning is long; it must not widen the pane
        self.backButton = QPushButton(self.tr("Back"), self)
        self.backButton.setObjectName("scriptBack")
        self.backButton.clicked.connect(self.back)
        inner = QWidget(self)
        il = QVBoxLayout(inner)
        il.addWidget(self.titleLabel)
        il.addWidget(self.textLabel)
        il.addWidget(self.answers)
        il.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counterLabel, 1)
        bottom.addWidget(self.backButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.detours, 1)
        layout.addLayout(bottom)
        self._render()

    # -- state --------------------------------------------------------------
    def set_script(self, script_id: uuid.UUID | None, script: Script | None,
                   values: dict[str, str] | None = None) -> None:
        """Start a new walk (``None``: no script for this lead)."""
        self.script_id = script_id
        self.run = ScriptRun(script, values or {}) if script is not None else None
        self._render()

    def walk(self) -> tuple[uuid.UUID | None, ScriptRun | None]:
        """(script id, the walk: step, path, return stack, info-occasions) to resume later."""
        return self.script_id, self.run

    def resume(self, script_id: uuid.UUID | None, run: ScriptRun | None) -> None:
        """Show a walk taken by :meth:`walk` where it was left."""
        self.script_id, self.run = script_id, run
        self._render()

    def set_values(self, values: dict[str, str]) -> None:
        """Variables changed (the card finished loading): re-render the text."""
        if self.run is not None and self.run.values != values:
            self.run.values = dict(values)
            self._render()

    def path(self) -> list[dict] | None:
        return self.run.to_path() if self.run else None

    def hints(self) -> dict:
        return self.run.hints() if self.run else {}

    # -- moves --------------------------------------------------------------
    def choose(self, answer_id: str) -> None:
        self._move(lambda run: run.answer(answer_id))

    def jump(self, step_id: str) -> None:
        self._move(lambda run: run.jump(step_id))

    def back(self) -> None:
        self._move(lambda run: run.back())

    def _move(self, fn) -> None:
        if self.run is None:
            return
        before = self.run.info_warning
        try:
            fn(self.run)
        except ScriptRunError:
            return
        self._render()
        self.sig_step_changed.emit(self.run.current.id)
        if self.run.info_warning and not before:
            self.sig_info_warning.emit(self.run.info_count)

    # -- painting -------------------------------------------------------------
    def _render(self) -> None:
        run = self.run
        if run is None:
            self.answers.set_buttons([])
            self.objections.set_buttons([])
            self.infos.set_buttons([])
            self.titleLabel.setText(self.tr("No script"))
            self.textLabel.setText(self.tr("There is no call script for this topic."))
            self.counterLabel.setText("")
            self.backButton.setEnabled(False)
            self.detours.setVisible(False)
            return
        step = run.current
        self.titleLabel.setText(step.title or step.id)
        if self.textLabel.text() != run.text:
            self.textLabel.setText(run.text)
        if run.ended:
            self.answers.set_buttons([(self.tr("End of the script: fill in the wrap-up"),
                                       "scriptEnded", False, None)])
        else:
            self.answers.set_buttons([
                (a.label, f"answer_{a.id}", True, lambda aid=a.id: self.choose(aid))
                for a in step.answers])
        self.detours.setVisible(True)
        self.objections.set_buttons([
            (st.title or st.id, f"objection_{st.id}", not run.ended and st.id != step.id,
             lambda sid=st.id: self.jump(sid)) for st in run.script.objections])
        self.infos.set_buttons([
            (st.title or st.id, f"info_{st.id}", not run.ended and st.id != step.id,
             lambda sid=st.id: self.jump(sid)) for st in run.script.info_occasions])
        limit = run.script.max_info_occasions
        text = self.tr("Info-occasions: %1 of %2").replace("%1", str(run.info_count)) \
            .replace("%2", str(limit))
        if run.info_warning:
            text += " — " + self.tr("more than %1 in one call: send one by e-mail and call "
                                    "again with a new one").replace("%1", str(limit))
            style = "color: #b00020; font-weight: bold;"
        else:
            style = ""
        if self.counterLabel.styleSheet() != style:  # a style change re-polishes
            self.counterLabel.setStyleSheet(style)
        self.counterLabel.setText(text)
        self.backButton.setEnabled(run.can_go_back)

    def is_warning(self) -> bool:
        return bool(self.run and self.run.info_warning)
