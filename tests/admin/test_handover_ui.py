"""Hand-over from the card and reassigning a selection in the Leads tab, driven
through the real widgets (pytest-qt, offscreen) on a real local store."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import select

from workstation.services import leads as L
from workstation.services.context import Context, SignedInUser
from workstation.store.models import HistoryEvent, Lead, Team, User


@pytest.fixture
def world(store, config):
    ids = {}
    with store.session() as s, s.begin():
        north, south = Team(name="North"), Team(name="South")
        s.add_all([north, south])
        s.flush()
        for login, role, team in (("anna", "manager", north), ("bob", "manager", north),
                                  ("carl", "manager", north), ("tl", "teamlead", north),
                                  ("sven", "manager", south)):
            u = User(id=uuid.uuid4(), login=login, full_name=login.title(), role=role,
                     team_id=team.id)
            s.add(u)
            ids[login] = u
        s.flush()
        leads = [Lead(company=f"Co {i}", owner_id=ids["anna"].id, team_id=north.id)
                 for i in range(6)]
        s.add_all(leads)
        s.flush()
        ids["leads"] = [x.id for x in leads]
        ids["north"], ids["south"] = north.id, south.id

    def ctx(login):
        u = ids[login]
        return Context(store, SignedInUser(id=u.id, login=login, name=u.full_name, role=u.role,
                                           team_id=u.team_id), settings=config)

    return ids, ctx


def test_hand_over_from_the_card_with_reason_and_note_in_history(qtbot, world, store):
    from workstation.views.leadcard.widget import LeadCardDialog

    ids, ctx = world
    anna = ctx("anna")
    dlg = LeadCardDialog(anna)
    qtbot.addWidget(dlg)
    lead_id = ids["leads"][0]
    dlg.open_lead(lead_id)
    qtbot.waitUntil(dlg.handOverButton.isEnabled, timeout=5000)
    ho = dlg.hand_over()
    qtbot.waitUntil(lambda: ho.toCombo.count() >= 5, timeout=5000)
    texts = [ho.toCombo.itemText(i) for i in range(ho.toCombo.count())]
    assert "Manager: Anna" not in texts and "Shared pool of team South" in texts
    ho.buttons.button(ho.buttons.StandardButton.Ok).click()
    assert "Write a note" in ho.errorLabel.text()  # a note is required
    ho.toCombo.setCurrentIndex(texts.index("Shared pool of team South"))
    ho.reasonCombo.setCurrentIndex(ho.reasonCombo.findData("region"))
    ho.noteEdit.setPlainText("Client is in Lviv")
    with qtbot.waitSignal(ho.sig_done, timeout=5000):
        ho.buttons.button(ho.buttons.StandardButton.Ok).click()
    with store.session() as s:
        lead = s.get(Lead, lead_id)
        assert (lead.owner_id, lead.team_id, lead.shared_pool) == (None, ids["south"], True)
        ev = s.scalar(select(HistoryEvent).where(HistoryEvent.lead_id == lead_id,
                                                 HistoryEvent.kind == "handover"))
        assert ev.text == "Client is in Lviv" and ev.data["reason"] == "region"


def test_a_manager_cannot_take_a_lead_or_move_anothers(world):
    ids, ctx = world
    with pytest.raises(L.LeadValidationError, match="a manager cannot take a lead"):
        L.hand_over(ctx("anna"), ids["leads"][0], to_user_id=ids["anna"].id, note="mine")
    with pytest.raises(L.LeadValidationError, match="not yours to hand over"):
        L.hand_over(ctx("bob"), ids["leads"][0], to_user_id=ids["bob"].id, note="mine")
    with pytest.raises(L.LeadValidationError, match="only an admin, a team lead"):
        L.reassign(ctx("anna"), ids["leads"], owners=[ids["bob"].id])
    with pytest.raises(L.LeadValidationError, match="not of your team"):
        L.reassign(ctx("sven").__class__(ctx("sven").store, SignedInUser(
            id=ids["sven"].id, login="sven", role="teamlead", team_id=ids["south"]),
            settings=ctx("sven").settings), ids["leads"][:1], owners=[ids["sven"].id])


def test_team_lead_redistributes_a_selection_evenly_from_the_leads_tab(qtbot, world, store):
    from workstation.views.leadlist.widget import LeadListWidget

    ids, ctx = world
    anna = ctx("anna")
    plain = LeadListWidget(anna)
    qtbot.addWidget(plain)
    assert not plain.reassignButton.isVisibleTo(plain)  # a manager only hands over
    w = LeadListWidget(ctx("tl"))
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: w.model.rowCount() == 6, timeout=10_000)
    assert w.reassignButton.isVisible()
    sel = w.table.selectionModel()
    for row in range(4):
        sel.select(w.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)
    chosen = set(w.selected_ids())
    assert len(chosen) == 4
    dlg = w.reassign_selected()
    qtbot.waitUntil(lambda: dlg.managers.count() == 3, timeout=5000)  # their team's managers
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert "Tick at least one manager" in dlg.errorLabel.text()
    dlg.tick("Bob", "Carl")
    dlg.noteEdit.setText("Anna is on leave")
    with qtbot.waitSignal(dlg.sig_done, timeout=5000) as got:
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert got.args == [4]
    with store.session() as s:
        owners = [s.get(Lead, i).owner_id for i in chosen]
        notes = set(s.scalars(select(HistoryEvent.text).where(
            HistoryEvent.lead_id.in_(chosen), HistoryEvent.kind == "handover")))
    assert sorted(owners.count(ids[n].id) for n in ("bob", "carl")) == [2, 2]
    assert notes == {"Anna is on leave"}
