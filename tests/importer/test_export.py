"""Export in the seeds' processed-base shape; importing it again adds no leads."""

from __future__ import annotations

import codecs
import csv
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from workstation.importer import exporter as exporter_mod
from workstation.importer.exporter import HEADERS, ExportError, run_export
from workstation.importer.importer import count_leads, run_import
from workstation.importer.synthetic import write_csv
from workstation.store.models import HistoryEvent, Lead, Phone


def read_export(path):
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_export_columns_and_round_trip(tmp_path, store):
    base = write_csv(tmp_path / "base.csv", 300, seed=7)
    first = run_import(store, base)
    assert first.inserted > 250
    with store.session() as s, s.begin():
        lead = s.scalar(select(Lead).order_by(Lead.company).limit(1))
        lead.lead_type = "potential"
        lead.notes = "asked for\nthe price list"
        lead.last_contact_at = datetime(2024, 5, 6, 7, 8, tzinfo=timezone.utc)
        s.add(HistoryEvent(lead_id=lead.id, kind="call", text="no answer",
                           at=datetime(2024, 5, 6, 7, 8, tzinfo=timezone.utc)))
        marked = lead.id
        marked_phones = [p.e164 for p in lead.phones]
    out = tmp_path / "processed.csv"
    result = run_export(store, out)
    assert result.leads == count_leads(store)
    rows = read_export(out)
    assert rows[0] == HEADERS["en"]
    assert len(rows) == result.leads + 1
    mine = next(r for r in rows if r[6] == ",".join(marked_phones))
    assert mine[0] == "Potentially interested"
    assert mine[1] == datetime(2024, 5, 6, 7, 8, tzinfo=timezone.utc).astimezone().strftime(
        "%Y-%m-%d %H:%M")
    assert mine[2].startswith("asked for the price list | ") and "call: no answer" in mine[2]
    assert all(p.startswith("+380") for r in rows[1:] for p in r[6].split(","))

    again = run_import(store, out)
    assert again.inserted == 0 and again.rejected == 0
    assert again.merged == result.leads
    assert count_leads(store) == result.leads
    with store.session() as s:
        assert s.get(Lead, marked).lead_type == "potential"
        assert s.scalar(select(func.count()).select_from(Phone)) == first.phones_added


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_export_headers_in_the_seeds_languages(tmp_path, store, lang):
    run_import(store, write_csv(tmp_path / "b.csv", 5))
    out = tmp_path / f"out_{lang}.csv"
    run_export(store, out, lang=lang, bom=False)
    assert not out.read_bytes().startswith(codecs.BOM_UTF8)
    with open(out, encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == HEADERS[lang]
    assert run_import(store, out).inserted == 0


def test_export_streams_in_batches(tmp_path, store, monkeypatch):
    monkeypatch.setattr(exporter_mod, "BATCH", 7)
    run_import(store, write_csv(tmp_path / "b.csv", 40))
    seen = []
    result = run_export(store, tmp_path / "o.csv", progress=lambda d, t: seen.append((d, t)))
    assert result.leads == count_leads(store)
    assert seen[0] == (7, result.leads) and seen[-1] == (result.leads, result.leads)
    assert len(read_export(tmp_path / "o.csv")) == result.leads + 1


def test_export_errors_leave_nothing(tmp_path, store):
    with pytest.raises(ExportError, match="does not exist"):
        run_export(store, tmp_path / "missing" / "out.csv")
    run_import(store, write_csv(tmp_path / "b.csv", 20))

    def boom(done, total):
        raise RuntimeError("stop")

    target = tmp_path / "half.csv"
    with pytest.raises(RuntimeError):
        run_export(store, target, progress=boom)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []
