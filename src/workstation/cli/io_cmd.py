"""``workstation import FILE`` and ``workstation export FILE``: the lead base in and out.

Exit codes: 0 when the import ran (rejected rows included: they are listed and
written to ``FILE.rejects.csv``), 2 when the file cannot be imported at all
(nothing changed), 130 on Ctrl-C (nothing changed).
"""

from __future__ import annotations

import sys

from sqlalchemy import select

from workstation.config import Config
from workstation.importer.mapping import MappingError, describe
from workstation.importer.reader import ImportFileError

MAX_REJECTS_SHOWN = 20


def register(sub) -> None:
    ip = sub.add_parser(
        "import", help="import a lead base (CSV or XLSX) into the local store",
        description="Import a lead base. Columns are recognised by their English, Russian or "
        "Ukrainian headers; rows are merged by normalised phone; rejected rows go to "
        "FILE.rejects.csv. Everything goes in one transaction.")
    ip.add_argument("file", metavar="FILE")
    ip.add_argument("--mapping", action="append", default=[], metavar="FIELD=COLUMN",
                    help="set the column of a field (by header or 1-based number); "
                    "fields: company, address, phone, contact, email, source, category, "
                    "lead_type, datetime, history; repeatable; FIELD= unmaps it")
    ip.add_argument("--region", help="default phone region (ISO code), "
                    "default: the phone.default_region setting")
    ip.add_argument("--dry-run", action="store_true",
                    help="do everything, then roll back: counts only, no rejects file")
    ip.add_argument("--encoding", help="force the text encoding (e.g. utf-8, cp1251)")
    ip.add_argument("--delimiter", help="force the CSV delimiter (',', ';' or 'tab')")
    ip.add_argument("--sheet", help="XLSX sheet name (default: the first)")
    ip.add_argument("--owner", metavar="LOGIN",
                    help="owner of the new leads (a user login; the leads join their team); "
                    "default: the signed-in user (user.login)")
    ip.add_argument("--team", metavar="NAME",
                    help="the new leads go to this team's shared pool (or, with --distribute, "
                    "to its managers)")
    ip.add_argument("--distribute", action="store_true",
                    help="with --team: give the new leads to the team's managers in turn")
    ip.add_argument("--progress", action="store_true",
                    help="print progress lines to standard error")
    ip.set_defaults(func=_import)

    ep = sub.add_parser("export", help="export the processed lead base as CSV (UTF-8)")
    ep.add_argument("file", metavar="FILE")
    ep.add_argument("--headers", choices=("en", "ru", "uk"), default="en",
                    help="language of the header row and client types (default: en)")
    ep.add_argument("--no-bom", action="store_true",
                    help="no UTF-8 byte order mark (Excel needs it for Cyrillic)")
    ep.set_defaults(func=_export)


def _import(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    # (deferred: the importer loads only when the command runs)
    from workstation.importer.importer import ImportCancelled, ImportOptions, run_import
    # (deferred: the store loads only when the command runs)
    from workstation.store.admin import AdminError, import_target
    from workstation.store.db import open_store
    from workstation.store.models import User

    cfg = Config()
    region = (args.region or cfg.get("phone.default_region") or "UA").upper()
    store = open_store(cfg)
    try:
        with store.session() as s:
            me = s.scalar(select(User.id).where(User.login == (cfg.get("user.login") or "")))
            try:
                target = import_target(s, owner=args.owner, team=args.team,
                                       distribute=args.distribute, default_owner=me)
            except AdminError as exc:
                raise CliError(f"import: {exc}") from None
        opts = ImportOptions(region=region, overrides=args.mapping, encoding=args.encoding,
                             delimiter=args.delimiter, sheet=args.sheet, dry_run=args.dry_run,
                             owner_id=target.owner_id, team_id=target.team_id,
                             shared_pool=target.shared_pool, distribute_to=target.distribute_to,
                             user_id=me, background_checkpoint=False)

        def progress(done: int, total: int) -> None:
            if args.progress:
                print(f"progress {done}/{total}", file=sys.stderr, flush=True)

        try:
            result = run_import(store, args.file, opts, progress=progress)
        except (ImportFileError, MappingError) as exc:
            raise CliError(str(exc)) from exc
        except ImportCancelled as exc:
            raise CliError(f"{args.file}: {exc}; nothing was changed") from exc
    finally:
        store.dispose()
    if result.kind == "csv":
        what = f"CSV, {result.encoding}, delimiter {result.delimiter!r}"
    else:
        what = "XLSX"
    print(f"{result.path}: {what}; columns: {describe(result.headers, result.mapping)}")
    shown = 0
    for rej in result.rejects:
        if shown >= MAX_REJECTS_SHOWN:
            break
        kind = "warning" if rej.warning else "rejected"
        print(f"{result.path}, line {rej.line}: {kind}: {rej.reason}")
        shown += 1
    hidden = result.rejected + result.warnings - shown
    if hidden > 0:
        print(f"... and {hidden} more (see the rejects file)")
    print(result.summary() + (f"; to {target.label}" if target.label else ""))
    return 0


def _export(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    # (deferred: the exporter loads only when the command runs)
    from workstation.importer.exporter import ExportError, run_export
    # (deferred: the store loads only when the command runs)
    from workstation.store.db import open_store

    store = open_store(Config())
    try:
        try:
            result = run_export(store, args.file, lang=args.headers, bom=not args.no_bom)
        except ExportError as exc:
            raise CliError(str(exc)) from exc
    finally:
        store.dispose()
    print(f"exported {result.leads} leads to {result.path}")
    return 0
