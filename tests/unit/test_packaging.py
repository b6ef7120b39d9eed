"""The wheel carries ui/, resources/, db/ and sip/, not only a source checkout."""

import subprocess
import sys
import zipfile

import pytest


@pytest.mark.slow
def test_wheel_contains_data_folders(tmp_path):
    root = __import__("pathlib").Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                           str(tmp_path), str(root)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(tmp_path.glob("workstation-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "workstation/_data/db/env.py" in names
    assert any(n.startswith("workstation/_data/db/versions/0001") for n in names)
    assert any(n.startswith("workstation/_data/resources/") for n in names)
    assert any(n.startswith("workstation/_data/sip/") for n in names)
    assert any(n.startswith("workstation/_data/ui/") for n in names)
    assert "workstation/cli/__init__.py" in names
