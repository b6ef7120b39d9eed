"""Spreadsheet-safe cells: every CSV (and XLSX) the product writes goes through here.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is a formula to Excel and LibreOffice (``=HYPERLINK(...)``, the DDE
payload ``=cmd|' /C calc'!A0``); OWASP's rule: prefix such a cell with a single
quote, which the spreadsheet shows as text. The one exception is a phone number
written as such, ``+380671234567`` (or several, comma-separated, as the export's
"current phone" column): digits only, never a formula. Numbers (int, float) are
not text and are written as they are.

:func:`unescape_cell` undoes it for the importer, so a re-imported export
compares equal to what was exported. Qt-free.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PHONES = re.compile(r"\+\d{6,15}(?:\s*,\s*\+\d{6,15})*")


def escape_cell(value):
    """``value`` made safe for a spreadsheet (strings only; see the module docstring)."""
    if isinstance(value, str) and value.startswith(FORMULA_START) \
            and not _PHONES.fullmatch(value):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    """The text :func:`escape_cell` was given (a quote before a formula start dropped)."""
    if text.startswith("'") and text[1:2] and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def safe_row(row: Iterable) -> list:
    return [escape_cell(v) for v in row]


class SafeWriter:
    """``csv.writer`` whose every cell goes through :func:`escape_cell`."""

    def __init__(self, f, **kw) -> None:
        self._w = csv.writer(f, **kw)

    def writerow(self, row: Iterable):
        return self._w.writerow([escape_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    """``csv.DictWriter`` whose every value goes through :func:`escape_cell`."""

    def writerow(self, rowdict):
        return super().writerow({k: escape_cell(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts):
        for rowdict in rowdicts:
            self.writerow(rowdict)
