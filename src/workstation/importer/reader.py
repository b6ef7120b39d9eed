"""Reading lead base files: CSV (encoding and delimiter detected) and XLSX.

``open_table(path)`` returns a :class:`Table` whose ``rows()`` yields
``(line, cells)`` where ``line`` is the line of the file the row starts on
(the header is line 1). A row that cannot be read (a cell over
``MAX_CELL_CHARS``) comes out as a :class:`BadRow` so the importer can reject
it with its line number and go on. Problems with the file as a whole raise
:class:`ImportFileError`, whose message names the file, the line when known,
and the problem.

Encoding: a UTF-8 or UTF-16 byte order mark decides; otherwise the whole file
is checked as UTF-8 (a streaming decode, ~10 ms per 10 MB); a file that is not
UTF-8 is read as Windows-1251 if it looks like Russian/Ukrainian text in it
(Cyrillic words; no Latin letters glued to Cyrillic ones, as Latin-1 gives;
no "пРИВЕТ" case pattern, as KOI8-R gives; few Serbian/Macedonian letters,
as mis-decoded UTF-8 gives). Anything else is refused with the
line of the first offending byte; ``encoding=`` forces a codec.

Delimiter: comma, semicolon or tab, whichever splits the first lines into the
most consistent number of columns (phones like ``380672945123,380672945124``
inside a semicolon file do not fool it).

Hostile input: a FIFO, a device or a socket is refused before anything is read
(opened non-blocking, checked with fstat); a NUL byte anywhere in a CSV refuses
the file with its line. XLSX files are read by :mod:`.xlsx`, within bounds.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MAX_CELL_CHARS = 1_000_000
"""A cell longer than this rejects its row (a 50 MB cell is never loaded into the UI)."""
csv.field_size_limit(MAX_CELL_CHARS)  # process-wide; the default (128 KiB) is lower
SNIFF_BYTES = 256 * 1024
DELIMITERS = (",", ";", "\t")
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"

_CYR = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z]")
# letters cp1251 has but Russian/Ukrainian text never uses (Serbian, Macedonian, Belarusian ў):
# mis-decoded UTF-8 is full of them
_RARE_CP1251 = set("ЂЃѓЉЊЌЋЏђљњќћџЎўЈјЅѕ")


class ImportFileError(Exception):
    """The file as a whole cannot be imported. ``str()`` names file, line and problem."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")


@dataclass
class BadRow:
    """A row the reader could not read; the importer rejects it."""

    reason: str


@dataclass
class Table:
    """An opened lead base file: headers plus a row iterator."""

    path: Path
    kind: str  # "csv" or "xlsx"
    headers: list[str]
    encoding: str = ""
    delimiter: str = ""
    size: int = 0
    sheet: str = ""
    _rows: Iterator[tuple[int, list[str] | BadRow]] | None = field(default=None, repr=False)
    _pos: object = field(default=None, repr=False)
    _close: object = field(default=None, repr=False)

    def rows(self) -> Iterator[tuple[int, list[str] | BadRow]]:
        """``(line, cells)`` for every data row, ``(line, BadRow)`` for unreadable ones."""
        assert self._rows is not None
        return self._rows

    def position(self) -> int:
        """Progress in the same unit as ``size`` (bytes for CSV, rows for XLSX)."""
        return int(self._pos()) if callable(self._pos) else 0

    def close(self) -> None:
        if callable(self._close):
            self._close()

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _line_of_offset(path: Path, offset: int) -> int:
    line = 1
    done = 0
    with open(path, "rb") as f:
        while done < offset:
            chunk = f.read(min(1 << 20, offset - done))
            if not chunk:
                break
            line += chunk.count(b"\n")
            done += len(chunk)
    return line


def _utf8_error_offset(path: Path, start: int) -> tuple[int | None, bool]:
    """(offset of the first invalid UTF-8 byte or None, whether non-ASCII came before it)."""
    dec = codecs.getincrementaldecoder("utf-8")("strict")
    pos = start
    non_ascii = False
    with open(path, "rb") as f:
        f.seek(start)
        while True:
            chunk = f.read(1 << 20)
            final = not chunk
            try:
                dec.decode(chunk, final)
            except UnicodeDecodeError as exc:
                return pos + exc.start - len(dec.getstate()[0]), non_ascii
            if final:
                return None, non_ascii
            if not non_ascii and not chunk.isascii():
                non_ascii = True
            pos += len(chunk)


def _plausible_cp1251(text: str) -> bool:
    """True when ``text`` (bytes read as cp1251) looks like Russian/Ukrainian."""
    cyr_words = mixed = flipped = 0
    rare = sum(1 for ch in text if ch in _RARE_CP1251)
    for word in _WORD.findall(text):
        if _CYR.search(word):
            cyr_words += 1
            if _LATIN.search(word):
                mixed += 1  # Latin-1 / cp1252 accents read as Cyrillic: "Cafй"
            elif len(word) > 2 and word[0].islower() and word[1:].isupper():
                flipped += 1  # KOI8-R read as cp1251: "пРИВЕТ"
    if cyr_words == 0:
        return False
    letters = len(_CYR.findall(text))
    return (mixed <= 0.05 * cyr_words and flipped <= 0.1 * cyr_words
            and rare <= 0.01 * max(letters, 1))


def detect_encoding(path: Path, head: bytes) -> str:
    """The codec to read ``path`` with, or ``ImportFileError``."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    bad, non_ascii_before = _utf8_error_offset(path, 0)
    if bad is None:
        return "utf-8"
    line = _line_of_offset(path, bad)
    with open(path, "rb") as f:
        f.seek(bad)
        byte = f.read(1)
    if non_ascii_before:
        raise ImportFileError(
            path, f"invalid UTF-8 byte 0x{byte.hex()} (the lines before it are UTF-8): "
            "the file mixes encodings; re-save it as UTF-8", line)
    with open(path, "rb") as f:
        sample = f.read(4 * SNIFF_BYTES)
    try:
        text = sample.decode("cp1251", errors="strict")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible_cp1251(text):
        try:  # the whole file must decode (cp1251 leaves one byte, 0x98, undefined)
            with open(path, encoding="cp1251", newline="") as f:
                while f.read(1 << 20):
                    pass
        except UnicodeDecodeError:
            text = ""
        else:
            return "cp1251"
    raise ImportFileError(
        path, f"unknown text encoding (byte 0x{byte.hex()} is not UTF-8, and the text does "
        "not read as Windows-1251 either); save the file as UTF-8 or pass --encoding", line)


def detect_delimiter(sample: str) -> str:
    """Comma, semicolon or tab: the one giving the most consistent column count."""
    lines = sample.splitlines()[:50]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line of a sample may be cut
    text = "\n".join(lines)
    best, best_score = ",", (-1.0, 0)
    for delim in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(text), delimiter=delim) if r]
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            score = (0.0, 1)
        else:
            counts = Counter(len(r) for r in rows)
            score = (counts[width] / len(rows), width)
        if score > best_score:
            best, best_score = delim, score
    return best


def _check_readable(path: Path) -> int:
    """Size of ``path``, or ``ImportFileError``. A FIFO, a device or a socket is refused at
    once: the file is opened non-blocking and checked by ``fstat`` before anything is read."""
    if not path.exists():
        raise ImportFileError(path, "no such file")
    if path.is_dir():
        raise ImportFileError(path, "is a folder, not a file")
    if not os.access(path, os.R_OK):
        raise ImportFileError(path, "permission denied: the file cannot be read")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ImportFileError(path, f"cannot be read: {exc.strerror or exc}") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else
                    "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else
                    "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
            raise ImportFileError(path, f"is {kind}, not a regular file; "
                                  "save the base as a CSV or XLSX file")
        try:
            os.read(fd, 1)
        except OSError as exc:
            raise ImportFileError(path, f"cannot be read: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
    if st.st_size == 0:
        raise ImportFileError(path, "the file is empty")
    return st.st_size


def find_nul(path: Path, start: int = 0) -> int | None:
    """Offset of the first NUL byte of ``path`` from ``start`` on (the whole file), or None."""
    pos = start
    with open(path, "rb") as f:
        f.seek(start)
        while chunk := f.read(1 << 20):
            i = chunk.find(b"\0")
            if i >= 0:
                return pos + i
            pos += len(chunk)
    return None


def _refuse_nul(path: Path, offset: int) -> None:
    raise ImportFileError(
        path, "binary data (NUL bytes): not a CSV text file; "
        "save the base as CSV (UTF-8 or Windows-1251) or XLSX", _line_of_offset(path, offset))


def open_table(path: Path | str, *, encoding: str | None = None,
               delimiter: str | None = None, sheet: str | None = None) -> Table:
    """Open a CSV or XLSX lead base; read its header row."""
    path = Path(path)
    size = _check_readable(path)
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    if head.startswith(OLE_MAGIC) or path.suffix.lower() == ".xls":
        raise ImportFileError(path, "Excel 97-2003 (.xls) files are not supported; "
                              "save the base as .xlsx or CSV")
    if head.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        # (cycle: importer.xlsx imports this module)
        from workstation.importer.xlsx import open_xlsx

        return open_xlsx(path, size, sheet)
    return _open_csv(path, size, head, encoding, delimiter)


def _open_csv(path: Path, size: int, head: bytes, encoding: str | None,
              delimiter: str | None) -> Table:
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise ImportFileError(path, f"unknown encoding name {encoding!r}") from exc
    wide = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")))
    if not wide:  # the whole file: a NUL past any sample reached the shared database once
        nul = find_nul(path)
        if nul is not None:
            _refuse_nul(path, nul)
    if not encoding:
        encoding = detect_encoding(path, head)
    raw = open(path, "rb")  # noqa: SIM115 - closed by Table.close / the generator
    try:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
        try:
            sample = text.read(SNIFF_BYTES)
        except UnicodeDecodeError as exc:
            raise ImportFileError(path, f"cannot be read as {encoding}: {exc.reason}") from exc
        if delimiter is None:
            delimiter = detect_delimiter(sample)
        elif delimiter in ("\\t", "tab", "TAB"):
            delimiter = "\t"
        if len(delimiter) != 1:
            raise ImportFileError(path, f"the delimiter must be one character, not {delimiter!r}")
        text.detach()  # a collected wrapper would close raw
        raw.seek(0)
        text = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
    except BaseException:
        raw.close()
        raise
    reader = csv.reader(text, delimiter=delimiter)

    def next_row():
        """(start line, cells | BadRow) or None at the end."""
        start = reader.line_num + 1
        try:
            cells = next(reader)
            if wide and any("\0" in c for c in cells):
                raise ImportFileError(path, "a NUL character in the text: not a CSV text file",
                                      start)
            return start, cells
        except StopIteration:
            return None
        except csv.Error as exc:
            msg = str(exc)
            if "field larger than field limit" in msg:
                msg = f"a cell is larger than the limit of {MAX_CELL_CHARS:,} characters"
            return start, BadRow(msg)
        except UnicodeDecodeError as exc:
            raise ImportFileError(path, f"cannot be read as {encoding}: {exc.reason}",
                                  reader.line_num + 1) from exc

    first = next_row()
    while first is not None and isinstance(first[1], list) and not any(c.strip() for c in first[1]):
        first = next_row()  # blank lines before the header
    if first is None:
        raw.close()
        raise ImportFileError(path, "no header row: the file has no data")
    if isinstance(first[1], BadRow):
        raw.close()
        raise ImportFileError(path, f"the header row cannot be read: {first[1].reason}", first[0])
    headers = [h.strip() for h in first[1]]

    def rows() -> Iterator[tuple[int, list[str] | BadRow]]:
        try:
            while True:
                item = next_row()
                if item is None:
                    return
                yield item
        finally:
            raw.close()

    def position() -> int:
        try:
            return raw.tell()
        except (OSError, ValueError):
            return size

    return Table(path=path, kind="csv", headers=headers, encoding=encoding,
                 delimiter=delimiter, size=size, _rows=rows(), _pos=position, _close=raw.close)


def read_preview(path: Path | str, limit: int = 50, cell_chars: int = 200,
                 **kw) -> tuple[Table, list[tuple[int, list[str]]]]:
    """Header plus the first ``limit`` rows, cells cut to ``cell_chars`` (for the wizard)."""
    table = open_table(path, **kw)
    out: list[tuple[int, list[str]]] = []
    try:
        for line, cells in table.rows():
            if isinstance(cells, BadRow):
                cells = [f"<{cells.reason}>"]
            out.append((line, [c if len(c) <= cell_chars else c[:cell_chars] + "…"
                               for c in cells]))
            if len(out) >= limit:
                break
    finally:
        table.close()
    return table, out
