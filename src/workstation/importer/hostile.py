"""Hostile lead base files for tests and bench/bench_hostile_import.py.

Every file is made here, from nothing (no file of the repository is a bomb):
an XLSX whose shared strings expand a thousandfold (a zip bomb), one whose
ZIP headers lie about the size, one declaring ``A1:XFD1048576``, billion
laughs and external-entity XML, a ZIP named ``.csv``. The XLSX files are
written part by part (``write_xlsx``) so that each attack sits exactly where
it is meant to; cells are inline strings unless shared strings are asked for.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '{shared}</Types>')
_STYLES_TYPE = ('<Override PartName="/xl/styles.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
_STYLES_REL = ('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/'
               '2006/relationships/styles" Target="styles.xml"/>')
_SHARED_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{dtd}'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '{shared}</Relationships>')
_SHARED_REL = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
               '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{dtd}'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '{dimension}<sheetData>')
_SHEET_TAIL = '</sheetData></worksheet>'
_SST_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{dtd}'
             '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')

HEADERS = ["Company", "Phone", "Contact person"]

BILLION_LAUGHS_DTD = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
              for i in range(1, 10))
    + ']>')
"""Nine levels of ten: ``&lol9;`` is 10^9 "lol"s (3 GB)."""

XXE_DTD = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def column_letter(n: int) -> str:
    """1 -> A, 16384 -> XFD."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def row_xml(index: int, cells: Iterable[str | tuple[int, str]]) -> str:
    """One ``<row>`` of inline strings; a cell may be ``(column, text)`` to place it."""
    parts = []
    col = 0
    for cell in cells:
        col, text = cell if isinstance(cell, tuple) else (col + 1, cell)
        parts.append(f'<c r="{column_letter(col)}{index}" t="inlineStr"><is><t>'
                     f'{escape(text)}</t></is></c>')
    return f'<row r="{index}">{"".join(parts)}</row>'


def write_xlsx(path: Path, rows: Iterable[str], *, dimension: str = "",
               shared_strings: Iterable[str] | None = None, sheet_dtd: str = "",
               workbook_dtd: str = "", sst_dtd: str = "", sheet_name: str = "Leads",
               styles: Iterable[str] | None = None, level: int = 9) -> Path:
    """An XLSX whose sheet is ``rows`` (XML text of ``<row>`` elements, streamed);
    ``shared_strings`` (XML text chunks of ``<si>`` elements) adds that part,
    ``styles`` (chunks of ``<xf>`` elements) a styles part."""
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES.format(
            shared=(_SHARED_TYPE if shared_strings is not None else "")
            + (_STYLES_TYPE if styles is not None else "")))
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK.format(dtd=workbook_dtd, name=sheet_name))
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(
            shared=(_SHARED_REL if shared_strings is not None else "")
            + (_STYLES_REL if styles is not None else "")))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            dim = f'<dimension ref="{dimension}"/>' if dimension else ""
            f.write(_SHEET_HEAD.format(dtd=sheet_dtd, dimension=dim).encode())
            for row in rows:
                f.write(row.encode())
            f.write(_SHEET_TAIL.encode())
        if shared_strings is not None:
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
                f.write(_SST_HEAD.format(dtd=sst_dtd).encode())
                for chunk in shared_strings:
                    f.write(chunk.encode())
                f.write(b"</sst>")
        if styles is not None:
            with z.open("xl/styles.xml", "w", force_zip64=True) as f:
                f.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        b'<styleSheet xmlns="http://schemas.openxmlformats.org/'
                        b'spreadsheetml/2006/main"><cellXfs>')
                for chunk in styles:
                    f.write(chunk.encode())
                f.write(b"</cellXfs></styleSheet>")
    return path


def plain_xlsx(path: Path, n: int = 3, **kw) -> Path:
    """A harmless base: a header and ``n`` leads with phones."""
    rows = [row_xml(1, HEADERS)] + [
        row_xml(i + 2, [f"Company {i}", f"+38067{1000000 + i}", f"Person {i}"])
        for i in range(n)]
    return write_xlsx(path, rows, **kw)


def shared_strings_bomb(path: Path, expanded: int = 1 << 30) -> Path:
    """Shared strings of ``expanded`` bytes (1 GiB: a ~1 MB file), one sheet row using them."""
    si = "<si><t>" + "A" * 4000 + "</t></si>"
    chunk = si * 256  # ~1 MiB

    def chunks():
        done = 0
        while done < expanded:
            yield chunk
            done += len(chunk)

    rows = [row_xml(1, HEADERS), '<row r="2"><c r="A2" t="s"><v>0</v></c></row>']
    return write_xlsx(path, rows, shared_strings=chunks())


def shared_strings_at_budget(path: Path, size: int, length: int = 40) -> Path:
    """``size`` bytes of distinct ``length``-character shared strings: no bomb (it
    compresses ~20:1, like real text), only more strings than the reader keeps."""
    def chunks():
        done = i = 0
        while done < size:
            chunk = "".join(f"<si><t>{n:0{length}d}</t></si>" for n in range(i, i + 10_000))
            i += 10_000
            done += len(chunk)
            yield chunk

    rows = [row_xml(1, HEADERS), '<row r="2"><c r="A2" t="s"><v>0</v></c></row>']
    return write_xlsx(path, rows, shared_strings=chunks(), level=6)


def styles_bomb(path: Path, size: int, noise: bool = False) -> Path:
    """A styles part of ``size`` bytes of cell formats (openpyxl loads styles whole);
    ``noise`` adds random comments, so that it compresses no better than real XML."""
    import random  # (deferred: only this generator uses it)

    rnd = random.Random(14)
    xf = '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'

    def chunks():
        done = 0
        while done < size:
            chunk = "".join(xf + (f"<!--{rnd.getrandbits(64):016x}-->" if noise else "")
                            for _ in range(1000))
            yield chunk
            done += len(chunk)

    return write_xlsx(path, [row_xml(1, HEADERS)], styles=chunks())


def lying_sizes_bomb(path: Path, expanded: int = 256 << 20) -> Path:
    """A shared strings bomb whose ZIP headers declare 1 KiB uncompressed."""
    shared_strings_bomb(path, expanded)
    data = bytearray(path.read_bytes())
    name = b"xl/sharedStrings.xml"
    # local header: sig(4) ver(2) flag(2) method(2) time(2) date(2) crc(4) csize(4) usize(4)
    # central directory: sig(4) made(2) ver(2) flag(2) method(2) time(2) date(2) crc(4)
    # csize(4) usize(4) ...; both are zip64 here (sizes 0xFFFFFFFF plus an extra field)
    for sig, name_at, usize_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            if data[pos + name_at:pos + name_at + len(name)] == name:
                zip64 = struct.unpack_from("<I", data, pos + usize_at)[0] == 0xFFFFFFFF
                if not zip64:
                    struct.pack_into("<I", data, pos + usize_at, 1024)
                else:  # the zip64 extra field holds usize first
                    nlen, elen = struct.unpack_from(
                        "<HH", data, pos + (26 if sig == b"PK\x03\x04" else 28))
                    extra = pos + name_at + nlen
                    end = extra + elen
                    while extra < end:
                        tag, size = struct.unpack_from("<HH", data, extra)
                        if tag == 1:
                            struct.pack_into("<Q", data, extra + 4, 1024)
                            break
                        extra += 4 + size
            pos += 4
    path.write_bytes(bytes(data))
    return path


def huge_dimension(path: Path, rows: int = 20_000) -> Path:
    """Declares ``A1:XFD1048576``; ``rows`` rows without a phone (each one a reject)."""
    body = [row_xml(1, HEADERS)] + [row_xml(i + 2, [f"No phone {i}"]) for i in range(rows)]
    return write_xlsx(path, body, dimension="A1:XFD1048576")


def far_cells(path: Path, rows: int = 2000) -> Path:
    """Every row has a cell in column XFD and the last row is row 1048576."""
    body = [row_xml(1, HEADERS)] + [
        row_xml(i + 2, [f"Company {i}", f"+38067{2000000 + i}", (16384, "far")])
        for i in range(rows)] + [row_xml(1048576, ["Last", "+380672999999"])]
    return write_xlsx(path, body)


def billion_laughs(path: Path, part: str = "sheet") -> Path:
    """The billion laughs DTD in ``part``: ``sheet``, ``workbook`` or ``sst``."""
    rows = [row_xml(1, HEADERS), '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c>'
            '<c r="B2" t="inlineStr"><is><t>+380671234567</t></is></c></row>']
    kw = {f"{part}_dtd": BILLION_LAUGHS_DTD}
    if part == "sst":
        kw["shared_strings"] = ["<si><t>&lol9;</t></si>"]
    return write_xlsx(path, rows, **kw)


def external_entity(path: Path) -> Path:
    """A sheet cell made of ``/etc/passwd`` (XXE)."""
    rows = [row_xml(1, HEADERS), '<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c>'
            '<c r="B2" t="inlineStr"><is><t>+380671234567</t></is></c></row>']
    return write_xlsx(path, rows, sheet_dtd=XXE_DTD)


def zip_named_csv(path: Path) -> Path:
    """A ZIP archive (of a CSV) under a ``.csv`` name."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("base.csv", "Company,Phone\nAcme,+380671234567\n")
    return path


def truncated_xlsx(path: Path) -> Path:
    """A real XLSX cut in half."""
    plain_xlsx(path, 50)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path
