"""Start minimised to the tray (setting ``ui.start_minimized``).

With a system tray the window hides behind a tray icon (click it, or its
*Show* menu entry, to bring the window back; *Quit* ends the app); without one
(some desktops, offscreen) the window is minimised instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from workstation.views.icons import icon


def start_minimized(window) -> QSystemTrayIcon | None:
    """Hide ``window`` to a tray icon (returned) or minimise it (None)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        window.showMinimized()
        return None
    tray = QSystemTrayIcon(icon("app"), window)
    tray.setObjectName("appTray")
    tray.setToolTip(window.windowTitle())
    menu = QMenu(window)
    menu.addAction(QApplication.translate("Tray", "Show Workstation"), lambda: _show(window))
    menu.addAction(QApplication.translate("Tray", "Quit"), QApplication.quit)
    tray.setContextMenu(menu)
    tray.activated.connect(lambda reason: reason == QSystemTrayIcon.ActivationReason.Trigger
                           and _show(window))
    tray.show()
    window.hide()
    return tray


def _show(window) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
