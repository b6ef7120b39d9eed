"""The desktop application: one object owns the life of everything.

Order (STYLE habit 1): settings → store upgraded → telephony started → Qt loop
→ telephony stopped → store closed.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication

from workstation import APP_NAME, __version__
from workstation.config import Config
from workstation.i18n import install_translators, pick_language

log = logging.getLogger(__name__)


def make_qapp(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app


def main(argv: list[str]) -> int:
    from workstation.store.db import open_store
    from workstation.views.mainwindow import MainWindow

    config = Config()
    app = make_qapp(argv)
    translators = install_translators(app, pick_language(config.get("ui.language")))  # noqa: F841
    store = open_store(config)
    window = MainWindow(config, store)
    window.show()
    log.info("workstation %s started", __version__)
    try:
        return app.exec()
    finally:
        window.shutdown()
        store.dispose()
