"""Every menu/toolbar action, declared once and keyed by name (Picard's shape).

The main window builds its menus from :data:`MENUS` and connects handlers by
name; other features (softphone, workspace) add their own specs with
:func:`register` before the window is built, or :func:`add_action` later.
Texts are English source strings translated when the action is created and
again when the language changes (:func:`retranslate`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence

from workstation.views.icons import icon

_CTX = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    """English source text (translated in context "Actions")."""
    tip: str = ""
    shortcut: QKeySequence.StandardKey | str | None = None
    icon: str = ""
    checkable: bool = False
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole


ACTIONS: dict[str, ActionSpec] = {}


def register(spec: ActionSpec) -> None:
    ACTIONS[spec.name] = spec


for _spec in (
    ActionSpec("import", QT_TRANSLATE_NOOP("Actions", "&Import leads…"),
               QT_TRANSLATE_NOOP("Actions", "Import a lead base from a CSV or XLSX file"),
               "Ctrl+I"),
    ActionSpec("export", QT_TRANSLATE_NOOP("Actions", "&Export leads…"),
               QT_TRANSLATE_NOOP("Actions", "Export the processed base to a CSV file"),
               "Ctrl+E"),
    ActionSpec("settings", QT_TRANSLATE_NOOP("Actions", "&Settings…"),
               QT_TRANSLATE_NOOP("Actions", "SIP account, shared database, language"),
               QKeySequence.StandardKey.Preferences, role=QAction.MenuRole.PreferencesRole),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "", QKeySequence.StandardKey.Quit,
               role=QAction.MenuRole.QuitRole),
    ActionSpec("new_lead", QT_TRANSLATE_NOOP("Actions", "&New lead"),
               QT_TRANSLATE_NOOP("Actions", "Open an empty lead card"),
               QKeySequence.StandardKey.New, "add"),
    ActionSpec("open_lead", QT_TRANSLATE_NOOP("Actions", "&Open lead card"),
               QT_TRANSLATE_NOOP("Actions", "Open the selected lead's card"), "Ctrl+O"),
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "&Find…"),
               QT_TRANSLATE_NOOP("Actions", "Search leads by phone or name"),
               QKeySequence.StandardKey.Find, "search"),
    ActionSpec("refresh", QT_TRANSLATE_NOOP("Actions", "&Refresh"),
               QT_TRANSLATE_NOOP("Actions", "Read the lead list again"),
               QKeySequence.StandardKey.Refresh),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About workstation"), "",
               role=QAction.MenuRole.AboutRole),
):
    register(_spec)

MENUS: dict[str, tuple[str, tuple[str | None, ...]]] = {
    "file": (QT_TRANSLATE_NOOP("Actions", "&File"),
             ("new_lead", "open_lead", None, "import", "export", None, "settings", None, "quit")),
    "view": (QT_TRANSLATE_NOOP("Actions", "&View"), ("find", "refresh")),
    "help": (QT_TRANSLATE_NOOP("Actions", "&Help"), ("about",)),
}
"""Menu name → (title, action names; None is a separator)."""


def _apply_texts(action: QAction, spec: ActionSpec) -> None:
    action.setText(QCoreApplication.translate(_CTX, spec.text))
    tip = QCoreApplication.translate(_CTX, spec.tip) if spec.tip else ""
    action.setStatusTip(tip)
    action.setToolTip(tip or action.text().replace("&", "").rstrip("…"))


def add_action(parent, spec: ActionSpec) -> QAction:
    action = QAction(parent)
    action.setObjectName(f"action_{spec.name}")
    _apply_texts(action, spec)
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.icon:
        action.setIcon(icon(spec.icon))
    action.setCheckable(spec.checkable)
    action.setMenuRole(spec.role)
    return action


def create_actions(parent) -> dict[str, QAction]:
    """One QAction per registered spec, owned by ``parent``."""
    return {name: add_action(parent, spec) for name, spec in ACTIONS.items()}


def retranslate(actions: dict[str, QAction]) -> None:
    for name, action in actions.items():
        spec = ACTIONS.get(name)
        if spec is not None:
            _apply_texts(action, spec)


def menu_title(name: str) -> str:
    return QCoreApplication.translate(_CTX, MENUS[name][0])


def install(window, spec: ActionSpec, handler, menu: str = "file", before: str = "settings"):
    """Register ``spec``, put its action in ``window.menus[menu]`` before ``before``
    and connect it to ``handler()`` (a feature folder's menu entry). ``window``
    needs ``actions`` (dict) and ``menus`` (dict)."""
    register(spec)
    action = window.actions.get(spec.name) or add_action(window, spec)
    window.actions[spec.name] = action  # retranslated with the others
    target = window.menus.get(menu)
    if target is not None:
        anchor = window.actions.get(before)
        if anchor is not None and anchor in target.actions():
            target.insertAction(anchor, action)
        else:
            target.addAction(action)
    action.triggered.connect(lambda _checked=False: handler())
    return action


def show_single(window, name: str, make):
    """The one window ``name`` of ``window`` (``make()`` builds it the first time),
    shown and raised; closing it deletes it, and the next call builds a new one."""
    attr = f"single_{name}"
    widget = getattr(window, attr, None)
    if widget is None:
        widget = make()
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        widget.destroyed.connect(lambda _o=None: setattr(window, attr, None))
        setattr(window, attr, widget)
    widget.show()
    widget.raise_()
    widget.activateWindow()
    return widget
