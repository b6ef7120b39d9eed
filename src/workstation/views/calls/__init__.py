"""The calls browser: every call the user may see, its recording and its context.

    browser = calls.install(window, ctx)   # a "Calls" tab in the central tabs

A supervisor, team lead or admin browses the team's calls (an admin: all); a
manager their own. Online the rows come from the shared database through a
read-only connection as the user's own role; offline from the local store.
``CallsBrowser.add_side_panel(title, widget)`` puts another feature's panel
(the review's scorecard) beside the call's context; the player's
``sig_played`` / ``sig_downloaded`` are the audit's input.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from workstation.sync.browse import NotConfigured, SharedReader
from workstation.sync.playback import RecordingCache
from workstation.views import review
from workstation.views.calls.browser import CallsBrowser
from workstation.views.calls.model import CallsModel
from workstation.views.calls.player import Player
from workstation.views.calls.waveform import WaveformView

__all__ = ["CallsBrowser", "CallsModel", "Player", "WaveformView", "attach_review", "install"]

log = logging.getLogger(__name__)


def _reader(ctx):
    try:
        return SharedReader.from_config(ctx.settings)
    except NotConfigured:
        return None
    except Exception:  # noqa: BLE001 - a bad URL must not stop the app: local only, say why
        log.exception("calls browser: shared database not usable")
        return None


def attach_review(browser: CallsBrowser, ctx):
    """The review's scorecard beside the call's context (it follows the selected call,
    pins comments at the player's position, a comment clicked seeks the player) and
    the player's playbacks and downloads to the access audit."""
    panel = review.attach_to_browser(browser, ctx)
    panel.set_position_source(browser.player.position)
    panel.sig_seek.connect(browser.player.seek)
    browser.sig_call_shown.connect(panel.set_call)
    review.connect_player(browser.player, ctx, parent=browser)
    browser.review_panel = panel
    return panel


def install(window, ctx, *, reader=None, cache=None, sync=None,
            with_review: bool = True) -> CallsBrowser:
    """A "Calls" tab in the window's central tabs (made when there are none);
    ``sync`` (the SyncService) switches it between online and offline; with_review:
    the scorecard panel and the access audit (views/review)."""
    tabs = window.findChild(QTabWidget, "centralTabs")
    if tabs is None:
        tabs = QTabWidget(window)
        tabs.setObjectName("centralTabs")
        tabs.setDocumentMode(True)
        old = window.takeCentralWidget()
        if old is not None:
            tabs.addTab(old, old.windowTitle() or "")
        window.setCentralWidget(tabs)
    browser = CallsBrowser(ctx, tabs, reader=reader if reader is not None else _reader(ctx),
                           cache=cache if cache is not None else RecordingCache.from_config(
                               ctx.settings))
    index = tabs.addTab(browser, QCoreApplication.translate("CallsBrowser", "Calls"))
    browser.reveal = lambda: tabs.setCurrentWidget(browser)

    def retitle():
        tabs.setTabText(tabs.indexOf(browser), QCoreApplication.translate("CallsBrowser", "Calls"))

    browser.retitle = retitle
    window.calls_browser = browser
    if with_review:
        attach_review(browser, ctx)
    if sync is not None:
        browser.watch_sync(sync)
    browser.start()
    return browser
