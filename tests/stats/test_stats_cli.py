"""``workstation stats``: CSV, JSON and XLSX of the known set; formulas escaped;
bad input named."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from stats.statsdata import EXPECTED_NAMES, Ids, build
from stats.test_stats_cells import E, EXPECTED


@pytest.fixture
def known(store, config):
    from stats.statsdata import Ids

    ids = Ids()
    with store.session() as s:
        build(s, ids)
    config.set("user.login", "root")
    config.save()
    return ids


def test_csv_is_the_table(cli, known):
    code, out, err = cli("stats", "--from", "2026-03-29", "--team", "North")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == E
    assert [r[0] for r in rows[1:]] == EXPECTED_NAMES
    for r in rows[1:]:
        want = ["" if v is None else str(v) for v in EXPECTED[r[0]]]
        assert r == want


def test_json_has_every_cell_and_the_zone(cli, known):
    code, out, err = cli("stats", "--from", "2026-03-29", "--to", "2026-03-29",
                         "--team", "North", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["zone"] == "Europe/Kyiv" and doc["from"] == doc["to"] == "2026-03-29"
    for row in doc["rows"]:
        assert [row[k] for k in E] == EXPECTED[row["name"]]


def test_one_manager_and_xlsx_file(cli, known, tmp_path):
    import openpyxl

    out = tmp_path / "anna.xlsx"
    code, _, err = cli("stats", "--from", "2026-03-29", "--manager", "anna", "--format", "xlsx",
                       "--out", str(out))
    assert code == 0, err
    assert os.stat(out).st_mode & 0o777 == 0o600
    ws = openpyxl.load_workbook(out).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == E
    assert rows[1][:6] == ["Anna A", 2, 1, 1, 3, 7] and rows[1][6] == "0:03:10"
    assert rows[2][0] == "Team" and rows[2][5] == 7  # the team of one is that one


def test_export_escapes_formulas(cli, known, store, tmp_path):
    from sqlalchemy import update

    from workstation.store.models import User

    with store.session() as s, s.begin():
        s.execute(update(User).where(User.id == known.anna).values(
            full_name='=HYPERLINK("http://evil","x")'))
    code, out, err = cli("stats", "--from", "2026-03-29", "--team", "North")
    assert code == 0, err
    assert list(csv.reader(io.StringIO(out)))[1][0] == "'=HYPERLINK(\"http://evil\",\"x\")"
    path = tmp_path / "t.csv"
    assert cli("stats", "--from", "2026-03-29", "--team", "North", "--out", str(path))[0] == 0
    assert list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))[1][0] \
        .startswith("'=HYPERLINK")
    xlsx = tmp_path / "t.xlsx"
    assert cli("stats", "--from", "2026-03-29", "--team", "North", "--format", "xlsx",
               "--out", str(xlsx))[0] == 0
    import openpyxl

    cell = openpyxl.load_workbook(xlsx).active["A2"]
    assert cell.data_type == "s" and cell.value.startswith("'=HYPERLINK")


@pytest.mark.parametrize("args, message", [
    (("--from", "29.03.2026"), "--from: expected a date as YYYY-MM-DD"),
    (("--from", "2026-03-29", "--to", "2026-03-01"), "is before --from"),
    (("--team", "Nowhere"), "--team 'Nowhere': no such team"),
    (("--manager", "zed"), "--manager 'zed': no such login"),
    (("--tz", "Mars/Olympus"), "'Mars/Olympus': not an IANA time zone"),
    (("--format", "xlsx"), "--format xlsx: name the file with --out"),
])
def test_bad_input_is_named(cli, known, args, message):
    code, out, err = cli("stats", *args)
    assert code == 2 and message in err and out == ""


def test_set_zone_changes_the_day_bounds(cli, known, config):
    code, out, err = cli("stats", "--team", "North", "--set-zone", "UTC")
    assert code == 0 and "UTC" in out, err
    code, out, _ = cli("stats", "--from", "2026-03-29", "--team", "North", "--format", "json")
    doc = json.loads(out)
    assert doc["zone"] == "UTC"
    anna = next(r for r in doc["rows"] if r["name"] == "Anna A")
    # in UTC the call at 2026-03-28 22:00Z is the 28th, and 21:00Z of the 29th counts
    assert anna["n_success"] == 3 and anna["n_total"] == 7
    assert cli("stats", "--team", "North", "--set-zone", "Mars/Base")[0] == 2
    config.set("user.login", "anna")
    config.save()
    code, _, err = cli("stats", "--set-zone", "UTC")
    assert code == 2 and "only an admin" in err
