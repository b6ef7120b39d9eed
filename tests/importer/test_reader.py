"""Reading lead base files: encodings, delimiters, XLSX, and files that cannot be read."""

from __future__ import annotations

import codecs
import os

import pytest
from pathlib import Path

from workstation.importer.reader import (
    MAX_CELL_CHARS,
    BadRow,
    ImportFileError,
    detect_delimiter,
    open_table,
    read_preview,
)

HEAD = ["Назва компанії", "Адреса", "Телефон", "Контактна особа"]
ROWS = [["ТОВ Вербуд", "Київ, вул. Садова, 1", "380671112233,380502223344", "Олена"],
        ["ПП Лісотек", "Львів; вул. Франка, 2", "0931234567", "Тарас"]]


def _write(path, rows, delimiter=",", encoding="utf-8"):
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1251", "cp1251"), ("utf-16", "utf-16")])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters(tmp_path, encoding, expected, delimiter):
    path = _write(tmp_path / "base.csv", [HEAD, *ROWS], delimiter, encoding)
    with open_table(path) as t:
        assert t.encoding == expected
        assert t.delimiter == delimiter
        assert t.headers == HEAD
        rows = list(t.rows())
    assert rows == [(2, ROWS[0]), (3, ROWS[1])]


def test_semicolon_file_with_commas_in_phone_cells():
    sample = ("Company;Phone;Contact\n"
              "A;380671112233,380671112234;Ann\n"
              "B;380671112235,380671112236,380671112237;Bob\n")
    assert detect_delimiter(sample) == ";"


def test_line_numbers_count_physical_lines(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text('company,phone\n\n"Two\nline name",0671112233\nC,0671112234\n',
                    encoding="utf-8")
    with open_table(path) as t:
        rows = [(line, cells) for line, cells in t.rows() if any(cells)]
    assert rows == [(3, ["Two\nline name", "0671112233"]), (5, ["C", "0671112234"])]


def test_xlsx(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Company", "Phone", "E-mail"])
    ws.append(["Synthetic Mills", 380671112233, "a@example.com"])
    ws.append([None, None, None])
    ws.append(["Lakeside Ltd", "0502223344", None])
    path = tmp_path / "base.xlsx"
    wb.save(path)
    with open_table(path) as t:
        assert t.kind == "xlsx"
        assert t.headers == ["Company", "Phone", "E-mail"]
        rows = list(t.rows())
    # the rows the sheet holds, each line its sheet row; trailing empty cells dropped
    assert rows == [(2, ["Synthetic Mills", "380671112233", "a@example.com"]), (3, []),
                    (4, ["Lakeside Ltd", "0502223344"])]


def test_huge_cell_is_a_bad_row_with_its_line(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("company,phone\nA,0671112233\n")
        f.write("B" * (MAX_CELL_CHARS + 10) + ",0671112234\n")
        f.write("C,0671112235\n")
    with open_table(path) as t:
        rows = list(t.rows())
    assert rows[0] == (2, ["A", "0671112233"])
    assert rows[1][0] == 3 and isinstance(rows[1][1], BadRow)
    assert "larger than the limit" in rows[1][1].reason
    assert rows[2] == (4, ["C", "0671112235"])


def test_preview_cuts_cells(tmp_path):
    path = _write(tmp_path / "p.csv", [["company", "phone"], ["X" * 500, "0671112233"]])
    table, rows = read_preview(path, cell_chars=50)
    assert table.headers == ["company", "phone"]
    assert len(rows[0][1][0]) == 51 and rows[0][1][0].endswith("…")


# ------------------------------------------------------------ unreadable files

def test_missing_file(tmp_path):
    with pytest.raises(ImportFileError) as err:
        open_table(tmp_path / "nope.csv")
    assert "nope.csv" in str(err.value) and "no such file" in str(err.value)


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ImportFileError) as err:
        open_table(tmp_path)
    assert str(tmp_path) in str(err.value) and "folder" in str(err.value)


def test_permission_denied(tmp_path):
    """An unreadable file. Root reads files whatever their mode, so as root the
    check runs in a child process with the rights of the ``nobody`` user."""
    import shutil
    import tempfile

    if os.geteuid() != 0:
        path = _write(tmp_path / "locked.csv", [HEAD, *ROWS])
        path.chmod(0)
        with pytest.raises(ImportFileError) as err:
            open_table(path)
        assert "locked.csv" in str(err.value) and "permission" in str(err.value)
        return
    import pwd

    nobody = pwd.getpwnam("nobody")
    folder = Path(tempfile.mkdtemp(prefix="ws-perm-"))
    try:
        folder.chmod(0o755)
        path = _write(folder / "locked.csv", [HEAD, *ROWS])
        path.chmod(0)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: the reader is already imported; drop root, try to read
            try:
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
                try:
                    open_table(path)
                    msg = "READ"
                except ImportFileError as exc:
                    msg = str(exc)
                os.write(write_end, msg.encode())
            finally:
                os._exit(0)
        os.close(write_end)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as fh:
            message = fh.read().decode()
        assert "locked.csv" in message and "permission" in message, message
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty"):
        open_table(path)


def test_binary_garbage(tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(b"company,phone\nA,1\n" + bytes(range(256)) * 40)
    with pytest.raises(ImportFileError) as err:
        open_table(path)
    msg = str(err.value)
    assert "garbage.csv, line 3" in msg and "binary" in msg


def test_old_excel_format(tmp_path):
    path = tmp_path / "base.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ImportFileError, match=r"\.xls.*not supported"):
        open_table(path)


def test_broken_xlsx(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a zip")
    with pytest.raises(ImportFileError) as err:
        open_table(path)
    assert "broken.xlsx" in str(err.value) and "XLSX" in str(err.value)


def test_wrong_encoding_latin1(tmp_path):
    """Western-European text in Latin-1 is neither UTF-8 nor plausible Windows-1251."""
    path = tmp_path / "latin1.csv"
    text = "company,phone\n" + "".join(
        f"Café Müller Gärtnerei {i},06711122{i:02d}\n" for i in range(30))
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(ImportFileError) as err:
        open_table(path)
    msg = str(err.value)
    assert "latin1.csv, line 2" in msg and "encoding" in msg


def test_mixed_encodings_name_the_first_bad_line(tmp_path):
    path = tmp_path / "mixed.csv"
    good = "company,phone\nТОВ Вербуд,0671112233\n".encode()
    bad = "ТОВ Лісотек,0671112234\n".encode("cp1251")
    path.write_bytes(good + bad)
    with pytest.raises(ImportFileError) as err:
        open_table(path)
    assert "mixed.csv, line 3" in str(err.value) and "UTF-8" in str(err.value)


def test_koi8_is_refused(tmp_path):
    """KOI8-R decodes as Windows-1251 byte for byte but reads as "пРИВЕТ": refused."""
    path = tmp_path / "koi8.csv"
    text = "company,phone\n" + "".join(
        f"Товарищество Лесопилка {i},06711122{i:02d}\n" for i in range(30))
    path.write_bytes(text.encode("koi8_r"))
    with pytest.raises(ImportFileError) as err:
        open_table(path)
    assert "koi8.csv, line 2" in str(err.value) and "encoding" in str(err.value)


def test_explicit_encoding_overrides_detection(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("company,phone\nCafé,0671112233\n".encode("latin-1"))
    with open_table(path, encoding="latin-1") as t:
        assert list(t.rows()) == [(2, ["Café", "0671112233"])]
    with pytest.raises(ImportFileError, match="unknown encoding name"):
        open_table(path, encoding="no-such-codec")


def test_bom_detection_is_exact(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + "Телефон\n0671112233\n".encode())
    with open_table(path) as t:
        assert t.headers == ["Телефон"]


def test_xlsx_value_types(tmp_path):
    """The streaming sheet reader gives what openpyxl gives: numbers, dates, booleans,
    shared and inline strings, rich text."""
    from datetime import date, datetime

    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Company", "Phone", "When", "Day", "Flag", "Ratio"])
    ws.append(["Мрія", 380671112233, datetime(2024, 5, 6, 7, 8), date(2024, 5, 7), True, 0.25])
    path = tmp_path / "types.xlsx"
    wb.save(path)
    with open_table(path) as t:
        rows = list(t.rows())
    assert rows == [(2, ["Мрія", "380671112233", "2024-05-06 07:08:00", "2024-05-07 00:00:00",
                         "True", "0.25"])]
    theirs = list(load_workbook(path, read_only=True, data_only=True).active.iter_rows(
        min_row=2, values_only=True))[0]
    assert [str(v) for v in theirs][2:] == ["2024-05-06 07:08:00", "2024-05-07 00:00:00",
                                           "True", "0.25"]
