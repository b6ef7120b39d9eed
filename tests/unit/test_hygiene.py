"""Test-suite hygiene that has bitten us before."""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_imports_from_conftest():
    """Several conftest.py exist; ``from conftest import`` picks whichever loaded first."""
    offenders = [str(p.relative_to(TESTS)) for p in TESTS.rglob("*.py")
                 if "from conftest import" in p.read_text(encoding="utf-8")]
    assert offenders == [], f"import from realparts instead: {offenders}"
