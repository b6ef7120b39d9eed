"""Interface language: English source, Russian and Ukrainian .qm shipped."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workstation import paths

LANGUAGES = {"en": "English", "ru": "Русский", "uk": "Українська"}


def pick_language(setting: str) -> str:
    if setting in LANGUAGES:
        return setting
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


_LOCALES = {"en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
            "ru": (QLocale.Language.Russian, QLocale.Country.Russia),
            "uk": (QLocale.Language.Ukrainian, QLocale.Country.Ukraine)}


def apply_locale(language: str) -> None:
    """Dates and numbers follow the interface language, unless the system
    locale already speaks it (then its country's formats are kept). The bare
    "C" locale of a headless box would print dates as "27 11 2026"."""
    system = QLocale.system()
    lang, country = _LOCALES.get(language, _LOCALES["en"])
    if system.language() == lang:
        QLocale.setDefault(system)
    else:
        QLocale.setDefault(QLocale(lang, country))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our .qm and Qt's own for ``language``; keep the returned list alive."""
    installed: list[QTranslator] = []
    apply_locale(language)
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(paths.resource("translations", f"workstation_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
