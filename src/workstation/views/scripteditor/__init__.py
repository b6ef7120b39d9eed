"""The admin's call-script editor.

``ScriptEditor(ctx, parent)`` is a dialog; :func:`install` adds its menu
action to a main window built from the action registry (one call, after the
window's menus exist).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from workstation.views import actions as act
from workstation.views.scripteditor.editor import ScriptEditor

__all__ = ["ACTION", "ScriptEditor", "install", "open_editor"]

ACTION = act.ActionSpec(
    "script_editor", QT_TRANSLATE_NOOP("Actions", "Call &scripts…"),
    QT_TRANSLATE_NOOP("Actions", "Edit the call scripts; every save is a new version"))


def open_editor(window, ctx) -> ScriptEditor:
    """Show the editor (one per window), raising it if it is already open."""
    editor = getattr(window, "_script_editor", None)
    if editor is None:
        editor = ScriptEditor(ctx, window)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        editor.destroyed.connect(lambda _o=None: setattr(window, "_script_editor", None))
        window._script_editor = editor
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


def install(window, ctx, menu: str = "file", before: str = "settings"):
    """Register the action, put it in ``window.menus[menu]`` before ``before`` and
    connect it. ``window`` needs ``actions`` (dict) and ``menus`` (dict)."""
    act.register(ACTION)
    action = window.actions.get(ACTION.name) or act.add_action(window, ACTION)
    window.actions[ACTION.name] = action  # retranslated with the others
    target = window.menus.get(menu)
    if target is not None:
        anchor = window.actions.get(before)
        if anchor is not None and anchor in target.actions():
            target.insertAction(anchor, action)
        else:
            target.addAction(action)
    action.triggered.connect(lambda _checked=False: open_editor(window, ctx))
    return action
