"""The vocabulary of the business (see shared DOMAIN.md). Stored values are the
enum values (stable ASCII codes); display names are translated in the views."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    MANAGER = "manager"
    SUPERVISOR = "supervisor"
    TEAMLEAD = "teamlead"
    ADMIN = "admin"


class LeadType(StrEnum):
    """The seven lead types after a call (seed outsourced-sales-department)."""

    INTERESTED = "interested"
    POTENTIAL = "potential"
    HYPOTHETICAL = "hypothetical"
    CLIENT = "client"
    HOSTILE = "hostile"
    NOT_INTERESTED = "not_interested"
    FALSE_POSITIONING = "false_positioning"

    @property
    def is_positive(self) -> bool:
        return self in (LeadType.INTERESTED, LeadType.POTENTIAL, LeadType.HYPOTHETICAL,
                        LeadType.CLIENT)

    @property
    def never_recall(self) -> bool:
        """Cold negatives stay in the base so nobody calls them again."""
        return self in (LeadType.NOT_INTERESTED, LeadType.HOSTILE)


class CallDirection(StrEnum):
    INBOUND = "in"
    OUTBOUND = "out"


class CallOutcome(StrEnum):
    """Outcome from signalling, as the team lead's statistics count it."""

    SUCCESS = "success"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    ERROR = "error"


class CallResult(StrEnum):
    """What the manager records in the wrap-up (seed olymp-presales-leads)."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    SATISFACTORY = "satisfactory"
    UNDEFINED = "undefined"

    @property
    def needs_reason(self) -> bool:
        return self is not CallResult.POSITIVE


class HistoryKind(StrEnum):
    CALL = "call"
    NOTE = "note"
    STAGE_CHANGE = "stage_change"
    TYPE_CHANGE = "type_change"
    FIELD_CHANGE = "field_change"
    EMAIL_SENT = "email_sent"
    TASK_DONE = "task_done"
    HANDOVER = "handover"
    IMPORT = "import"


class Channel(StrEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"
