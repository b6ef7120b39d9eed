"""Test-suite hygiene that has bitten us before."""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_imports_from_conftest():
    """Several conftest.py exist; ``from conftest import`` picks whichever loaded first."""
    offenders = [str(p.relative_to(TESTS)) for p in TESTS.rglob("*.py") if p != Path(__file__)
                 if "from conftest import" in p.read_text(encoding="utf-8")]
    assert offenders == [], f"import from realparts instead: {offenders}"


def test_qt_signal_emit_does_not_leak_references():
    """PySide6 6.12.0 leaked a reference to True on every emit: an all-day app aborted."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        sig = Signal(int)

    e = Emitter()
    e.sig.connect(lambda _x: None)
    before = sys.getrefcount(True)
    for i in range(2000):
        e.sig.emit(i)
    assert sys.getrefcount(True) >= before - 10
