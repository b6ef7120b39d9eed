"""The generated form modules match their Designer files (tools/build_forms.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_generated_forms_are_up_to_date():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "build_forms.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_generated_forms_say_do_not_edit():
    forms = sorted((ROOT / "src" / "workstation" / "views" / "forms").glob("ui_*.py"))
    assert forms
    for f in forms:
        assert "Do not edit" in f.read_text(encoding="utf-8").splitlines()[0], f.name
