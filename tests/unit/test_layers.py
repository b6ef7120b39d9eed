"""Layering you can check: domain, store, sync and telephony never pull in QtWidgets."""

import subprocess
import sys

import pytest

LAYERS = ["workstation.domain.phones", "workstation.domain.outcomes", "workstation.domain.enums",
          "workstation.store.models", "workstation.store.db", "workstation.config",
          "workstation.secrets"]


@pytest.mark.parametrize("module", LAYERS)
def test_layer_imports_without_qtwidgets(module):
    code = (f"import sys, importlib; importlib.import_module({module!r}); "
            "bad = [m for m in sys.modules if m.startswith('PySide6.QtWidgets')]; "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
