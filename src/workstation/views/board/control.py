"""The status bar's presence control: the manager's state now, and Break / Available.

    control = PresenceControl(tracker)
    window.indicators.add_indicator(control, "presence")
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QMenu, QToolButton

from workstation.domain import presence as P
from workstation.views.board.labels import COLOURS, reason_label, state_label


class PresenceControl(QToolButton):
    """A button showing "● Available" (coloured); its menu sets Available or a
    break with a reason. A break chosen during a call begins after its wrap-up."""

    def __init__(self, tracker, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("presenceControl")
        self.tracker = tracker
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAutoRaise(True)
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.available_action = self.menu_.addAction("")
        self.available_action.triggered.connect(lambda: tracker.choose(P.AVAILABLE))
        self.break_menu = self.menu_.addMenu("")
        self.break_actions = {}
        for reason in P.BREAK_REASONS:
            act = self.break_menu.addAction("")
            act.triggered.connect(lambda _c=False, r=reason: tracker.choose(P.BREAK, r))
            self.break_actions[reason] = act
        self._state, self._detail = tracker.state, ""
        tracker.sig_state.connect(self.show_state)
        self.retranslate()

    def show_state(self, state: str, detail: str) -> None:
        self._state, self._detail = state, detail
        text = state_label(state)
        if state == P.BREAK and detail:
            text = f"{text}: {reason_label(detail)}"
        pending = self.tracker.chosen == P.BREAK and state in (P.ON_CALL, P.RINGING, P.WRAPUP)
        self.setText(f"● {text}")
        self.setStyleSheet(f"QToolButton {{ color: {COLOURS.get(state, '')}; }}")
        self.setToolTip(self.tr("A break begins after this call's wrap-up.") if pending
                        else self.tr("Your state on the team board: click to take a break "
                                     "or to become available."))

    def retranslate(self) -> None:
        self.available_action.setText(self.tr("Available"))
        self.break_menu.setTitle(self.tr("Break"))
        for reason, act in self.break_actions.items():
            act.setText(reason_label(reason))
        self.show_state(self._state, self._detail)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
