"""Import a lead base (CSV/XLSX) into the local store.

Rules:
- each row is one lead (a company); its phone cell(s) may hold several numbers
  (``380672945123,380672945124``), each normalised to E.164 with the default
  region;
- a row whose phone matches a lead already in the base, or an earlier row of
  the file, is merged into that lead: missing phones, contacts and e-mails are
  added, empty fields filled; no second lead is created;
- a row without any valid phone, with a cell over the size limit or a field
  too long for the database is rejected: its line number and reason go to the
  caller and to ``<input>.rejects.csv`` next to the input (line, reason, the
  original cells);
- a row with some invalid phones or e-mails is imported without them and
  reported as a warning (same file, reason prefixed "warning, row imported");
- every accepted row goes in ONE transaction (``BEGIN IMMEDIATE`` … commit,
  outbox rows for sync in the same transaction): a crash, a Ctrl-C or a cancel
  leaves the base as it was. Other writers wait for the import (busy timeout).

How it is fast (100,000 rows in ~4.8 s on the 2-core dev box, see
bench/bench_import.py): phones go through the fast normaliser of
:mod:`.fastphone`; rows are written in batches of ``BATCH_ROWS`` through
:mod:`.bulk` (driver-level executemany into TEMP tables, then one INSERT ...
SELECT per table; time-ordered ids; foreign key checks off for this
transaction only, the keys being made or looked up in it); duplicates are
found with one indexed ``e164 IN (...)`` query per 500 numbers (skipped when
the base had no phones) plus an in-memory map of this import's numbers; the
GC threshold is raised while it runs; the WAL checkpoint runs after the
commit in the background. Parsing on a second thread was measured slower on
this 2-core machine (the GIL hand-over per executemany row costs more than the
overlap gains), so rows are parsed and written on one thread.
Merged existing leads get a history event of kind ``import`` naming the file,
lines and what was added.

Parsing a row and merging rows of a batch live in :mod:`.rows`, the rejects
file in :mod:`.rejects`. Qt-free; the wizard runs :func:`run_import` through
``views.ops.run_op``.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, func, select

from workstation.domain.enums import HistoryKind
from workstation.domain.funnel import DEFAULT_FUNNEL_CODE
from workstation.importer.bulk import (
    BulkTable,
    IdMaker,
    check_uuid_form,
    literal,
    max_rowid,
    outbox_ids,
    outbox_since,
    processor,
)
from workstation.importer.mapping import REQUIRED_FIELD, apply_overrides, auto_mapping
from workstation.importer.reader import BadRow, ImportFileError, Table, open_table
from workstation.importer.rejects import RejectsFile
from workstation.importer.rows import (
    Prepared,
    Reject,
    Row,
    RowParser,
    merge_rows,
)
from workstation.store.leads import make_name_key
from workstation.store.models import (
    Contact,
    Email,
    Funnel,
    FunnelStage,
    HistoryEvent,
    Lead,
    Phone,
    Team,
    User,
)
from workstation.store.types import utcnow

log = logging.getLogger(__name__)

BATCH_ROWS = 5000
STAGING = True  # write through TEMP tables (see bulk.BulkTable.stage)
IN_CHUNK = 500  # bound parameters per IN (...) query
MAX_REJECTS_KEPT = 1000  # rejects kept in memory for the screen; the file has them all

ProgressFn = Callable[[int, int], None]


class ImportCancelled(Exception):
    """The user cancelled; the transaction was rolled back."""


@dataclass
class ImportResult:
    path: Path
    rows_read: int = 0
    inserted: int = 0
    merged: int = 0  # rows that went into an existing lead or an earlier row's lead
    merged_existing: int = 0  # of which into leads that were in the base before
    rejected: int = 0
    warnings: int = 0
    phones_added: int = 0
    rejects: list[Reject] = field(default_factory=list)  # first MAX_REJECTS_KEPT
    rejects_path: Path | None = None
    kind: str = ""  # csv or xlsx
    encoding: str = ""
    delimiter: str = ""
    mapping: dict[str, list[int]] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)
    dry_run: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        text = (f"read {self.rows_read} rows, inserted {self.inserted} leads, "
                f"merged {self.merged}, rejected {self.rejected}")
        if self.rejects_path:
            text += f" (rejects file: {self.rejects_path})"
        if self.dry_run:
            text += " [dry run: nothing saved]"
        return text


@dataclass
class ImportOptions:
    region: str = "UA"
    mapping: dict[str, list[int]] | None = None  # None: guessed from the headers
    overrides: list[str] = field(default_factory=list)  # "field=column"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    dry_run: bool = False
    owner_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None  # the new leads' team (a target: store.admin.import_target)
    shared_pool: bool = False  # into the team's shared pool (no owner)
    distribute_to: tuple[uuid.UUID, ...] = ()  # owners in turn, one new lead each
    user_id: uuid.UUID | None = None
    rejects_path: Path | None = None  # default: <input>.rejects.csv
    batch_rows: int = BATCH_ROWS
    background_checkpoint: bool = True  # see _checkpoint


def rejects_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".rejects.csv")


# ------------------------------------------------------------------ the import

def _company_key(row: Row) -> str:
    return row.company


@contextmanager
def _fewer_gc_passes():
    """A higher cyclic-GC threshold while an import runs (restored after the last one).

    Bulk work creates millions of short-lived tuples, and the default threshold
    (700) makes the GC walk the live heap over and over (measured: ~40 % of the
    parse time). Only the GC is touched: the GIL switch interval is the app's
    (``app.tune_interpreter``), never changed here.
    """
    global _gc_depth, _gc_saved
    with _gc_lock:
        if _gc_depth == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(200_000, *_gc_saved[1:])
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_saved:
                gc.set_threshold(*_gc_saved)


_gc_lock = threading.Lock()
_gc_depth = 0
_gc_saved: tuple = ()


def _chunks(items: list, size: int = IN_CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


_LEAD_COLS = ("id", "company", "address", "source", "category", "lead_type", "notes",
              "last_contact_at", "name_key")
_CONTACT_COLS = ("id", "lead_id", "full_name")
_PHONE_COLS = ("id", "lead_id", "contact_id", "raw", "e164", "position")
_EMAIL_COLS = ("id", "lead_id", "contact_id", "address")
_HISTORY_COLS = ("id", "lead_id", "text", "data")
_FILLABLE = ("company", "address", "source", "category", "lead_type")


class _Importer:
    """One import on one connection inside one transaction (see run_import)."""

    def __init__(self, conn: Connection, table: Table, opts: ImportOptions,
                 result: ImportResult, rejects: RejectsFile,
                 cancel: threading.Event | None, progress: ProgressFn | None) -> None:
        self.conn, self.table, self.opts, self.result = conn, table, opts, result
        self.rejects, self.cancel, self.progress = rejects, cancel, progress
        self.parser = RowParser(result.mapping, opts.region)
        self.now = utcnow()
        self.new_id = IdMaker()
        self.new_lead_ids: set[str] = set()
        check_uuid_form(conn, Lead.__table__)
        self._check_owner()
        funnel_id, stage_id = self._default_stage()
        common = {"created_at": self.now, "updated_at": self.now, "created_by": opts.user_id,
                  "updated_by": opts.user_id, "revision": 0, "deleted": False}
        self.leads = BulkTable(conn, Lead.__table__, _LEAD_COLS, {
            **common, "funnel_id": funnel_id, "stage_id": stage_id, "owner_id": opts.owner_id,
            "team_id": opts.team_id, "shared_pool": opts.shared_pool})
        self.contacts = BulkTable(conn, Contact.__table__, _CONTACT_COLS, common)
        self.phones = BulkTable(conn, Phone.__table__, _PHONE_COLS, common)
        self.emails = BulkTable(conn, Email.__table__, _EMAIL_COLS, common)
        self.history = BulkTable(conn, HistoryEvent.__table__, _HISTORY_COLS, {
            **common, "kind": HistoryKind.IMPORT.value, "at": self.now,
            "user_id": opts.user_id})
        self.marks = [(t.table, max_rowid(conn, t.table))
                      for t in (self.leads, self.contacts, self.phones, self.emails,
                                self.history)]
        self.base_had_phones = self.marks[2][1] > 0
        self.imported: dict[str, str] = {}  # e164 -> lead id of phones this import wrote
        self.updated_leads: set[str] = set()

    def _check_owner(self) -> None:
        """Foreign keys are not enforced during the import: check the keys given."""
        for owner in (self.opts.owner_id, *self.opts.distribute_to):
            if owner is not None and self.conn.execute(
                    select(User.id).where(User.id == owner)).first() is None:
                raise ValueError(f"no user with id {owner}")
        team = self.opts.team_id
        if team is not None and self.conn.execute(
                select(Team.id).where(Team.id == team)).first() is None:
            raise ValueError(f"no team with id {team}")

    def _distribute(self) -> None:
        """The new leads go to the given managers in turn (rows are numbered in file
        order, so each gets every n-th lead: counts differ by at most one)."""
        owners = self.opts.distribute_to
        if not owners:
            return
        proc = processor(Lead.__table__.c.owner_id.type, self.conn.dialect)
        cases = " ".join(f"WHEN {i} THEN {literal(proc(o) if proc else o)}"
                         for i, o in enumerate(owners))
        mark = self.marks[0][1]
        self.conn.exec_driver_sql(
            f"UPDATE leads SET owner_id = CASE (rowid - {int(mark) + 1}) % {len(owners)} "
            f"{cases} END, shared_pool = 0 WHERE rowid > {int(mark)}")

    def _default_stage(self) -> tuple[uuid.UUID | None, uuid.UUID | None]:
        row = self.conn.execute(
            select(Funnel.id, FunnelStage.id)
            .join(FunnelStage, FunnelStage.funnel_id == Funnel.id)
            .where(Funnel.code == DEFAULT_FUNNEL_CODE, FunnelStage.deleted.is_(False))
            .order_by(FunnelStage.position).limit(1)).first()
        return (row[0], row[1]) if row else (None, None)

    # -- reading

    def _reject(self, line: int, reason: str, cells: list[str], warning: bool = False) -> None:
        """Report a rejected row (or a warning about an imported one): screen and file."""
        if warning:
            self.result.warnings += 1
        else:
            self.result.rejected += 1
        if len(self.result.rejects) < MAX_REJECTS_KEPT:
            self.result.rejects.append(Reject(line, reason, [], warning))
        self.rejects.add(Reject(line, ("warning, row imported: " + reason) if warning
                                else reason, cells))

    def _batches(self):
        """Read and parse rows; yield (batch of Row, file position after it)."""
        batch: list[Row] = []
        parse = self.parser.parse
        result = self.result
        for line, cells in self.table.rows():
            if isinstance(cells, BadRow):
                result.rows_read += 1
                self._reject(line, cells.reason, [])
                continue
            if not any(cells):
                continue  # blank line
            warnings: list[str] = []
            parsed = parse(line, cells, warnings.append)
            if isinstance(parsed, str):
                if not any(c.strip() for c in cells):
                    continue  # only blanks
                result.rows_read += 1
                self._reject(line, parsed, cells)
                continue
            result.rows_read += 1
            for w in warnings:
                self._reject(line, w, cells, warning=True)
            batch.append(parsed)
            if len(batch) >= self.opts.batch_rows:
                yield self._prepare(batch), self.table.position()
                batch = []
        if batch:
            yield self._prepare(batch), self.table.position()

    def run(self) -> None:
        for batch, position in self._batches():
            self._flush(batch)
            if self.progress:
                self.progress(position, self.table.size)
        self._check_cancel()
        for bulk_table in (self.leads, self.contacts, self.phones, self.emails, self.history):
            bulk_table.drop_stage(self.conn)
        self._distribute()
        # outbox rows for sync, parents before children, in this same transaction
        outbox_ids(self.conn, Lead.__table__, sorted(self.updated_leads - self.new_lead_ids),
                   self.now)
        outbox_since(self.conn, self.marks, self.now)

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise ImportCancelled("import cancelled")

    # -- writing

    def _existing_phones(self, e164s: list[str]) -> dict[str, str]:
        """e164 -> lead id (hex) for live phones of live leads, in the base or this import."""
        imported = self.imported
        found: dict[str, str] = {e: imported[e] for e in e164s if e in imported}
        if not self.base_had_phones:
            return found
        ask = [e for e in e164s if e not in found]
        for chunk in _chunks(ask):
            marks = ",".join("?" * len(chunk))
            for e164, lead_id in self.conn.exec_driver_sql(
                    "SELECT p.e164, p.lead_id FROM phones p JOIN leads l ON l.id = p.lead_id "
                    f"WHERE p.e164 IN ({marks}) AND p.deleted = 0 AND l.deleted = 0 "
                    "ORDER BY p.rowid", tuple(chunk)):
                found.setdefault(e164, lead_id)
        return found

    # -- building: no database access here

    def _prepare(self, batch: list[Row]) -> Prepared:
        """Fold the batch's duplicates together and build every row's tuples as if it
        were a new lead; the writer only drops the rows that match the base."""
        owner: dict[str, Row] = {}
        rows: list[Row] = []
        merged = 0
        for row in batch:
            target = None
            for _r, e in row.phones:
                target = owner.get(e)
                if target is not None:
                    break
            if target is None:
                rows.append(row)
                target = row
            else:  # phones another row owns stay with that row
                row.phones = [(r, e) for r, e in row.phones if owner.get(e, target) is target]
                merge_rows(target, row)
                merged += 1
            for _r, e in target.phones:
                owner.setdefault(e, target)
        # in company order: the (company, id) index then takes neighbouring keys
        rows.sort(key=_company_key)
        prep = Prepared(rows, list(owner), merged)
        self._build(rows, prep)
        return prep

    def _build(self, rows: list[Row], prep: Prepared) -> None:
        """Tuples for new leads (ids made in one go; this is the hot loop)."""
        n_ids = sum(1 + len(r.contacts) + len(r.phones) + len(r.emails) for r in rows)
        next_id = iter(self.new_id.many(n_ids)).__next__
        process_when = self.leads.processor("last_contact_at")
        leads, contacts, phones, emails = prep.leads, prep.contacts, prep.phones, prep.emails
        add_lead, add_contact = leads.append, contacts.append
        add_phone, add_email = phones.append, emails.append
        spans = prep.spans
        for row in rows:
            start = (len(contacts), len(phones), len(emails))
            lead_id = next_id()
            when = process_when(row.when) if (row.when and process_when) else row.when
            # make_name_key(company, contacts), for parts already stripped and non-empty
            names = row.contacts
            key = row.company
            if names:
                key = " | ".join([key, *names]) if key else " | ".join(names)
            add_lead((lead_id, row.company, row.address, row.source, row.category,
                      row.lead_type, row.history, when, key.casefold()[:1200]))
            contact_id = None
            for name in names:
                contact_id = next_id()
                add_contact((contact_id, lead_id, name))
            if len(names) > 1:
                contact_id = None  # phones of a row with several people: the company's
            pos = 0
            for raw, e164 in row.phones:
                add_phone((next_id(), lead_id, contact_id, raw, e164, pos))
                pos += 1
            for address in row.emails:
                add_email((next_id(), lead_id, contact_id, address))
            spans.append(start)

    # -- writing (this thread)

    def _flush(self, prep: Prepared) -> None:
        self._check_cancel()
        self.result.merged += prep.merged
        # phones already in the base (or inserted by an earlier batch of this import)
        existing = self._existing_phones(prep.e164s)
        leads, contacts, phones, emails = prep.leads, prep.contacts, prep.phones, prep.emails
        merges: dict[str, list[Row]] = {}
        if existing:  # keep the prepared tuples of the rows that stay new
            keep: list[int] = []
            for i, row in enumerate(prep.rows):
                lead_id = None
                for _r, e in row.phones:
                    lead_id = existing.get(e)
                    if lead_id is not None:
                        break
                if lead_id is None:
                    keep.append(i)
                else:  # phones of another lead stay there
                    row.phones = [(r, e) for r, e in row.phones
                                  if existing.get(e, lead_id) == lead_id]
                    merges.setdefault(lead_id, []).append(row)
            if merges:
                ends = prep.spans[1:] + [(len(contacts), len(phones), len(emails))]
                k_leads, k_contacts, k_phones, k_emails = [], [], [], []
                for i in keep:
                    (c0, p0, e0), (c1, p1, e1) = prep.spans[i], ends[i]
                    k_leads.append(leads[i])
                    k_contacts.extend(contacts[c0:c1])
                    k_phones.extend(phones[p0:p1])
                    k_emails.extend(emails[e0:e1])
                leads, contacts, phones, emails = k_leads, k_contacts, k_phones, k_emails
        self.new_lead_ids.update(lead[0] for lead in leads)
        self.imported.update((p[4], p[1]) for p in phones)
        history: list[tuple] = []
        n_leads = len(leads)
        if merges:
            contacts, phones, emails = list(contacts), list(phones), list(emails)
            self._merge_existing(merges, contacts, phones, emails, history)
        conn = self.conn
        tables = ((self.leads, leads), (self.contacts, contacts), (self.phones, phones),
                  (self.emails, emails), (self.history, history))
        if STAGING:
            for bulk_table, rows_ in tables:
                bulk_table.stage(conn, rows_)
            for bulk_table, _rows in tables:
                bulk_table.unstage(conn)
        else:
            for bulk_table, rows_ in tables:
                bulk_table.insert(conn, rows_)
        self.result.inserted += n_leads
        self.result.phones_added += len(phones)

    def _merge_existing(self, merges: dict[str, list[Row]], contacts, phones, emails,
                        history) -> None:
        conn = self.conn
        ids = list(merges)
        known_phones: dict[str, set[str]] = {i: set() for i in ids}
        next_pos: dict[str, int] = {i: 0 for i in ids}
        known_contacts: dict[str, set[str]] = {i: set() for i in ids}
        contact_names: dict[str, list[str]] = {i: [] for i in ids}
        known_emails: dict[str, set[str]] = {i: set() for i in ids}
        leads: dict[str, dict] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            args = tuple(chunk)
            for lead_id, e164, pos in conn.exec_driver_sql(
                    f"SELECT lead_id, e164, position FROM phones WHERE lead_id IN ({marks}) "
                    "AND deleted = 0", args):
                known_phones[lead_id].add(e164)
                next_pos[lead_id] = max(next_pos[lead_id], (pos or 0) + 1)
            for lead_id, name in conn.exec_driver_sql(
                    f"SELECT lead_id, full_name FROM contacts WHERE lead_id IN ({marks}) "
                    "AND deleted = 0 ORDER BY created_at, rowid", args):
                known_contacts[lead_id].add(name.casefold())
                contact_names[lead_id].append(name)
            for lead_id, address in conn.exec_driver_sql(
                    f"SELECT lead_id, address FROM emails WHERE lead_id IN ({marks}) "
                    "AND deleted = 0", args):
                known_emails[lead_id].add(address.lower())
            for r in conn.exec_driver_sql(
                    "SELECT id, company, address, source, category, lead_type "
                    f"FROM leads WHERE id IN ({marks})", args):
                leads[r[0]] = dict(zip(("id", *_FILLABLE), r))
        updates = []
        for lead_id, rows in merges.items():
            before = leads[lead_id]
            was_new = lead_id in self.new_lead_ids
            fields = {k: before[k] for k in _FILLABLE}
            added: list[str] = []
            new_contacts: list[str] = []
            for row in rows:
                self.result.merged += 1  # its extra_lines were counted in _flush
                if not was_new:
                    self.result.merged_existing += 1 + len(row.extra_lines or ())
                for name in _FILLABLE:
                    value = getattr(row, name)
                    if value and not fields[name]:
                        fields[name] = value
                        added.append(f"{name}: {value}")
                contact_id = None
                for name in row.contacts:
                    if name.casefold() in known_contacts[lead_id]:
                        continue
                    known_contacts[lead_id].add(name.casefold())
                    cid = self.new_id()
                    contacts.append((cid, lead_id, name))
                    new_contacts.append(name)
                    added.append(f"contact: {name}")
                    if len(row.contacts) == 1:
                        contact_id = cid
                for raw, e164 in row.phones:
                    if e164 in known_phones[lead_id]:
                        continue
                    known_phones[lead_id].add(e164)
                    self.imported[e164] = lead_id
                    phones.append((self.new_id(), lead_id, contact_id, raw, e164,
                                   next_pos[lead_id]))
                    next_pos[lead_id] += 1
                    added.append(f"phone: {e164}")
                for address in row.emails:
                    if address.lower() in known_emails[lead_id]:
                        continue
                    known_emails[lead_id].add(address.lower())
                    emails.append((self.new_id(), lead_id, contact_id, address))
                    added.append(f"e-mail: {address}")
            changed = [k for k in _FILLABLE if fields[k] != before[k]]
            if changed or new_contacts:
                key = make_name_key(fields["company"], contact_names[lead_id] + new_contacts)
                updates.append((*(fields[k] for k in _FILLABLE), key, lead_id))
                self.updated_leads.add(lead_id)
            if added and not was_new:
                lines = sorted(x for row in rows for x in [row.line, *(row.extra_lines or ())])
                text = (f"import from {self.table.path.name}, line "
                        f"{', '.join(map(str, lines))}: added " + "; ".join(added))[:4000]
                data = self.history.process("data", {"file": self.table.path.name,
                                                     "lines": lines[:100]})
                history.append((self.new_id(), lead_id, text, data))
        if updates:
            proc = processor(self.leads.table.c.updated_at.type, conn.dialect)
            user = processor(self.leads.table.c.updated_by.type, conn.dialect)
            now = proc(self.now) if proc else self.now
            by = user(self.opts.user_id) if (user and self.opts.user_id) else self.opts.user_id
            conn.exec_driver_sql(
                "UPDATE leads SET company = ?, address = ?, source = ?, category = ?, "
                f"lead_type = ?, name_key = ?, updated_at = {literal(now)}, "
                f"updated_by = {literal(by)} WHERE id = ?", updates)


def _checkpoint(engine, background: bool) -> None:
    """Copy the import's pages from the WAL into the database file.

    The commit is durable without it (WAL, synchronous=FULL); SQLite would do
    it at the commit itself (~1 s for 100,000 rows here). In the background
    the user sees the import finished that much sooner.
    """
    def work() -> None:
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except Exception:  # noqa: BLE001 - maintenance only; the next commit retries
            log.warning("WAL checkpoint after the import failed", exc_info=True)

    if background:
        threading.Thread(target=work, name="import-checkpoint", daemon=True).start()
    else:
        work()


def run_import(store, path: Path | str, opts: ImportOptions | None = None, *,
               progress: ProgressFn | None = None,
               cancel: threading.Event | None = None) -> ImportResult:
    """Import ``path`` into ``store`` in one transaction; see the module docstring.

    Raises ``ImportFileError`` (the file cannot be imported at all: nothing
    changed), ``ImportCancelled`` (cancel was set: nothing changed) or
    ``MappingError``.
    """
    opts = opts or ImportOptions()
    path = Path(path)
    started = time.perf_counter()
    table = open_table(path, encoding=opts.encoding, delimiter=opts.delimiter, sheet=opts.sheet)
    try:
        headers = table.headers
        mapping = opts.mapping if opts.mapping is not None else auto_mapping(headers)
        if opts.overrides:
            mapping = apply_overrides(headers, mapping, opts.overrides)
        if not mapping.get(REQUIRED_FIELD):
            found = ", ".join(repr(h) for h in headers if h) or "none"
            raise ImportFileError(path, f"no phone column; the headers found are: {found}. "
                                  "Name the phone column with --mapping phone=COLUMN", 1)
        result = ImportResult(path=path, kind=table.kind, encoding=table.encoding,
                              delimiter=table.delimiter, mapping=mapping, headers=headers,
                              dry_run=opts.dry_run)
        rpath = opts.rejects_path or rejects_path_for(path)
        rejects = RejectsFile(rpath, headers, enabled=not opts.dry_run)
        committed = False
        try:
            with store.engine.connect() as conn:
                if conn.dialect.name != "sqlite":
                    raise RuntimeError("the importer writes the local SQLite store")
                auto_ckpt = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
                fk = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
                conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
                # Every key the import writes is made or looked up in this same
                # transaction (see _Importer), so SQLite's per-row foreign key
                # lookups (~20 % of the insert time) are switched off for it alone.
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                try:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")  # one writer, consistent reads
                    try:
                        with _fewer_gc_passes():
                            _Importer(conn, table, opts, result, rejects, cancel,
                                      progress).run()
                        if cancel is not None and cancel.is_set():
                            raise ImportCancelled("import cancelled")
                    except BaseException:
                        conn.rollback()
                        raise
                    if opts.dry_run:
                        conn.rollback()
                    else:
                        conn.commit()
                        committed = True
                finally:
                    conn.rollback()
                    conn.exec_driver_sql(f"PRAGMA foreign_keys={1 if fk else 0}")
                    conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={int(auto_ckpt or 1000)}")
                    conn.rollback()
            if committed:
                _checkpoint(store.engine, background=opts.background_checkpoint)
        finally:
            result.rejects_path = rejects.finish(keep=committed)
    finally:
        table.close()
    result.seconds = time.perf_counter() - started
    log.info("import %s: %s", path, result.summary())
    return result


def count_leads(conn_or_store) -> int:
    engine = getattr(conn_or_store, "engine", None)
    if engine is not None:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(Lead).where(
                Lead.deleted.is_(False)))
    return conn_or_store.scalar(select(func.count()).select_from(Lead).where(
        Lead.deleted.is_(False)))


__all__ = ["ImportCancelled", "ImportFileError", "ImportOptions", "ImportResult", "Reject",
           "count_leads", "rejects_path_for", "run_import"]
