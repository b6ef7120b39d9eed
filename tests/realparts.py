"""Real parts a test needs: skip locally when missing, FAIL when CI is set.

Import as ``from realparts import require, require_tool`` (tests/ is on
pytest's pythonpath; never import from ``conftest``: there are several).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def require(condition: bool, reason: str) -> None:
    """Skip (or fail under CI) a test whose real part is missing."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI: required part missing: {reason}", pytrace=False)
    pytest.skip(reason)


def require_tool(*names: str) -> None:
    for name in names:
        require(shutil.which(name) is not None or Path(name).exists(), f"{name} is not installed")
