"""store/leads.py: list pages, filters, search, phone lookup, card load/save."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from workstation.store import leads as L
from workstation.store.models import (
    FunnelStage,
    HistoryEvent,
    Lead,
    OutboxEntry,
    Phone,
    User,
)


def save(store, data, **kw):
    """store.leads.save in a write transaction, as services.leads.save runs it."""
    with store.write_session() as s, s.begin():
        return L.save(s, data, **kw)


def add_lead(store, company, phones=(), contact="", **kw):
    data = L.LeadData(company=company, phones=[L.PhoneData(raw=p) for p in phones],
                      contacts=[L.ContactData(full_name=contact)] if contact else [], **kw)
    lead_id, _ = save(store, data)
    return lead_id


@pytest.fixture
def base(store):
    with store.session() as s, s.begin():
        anna = User(login="anna", full_name="Anna K")
        s.add(anna)
    ids = {
        "sonce": add_lead(store, "ТОВ Сонце", ["+380 67 123 45 67"], "Олена Шевченко",
                          lead_type="interested"),
        "alpha": add_lead(store, "Alpha LLC", ["0501112233", "380631234567"], "Peter",
                          lead_type="not_interested", owner_id=anna.id),
        "beta": add_lead(store, "Beta", ["(067) 765-43-21"], lead_type="interested"),
    }
    return store, ids, anna.id


def test_page_is_ordered_and_keyset_continues(store):
    for i in range(25):
        add_lead(store, f"Company {i:02d}", [f"06712300{i:02d}"])
    with store.session() as s:
        first = L.page(s, L.LeadFilter(), limit=10)
        second = L.page(s, L.LeadFilter(), after=first[-1].key, limit=10)
        third = L.page(s, L.LeadFilter(), after=second[-1].key, limit=10)
    names = [r.company for r in first + second + third]
    assert names == [f"Company {i:02d}" for i in range(25)]
    assert first[3].phone == "+380671230003"


def test_filters_by_type_owner_stage_and_due(base):
    store, ids, anna = base
    with store.session() as s:
        stage = s.scalar(select(FunnelStage).where(FunnelStage.code == "offer"))
    now = datetime(2030, 5, 10, 12, 0, tzinfo=timezone.utc)
    data = L.load(store.session(), ids["beta"])
    data.stage_id = stage.id
    data.next_contact_at = now - timedelta(days=2)
    save(store, data)
    with store.session() as s:
        def names(**kw):
            return [r.company for r in L.page(s, L.LeadFilter(**kw), now=now)]

        assert names(lead_type="interested") == ["Beta", "ТОВ Сонце"]
        assert names(owner_id=anna) == ["Alpha LLC"]
        assert names(owner_id=L.NO_OWNER) == ["Beta", "ТОВ Сонце"]
        assert names(stage_id=stage.id) == ["Beta"]
        assert names(due=L.DUE_OVERDUE) == ["Beta"]
        assert names(due=L.DUE_TODAY) == []
        assert names(due=L.DUE_NONE) == ["Alpha LLC", "ТОВ Сонце"]
        assert L.count(s, L.LeadFilter(lead_type="interested")) == 2


@pytest.mark.parametrize("text", ["+380671234567", "067 123 45 67", "(067)123-45-67",
                                  "380671234567", "sip:+380671234567@pbx"])
def test_search_by_phone_any_format(base, text):
    store, ids, _ = base
    with store.session() as s:
        rows = L.page(s, L.LeadFilter(search=text))
    assert [r.id for r in rows] == [ids["sonce"]]


def test_search_by_phone_prefix(base):
    store, ids, _ = base
    with store.session() as s:
        got = {r.company for r in L.page(s, L.LeadFilter(search="067"))}
        assert got == {"ТОВ Сонце", "Beta"}
        assert {r.company for r in L.page(s, L.LeadFilter(search="+38063"))} == {"Alpha LLC"}
        assert L.page(s, L.LeadFilter(search="099")) == []


def test_search_by_name_is_case_insensitive_in_cyrillic(base):
    store, ids, _ = base
    with store.session() as s:
        assert [r.id for r in L.page(s, L.LeadFilter(search="сОНЦЕ"))] == [ids["sonce"]]
        assert [r.id for r in L.page(s, L.LeadFilter(search="ОЛЕНА"))] == [ids["sonce"]]
        assert L.page(s, L.LeadFilter(search="100%_")) == []


def test_lookup_phone(base):
    store, ids, _ = base
    with store.session() as s:
        assert L.lookup_phone(s, "+380501112233") == [ids["alpha"]]
        assert L.lookup_phone(s, "+380500000000") == []


def test_save_writes_fields_history_and_outbox_in_one_go(base):
    store, ids, anna = base
    with store.session() as s:
        outbox_before = len(s.scalars(select(OutboxEntry)).all())
        refused = s.scalar(select(FunnelStage).where(FunnelStage.code == "refused"))
    data = L.load(store.session(), ids["alpha"])
    data.address = "Kyiv, Khreshchatyk 1"
    data.lead_type = "hostile"
    data.stage_id = refused.id
    data.phones = data.phones[:1]
    data.emails.append(L.EmailData("boss@alpha.example"))
    lead_id, changed = save(store, data, user_id=anna)
    assert set(changed) == {"address", "lead_type", "stage_id", "phones", "emails"}
    with store.session() as s:
        lead = s.get(Lead, lead_id)
        assert lead.address == "Kyiv, Khreshchatyk 1"
        assert lead.funnel_id == refused.funnel_id
        ev = {e.field: e for e in s.scalars(select(HistoryEvent)
                                             .where(HistoryEvent.lead_id == lead_id))}
        assert ev["address"].kind == "field_change" and ev["address"].old_value == ""
        assert ev["lead_type"].kind == "type_change"
        assert (ev["lead_type"].old_value, ev["lead_type"].new_value) == ("not_interested",
                                                                          "hostile")
        assert ev["stage"].kind == "stage_change" and ev["stage"].new_value == "refused"
        assert ev["phones"].old_value == "+380501112233, +380631234567"
        assert ev["phones"].new_value == "+380501112233"
        assert all(e.user_id == anna for e in ev.values())
        tomb = s.scalar(select(Phone).where(Phone.e164 == "+380631234567"))
        assert tomb.deleted is True
        assert L.lookup_phone(s, "+380631234567") == []
        assert len(s.scalars(select(OutboxEntry)).all()) > outbox_before


def test_save_with_bad_phone_writes_nothing(base):
    store, ids, _ = base
    data = L.load(store.session(), ids["beta"])
    data.company = "Renamed"
    data.phones.append(L.PhoneData(raw="12ab"))
    with pytest.raises(L.LeadValidationError, match="phone 2"):
        save(store, data)
    with store.session() as s:
        assert s.get(Lead, ids["beta"]).company == "Beta"
        assert s.scalars(select(HistoryEvent)).all() == []


def test_unchanged_save_writes_no_history(base):
    store, ids, _ = base
    data = L.load(store.session(), ids["sonce"])
    _, changed = save(store, data)
    assert changed == []
    with store.session() as s:
        assert s.scalars(select(HistoryEvent)).all() == []


def test_phone_query_forms():
    assert L.phone_query("0671234567").exact == "+380671234567"
    assert L.phone_query("067").prefix == "+38067"
    assert L.phone_query("38067").prefix == "+38067"
    assert L.phone_query("+4930").prefix == "+4930"
    assert L.phone_query("Олена") is None


def test_phone_search_shows_the_matching_phone(base):
    store, ids, _ = base
    with store.session() as s:
        assert L.page(s, L.LeadFilter())[0].phone == "+380501112233"  # Alpha: first phone
        rows = L.page(s, L.LeadFilter(search="063 123"))
    assert [(r.company, r.phone) for r in rows] == [("Alpha LLC", "+380631234567")]
