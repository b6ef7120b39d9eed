"""``workstation board states --from D --to D --format csv|json [-o FILE]``: time in
each presence state per manager and day (occupancy), as this login may see it
(a team lead: the team; a manager: themself)."""

from __future__ import annotations

import json
import sys

from workstation.cli.calls_cmd import day_bounds_utc, parse_day
from workstation.config import Config
from workstation.safecsv import SafeDictWriter


def register(sub) -> None:
    p = sub.add_parser("board", help="the live team board's stored states (occupancy)")
    cmds = p.add_subparsers(dest="board_command", metavar="WHAT", required=True)
    s = cmds.add_parser("states", help="time in each state per manager and day")
    s.add_argument("--from", dest="date_from", metavar="DATE",
                   help="first day (YYYY-MM-DD, local time); default: today")
    s.add_argument("--to", dest="date_to", metavar="DATE",
                   help="last day, inclusive (YYYY-MM-DD); default: the --from day")
    s.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv")
    s.add_argument("-o", "--output", metavar="FILE",
                   help="write here instead of standard output (required for xlsx)")
    s.set_defaults(func=_states)


def _states(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    # (deferred: the store and services load only when the command runs)
    from workstation.services import board as board_service
    from workstation.services.users import sign_in
    from workstation.store.db import open_store
    from workstation.tables import write_table

    first = parse_day(args.date_from, "--from")
    last = parse_day(args.date_to, "--to") if args.date_to else first
    if last < first:
        raise CliError(f"--to {last} is before --from {first}")
    if args.format == "xlsx" and not args.output:
        raise CliError("--format xlsx: give the file with -o FILE")
    lo, hi = day_bounds_utc(first, last)
    cfg = Config()
    store = open_store(cfg)
    try:
        ctx = sign_in(store, cfg)
        rows = [board_service.occupancy_cells(r)
                for r in board_service.occupancy_report(ctx, lo, hi)]
    finally:
        store.dispose()
    header = board_service.OCCUPANCY_HEADER
    if args.output and args.format in ("csv", "xlsx"):
        write_table(args.output, header, rows, args.format, sheet="occupancy")
        return 0
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        if args.format == "json":
            json.dump([dict(zip(header, r)) for r in rows], out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            writer = SafeDictWriter(out, fieldnames=header)
            writer.writeheader()
            for r in rows:
                writer.writerow(dict(zip(header, r)))
    finally:
        if out is not sys.stdout:
            out.close()
    return 0
