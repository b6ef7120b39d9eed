"""Translated display names of the domain's stored codes.

The domain stores stable ASCII codes (:mod:`workstation.domain.enums`); every
view shows them through these functions so the text follows the interface
language. The strings are written out literally so that lupdate collects them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

_CTX = "Labels"

_LEAD_TYPES = {
    "interested": QT_TRANSLATE_NOOP("Labels", "Interested"),
    "potential": QT_TRANSLATE_NOOP("Labels", "Potentially interested"),
    "hypothetical": QT_TRANSLATE_NOOP("Labels", "Hypothetically interested"),
    "client": QT_TRANSLATE_NOOP("Labels", "Already a client"),
    "hostile": QT_TRANSLATE_NOOP("Labels", "Hostile"),
    "not_interested": QT_TRANSLATE_NOOP("Labels", "Not interested"),
    "false_positioning": QT_TRANSLATE_NOOP("Labels", "False positioning"),
}

_OUTCOMES = {
    "success": QT_TRANSLATE_NOOP("Labels", "Success"),
    "no_answer": QT_TRANSLATE_NOOP("Labels", "No answer"),
    "busy": QT_TRANSLATE_NOOP("Labels", "Busy"),
    "error": QT_TRANSLATE_NOOP("Labels", "Error"),
}

_RESULTS = {
    "positive": QT_TRANSLATE_NOOP("Labels", "Positive"),
    "negative": QT_TRANSLATE_NOOP("Labels", "Negative"),
    "satisfactory": QT_TRANSLATE_NOOP("Labels", "Satisfactory"),
    "undefined": QT_TRANSLATE_NOOP("Labels", "Undefined"),
}

# stage codes of the default funnel (domain.funnel.DEFAULT_STAGES)
_STAGES = {
    "not_aware": QT_TRANSLATE_NOOP("Labels", "Not aware"),
    "aware": QT_TRANSLATE_NOOP("Labels", "Aware"),
    "interest": QT_TRANSLATE_NOOP("Labels", "Interest found"),
    "presale": QT_TRANSLATE_NOOP("Labels", "Presale done"),
    "offer": QT_TRANSLATE_NOOP("Labels", "Offer sent"),
    "stimulation": QT_TRANSLATE_NOOP("Labels", "Stimulation"),
    "negotiation": QT_TRANSLATE_NOOP("Labels", "Price negotiation"),
    "signed": QT_TRANSLATE_NOOP("Labels", "Deal signed"),
    "paid": QT_TRANSLATE_NOOP("Labels", "Money received"),
    "repeat": QT_TRANSLATE_NOOP("Labels", "Repeat request"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
    "refused": QT_TRANSLATE_NOOP("Labels", "Refused"),
}

_REFUSAL_REASONS = {
    "no_need": QT_TRANSLATE_NOOP("Labels", "No need"),
    "too_expensive": QT_TRANSLATE_NOOP("Labels", "Too expensive"),
    "has_supplier": QT_TRANSLATE_NOOP("Labels", "Already has a supplier"),
    "no_decision_maker": QT_TRANSLATE_NOOP("Labels", "Decision maker unreachable"),
    "call_later": QT_TRANSLATE_NOOP("Labels", "Asked to call later"),
    "wrong_segment": QT_TRANSLATE_NOOP("Labels", "Not in the segment"),
    "no_contact": QT_TRANSLATE_NOOP("Labels", "No contact after all attempts"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

_DIRECTIONS = {
    "in": QT_TRANSLATE_NOOP("Labels", "Incoming"),
    "out": QT_TRANSLATE_NOOP("Labels", "Outgoing"),
}

_HISTORY_KINDS = {
    "call": QT_TRANSLATE_NOOP("Labels", "Call"),
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
    "stage_change": QT_TRANSLATE_NOOP("Labels", "Stage changed"),
    "type_change": QT_TRANSLATE_NOOP("Labels", "Type changed"),
    "field_change": QT_TRANSLATE_NOOP("Labels", "Field changed"),
    "email_sent": QT_TRANSLATE_NOOP("Labels", "E-mail sent"),
    "task_done": QT_TRANSLATE_NOOP("Labels", "Task done"),
    "handover": QT_TRANSLATE_NOOP("Labels", "Handed over"),
    "import": QT_TRANSLATE_NOOP("Labels", "Imported"),
}

_ROLES = {
    "manager": QT_TRANSLATE_NOOP("Labels", "Sales manager"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    "teamlead": QT_TRANSLATE_NOOP("Labels", "Team lead"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
}

_CHANNELS = {
    "call": QT_TRANSLATE_NOOP("Labels", "Call"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
}

_FIELDS = {
    "company": QT_TRANSLATE_NOOP("Labels", "Company"),
    "category": QT_TRANSLATE_NOOP("Labels", "Category"),
    "address": QT_TRANSLATE_NOOP("Labels", "Address"),
    "source": QT_TRANSLATE_NOOP("Labels", "Source"),
    "topic": QT_TRANSLATE_NOOP("Labels", "Topic"),
    "product": QT_TRANSLATE_NOOP("Labels", "Product"),
    "project": QT_TRANSLATE_NOOP("Labels", "Project"),
    "site": QT_TRANSLATE_NOOP("Labels", "Site"),
    "lead_type": QT_TRANSLATE_NOOP("Labels", "Lead type"),
    "stage": QT_TRANSLATE_NOOP("Labels", "Stage"),
    "stage_id": QT_TRANSLATE_NOOP("Labels", "Stage"),
    "owner_id": QT_TRANSLATE_NOOP("Labels", "Owner"),
    "next_contact_at": QT_TRANSLATE_NOOP("Labels", "Next contact"),
    "remind": QT_TRANSLATE_NOOP("Labels", "Remind"),
    "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
    "contacts": QT_TRANSLATE_NOOP("Labels", "Contacts"),
    "phones": QT_TRANSLATE_NOOP("Labels", "Phones"),
    "emails": QT_TRANSLATE_NOOP("Labels", "E-mails"),
}

_SECURITY = {
    "tls": QT_TRANSLATE_NOOP("Labels", "TLS"),
    "no_tls": QT_TRANSLATE_NOOP("Labels", "no TLS"),
    "srtp": QT_TRANSLATE_NOOP("Labels", "SRTP"),
    "rtp": QT_TRANSLATE_NOOP("Labels", "RTP, not encrypted"),
}
"""What protected a call (signalling, media): :func:`call_security_label`."""



def _tr(table: dict[str, str], code: str | None, fallback: str = "") -> str:
    if not code:
        return fallback
    source = table.get(code)
    if source is None or (fallback and fallback != source):  # renamed by the admin
        return fallback or code
    return QCoreApplication.translate(_CTX, source)


def lead_type_label(code: str | None) -> str:
    """``interested`` → "Interested" in the interface language; "" for no type."""
    return _tr(_LEAD_TYPES, code)


def lead_type_codes() -> list[str]:
    """The seven lead types in the order the seeds list them."""
    return list(_LEAD_TYPES)


def outcome_label(code: str | None) -> str:
    return _tr(_OUTCOMES, code)


def result_label(code: str | None) -> str:
    return _tr(_RESULTS, code)


def stage_label(code: str | None, fallback_name: str = "") -> str:
    """A default-funnel stage by code; a custom funnel's stage shows its own name."""
    return _tr(_STAGES, code, fallback_name)


def refusal_reason_label(code: str | None, fallback_name: str = "") -> str:
    return _tr(_REFUSAL_REASONS, code, fallback_name)


def direction_label(code: str | None) -> str:
    return _tr(_DIRECTIONS, code)


def history_kind_label(code: str | None) -> str:
    return _tr(_HISTORY_KINDS, code)


def role_label(code: str | None) -> str:
    return _tr(_ROLES, code)


def channel_label(code: str | None) -> str:
    return _tr(_CHANNELS, code)


def field_label(name: str | None) -> str:
    """A lead field's name as history shows it (``next_contact_at`` → "Next contact")."""
    return _tr(_FIELDS, name)


def call_security_label(signalling_tls: bool | None, media_security: str | None) -> str:
    """What protected a call, short: "TLS · SRTP", "no TLS · RTP"; "" when nothing is known."""
    parts = []
    if signalling_tls is not None:
        parts.append(_tr(_SECURITY, "tls" if signalling_tls else "no_tls"))
    if media_security:
        parts.append(_tr(_SECURITY, "srtp" if media_security == "srtp" else "rtp"))
    return " · ".join(parts)


def call_secure(signalling_tls: bool | None, media_security: str | None) -> bool:
    """Both the signalling (with the SDES keys in it) and the audio were encrypted."""
    return bool(signalling_tls) and media_security == "srtp"


def call_security_mark(signalling_tls: bool | None, media_security: str | None) -> str:
    """"✓" when the call was encrypted end to end of our hop (TLS and SRTP), "⚠" when
    something was not, "" when nothing is known (glyphs every font here has)."""
    if signalling_tls is None and not media_security:
        return ""
    return "✓" if call_secure(signalling_tls, media_security) else "⚠"


def call_security_short(signalling_tls: bool | None, media_security: str | None) -> str:
    """Protocol names only, for narrow cells: "TLS+SRTP", "SRTP", "TLS, RTP", "RTP"."""
    media = {"srtp": "SRTP", "rtp": "RTP"}.get(media_security or "", "")
    if signalling_tls and media:
        return f"TLS+{media}" if media == "SRTP" else f"TLS, {media}"
    return media or ("TLS" if signalling_tls else "")


def call_quality_label(codec: str | None, jitter_ms: float | None,
                       loss_pct: float | None) -> str:
    """Codec, receive jitter and loss of a call: "PCMA · 4 ms · 0.0 %"; "" when unknown."""
    parts = [codec] if codec else []
    if jitter_ms is not None:
        parts.append(QCoreApplication.translate("Labels", "jitter %1 ms")
                     .replace("%1", f"{jitter_ms:.0f}"))
    if loss_pct is not None:
        parts.append(QCoreApplication.translate("Labels", "loss %1 %")
                     .replace("%1", f"{loss_pct:.1f}"))
    return " · ".join(parts)
