"""Importing lead bases into a real local store: merges, rejects, one transaction."""

from __future__ import annotations

import csv
import threading

import pytest
from sqlalchemy import func, select, text

from workstation.domain.funnel import DEFAULT_FUNNEL_CODE
from workstation.importer import importer as importer_mod
from workstation.importer.importer import (
    ImportCancelled,
    ImportOptions,
    count_leads,
    rejects_path_for,
    run_import,
)
from workstation.importer.reader import MAX_CELL_CHARS, ImportFileError
from workstation.store.models import (
    Contact,
    Email,
    Funnel,
    FunnelStage,
    HistoryEvent,
    Lead,
    OutboxEntry,
    Phone,
)

SEED_HEADERS = ["Назва компанії", "Адреса фактична або юридична", "Телефон", "Контактна особа",
                "email", "source*", "Категорія"]


def write(path, rows, headers=SEED_HEADERS, delimiter=",", encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(headers)
        w.writerows(rows)
    return path


def snapshot(store):
    with store.engine.connect() as c:
        return {t: c.scalar(text(f"SELECT count(*) FROM {t}"))
                for t in ("leads", "phones", "contacts", "emails", "history_events", "outbox")}


def integrity_ok(store) -> bool:
    with store.engine.connect() as c:
        return c.scalar(text("PRAGMA integrity_check")) == "ok"


def keys_ok(store) -> bool:
    """Every foreign key holds (the import writes with enforcement off), and the
    pooled connections have enforcement back on."""
    with store.engine.connect() as c:
        return (c.execute(text("PRAGMA foreign_key_check")).fetchall() == []
                and c.scalar(text("PRAGMA foreign_keys")) == 1)


def lead_by_phone(s, e164):
    return s.scalar(select(Lead).join(Phone).where(Phone.e164 == e164))


def test_seed_shaped_base_cp1251_semicolon(tmp_path, store):
    path = write(tmp_path / "base.csv", [
        ["ПП Вербуд", "78600 Україна, Вишгород, Садова, 8", "380671112201,380671112202",
         "", "", "youcontrol", "деревообробка"],
        ["ПП Лісотек", "77400 Україна, Тисмениця, Франка 8 А", "380971112203,380971112204,",
         "Богдан Степанович", "", "youcontrol", "деревообробка"],
        ["ТзОВ Альта", "77300 Україна, Калуш, Литвина,12",
         "380342611122,380951112205,380981112206", "Ігор директор", "office@example.com",
         "youcontrol", "меблі"],
    ], delimiter=";", encoding="cp1251")
    result = run_import(store, path)
    assert (result.rows_read, result.inserted, result.merged, result.rejected) == (3, 3, 0, 0)
    assert result.encoding == "cp1251" and result.delimiter == ";"
    with store.session() as s:
        lead = lead_by_phone(s, "+380971112204")
        assert lead.company == "ПП Лісотек"
        assert [p.e164 for p in lead.phones] == ["+380971112203", "+380971112204"]
        assert [c.full_name for c in lead.contacts] == ["Богдан Степанович"]
        assert lead.phones[0].contact_id == lead.contacts[0].id
        assert lead.name_key == "пп лісотек | богдан степанович"
        assert lead.source == "youcontrol" and lead.category == "деревообробка"
        first_stage = s.scalar(select(FunnelStage.id).join(Funnel).where(
            Funnel.code == DEFAULT_FUNNEL_CODE).order_by(FunnelStage.position).limit(1))
        assert lead.stage_id == first_stage and lead.owner_id is None
        alta = lead_by_phone(s, "+380342611122")  # a landline, national area code
        assert len(alta.phones) == 3 and [e.address for e in alta.emails] == [
            "office@example.com"]
        # every inserted row has its outbox entry for sync
        for model in (Lead, Phone, Contact, Email):
            rows = s.scalar(select(func.count()).select_from(model))
            queued = s.scalar(select(func.count()).select_from(OutboxEntry).where(
                OutboxEntry.table_name == model.__tablename__))
            assert rows == queued, model
        ids = set(s.scalars(select(OutboxEntry.row_id).where(OutboxEntry.table_name == "leads")))
        assert ids == set(s.scalars(select(Lead.id)))
    assert not rejects_path_for(path).exists()
    assert keys_ok(store)


def test_duplicates_in_file_and_against_base_are_merged(tmp_path, store):
    with store.session() as s, s.begin():
        old = Lead(company="Existing Mills", name_key="existing mills")
        s.add(old)
        s.flush()
        s.add(Phone(lead_id=old.id, raw="067 111 22 33", e164="+380671112233", position=0))
        old_id = old.id
    path = write(tmp_path / "dups.csv", [
        ["Existing Mills", "", "+380 67 111-22-33", "Anna", "anna@example.com", "", ""],
        ["New Wood", "Kyiv", "0502223344", "Petro", "", "", "wood"],
        ["New Wood branch", "", "380502223344,0502223355", "Olha", "wood@example.com", "", ""],
        ["", "", "(067) 111-22-33, 0671112234", "", "", "", ""],
    ], headers=["Company", "Address", "Phone", "Contact", "E-mail", "Source", "Category"])
    result = run_import(store, path)
    assert (result.rows_read, result.inserted, result.merged, result.rejected) == (4, 1, 3, 0)
    assert result.merged_existing == 2
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Lead)) == 2
        old = s.get(Lead, old_id)
        assert sorted(p.e164 for p in old.phones) == ["+380671112233", "+380671112234"]
        assert [c.full_name for c in old.contacts] == ["Anna"]
        assert [e.address for e in old.emails] == ["anna@example.com"]
        assert old.name_key == "existing mills | anna"
        events = s.scalars(select(HistoryEvent).where(HistoryEvent.lead_id == old_id)).all()
        assert len(events) == 1 and events[0].kind == "import"
        assert "line 2, 5" in events[0].text and "+380671112234" in events[0].text
        wood = lead_by_phone(s, "+380502223355")
        assert wood.company == "New Wood" and wood.address == "Kyiv"
        assert sorted(c.full_name for c in wood.contacts) == ["Olha", "Petro"]
        assert sorted(p.e164 for p in wood.phones) == ["+380502223344", "+380502223355"]
        # no phone stored twice
        assert s.scalar(select(func.count()).select_from(Phone)) == 4
        queued = s.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.table_name == "leads", OutboxEntry.row_id == old_id))
        assert queued == 2  # created by the ORM, then updated by the import
    assert keys_ok(store)


def test_rejected_rows_have_line_numbers_and_a_rejects_file(tmp_path, store):
    path = write(tmp_path / "bad.csv", [
        ["Good Co", "", "0671112233", "", "", "", ""],
        ["No Phone Co", "", "", "", "", "", ""],
        ["Bad Phone Co", "", "12345", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["Half Good", "", "0671112244, not-a-number", "", "mail-without-at", "", ""],
        ["Long Co " + "x" * 600, "", "0671112255", "", "", "", ""],
    ])
    result = run_import(store, path)
    assert (result.rows_read, result.inserted, result.rejected, result.warnings) == (5, 2, 3, 2)
    reasons = {r.line: r.reason for r in result.rejects if not r.warning}
    assert set(reasons) == {3, 4, 7}
    assert reasons[3] == "no phone number"
    assert reasons[4].startswith("invalid phone '12345'")
    assert "company is 608 characters long" in reasons[7]
    warned = sorted((r.line, r.reason) for r in result.rejects if r.warning)
    assert [line for line, _ in warned] == [6, 6]
    assert any("not-a-number" in reason for _, reason in warned)
    assert any("mail-without-at" in reason for _, reason in warned)
    assert result.rejects_path == rejects_path_for(path)
    with open(result.rejects_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["line", "reason", *SEED_HEADERS]
    assert rows[1][:3] == ["3", "no phone number", "No Phone Co"]
    assert rows[2][0] == "4" and rows[2][4] == "12345"
    assert {r[0] for r in rows[1:]} == {"3", "4", "6", "7"}
    assert count_leads(store) == 2


def test_no_phone_column_names_file_and_headers(tmp_path, store):
    path = write(tmp_path / "nophone.csv", [["A", "Kyiv"]], headers=["Company", "City"])
    before = snapshot(store)
    with pytest.raises(ImportFileError) as err:
        run_import(store, path)
    msg = str(err.value)
    assert "nophone.csv, line 1" in msg and "no phone column" in msg
    assert "'Company', 'City'" in msg
    assert snapshot(store) == before


def test_50mb_cell_rejects_its_row_only(tmp_path, store):
    path = tmp_path / "huge.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("company,phone\nFirst,0671112233\n")
        f.write('"' + "Z" * (50 * 1024 * 1024) + '",0671112234\n')
        f.write("Third,0671112235\n")
    result = run_import(store, path)
    assert (result.rows_read, result.inserted, result.rejected) == (3, 2, 1)
    assert result.rejects[0].line == 3
    assert f"{MAX_CELL_CHARS:,}" in result.rejects[0].reason
    assert result.rejects_path.stat().st_size < 1000  # the cell is not copied
    assert integrity_ok(store)


def test_invalid_phone_everywhere_imports_nothing(tmp_path, store):
    path = write(tmp_path / "allbad.csv", [["A", "", "abc", "", "", "", ""],
                                           ["B", "", "+380 12", "", "", "", ""]])
    result = run_import(store, path)
    assert (result.inserted, result.rejected) == (0, 2)
    assert [r.line for r in result.rejects] == [2, 3]
    assert count_leads(store) == 0


def test_dry_run_changes_nothing(tmp_path, store):
    path = write(tmp_path / "dry.csv", [["A", "", "0671112233", "", "", "", ""],
                                        ["B", "", "", "", "", "", ""]])
    before = snapshot(store)
    result = run_import(store, path, ImportOptions(dry_run=True))
    assert (result.inserted, result.rejected) == (1, 1)
    assert snapshot(store) == before
    assert not rejects_path_for(path).exists()


def _big(tmp_path, n=30):
    return write(tmp_path / "big.csv", [[f"Co {i}", "", f"06711{i:05d}", "", "", "", ""]
                                        for i in range(n)])


def test_cancel_rolls_back(tmp_path, store):
    path = _big(tmp_path)
    cancel = threading.Event()
    before = snapshot(store)
    with pytest.raises(ImportCancelled):
        run_import(store, path, ImportOptions(batch_rows=5), cancel=cancel,
                   progress=lambda done, total: cancel.set())
    assert snapshot(store) == before
    assert integrity_ok(store)


def test_failure_mid_import_rolls_back(tmp_path, store, monkeypatch):
    path = _big(tmp_path)
    calls = {"n": 0}
    real = importer_mod._Importer._flush

    def failing(self, batch):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk on fire")
        return real(self, batch)

    monkeypatch.setattr(importer_mod._Importer, "_flush", failing)
    before = snapshot(store)
    with pytest.raises(OSError, match="disk on fire"):
        run_import(store, path, ImportOptions(batch_rows=5))
    assert calls["n"] == 3
    assert snapshot(store) == before
    assert integrity_ok(store)
    # the connection went back to the pool clean: a normal import works
    monkeypatch.setattr(importer_mod._Importer, "_flush", real)
    assert run_import(store, path).inserted == 30
    assert keys_ok(store)


def test_unknown_owner_is_refused(tmp_path, store):
    import uuid

    path = _big(tmp_path, 3)
    with pytest.raises(ValueError, match="no user"):
        run_import(store, path, ImportOptions(owner_id=uuid.uuid4()))
    assert count_leads(store) == 0 and keys_ok(store)


def test_xlsx_import(tmp_path, store):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Компания", "Телефон", "Контактное лицо"])
    ws.append(["ООО Синтетика", 380671112233, "Иван Петрович"])
    ws.append(["ООО Тест", "0671112244; 0671112255", None])
    path = tmp_path / "base.xlsx"
    wb.save(path)
    result = run_import(store, path)
    assert (result.kind, result.inserted) == ("xlsx", 2)
    with store.session() as s:
        assert lead_by_phone(s, "+380671112233").contacts[0].full_name == "Иван Петрович"
        assert len(lead_by_phone(s, "+380671112255").phones) == 2


def test_region_option(tmp_path, store):
    path = write(tmp_path / "pl.csv", [["Polska", "", "512 345 678", "", "", "", ""]])
    run_import(store, path, ImportOptions(region="PL"))
    with store.session() as s:
        assert lead_by_phone(s, "+48512345678").company == "Polska"


def test_name_key_matches_the_lead_list(tmp_path, store):
    from workstation.store.leads import make_name_key

    path = write(tmp_path / "names.csv", [
        ["  Straße GmbH ", "", "0671112233", "Jörg  Groß; Anna", "", "", ""],
        ["", "", "0671112244", "Only Person", "", "", ""],
        ["Only Company", "", "0671112255", "", "", "", ""],
    ])
    run_import(store, path)
    with store.session() as s:
        for lead in s.scalars(select(Lead)):
            assert lead.name_key == make_name_key(
                lead.company, [c.full_name for c in lead.contacts])
            assert lead.name_key


def test_rejects_file_only_for_a_committed_import(tmp_path, store, monkeypatch):
    path = write(tmp_path / "r.csv", [["A", "", "", "", "", "", ""]] +
                 [[f"Co {i}", "", f"06711{i:05d}", "", "", "", ""] for i in range(20)])
    cancel = threading.Event()
    with pytest.raises(ImportCancelled):
        run_import(store, path, ImportOptions(batch_rows=5), cancel=cancel,
                   progress=lambda d, t: cancel.set())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv"]


def test_rejects_file_falls_back_when_the_folder_is_not_writable(tmp_path, store):
    path = write(tmp_path / "r.csv", [["A", "", "", "", "", "", ""], ["B", "", "0671112233"]])
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")  # a file where the folder should be: even root cannot write
    result = run_import(store, path, ImportOptions(
        rejects_path=blocker / "r.csv.rejects.csv"))
    assert result.rejected == 1 and result.inserted == 1
    assert result.rejects_path.parent.name == "rejects"
    assert result.rejects_path.read_text(encoding="utf-8-sig").startswith("line,reason")
