"""Default funnel (seed scim-sales-funnel: 12 stages) and refusal reasons.

Funnels are configurable per product/topic in the database; these are the
rows a new database is seeded with. Names here are English source strings;
the views translate them.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_FUNNEL_CODE = "default"


@dataclass(frozen=True)
class StageDef:
    position: int
    code: str
    name: str
    is_won: bool = False
    is_lost: bool = False
    is_paused: bool = False


DEFAULT_STAGES: tuple[StageDef, ...] = (
    StageDef(1, "not_aware", "Not aware"),
    StageDef(2, "aware", "Aware"),
    StageDef(3, "interest", "Interest found"),
    StageDef(4, "presale", "Presale done"),
    StageDef(5, "offer", "Offer sent"),
    StageDef(6, "stimulation", "Stimulation"),
    StageDef(7, "negotiation", "Price negotiation"),
    StageDef(8, "signed", "Deal signed", is_won=True),
    StageDef(9, "paid", "Money received", is_won=True),
    StageDef(10, "repeat", "Repeat request", is_won=True),
    StageDef(11, "paused", "Paused", is_paused=True),
    StageDef(12, "refused", "Refused", is_lost=True),
)

REFUSED_STAGE = "refused"
FIRST_STAGE = "not_aware"

DEFAULT_REFUSAL_REASONS: tuple[tuple[str, str], ...] = (
    ("no_need", "No need"),
    ("too_expensive", "Too expensive"),
    ("has_supplier", "Already has a supplier"),
    ("no_decision_maker", "Decision maker unreachable"),
    ("call_later", "Asked to call later"),
    ("wrong_segment", "Not in the segment"),
    ("no_contact", "No contact after all attempts"),
    ("other", "Other"),
)
