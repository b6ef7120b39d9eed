"""Call review screens (issue 11): the scorecard panel, the manager's "My
reviews", the reviewer's queue with sampling, missing recordings, and the
admin's settings (criteria, retention, the access audit).

:func:`install` adds them by role:

* a manager: a "My reviews" dock (their reviewed calls; the panel below to
  acknowledge or dispute);
* a supervisor or team lead: a "Call review" dock with the queue (sampling
  dialog, panel to score) and the missing-recordings panel;
* an admin: the same, plus "Call review settings…" in the File menu.

Hooks for the calls browser (helper "browser"; the integrator wires them):
:func:`attach_to_browser` puts a :class:`ScorecardPanel` beside the player
(``CallsBrowser.add_side_panel``) and :func:`connect_player` sends the
player's ``sig_played`` / ``sig_downloaded`` to the audit
(``services.review.log_access``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QSplitter, QTabWidget

from workstation.services import review
from workstation.views import actions as act
from workstation.views.review import operations
from workstation.views.review.admin import ReviewAdminDialog
from workstation.views.review.lists import MissingPanel, MyReviews, ReviewQueue, SampleDialog
from workstation.views.review.scorecard import ScorecardPanel

__all__ = ["ACTION", "MissingPanel", "MyReviews", "ReviewAdminDialog", "ReviewDock",
           "ReviewQueue", "SampleDialog", "ScorecardPanel", "attach_to_browser",
           "connect_player", "install", "open_settings"]

ACTION = act.ActionSpec(
    "review_settings", QT_TRANSLATE_NOOP("Actions", "Call &review settings…"),
    QT_TRANSLATE_NOOP("Actions", "Scorecard criteria, recording retention, access audit"))


class ReviewDock(QDockWidget):
    """The review dock of a role: lists, and a scorecard panel for the selected call."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDock")
        self.ctx = ctx
        self.panel = ScorecardPanel(ctx, self)
        # scrolls rather than widening the window (long criteria, longer languages)
        self.panel_scroll = QScrollArea(self)
        self.panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setWidget(self.panel)
        self.reviewer = review.can_review(ctx)
        if self.reviewer:
            self.queue = ReviewQueue(ctx, self)
            self.missing = MissingPanel(ctx, self)
            self.tabs = QTabWidget(self)
            split = QSplitter(Qt.Orientation.Vertical, self)
            split.addWidget(self.queue)
            split.addWidget(self.panel_scroll)
            split.setStretchFactor(0, 2)
            split.setStretchFactor(1, 3)
            split.setSizes([260, 440])
            self.tabs.addTab(split, "")
            self.tabs.addTab(self.missing, "")
            self.list = self.queue
            self.setWidget(self.tabs)
        else:
            self.list = MyReviews(ctx, self)
            split = QSplitter(Qt.Orientation.Vertical, self)
            split.addWidget(self.list)
            split.addWidget(self.panel_scroll)
            split.setStretchFactor(0, 1)
            split.setStretchFactor(1, 2)
            split.setSizes([220, 480])
            self.setWidget(split)
        self.list.sig_selected.connect(self.panel.set_call)
        self.retranslate()

    def retranslate(self) -> None:
        if self.reviewer:
            self.setWindowTitle(QCoreApplication.translate("Review", "Call review"))
            self.tabs.setTabText(0, QCoreApplication.translate("Review", "Queue"))
            self.tabs.setTabText(1, QCoreApplication.translate("Review", "Missing recordings"))
        else:
            self.setWindowTitle(QCoreApplication.translate("Review", "My reviews"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        self.list.reload()
        if self.reviewer:
            self.missing.reload()


def open_settings(window, ctx) -> ReviewAdminDialog:
    dialog = getattr(window, "_review_dialog", None)
    if dialog is None:
        dialog = ReviewAdminDialog(ctx, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.destroyed.connect(lambda _o=None: setattr(window, "_review_dialog", None))
        window._review_dialog = dialog
    dialog.show()
    dialog.raise_()
    return dialog


def install(window, ctx, menu: str = "file", before: str = "settings") -> ReviewDock:
    """The review dock for the signed-in role (and the admin's settings action)."""
    dock = ReviewDock(ctx, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.review_dock = dock
    view = getattr(window, "menus", {}).get("view")
    if view is not None:  # View ▸ Call review / My reviews shows and hides it
        view.addAction(dock.toggleViewAction())
    if not dock.reviewer:
        dock.hide()  # a manager opens it from the View menu
    if review.can_configure(ctx):
        act.install(window, ACTION, lambda: open_settings(window, ctx), menu, before)
    dock.reload()
    return dock


def attach_to_browser(browser, ctx, title: str | None = None) -> ScorecardPanel:
    """A scorecard panel as a side tab of the calls browser; the browser (or the
    integrator) calls ``panel.set_call`` for the selected call and connects
    ``panel.sig_seek`` / ``set_position_source`` to its player."""
    panel = ScorecardPanel(ctx, browser)
    browser.add_side_panel(title or QCoreApplication.translate("Review", "Review"), panel)
    return panel


def connect_player(player, ctx, parent=None) -> None:
    """The player's playbacks and downloads go to the audit (insert-only, via the outbox)."""
    owner = parent or player
    player.sig_played.connect(lambda call_id, rec_id, seconds: operations.log_access(
        owner, ctx, recording_id=rec_id, call_id=call_id, action="play",
        played_seconds=seconds))
    player.sig_downloaded.connect(lambda call_id, rec_id: operations.log_access(
        owner, ctx, recording_id=rec_id, call_id=call_id, action="download"))
