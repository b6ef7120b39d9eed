"""The presence states and break reasons as the board and the status bar show them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from workstation.domain import presence as P

_CTX = "Presence"

_STATES = {
    P.OFFLINE: QT_TRANSLATE_NOOP("Presence", "Offline"),
    P.AVAILABLE: QT_TRANSLATE_NOOP("Presence", "Available"),
    P.RINGING: QT_TRANSLATE_NOOP("Presence", "Ringing"),
    P.ON_CALL: QT_TRANSLATE_NOOP("Presence", "On a call"),
    P.WRAPUP: QT_TRANSLATE_NOOP("Presence", "Wrap-up"),
    P.BREAK: QT_TRANSLATE_NOOP("Presence", "On a break"),
}

_REASONS = {
    "lunch": QT_TRANSLATE_NOOP("Presence", "Lunch"),
    "coffee": QT_TRANSLATE_NOOP("Presence", "Coffee break"),
    "meeting": QT_TRANSLATE_NOOP("Presence", "Meeting"),
    "training": QT_TRANSLATE_NOOP("Presence", "Training"),
    "technical": QT_TRANSLATE_NOOP("Presence", "Technical problem"),
    "other": QT_TRANSLATE_NOOP("Presence", "Other"),
}

COLOURS = {
    P.OFFLINE: "#9e9e9e",
    P.AVAILABLE: "#2e7d32",
    P.RINGING: "#f9a825",
    P.ON_CALL: "#1565c0",
    P.WRAPUP: "#6a1b9a",
    P.BREAK: "#c62828",
}
"""Text colour per state (the VICIdial board's colours, readable on white)."""


def state_label(state: str) -> str:
    return QCoreApplication.translate(_CTX, _STATES.get(state, state))


def reason_label(reason: str) -> str:
    return QCoreApplication.translate(_CTX, _REASONS[reason]) if reason in _REASONS else reason


def hms(seconds: float | None) -> str:
    """h:mm:ss (the board's clock)."""
    if seconds is None:
        return ""
    s = max(0, int(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
