"""The invoice's sum: entered in the wrap-up form (with the Invoice tool), saved
with the call by the real service, summed by the statistics."""

from __future__ import annotations

import uuid
from datetime import date

from stats.statsdata import Ids, at, build, context


def test_wrapup_invoice_sum_reaches_the_statistics(qtbot, store, config):
    from workstation.services import calls, stats
    from workstation.views.workspace.wrapup import WrapUpForm

    ids = Ids()
    with store.session() as s:
        build(s, ids)
    form = WrapUpForm()
    qtbot.addWidget(form)
    form.reset("success")
    assert not form.invoiceSum.isEnabled()
    assert form.values()["invoice_amount"] is None
    form.toolChecks["invoice"].setChecked(True)
    assert form.invoiceSum.isEnabled()
    form.invoiceSum.setValue(12345.67)
    form.resultCombo.setCurrentIndex(form.resultCombo.findData("positive"))
    v = form.values()
    assert v["invoice_amount"] == 12345.67 and v["tools"] == ["invoice"]
    boris = context(store, config, ids, "boris", "manager", ids.north)
    call_id = uuid.uuid4()
    calls.log_call(boris, call_id, dict(user_id=ids.boris, direction="out",
                                         started_at=at("2026-03-29T16:00:00"),
                                         answered_at=at("2026-03-29T16:00:03"),
                                         ended_at=at("2026-03-29T16:02:03"), outcome="success",
                                         ring_seconds=3.0, talk_seconds=120.0))
    calls.save_wrapup(boris, calls.WrapUp(lead_id=ids.lead1, user_id=ids.boris, call_id=call_id,
                                          **v))
    rep = stats.report(boris, stats.period_of(boris, "day", date(2026, 3, 29)))
    (row,) = rep.rows
    assert row.value("invoices") == 1 and row.value("invoice_sum") == 12345.67
    form.reset("success")
    assert form.invoiceSum.value() == 0 and not form.invoiceSum.isEnabled()
