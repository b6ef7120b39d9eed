"""``workstation stats --from D --to D [--team T] [--manager M] --format csv|json|xlsx
[--out FILE]``: the team lead's call statistics against the plan, for scripts
and the monthly report. Rows: one per manager, then the team (the sum)."""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("stats", help="call statistics against the plan (CSV, JSON or XLSX)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="first day (YYYY-MM-DD, in the team's time zone); default: today")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="last day, inclusive (YYYY-MM-DD); default: the --from day")
    p.add_argument("--team", metavar="TEAM", help="team name (default: everybody you may see)")
    p.add_argument("--manager", metavar="LOGIN", help="one manager's login")
    p.add_argument("--tz", metavar="ZONE",
                   help="count days in this IANA time zone instead of the team's")
    p.add_argument("--set-zone", metavar="ZONE",
                   help="admin: count the days of --team (or, without it, everybody's by "
                        "default) in this IANA time zone from now on; prints nothing else")
    p.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv")
    p.add_argument("--out", "-o", dest="out", metavar="FILE",
                   help="write here instead of standard output (required for xlsx)")
    p.set_defaults(func=_stats)


def _context():
    from workstation.config import Config  # (deferred: settings load only when the command runs)
    from workstation.services.users import sign_in  # (deferred: the store loads when run)
    from workstation.store.db import open_store  # (deferred: the store loads when run)

    cfg = Config()
    store = open_store(cfg)
    return store, sign_in(store, cfg)


def _resolve(ctx, team: str | None, manager: str | None):
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    from workstation.services import stats  # (deferred: the store loads when run)

    teams, people = stats.scope_choices(ctx)
    team_id = user_id = None
    if team:
        match = [t for t in teams if t[1] == team or str(t[0]) == team]
        if not match:
            raise CliError(f"--team {team!r}: no such team among those you may see "
                           f"({', '.join(t[1] for t in teams) or 'none'})")
        team_id = match[0][0]
    if manager:
        match = [p for p in people if p.login == manager]
        if not match:
            raise CliError(f"--manager {manager!r}: no such login among those you may see")
        user_id = match[0].id
        team_id = team_id or match[0].team_id
    return team_id, user_id


def _stats(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    from workstation.cli.calls_cmd import parse_day  # (cycle: cli/__init__ imports both)
    from workstation.services import stats  # (deferred: the store loads when run)
    from workstation.tables import write_table  # (deferred: only when the command runs)

    first = parse_day(args.date_from, "--from")
    last = parse_day(args.date_to, "--to") if args.date_to else first
    if last < first:
        raise CliError(f"--to {last} is before --from {first}")
    if args.format == "xlsx" and not args.out and not args.set_zone:
        raise CliError("--format xlsx: name the file with --out FILE")
    store, ctx = _context()
    try:
        team_id, user_id = _resolve(ctx, args.team, args.manager)
        if args.set_zone:
            try:
                stats.set_time_zone(ctx, args.set_zone, team_id)
            except (ValueError, stats.NotAllowed) as exc:
                raise CliError(f"--set-zone: {exc}") from None
            print(f"days of {args.team or 'every team without its own zone'} are counted in "
                  f"{args.set_zone}")
            return 0
        try:
            period = stats.period_of(ctx, "custom", first, last, team_id=team_id,
                                     zone_name=args.tz)
            rep = stats.report(ctx, period, team_id=team_id, user_id=user_id)
        except ValueError as exc:
            raise CliError(f"--tz: {exc}") from None
        except stats.NotAllowed as exc:
            raise CliError(str(exc)) from None
        if args.format == "json":
            header, rows = stats.table_rows(rep)
            doc = {"from": first.isoformat(), "to": last.isoformat(), "zone": rep.zone,
                   "as_of": rep.as_of.isoformat(timespec="seconds"),
                   "synced_at": rep.synced_at.isoformat(timespec="seconds")
                   if rep.synced_at else None,
                   "rows": [dict(zip(header, r)) for r in rows]}
            text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
            if args.out:
                from workstation import paths  # (deferred: only for a file)

                with open(args.out, "w", encoding="utf-8") as f:
                    f.write(text)
                paths.private_file(args.out)
            else:
                sys.stdout.write(text)
            return 0
        header, rows = stats.table_rows(rep)
        if args.out:
            write_table(args.out, header, rows, args.format, sheet="Statistics")
        else:
            from workstation.safecsv import SafeWriter  # (deferred: only for stdout)

            w = SafeWriter(sys.stdout)
            w.writerow(header)
            for r in rows:
                w.writerow(["" if v is None else v for v in r])
        return 0
    finally:
        store.dispose()
