"""Export the processed lead base: the seeds' CSV shape, UTF-8.

Columns (seed outsourced-sales-department, "processed base"): client type ·
date-time · client history · company · category · address · current phone ·
contact person · e-mail. Header names are English by default (``--headers
ru|uk`` for the seeds' Russian or Ukrainian ones); client types are written in
the same language. The file starts with a UTF-8 byte order mark so that Excel
opens the Cyrillic correctly (``bom=False`` for tools that dislike it); our
importer reads both.

- date-time: the last contact, else the lead's creation, local time
  ``YYYY-MM-DD HH:MM``;
- client history: the lead's notes, then its latest history events (newest
  first), short, one line;
- current phone: every live phone of the lead in E.164, first the primary,
  comma-separated (the importer splits the cell again, so a re-import merges
  into the same leads instead of creating new ones);
- contact person and e-mail: all of them, ``; `` and ``, `` separated.

The leads are read in keyset-paginated batches (``WHERE id > :last``) and
written as they come: memory stays flat on a 1,000,000-lead base. The file is
written under a temporary name and renamed at the end, so a failed export
never leaves half a file under the requested name.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from workstation.importer.mapping import lead_type_name
from workstation.safecsv import SafeWriter
from workstation.store.models import Contact, Email, HistoryEvent, Lead, Phone

BATCH = 2000
HISTORY_EVENTS = 5
HISTORY_CHARS = 1000

HEADERS = {
    "en": ["Client type", "Date-time", "Client history", "Company", "Category", "Address",
           "Current phone", "Contact person", "E-mail"],
    "ru": ["Тип клиента", "Дата/время", "Клиентская история", "Название компании",
           "Категория", "Адрес фактический или юридический", "Актуальный телефон",
           "Контактное лицо (ЛПР)", "email"],
    "uk": ["Тип клієнта", "Дата/час", "Клієнтська історія", "Назва компанії", "Категорія",
           "Адреса фактична або юридична", "Актуальний телефон", "Контактна особа (ОПР)",
           "email"],
}


class ExportError(Exception):
    """The export file cannot be written; the message names it."""


@dataclass
class ExportResult:
    path: Path
    leads: int = 0
    seconds: float = 0.0


def _local(dt: datetime | None) -> str:
    return dt.astimezone().strftime("%Y-%m-%d %H:%M") if dt else ""


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def run_export(store, path: Path | str, *, lang: str = "en", bom: bool = True,
               progress: Callable[[int, int], None] | None = None,
               cancel: threading.Event | None = None) -> ExportResult:
    started = time.perf_counter()
    path = Path(path)
    if lang not in HEADERS:
        raise ExportError(f"unknown header language {lang!r}; use one of: "
                          + ", ".join(HEADERS))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{path}: the folder {folder} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write in {folder}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    result = ExportResult(path=path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            w = SafeWriter(f)
            w.writerow(HEADERS[lang])
            with store.session() as s:
                total = s.scalar(select(func.count()).select_from(Lead)
                                 .where(Lead.deleted.is_(False))) or 0
                last: uuid.UUID | None = None
                while True:
                    if cancel is not None and cancel.is_set():
                        raise ExportError(f"{path}: export cancelled")
                    q = (select(Lead.id, Lead.lead_type, Lead.last_contact_at, Lead.created_at,
                                Lead.notes, Lead.company, Lead.category, Lead.address)
                         .where(Lead.deleted.is_(False)).order_by(Lead.id).limit(BATCH))
                    if last is not None:
                        q = q.where(Lead.id > last)
                    leads = s.execute(q).all()
                    if not leads:
                        break
                    last = leads[-1].id
                    ids = [r.id for r in leads]
                    phones: dict[uuid.UUID, list[str]] = {}
                    for lead_id, e164 in s.execute(
                            select(Phone.lead_id, Phone.e164)
                            .where(Phone.lead_id.in_(ids), Phone.deleted.is_(False))
                            .order_by(Phone.lead_id, Phone.position, Phone.created_at)):
                        phones.setdefault(lead_id, []).append(e164)
                    contacts: dict[uuid.UUID, list[str]] = {}
                    for lead_id, name in s.execute(
                            select(Contact.lead_id, Contact.full_name)
                            .where(Contact.lead_id.in_(ids), Contact.deleted.is_(False))
                            .order_by(Contact.lead_id, Contact.created_at)):
                        if name:
                            contacts.setdefault(lead_id, []).append(name)
                    emails: dict[uuid.UUID, list[str]] = {}
                    for lead_id, address in s.execute(
                            select(Email.lead_id, Email.address)
                            .where(Email.lead_id.in_(ids), Email.deleted.is_(False))
                            .order_by(Email.lead_id, Email.created_at)):
                        emails.setdefault(lead_id, []).append(address)
                    history: dict[uuid.UUID, list[str]] = {}
                    for lead_id, at, kind, text in s.execute(
                            select(HistoryEvent.lead_id, HistoryEvent.at, HistoryEvent.kind,
                                   HistoryEvent.text)
                            .where(HistoryEvent.lead_id.in_(ids),
                                   HistoryEvent.deleted.is_(False))
                            .order_by(HistoryEvent.lead_id, HistoryEvent.at.desc())):
                        items = history.setdefault(lead_id, [])
                        if len(items) < HISTORY_EVENTS:
                            items.append(f"{_local(at)} {kind}: {_one_line(text)}".strip())
                    for r in leads:
                        parts = [_one_line(r.notes)] if r.notes else []
                        parts += history.get(r.id, [])
                        story = " | ".join(p for p in parts if p)
                        if len(story) > HISTORY_CHARS:
                            story = story[:HISTORY_CHARS - 1] + "…"
                        w.writerow([
                            lead_type_name(r.lead_type, lang),
                            _local(r.last_contact_at or r.created_at),
                            story,
                            r.company, r.category, r.address,
                            ",".join(phones.get(r.id, [])),
                            "; ".join(contacts.get(r.id, [])),
                            ", ".join(emails.get(r.id, [])),
                        ])
                    result.leads += len(leads)
                    if progress:
                        progress(result.leads, total)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    result.seconds = time.perf_counter() - started
    return result


export_file = run_export  # the name the main window looks for
