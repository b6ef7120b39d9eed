"""The admin's call-script editor.

``ScriptEditor(ctx, parent)`` is a dialog; :func:`install` adds its menu
action to a main window built from the action registry (one call, after the
window's menus exist).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from workstation.views import actions as act
from workstation.views.scripteditor.editor import ScriptEditor

__all__ = ["ACTION", "ScriptEditor", "install", "open_editor"]

ACTION = act.ActionSpec(
    "script_editor", QT_TRANSLATE_NOOP("Actions", "Call &scripts…"),
    QT_TRANSLATE_NOOP("Actions", "Edit the call scripts; every save is a new version"))


def open_editor(window, ctx) -> ScriptEditor:
    """Show the editor (one per window), raising it if it is already open."""
    return act.show_single(window, "script_editor", lambda: ScriptEditor(ctx, window))


def install(window, ctx, menu: str = "file", before: str = "settings"):
    """Register the action, put it in ``window.menus[menu]`` before ``before`` and
    connect it. ``window`` needs ``actions`` (dict) and ``menus`` (dict)."""
    return act.install(window, ACTION, lambda: open_editor(window, ctx), menu, before)
