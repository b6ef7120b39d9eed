"""Live listen / whisper / barge (issue 15): menu entries for supervisors, the
indicator for the monitored manager.

    feature = monitor.install(window, ctx, engine=engine)   # app start
    monitor.offer_actions(menu, ctx, user_id)                # a live call's context menu

``offer_actions`` is what the calls browser and the team board call on a live
call (contracts.md): for a supervisor or team lead it adds Listen, Whisper and
Barge for ``user_id`` (the manager on that call); for anyone else it adds
nothing. Whether the manager really is in the supervisor's team is decided by
the shared database when the token is asked for (db/shared/080_monitor.sql).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workstation.services.monitor import TEAM_WIDE
from workstation.views.monitor.widget import (MonitorFeature, MonitorIndicator, feature_for,
                                              mode_names)

__all__ = ["MonitorFeature", "MonitorIndicator", "install", "offer_actions"]


def install(window, ctx, *, engine=None) -> MonitorFeature:
    """The monitoring indicator in ``window``'s status bar and the hub on ``engine``."""
    indicator = MonitorIndicator()
    window.indicators.add_indicator(indicator, "monitor")  # a widget: never elided
    feature = MonitorFeature(ctx, engine, indicator, parent=window)
    feature.sig_status.connect(window.status_message.setText)
    return feature


def offer_actions(menu, ctx, user_id) -> list:
    """Add Listen / Whisper / Barge for ``user_id`` to ``menu`` (a QMenu) when the
    signed-in user is a supervisor or team lead; returns the actions added."""
    me = ctx.user
    if user_id is None or me.role not in TEAM_WIDE or user_id == me.id:
        return []
    feature = feature_for(ctx)
    names = mode_names()
    added = []
    menu.addSeparator()
    for mode in ("listen", "whisper", "barge"):
        act = menu.addAction(names[mode])
        act.setObjectName(f"monitor_{mode}")
        if feature is None or feature.hub is None:
            act.setEnabled(False)
            act.setToolTip(QCoreApplication.translate(
                "MonitorIndicator", "The softphone is not running: cannot monitor."))
        else:
            act.triggered.connect(lambda _c=False, m=mode: feature.start(user_id, m))
        added.append(act)
    return added
