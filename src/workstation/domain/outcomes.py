"""Call outcome from SIP signalling (issue: team lead statistics from facts)."""

from __future__ import annotations

from workstation.domain.enums import CallOutcome

NO_ANSWER_CODES = frozenset({408, 480, 487})
BUSY_CODES = frozenset({486, 600})


def outcome_from_sip(answered: bool, final_status: int | None) -> CallOutcome:
    """Success when answered; otherwise classify the final SIP status.

    ``final_status`` None or 0 means the call was cancelled before any final
    response (the caller hung up while it rang): counted as No answer.
    """
    if answered:
        return CallOutcome.SUCCESS
    if not final_status or final_status in NO_ANSWER_CODES:
        return CallOutcome.NO_ANSWER
    if final_status in BUSY_CODES:
        return CallOutcome.BUSY
    return CallOutcome.ERROR
