"""Translated names of the review's stored codes (statuses, comment kinds,
missing-recording reasons, consent), and small formatting helpers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

_CTX = "Review"

STATUSES = {
    "in_review": QT_TRANSLATE_NOOP("Review", "To review"),
    "scored": QT_TRANSLATE_NOOP("Review", "Scored"),
    "acknowledged": QT_TRANSLATE_NOOP("Review", "Acknowledged"),
    "disputed": QT_TRANSLATE_NOOP("Review", "Disputed"),
    "resolved": QT_TRANSLATE_NOOP("Review", "Resolved"),
}
KINDS = {
    "comment": QT_TRANSLATE_NOOP("Review", "Comment"),
    "ack": QT_TRANSLATE_NOOP("Review", "Acknowledged"),
    "dispute": QT_TRANSLATE_NOOP("Review", "Dispute"),
    "reply": QT_TRANSLATE_NOOP("Review", "Reply"),
}
REASONS = {
    "no_file": QT_TRANSLATE_NOOP("Review", "No file"),
    "zero_length": QT_TRANSLATE_NOOP("Review", "Empty file"),
    "short": QT_TRANSLATE_NOOP("Review", "Shorter than the talk"),
    "checksum": QT_TRANSLATE_NOOP("Review", "Checksum mismatch"),
    "upload_stuck": QT_TRANSLATE_NOOP("Review", "Upload stuck"),
    "no_call": QT_TRANSLATE_NOOP("Review", "File with no call"),
}
CONSENT = {
    "given": QT_TRANSLATE_NOOP("Review", "Consent given"),
    "refused": QT_TRANSLATE_NOOP("Review", "Client refused recording"),
    "not_asked": QT_TRANSLATE_NOOP("Review", "Recorded without asking"),
    "": QT_TRANSLATE_NOOP("Review", "Consent not known"),
}


def _tr(table: dict, code: str) -> str:
    text = table.get(code)
    return QCoreApplication.translate(_CTX, text) if text else code


def status(code: str) -> str:
    return _tr(STATUSES, code)


def kind(code: str) -> str:
    return _tr(KINDS, code)


def reason(code: str) -> str:
    return _tr(REASONS, code)


def consent(code: str) -> str:
    return _tr(CONSENT, code or "")


def clock(ms: int | None) -> str:
    """A moment of the recording as m:ss (h:mm:ss past an hour)."""
    if ms is None:
        return ""
    s = int(ms) // 1000
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def score_text(score: float | None, failed_critical: bool) -> str:
    if score is None:
        return "—"
    text = f"{score:.0f}"
    if failed_critical:
        text += " ⚠"
    return text
