"""Switch the interface language while the app runs.

``workstation.i18n.install_translators`` parents its translators to the
application; switching removes those and installs the new language's. Qt then
sends every widget a LanguageChange event: long-lived widgets (main window,
lead list) re-read their texts, dialogs opened later are built in the new
language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from workstation.i18n import install_translators, pick_language


def switch_language(setting: str, app: QCoreApplication | None = None) -> str:
    """Install the translators for ``setting`` ("" = system); returns the language used."""
    app = app or QCoreApplication.instance()
    language = pick_language(setting)
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    install_translators(app, language)
    return language
