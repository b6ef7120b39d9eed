"""A wrap-up with an edited card is ONE transaction (services.calls.save_wrapup):
killed or failing mid-way, neither the card's edits nor the wrap-up is stored;
finished, both are."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select
from ws_builders import add_lead, add_user

from workstation.services import calls
from workstation.services.context import Context, SignedInUser
from workstation.store import leads as L
from workstation.store import wrapup
from workstation.store.models import Call, HistoryEvent, Lead, OutboxEntry, Task


def snapshot(store, lead_id):
    with store.session() as s:
        lead = s.get(Lead, lead_id)
        return {"company": lead.company, "address": lead.address, "lead_type": lead.lead_type,
                **{m.__tablename__: s.scalar(select(func.count()).select_from(m))
                   for m in (Call, HistoryEvent, Task, OutboxEntry)}}


@pytest.fixture
def lead_and_user(store):
    with store.session() as s, s.begin():
        user = add_user(s)
        lead = add_lead(s, owner_id=user)
    return lead, user


def edited_card(store, lead_id) -> L.LeadData:
    with store.session() as s:
        card = L.load(s, lead_id)
    card.company, card.address = "Acme Renamed", "Kyiv, Khreshchatyk 1"
    return card


WRAPUP = dict(outcome="success", talk_seconds=80, result="positive", lead_type="interested",
              new_deal=True, notes="card and wrap-up")


@pytest.mark.parametrize("where", ["call", "event", "lead"])
def test_an_error_mid_way_stores_neither_the_card_nor_the_wrapup(store, config, lead_and_user,
                                                                 monkeypatch, where):
    lead, user = lead_and_user
    ctx = Context(store, SignedInUser(id=user, login="anna"), settings=config)
    before = snapshot(store, lead)

    def boom(step):
        if step == where:
            raise RuntimeError("power cut")

    monkeypatch.setattr(wrapup, "_between_steps", boom)
    with pytest.raises(RuntimeError):
        calls.save_wrapup(ctx, calls.WrapUp(lead_id=lead, user_id=None, **WRAPUP),
                          card=edited_card(store, lead))
    assert snapshot(store, lead) == before


def test_the_card_and_the_wrapup_are_stored_together(store, config, lead_and_user):
    lead, user = lead_and_user
    ctx = Context(store, SignedInUser(id=user, login="anna"), settings=config)
    before = snapshot(store, lead)
    lead_id, saved = calls.save_wrapup(ctx, calls.WrapUp(lead_id=lead, user_id=None, **WRAPUP),
                                       card=edited_card(store, lead))
    after = snapshot(store, lead)
    assert lead_id == lead
    assert (after["company"], after["address"]) == ("Acme Renamed", "Kyiv, Khreshchatyk 1")
    assert after["lead_type"] == "interested" and after["calls"] == before["calls"] + 1
    with store.session() as s:
        assert s.get(Call, saved.call_id).user_id == user  # the context's user
        fields = set(s.scalars(select(HistoryEvent.field).where(HistoryEvent.lead_id == lead)))
    assert {"company", "address", "lead_type"} <= fields


KILL_CHILD = textwrap.dedent("""
    import os, signal, sys, uuid
    from workstation.config import Config
    from workstation.services import calls
    from workstation.services.context import Context, SignedInUser
    from workstation.store import leads as L
    from workstation.store import wrapup
    from workstation.store.db import Store

    store = Store(path=sys.argv[1])
    lead_id, user_id, where = uuid.UUID(sys.argv[2]), uuid.UUID(sys.argv[3]), sys.argv[4]
    ctx = Context(store, SignedInUser(id=user_id, login="anna"), settings=Config())
    with store.session() as s:
        card = L.load(s, lead_id)
    card.company, card.address = "Acme Renamed", "Kyiv, Khreshchatyk 1"

    def kill(step):
        if step == where:
            os.kill(os.getpid(), signal.SIGKILL)

    wrapup._between_steps = kill
    calls.save_wrapup(ctx, calls.WrapUp(lead_id=lead_id, user_id=None, outcome="success",
                                        talk_seconds=80, result="positive",
                                        lead_type="interested", new_deal=True,
                                        notes="card and wrap-up"), card=card)
    print("saved")
""")


@pytest.mark.slow
@pytest.mark.parametrize("where", ["call", "lead", "never"])
def test_killed_mid_way_neither_the_card_edit_nor_the_wrapup_is_stored(store, lead_and_user,
                                                                        where):
    lead, user = lead_and_user
    before = snapshot(store, lead)
    db_path = store.engine.url.database
    store.dispose()
    proc = subprocess.run([sys.executable, "-c", KILL_CHILD, db_path, str(lead), str(user), where],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    after = snapshot(store, lead)
    if where == "never":
        assert proc.returncode == 0 and "saved" in proc.stdout, proc.stderr
        assert after["company"] == "Acme Renamed" and after["calls"] == before["calls"] + 1
    else:
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        assert after == before  # the card edit is not there either


def test_client_refused_recording_is_marked_with_the_wrapup(store, config, lead_and_user, qtbot):
    """The wrap-up form's "Client refused recording" marks the call in the same
    transaction (calls.recording_consent = refused, for review and retention)."""
    from workstation.views.workspace.wrapup import WrapUpForm

    lead, user = lead_and_user
    ctx = Context(store, SignedInUser(id=user, login="anna"), settings=config)
    form = WrapUpForm()
    qtbot.addWidget(form)
    form.reset("success")
    assert form.values()["consent_refused"] is False
    form.consentRefusedCheck.setChecked(True)
    values = {k: v for k, v in form.values().items() if k == "consent_refused"}
    _lead, saved = calls.save_wrapup(ctx, calls.WrapUp(lead_id=lead, user_id=user,
                                                       **WRAPUP, **values))
    with store.session() as s:
        assert s.get(Call, saved.call_id).recording_consent == "refused"
    form.reset("success")
    assert not form.consentRefusedCheck.isChecked()  # the next call starts unmarked
    _lead, other = calls.save_wrapup(ctx, calls.WrapUp(lead_id=lead, user_id=user, **WRAPUP))
    with store.session() as s:
        assert s.get(Call, other.call_id).recording_consent == ""
