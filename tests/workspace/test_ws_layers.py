"""The workspace's domain and store modules never pull in Qt widgets."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["workstation.domain.scripts", "workstation.domain.attempts",
                                    "workstation.domain.kpi", "workstation.store.pop",
                                    "workstation.services.calls",
                                    "workstation.store.scripts_seed",
                                    "workstation.cli.leads_cmd"])
def test_no_qt_widgets(module):
    code = (f"import sys, importlib; importlib.import_module({module!r}); "
            "sys.exit(1 if any(m.startswith('PySide6.QtWidgets') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
