"""Icons shipped in resources/icons/ (SVG), with a style fallback."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from workstation import paths


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """``icon("phone")`` → resources/icons/phone.svg; a null icon if missing."""
    path = paths.resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
