"""Rows of a lead base: cells of one row parsed into a :class:`Row` (or the reason
to reject it), rows of one batch merged, the limits of each field. Qt-free."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from workstation.domain.phones import PhoneError
from workstation.importer.fastphone import make_normalizer
from workstation.importer.mapping import FIELDS, parse_lead_type
from workstation.safecsv import unescape_cell

LIMITS = {"company": 500, "address": 1000, "category": 200, "source": 200, "contact": 300,
          "email": 320}
EMAIL_SPLIT = re.compile(r"[,;\s]+")
CONTACT_SPLIT = re.compile(r"[;\n\r]+")
PHONE_SPLIT = re.compile(r"[,;/\n\r|]+")  # as phones.split_cell


@dataclass
class Reject:
    line: int
    reason: str
    cells: list[str] = field(default_factory=list)
    warning: bool = False  # the row was imported; only part of it was dropped

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"



@dataclass(slots=True)
class Row:
    line: int
    company: str
    address: str
    source: str
    category: str
    contacts: list[str]
    emails: list[str]
    phones: list[tuple[str, str]]  # (raw, e164)
    lead_type: str | None
    history: str
    when: datetime | None
    extra_lines: list[int] | None = None  # rows of the same batch merged into this one


@dataclass
class Prepared:
    """A batch after in-file merging, with tuples built as if every row were new."""

    rows: list[Row]
    e164s: list[str]
    merged: int
    leads: list[tuple] = field(default_factory=list)
    contacts: list[tuple] = field(default_factory=list)
    phones: list[tuple] = field(default_factory=list)
    emails: list[tuple] = field(default_factory=list)
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # row -> list starts


def parse_when(text: str) -> datetime | None:
    t = text.strip()
    if not t:
        return None
    for candidate in (t, t.replace("/", "-")):
        try:
            dt = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        if dt.tzinfo is None:
            dt = dt.astimezone()  # local time as written
        return dt.astimezone(timezone.utc)
    for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y"):
        try:
            return datetime.strptime(t, fmt).astimezone().astimezone(timezone.utc)
        except ValueError:
            continue
    return None


class RowParser:
    """Cells of one row -> a Row, or the reason to reject it."""

    def __init__(self, mapping: dict[str, list[int]], region: str) -> None:
        self.m = mapping
        self.normalize = make_normalizer(region)
        self.phone_cols = mapping.get("phone", [])
        self.email_cols = mapping.get("email", [])
        self.contact_cols = mapping.get("contact", [])
        self.single = {k: (v[0] if len(v) == 1 else -1) for k, v in mapping.items()}
        self.width = 1 + max((i for cols in mapping.values() for i in cols), default=0)

    def _text(self, cells: list[str], name: str) -> str:
        i = self.single.get(name)
        if i is None:
            return ""
        if i >= 0:
            value = cells[i].strip()
        else:
            value = " ".join(c for c in (cells[j].strip() for j in self.m[name]) if c)
        return unescape_cell(value) if value[:1] == "'" else value

    def parse(self, line: int, cells: list[str], warn: Callable[[str], None]) -> Row | str:
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        text = self._text
        company = text(cells, "company")
        address = text(cells, "address")
        source = text(cells, "source")
        category = text(cells, "category")
        if len(company) > 500 or len(address) > 1000 or len(source) > 200 or len(category) > 200:
            for name, value in (("company", company), ("address", address),
                                ("source", source), ("category", category)):
                if len(value) > LIMITS[name]:
                    return (f"{FIELDS[name].lower()} is {len(value)} characters long "
                            f"(the limit is {LIMITS[name]})")
        phones: list[tuple[str, str]] = []
        seen: set[str] = set()
        bad: list[str] = []
        norm = self.normalize
        for i in self.phone_cols:
            cell = cells[i]
            if not cell:
                continue
            if ";" in cell or "/" in cell or "\n" in cell or "|" in cell or "\r" in cell:
                parts = PHONE_SPLIT.split(cell)
            else:
                parts = cell.split(",")
            for part in parts:
                part = part.strip()
                if not part:
                    continue
                try:
                    e164 = norm(part)
                except PhoneError as exc:
                    bad.append(f"{part[:40]!r} ({phone_reason(exc)})")
                    continue
                if e164 not in seen:
                    seen.add(e164)
                    phones.append((part[:64], e164))
        if not phones:
            if bad:
                return "invalid phone " + "; ".join(bad)
            return "no phone number"
        if bad:
            warn("phone ignored: " + "; ".join(bad))
        contacts: list[str] = []
        for i in self.contact_cols:
            cell = cells[i]
            if not cell or cell.isspace():
                continue
            names = CONTACT_SPLIT.split(cell) if ("\n" in cell or ";" in cell) else (cell,)
            for name in names:
                name = " ".join(name.split())
                if not name:
                    continue
                if name[0] == "'":
                    name = unescape_cell(name)
                if len(name) > LIMITS["contact"]:
                    return (f"contact person is {len(name)} characters long "
                            f"(the limit is {LIMITS['contact']})")
                if not contacts or name.casefold() not in {c.casefold() for c in contacts}:
                    contacts.append(name)
        emails: list[str] = []
        for i in self.email_cols:
            cell = cells[i].strip()
            if not cell:
                continue
            for token in EMAIL_SPLIT.split(cell):
                if not token:
                    continue
                if token[0] == "'":
                    token = unescape_cell(token)
                if "@" not in token or len(token) > LIMITS["email"] or token[0] == "@":
                    warn(f"e-mail ignored: {token[:60]!r} is not an e-mail address")
                    continue
                if not emails or token.lower() not in {e.lower() for e in emails}:
                    emails.append(token)
        lead_type = None
        when = None
        history = ""
        if "lead_type" in self.single:
            type_text = text(cells, "lead_type")
            if type_text:
                lt = parse_lead_type(type_text)
                if lt is None:
                    warn(f"client type ignored: unknown type {type_text[:60]!r}")
                else:
                    lead_type = lt.value
        if "datetime" in self.single:
            when_text = text(cells, "datetime")
            if when_text:
                when = parse_when(when_text)
                if when is None:
                    warn(f"date-time ignored: {when_text[:40]!r} is not a date")
        if "history" in self.single:
            history = text(cells, "history")
        return Row(line, company, address, source, category, contacts, emails, phones,
                    lead_type, history, when)


def phone_reason(exc: PhoneError) -> str:
    text = str(exc)
    return text.split(":")[0] if ":" in text else text


def merge_rows(into: Row, row: Row) -> None:
    """Fold a later row of the same batch into an earlier one."""
    if into.extra_lines is None:
        into.extra_lines = []
    into.extra_lines.append(row.line)
    known = {e for _r, e in into.phones}
    for raw, e in row.phones:
        if e not in known:
            into.phones.append((raw, e))
            known.add(e)
    low = {c.casefold() for c in into.contacts}
    into.contacts.extend(c for c in row.contacts if c.casefold() not in low)
    low = {e.lower() for e in into.emails}
    into.emails.extend(e for e in row.emails if e.lower() not in low)
    for name in ("company", "address", "source", "category", "history"):
        if not getattr(into, name) and getattr(row, name):
            setattr(into, name, getattr(row, name))
    into.lead_type = into.lead_type or row.lead_type
    into.when = into.when or row.when
