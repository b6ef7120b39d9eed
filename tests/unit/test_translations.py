"""Every user-facing string has a Russian and a Ukrainian translation."""

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tools():
    spec = importlib.util.spec_from_file_location("translations_tool",
                                                  ROOT / "tools" / "translations.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_every_string_is_translated(lang, tmp_path):
    tool = _tools()
    ts = tmp_path / f"workstation_{lang}.ts"
    shutil.copy(ROOT / "resources" / "translations" / f"workstation_{lang}.ts", ts)
    tool.lupdate(ts)
    _filled, missing = tool.fill(ts, lang)
    assert missing == [], f"{len(missing)} untranslated ({lang}); first: {missing[:5]}"


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_shipped_qm_loads_and_translates(lang, qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from workstation import paths

    tr = QTranslator()
    assert tr.load(str(paths.resource("translations", f"workstation_{lang}.qm")))
    QCoreApplication.installTranslator(tr)
    try:
        assert QCoreApplication.translate("MainWindow", "Workstation") != "Workstation"
    finally:
        QCoreApplication.removeTranslator(tr)
