"""Where a test's screenshot goes: docs/screenshots only when asked (WS_SCREENSHOTS=1),
so a test run leaves the checkout clean; else the system's temp folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def screenshot_path(name: str) -> Path:
    folder = DOCS if os.environ.get("WS_SCREENSHOTS") else Path(tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
