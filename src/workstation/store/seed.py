"""Rows every new database needs: the default funnel, refusal reasons, the plan."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workstation.domain.funnel import (
    DEFAULT_FUNNEL_CODE,
    DEFAULT_REFUSAL_REASONS,
    DEFAULT_STAGES,
)
from workstation.store.models import Funnel, FunnelStage, KpiPlan, RefusalReason


def ensure_defaults(s: Session) -> None:
    if s.scalar(select(Funnel.id).where(Funnel.code == DEFAULT_FUNNEL_CODE)) is None:
        funnel = Funnel(code=DEFAULT_FUNNEL_CODE, name="Sales funnel")
        s.add(funnel)
        s.flush()
        for st in DEFAULT_STAGES:
            s.add(FunnelStage(funnel_id=funnel.id, position=st.position, code=st.code,
                              name=st.name, is_won=st.is_won, is_lost=st.is_lost,
                              is_paused=st.is_paused))
    if s.scalar(select(RefusalReason.id).limit(1)) is None:
        for pos, (code, name) in enumerate(DEFAULT_REFUSAL_REASONS):
            s.add(RefusalReason(code=code, name=name, position=pos))
    if s.scalar(select(KpiPlan.id).limit(1)) is None:
        for metric, period, target in (("effective_calls", "day", 30),
                                       ("presentations", "week", 10),
                                       ("invoices", "week", 10),
                                       ("warm_clients", "month", 20),
                                       ("sales", "month", 2)):
            s.add(KpiPlan(metric=metric, period=period, target=target))
