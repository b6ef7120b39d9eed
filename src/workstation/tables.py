"""Write a table (header + rows) to CSV or XLSX: every export of the product goes through here.

- Formulas are escaped (:mod:`workstation.safecsv`): a cell starting with ``=``,
  ``+``, ``-`` or ``@`` is written as text.
- Constant memory: rows are consumed one at a time (xlsxwriter's
  ``constant_memory`` mode writes each row out as it goes), so a table of a
  million rows costs what one row costs.
- Nothing half-written: the file is written beside the target and renamed over
  it only when complete; the result is private to the user (0600).

``rows`` may be any iterable; ``cancel`` (a ``threading.Event``) stops the
write between rows and leaves the target untouched. Qt-free.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from workstation import paths
from workstation.safecsv import SafeWriter, escape_cell

FORMATS = ("csv", "xlsx")


class Cancelled(Exception):
    """The write was cancelled; the target file was not touched."""


def format_of(path: str | os.PathLike, fmt: str | None = None) -> str:
    """``fmt`` or the one the file name says; ValueError names the unknown one."""
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"{path}: unknown table format {fmt!r} (expected csv or xlsx)")
    return fmt


def write_table(path: str | os.PathLike, header: Sequence[str], rows: Iterable[Sequence],
                fmt: str | None = None, *, sheet: str = "Sheet1",
                cancel: threading.Event | None = None,
                progress: Callable[[int], None] | None = None) -> int:
    """Write ``header`` and ``rows`` to ``path``; returns the number of data rows."""
    fmt = format_of(path, fmt)
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        paths.private_file(tmp)
        writer = _write_csv if fmt == "csv" else _write_xlsx
        n = writer(tmp, header, rows, sheet, cancel, progress)
        os.replace(tmp, target)
        paths.private_file(target)
        return n
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _rows(rows, cancel, progress):
    for i, row in enumerate(rows, 1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        yield row
        if progress is not None and i % 1000 == 0:
            progress(i)


def _write_csv(tmp, header, rows, sheet, cancel, progress) -> int:
    n = 0
    with open(tmp, "w", newline="", encoding="utf-8-sig") as f:
        w = SafeWriter(f)
        w.writerow(header)
        for row in _rows(rows, cancel, progress):
            w.writerow(["" if v is None else v for v in row])
            n += 1
    return n


def _write_xlsx(tmp, header, rows, sheet, cancel, progress) -> int:
    # xlsxwriter is only needed when someone exports to XLSX.
    import xlsxwriter

    book = xlsxwriter.Workbook(tmp, {"constant_memory": True, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    try:
        ws = book.add_worksheet(sheet[:31] or "Sheet1")
        bold = book.add_format({"bold": True})
        when = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        ws.write_row(0, 0, [escape_cell(h) for h in header], bold)
        n = 0
        for r, row in enumerate(_rows(rows, cancel, progress), 1):
            for c, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, bool):
                    ws.write_boolean(r, c, v)
                elif isinstance(v, (int, float)):
                    ws.write_number(r, c, v)
                elif isinstance(v, datetime):
                    ws.write_datetime(r, c, v.replace(tzinfo=None), when)
                elif isinstance(v, date):
                    ws.write_datetime(r, c, datetime(v.year, v.month, v.day), day)
                else:
                    ws.write_string(r, c, str(escape_cell(str(v))))
            n += 1
    finally:
        book.close()
    return n
