"""Crash reports: a Python exception and a native fault leave a 0600 report in the log
folder, a clean exit leaves none; the next start offers them (pytest-qt)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), XDG_STATE_HOME=str(home / "state"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    script = "from workstation import crashreport\ncrashreport.install()\n" + textwrap.dedent(code)
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=60)


def _log_dir():
    from workstation import paths

    return paths.user_log_dir()


def _private(p: Path) -> bool:
    return stat.S_IMODE(p.stat().st_mode) == 0o600


def test_python_exception_leaves_a_private_report_without_the_password(isolated_home):
    proc = _run("""
        def save_lead():
            raise RuntimeError("lost the shared db: password=hunter2-secret")
        save_lead()
    """, isolated_home)
    assert proc.returncode == 1
    assert "RuntimeError" in proc.stderr  # the usual traceback still goes to stderr
    from workstation import crashreport

    reports = crashreport.pending(_log_dir())
    assert [p.name.split("-")[0] for p in reports] == ["crash"]
    text = reports[0].read_text()
    assert "uncaught exception" in text and "in save_lead" in text
    assert "RuntimeError: lost the shared db: password=***" in text
    assert "hunter2-secret" not in text
    assert _private(reports[0])
    assert not list(_log_dir().glob("fault-*"))  # no native fault: its file went at exit


def test_exception_in_a_thread_is_reported(isolated_home):
    proc = _run("""
        import threading
        t = threading.Thread(target=lambda: 1 / 0, name="sync-worker")
        t.start(); t.join()
    """, isolated_home)
    assert proc.returncode == 0
    from workstation import crashreport

    (report,) = crashreport.pending(_log_dir())
    assert "uncaught exception in thread sync-worker" in report.read_text()
    assert "ZeroDivisionError" in report.read_text()


def test_native_fault_leaves_a_report(isolated_home):
    proc = _run("""
        import ctypes
        ctypes.string_at(0)
    """, isolated_home)
    assert proc.returncode < 0 or proc.returncode > 128  # killed by SIGSEGV
    from workstation import crashreport

    (report,) = crashreport.pending(_log_dir())
    assert report.name.startswith("fault-")
    text = report.read_text()
    assert "Fatal Python error: Segmentation fault" in text
    assert "workstation 0.1.0" in text.splitlines()[0]
    assert _private(report)


def test_clean_exit_leaves_nothing(isolated_home):
    proc = _run("print('fine')", isolated_home)
    assert proc.returncode == 0
    from workstation import crashreport

    assert crashreport.pending(_log_dir()) == []
    assert list(_log_dir().iterdir()) == []


def test_next_start_offers_the_report_once(qtbot, isolated_home):
    _run("raise ValueError('bad row in import')", isolated_home)
    from workstation.views.crashdialog import offer_crash_reports

    dialog = offer_crash_reports(None, _log_dir())
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and not dialog.text.isVisible()
    assert str(_log_dir()) in dialog.label.text()
    qtbot.mouseClick(dialog.show_button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt
                     .MouseButton.LeftButton)
    assert dialog.text.isVisible()
    assert "ValueError: bad row in import" in dialog.text.toPlainText()
    dialog.close()
    # offered once: the next start says nothing, the report stays for support
    assert offer_crash_reports(None, _log_dir()) is None
    assert [p.suffix for p in _log_dir().glob("crash-*")] == [".seen"]


def test_dialog_speaks_the_users_language(qtbot, isolated_home, qapp):
    _run("raise ValueError('x')", isolated_home)
    from workstation.i18n import install_translators
    from workstation.views.crashdialog import offer_crash_reports

    translators = install_translators(qapp, "uk")
    try:
        dialog = offer_crash_reports(None, _log_dir())
        qtbot.addWidget(dialog)
        assert dialog.show_button.text() == "Показати звіт"
        assert dialog.windowTitle() != "Workstation stopped unexpectedly"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        install_translators(qapp, "en")
    dialog.close()
