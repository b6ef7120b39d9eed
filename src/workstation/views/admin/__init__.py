"""Administration screens: users and teams, funnels and stages, refusal reasons
and lead sources, KPI plans, the effective call (``AdminDialog``).

:func:`install` adds "Administration…" to a main window's menu for an admin or a
team lead (who sees the Plans page only, for their team). Every change is a
``services.admin`` write through ``ctx.write()``: it goes to the outbox and
syncs; the bus announces it (USERS or CONFIG) and the pages re-read.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from workstation.services import admin
from workstation.views import actions as act
from workstation.views.admin.dialog import AdminDialog

__all__ = ["ACTION", "AdminDialog", "install", "open_admin"]

ACTION = act.ActionSpec(
    "administration", QT_TRANSLATE_NOOP("Actions", "&Administration…"),
    QT_TRANSLATE_NOOP("Actions", "Users, teams, funnels, reasons, sources, plans"))


def open_admin(window, ctx) -> AdminDialog:
    return act.show_single(window, "admin", lambda: AdminDialog(ctx, window))


def install(window, ctx, menu: str = "file", before: str = "settings"):
    """The menu action, for an admin or a team lead; None for anybody else."""
    if not admin.can_plan(ctx):
        return None
    return act.install(window, ACTION, lambda: open_admin(window, ctx), menu, before)
