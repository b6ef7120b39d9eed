"""Reading XLSX lead bases within bounds: hostile workbooks are refused, not parsed.

Before any part is parsed (:func:`check_xlsx_archive`, on the sizes the ZIP
declares; Python's zipfile never gives more bytes than declared): at most
``XLSX_MAX_PARTS`` parts, each at most ``XLSX_MAX_STREAMED_BYTES``, all together
at most ``XLSX_MAX_TOTAL_BYTES``, no part over 1 MiB compressed more than
``XLSX_MAX_RATIO``:1 (a zip bomb: the issue's 4 MB file whose shared strings
were 1 GB), no part with a DTD (billion laughs, external entities), and it must
be an XLSX at all (a ZIP named .csv is not).

While reading: openpyxl parses the workbook, styles and relationships, each
given to it whole only up to ``XLSX_MAX_PART_BYTES``; the shared strings and the
sheet are read here with expat, streaming: the strings up to a memory budget,
the rows without the declared dimension (``A1:XFD1048576`` once meant 16,384
cells a row), without empty rows for gaps, trailing empty cells dropped, cells
past the header's columns skipped as they are read. Every parse failure is an
``ImportFileError`` naming the file (and the sheet row when known).

Measured in bench/bench_hostile_import.py.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from xml.parsers import expat

from workstation.importer.reader import MAX_CELL_CHARS, BadRow, ImportFileError, Table

XLSX_MAX_PART_BYTES = 4 << 20  # read whole; measured: a 16 MiB styles part took 250 MB, 8.5 s
XLSX_MAX_STREAMED_BYTES = 512 << 20  # any part
XLSX_STRINGS_BUDGET = 48 << 20  # ~500,000 distinct strings of 40 characters
XLSX_MAX_TOTAL_BYTES = 1 << 30
XLSX_MAX_RATIO = 100  # XML compresses 5-30:1; a bomb 1000:1 ...
XLSX_RATIO_FROM = 1 << 20  # ... checked for parts this large
XLSX_MAX_PARTS = 10_000
XLSX_MAX_COLUMNS = 1024

log = logging.getLogger(__name__)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # phones typed as numbers: 380672945123.0
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class _RootReached(Exception):
    pass


def _refuse_dtd(zf, info) -> str | None:
    """Why the XML part ``info`` is refused (a DTD, or not XML), or None.

    Parses only up to the root element. An XLSX part never has a DTD; one is
    how the billion laughs and external entities get in. The parsers that read
    the parts (openpyxl's ElementTree, defusedxml not being installed, and this
    module's expat readers) have only expat's own amplification limit (expat >=
    2.4; with 2.5 the billion laughs ended in a ParseError traceback after
    ~0.3 s and ~70 MB) and nothing against a DTD as such; refusing any DTD
    first does not depend on the expat version nor on OPENPYXL_DEFUSEDXML.
    """

    found: list[str] = []

    def doctype(*_args) -> None:
        found.append("dtd")
        raise _RootReached

    def root(*_args) -> None:
        raise _RootReached

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        with zf.open(info) as f:
            while chunk := f.read(1 << 16):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _RootReached:
        pass
    except expat.ExpatError as exc:
        return f"part {info.filename} is not well-formed XML ({exc})"
    if found:
        return (f"part {info.filename} declares a DTD (XML entities): refused, "
                "an XLSX workbook never has one")
    return None


def check_xlsx_archive(path: Path) -> None:
    """Refuse an archive that is not an XLSX workbook or would expand too far when parsed.

    Sizes are the ones the ZIP declares; Python's zipfile never gives more bytes
    than declared (a part whose headers lie ends in a CRC error, which is refused
    like any damaged part).
    """

    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFileError(path, f"not a readable XLSX workbook: a damaged ZIP archive "
                              f"({exc})") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > XLSX_MAX_PARTS:
            raise ImportFileError(path, f"not an XLSX workbook: {len(infos):,} parts in the "
                                  f"archive (at most {XLSX_MAX_PARTS:,})")
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or not any(
                n.startswith("xl/") and n.endswith(".xml") for n in names):
            raise ImportFileError(path, "a ZIP archive, not an XLSX workbook nor a CSV text "
                                  "file; save the base as CSV or XLSX")
        total = 0
        for info in infos:
            size = info.file_size
            total += size
            ratio = size / max(info.compress_size, 1)
            if size > XLSX_MAX_STREAMED_BYTES or (size > XLSX_RATIO_FROM
                                                  and ratio > XLSX_MAX_RATIO):
                raise ImportFileError(
                    path, f"refused: part {info.filename} expands to {size:,} bytes from "
                    f"{info.compress_size:,} (at most {XLSX_MAX_STREAMED_BYTES:,} bytes and "
                    f"a ratio of {XLSX_MAX_RATIO}:1): a zip bomb or a damaged file")
            if total > XLSX_MAX_TOTAL_BYTES:
                raise ImportFileError(path, f"refused: the workbook expands to more than "
                                      f"{XLSX_MAX_TOTAL_BYTES:,} bytes")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                try:
                    problem = _refuse_dtd(zf, info)
                except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                    problem = f"part {info.filename} is damaged ({exc})"
                if problem:
                    raise ImportFileError(path, f"not a readable XLSX workbook: {problem}")


class XlsxTooLarge(Exception):
    pass


def read_shared_strings(src, budget: int | None = None) -> list[str]:
    """The shared strings table, parsed with expat and bounded in memory.

    openpyxl's own reader builds objects per string (~12 µs and ~150 bytes
    each, measured: a 6 MB file of 64 MiB short strings took 34 s and 400 MB);
    this one keeps only the text (what openpyxl's ``Text.content`` gives: the
    ``<t>`` of the item and of its runs, phonetic runs left out) and raises
    ``XlsxTooLarge`` once the strings would take more than ``budget`` bytes.
    """

    budget = XLSX_STRINGS_BUDGET if budget is None else budget
    strings: list[str] = []
    stack: list[str] = []
    parts: list[str] = []
    used = 0

    def start(name, _attrs) -> None:
        local = name.rsplit(" ", 1)[-1]
        stack.append(local)
        if local == "si":
            parts.clear()

    def end(_name) -> None:
        nonlocal used
        local = stack.pop()
        if local == "si":
            text = "".join(parts).replace("x005F_", "")
            strings.append(text)
            # the str object and its list slot (CPython: 1 byte an ASCII char, 2 a Cyrillic)
            used += 57 + len(text) if text.isascii() else 82 + 2 * len(text)
            if used > budget:
                raise XlsxTooLarge(f"the shared strings take more than {budget >> 20} MB "
                                   "of memory")

    def chars(data: str) -> None:
        if len(stack) >= 2 and stack[-1] == "t" and stack[-2] in ("si", "r"):
            parts.append(data)

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.buffer_text = True
    while chunk := src.read(1 << 16):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
    return strings


class SheetError(Exception):
    """A cell of sheet row ``row`` cannot be read."""

    def __init__(self, row: int, problem: str) -> None:
        super().__init__(problem)
        self.row = row


class SheetRows:
    """A worksheet's rows, streamed with expat: ``(row number, cells)`` where cells is
    a list of ``(column, value)`` for the non-empty cells of columns 1..``max_col``.

    Instead of openpyxl's sheet parser, which keeps a whole ``<row>`` as an element
    tree (measured: a 31 KB file with 1.4 million cells in one row took 873 MB and
    29 s): a cell past ``max_col`` is skipped as it is read, a cell's text stops
    growing past ``MAX_CELL_CHARS`` (the row is then refused). Values as openpyxl
    gives them with ``data_only=True``: shared and inline strings, numbers (int or
    float), dates for date-formatted numbers, booleans, cached formula results.
    """

    def __init__(self, src, shared_strings: list[str], *, max_col: int,
                 date_styles=frozenset(), timedelta_styles=frozenset(), epoch=None) -> None:

        self.src, self.strings, self.max_col = src, shared_strings, max_col
        self.date_styles, self.timedelta_styles, self.epoch = (
            date_styles, timedelta_styles, epoch)
        self.too_big: set[int] = set()  # rows with a cell over MAX_CELL_CHARS
        self._done: list[tuple[int, list]] = []
        self._row = 0
        self._cells: list | None = None
        self._col = 0
        self._cell: tuple[int, str, int] | None = None  # column, type, style
        self._text: list[str] | None = None  # the text being collected (v or is/t)
        self._size = 0
        self._path: list[str] = []
        p = self._parser = expat.ParserCreate(namespace_separator=" ")
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._chars
        p.buffer_text = True

    def __iter__(self):
        while chunk := self.src.read(1 << 16):
            self._parser.Parse(chunk, False)
            if self._done:
                yield from self._done
                self._done.clear()
        self._parser.Parse(b"", True)
        yield from self._done
        self._done.clear()

    def _start(self, name, attrs) -> None:
        local = name.rsplit(" ", 1)[-1]
        self._path.append(local)
        if local == "row":
            r = attrs.get("r")
            self._row = int(float(r)) if r else self._row + 1
            self._cells, self._col = [], 0
        elif local == "c" and self._cells is not None:
            r = attrs.get("r")
            col = _column_of(r) if r else self._col + 1
            self._col = col
            style = attrs.get("s")
            self._cell = (col, attrs.get("t", "n"), int(style) if style else 0)
            self._text = None
        elif self._cell is not None and self._cell[0] <= self.max_col and (
                (local == "v" and self._path[-2] == "c")
                or (local == "t" and self._path[-2] in ("is", "r")
                    and "is" in self._path[-4:])):
            if self._text is None:
                self._text, self._size = [], 0

    def _chars(self, data: str) -> None:
        if self._text is not None and self._path[-1] in ("v", "t"):
            if self._size <= MAX_CELL_CHARS:
                self._text.append(data)
            self._size += len(data)

    def _end(self, _name) -> None:
        local = self._path.pop()
        if local == "c" and self._cell is not None:
            col, kind, style = self._cell
            if self._text is not None and col <= self.max_col:
                if self._size > MAX_CELL_CHARS:
                    self.too_big.add(self._row)
                else:
                    try:
                        value = self._value(kind, style, "".join(self._text))
                    except (IndexError, ValueError) as exc:
                        what = ("a shared string that is not there" if isinstance(
                            exc, IndexError) else f"an unreadable value ({exc})")
                        raise SheetError(self._row, f"not a readable XLSX workbook: column "
                                         f"{col} holds {what}") from exc
                    if value is not None and value != "":
                        self._cells.append((col, value))
            self._cell, self._text = None, None
        elif local == "row" and self._cells is not None:
            self._done.append((self._row, self._cells))
            self._cells = None

    def _value(self, kind: str, style: int, text: str):
        if kind == "s":
            return self.strings[int(text)]
        if kind in ("inlineStr", "str", "e", "d"):
            return text
        if kind == "b":
            return bool(int(text))
        number = float(text) if ("." in text or "e" in text or "E" in text) else int(text)
        if style in self.date_styles:
            from openpyxl.utils.datetime import from_excel  # (deferred: openpyxl loads only for an XLSX file)

            try:
                return from_excel(number, self.epoch,
                                  timedelta=style in self.timedelta_styles)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number


def _column_of(ref: str) -> int:
    """``"XFD12"`` -> 16384."""
    col = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            col = col * 26 + ord(ch) - 64
        elif "a" <= ch <= "z":
            col = col * 26 + ord(ch) - 96
        else:
            break
    if not col:
        raise ValueError(f"{ref!r} is not a cell reference")
    return col


def _whole(zf, name) -> None:
    size = zf.getinfo(name).file_size
    if size > XLSX_MAX_PART_BYTES:
        raise XlsxTooLarge(f"part {name} is {size:,} bytes, and a part read whole may have "
                           f"{XLSX_MAX_PART_BYTES:,}")


class _Streamed:
    """A member opened for reading: chunks are fine, reading it whole is bounded."""

    def __init__(self, f, zf, name) -> None:
        self._f, self._zf, self._name = f, zf, name

    def read(self, n: int | None = -1) -> bytes:
        if n is None or n < 0:
            _whole(self._zf, self._name)
        return self._f.read(n)

    def tell(self) -> int:
        return self._f.tell()

    def close(self) -> None:
        self._f.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _load_workbook(fh):
    """openpyxl's ``load_workbook(fh, read_only=True, data_only=True, keep_links=False)``
    with the bounds above: the archive refuses to give a big part whole, and the shared
    strings are read by :func:`read_shared_strings`."""

    from openpyxl.reader.excel import ExcelReader  # (deferred: openpyxl loads only for an XLSX file)
    from openpyxl.xml.constants import SHARED_STRINGS  # (deferred: openpyxl loads only for an XLSX file)

    class BoundedZip(zipfile.ZipFile):
        def read(self, name, pwd=None):
            _whole(self, name)
            return super().read(name, pwd)

        def open(self, name, mode="r", pwd=None, **kw):
            f = super().open(name, mode, pwd, **kw)
            return _Streamed(f, self, name) if mode == "r" else f

    class Reader(ExcelReader):
        def __init__(self, fh) -> None:
            super().__init__(fh, read_only=True, data_only=True, keep_links=False)
            self.archive.close()  # a plain ZipFile of fh (fh itself stays open)
            self.archive = BoundedZip(fh)

        def read_strings(self) -> None:
            ct = self.package.find(SHARED_STRINGS)
            if ct is not None:
                name = ct.PartName[1:]
                # Each byte of string text in the XML costs at least a byte once parsed,
                # so a part over the budget cannot fit: refuse before parsing it (a
                # 64 MiB part took 8 s to reach the budget). The size in the header is
                # checked against the real stream by _Streamed.
                if self.archive.getinfo(name).file_size > XLSX_STRINGS_BUDGET:
                    raise XlsxTooLarge(
                        f"the shared strings take more than {XLSX_STRINGS_BUDGET >> 20} MB "
                        "(about 500,000 distinct texts): split the base into smaller files")
                with self.archive.open(name) as src:
                    self.shared_strings = read_shared_strings(src)

    reader = Reader(fh)
    reader.read()
    reader.wb._shared_strings_list = reader.shared_strings
    return reader.wb


def _xlsx_problem(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return f"not a readable XLSX workbook ({text[:300]})"


def open_xlsx(path: Path, size: int, sheet: str | None) -> Table:
    """Rows come straight from openpyxl's streaming sheet parser: only the rows and
    cells the sheet holds (no padding to a declared dimension such as
    ``A1:XFD1048576``, no empty rows for gaps; a row's line is its sheet row
    number); trailing empty cells are dropped and a row is cut to the header's
    width (cells past it have no column name to be mapped by)."""
    check_xlsx_archive(path)  # before openpyxl is even imported
    fh = open(path, "rb")  # noqa: SIM115 - a file object: openpyxl then ignores the suffix
    wb = None
    src = None

    def close() -> None:
        if src is not None:
            src.close()
        if wb is not None:
            wb.close()
        fh.close()

    def sheet_rows(parsed: SheetRows) -> Iterator[tuple[int, list[str] | BadRow]]:
        for line, cells in parsed:
            if line in parsed.too_big:
                yield line, BadRow(
                    f"a cell is larger than the limit of {MAX_CELL_CHARS:,} characters")
            else:
                yield line, _row_values(cells, parsed.max_col)

    try:
        wb = _load_workbook(fh)
        if sheet:
            if sheet not in wb.sheetnames:
                raise ImportFileError(path, f"no sheet {sheet!r}; sheets: "
                                      + ", ".join(wb.sheetnames))
            ws = wb[sheet]
        else:
            ws = wb.worksheets[0]
        total = wb._archive.getinfo(ws._worksheet_path).file_size
        src = wb._archive.open(ws._worksheet_path)
        parsed = SheetRows(src, wb._shared_strings_list, max_col=XLSX_MAX_COLUMNS + 1,
                           date_styles=wb._date_formats,
                           timedelta_styles=wb._timedelta_formats, epoch=wb.epoch)
        it = sheet_rows(parsed)
        headers: list[str] | None = None
        for line, values in it:
            if isinstance(values, BadRow):
                raise ImportFileError(path, f"the header row cannot be read: {values.reason}",
                                      line)
            if any(c.strip() for c in values):
                headers = [c.strip() for c in values]
                break
        if headers is None:
            raise ImportFileError(path, "no header row: the sheet is empty")
        if len(headers) > XLSX_MAX_COLUMNS:
            raise ImportFileError(path, f"the header row has more than {XLSX_MAX_COLUMNS:,} "
                                  "columns", line)
        parsed.max_col = len(headers)  # from here on the parser keeps these columns only
    except ImportFileError:
        close()
        raise
    except SheetError as exc:
        close()
        raise ImportFileError(path, str(exc), exc.row) from exc
    except XlsxTooLarge as exc:
        close()
        raise ImportFileError(path, f"refused: {exc}; split the base or save it as CSV") \
            from exc
    except Exception as exc:  # noqa: BLE001 - whatever the parser raises: the file is bad
        close()
        log.debug("XLSX %s unreadable", path, exc_info=True)
        raise ImportFileError(path, _xlsx_problem(exc)) from exc
    state = {"line": line}

    def rows() -> Iterator[tuple[int, list[str] | BadRow]]:
        try:
            while True:
                try:
                    item = next(it, None)
                except SheetError as exc:
                    raise ImportFileError(path, str(exc), exc.row) from exc
                except Exception as exc:  # noqa: BLE001 - see above
                    log.debug("XLSX %s unreadable", path, exc_info=True)
                    raise ImportFileError(path, _xlsx_problem(exc), state["line"] + 1) from exc
                if item is None:
                    return
                state["line"] = item[0]
                yield item
        finally:
            close()

    def position() -> int:
        try:
            return min(src.tell(), total)
        except (OSError, ValueError):
            return total

    return Table(path=path, kind="xlsx", headers=headers, size=total, sheet=ws.title,
                 _rows=rows(), _pos=position, _close=close)


def _row_values(cells: list[tuple[int, object]], width: int) -> list[str]:
    """Texts of the parsed cells in columns 1..``width``; trailing empty cells dropped."""
    texts = {col: _cell_text(value) for col, value in cells if col <= width}
    last = max((col for col, text in texts.items() if text.strip()), default=0)
    out = [""] * last
    for col, text in texts.items():
        if col <= last:
            out[col - 1] = text
    return out
