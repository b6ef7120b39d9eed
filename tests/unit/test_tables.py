"""workstation.tables: the one way the product writes CSV/XLSX tables."""

import csv
import os
import stat
import threading
import zipfile

import pytest

from workstation import tables


def test_csv_escapes_formulas_and_is_private(tmp_path):
    out = tmp_path / "t.csv"
    n = tables.write_table(out, ["name", "sum"], [["=HYPERLINK(1)", 5], ["+380671234567", None]])
    assert n == 2
    rows = list(csv.reader(open(out, encoding="utf-8-sig")))
    assert rows == [["name", "sum"], ["'=HYPERLINK(1)", "5"], ["+380671234567", ""]]
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_xlsx_writes_strings_not_formulas(tmp_path):
    out = tmp_path / "t.xlsx"
    tables.write_table(out, ["a"], [["=cmd|' /C calc'!A0"], [3.5]])
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert "'=cmd|" in sheet and "<v>3.5</v>" in sheet


def test_cancel_leaves_target_untouched(tmp_path):
    out = tmp_path / "t.csv"
    out.write_text("old")
    stop = threading.Event()

    def rows():
        yield [1]
        stop.set()
        yield [2]

    with pytest.raises(tables.Cancelled):
        tables.write_table(out, ["x"], rows(), cancel=stop)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_unknown_format_is_named(tmp_path):
    with pytest.raises(ValueError, match="t.ods.*ods"):
        tables.write_table(tmp_path / "t.ods", ["x"], [])
