"""``workstation admin``: set the team up from a script (users, teams, funnels,
refusal reasons, lead sources, KPI plans, the effective-call rule).

    workstation admin users list --json
    workstation admin users add anna --name "Anna K" --role manager --team North \
        --sip-extension 201 --sip-username anna201 [--password-stdin]
    workstation admin users set anna --team South --inactive
    workstation admin teams add North
    workstation admin funnels add solar --name "Solar panels" --product solar
    workstation admin funnels set solar --add-stage site_visit:"Site visit" --move-stage site_visit:4
    workstation admin plans set effective_calls day 35 --team North
    workstation admin reasons set too_expensive --retire

Changes are written to the local store as the signed-in user (``user.login``;
only an admin, or a team lead for their team's plans) and reach the shared
database and the other workstations by sync. ``users add --password-stdin``
also makes the user's database login (``ws_create_login``) when a shared
database is set. A SIP password is never taken here: each user keeps theirs in
the keyring of their own workstation.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import uuid

KINDS = ("users", "teams", "funnels", "plans", "reasons", "sources")


def register(sub) -> None:
    p = sub.add_parser("admin", help="(admin) users, teams, funnels, plans, reasons, sources",
                       description="Administration for deployment scripts; every change "
                       "syncs to the other workstations.")
    asub = p.add_subparsers(dest="admin_kind", metavar="WHAT", required=True)

    def parser(kind: str, action: str, help_: str):
        kp = kinds.get(kind)
        if kp is None:
            kp = asub.add_parser(kind, help=f"{kind}: list, add, set")
            kinds[kind] = kp
            subs[kind] = kp.add_subparsers(dest="admin_action", metavar="ACTION", required=True)
        ap = subs[kind].add_parser(action, help=help_)
        ap.set_defaults(func=_run, kind=kind, action=action)
        if action == "list":
            ap.add_argument("--json", action="store_true", help="print JSON")
        return ap

    kinds: dict = {}
    subs: dict = {}
    for kind in KINDS:
        parser(kind, "list", f"list the {kind}")

    ua = parser("users", "add", "add a user")
    ua.add_argument("login")
    su = parser("users", "set", "change a user")
    su.add_argument("login")
    for ap in (ua, su):
        ap.add_argument("--name", help="full name")
        ap.add_argument("--role", help="manager, supervisor, teamlead or admin")
        ap.add_argument("--team", help="team name ('' for none)")
        ap.add_argument("--sip-extension", help="SIP extension (number)")
        ap.add_argument("--sip-username", help="SIP account user name")
    ua.add_argument("--password-stdin", action="store_true",
                    help="read a database password from standard input and make the login "
                    "in the shared database")
    su.add_argument("--inactive", action="store_true", help="deactivate the user")
    su.add_argument("--active", action="store_true", help="activate the user again")

    ta = parser("teams", "add", "add a team")
    ta.add_argument("name")
    ts = parser("teams", "set", "rename or delete a team")
    ts.add_argument("name")
    ts.add_argument("--rename", metavar="NEW")
    ts.add_argument("--delete", action="store_true", help="delete an empty team")

    fa = parser("funnels", "add", "add a funnel (stages copied from the default funnel)")
    fa.add_argument("code")
    fs = parser("funnels", "set", "change a funnel and its stages")
    fs.add_argument("code")
    for ap in (fa, fs):
        ap.add_argument("--name")
        ap.add_argument("--product", help="product the funnel is for")
        ap.add_argument("--topic", help="topic the funnel is for")
    for opt, meta, help_ in (
            ("--add-stage", "CODE:NAME", "add a stage at the end"),
            ("--rename-stage", "CODE:NAME", "rename a stage"),
            ("--move-stage", "CODE:POSITION", "move a stage to a 1-based position"),
            ("--retire-stage", "CODE", "retire a stage (leads at it keep it)"),
            ("--restore-stage", "CODE", "offer a retired stage again"),
            ("--delete-stage", "CODE", "delete a stage no lead uses")):
        fs.add_argument(opt, action="append", default=[], metavar=meta, help=help_)

    for kind in ("plans",):
        for action in ("add", "set"):
            pp = parser(kind, action, "set a plan figure (global, a team's or a manager's)")
            pp.add_argument("metric", help="effective_calls, presentations, invoices, "
                            "warm_clients or sales")
            pp.add_argument("period", help="day, week or month")
            pp.add_argument("target", help="the figure")
            pp.add_argument("--team", help="the team's plan")
            pp.add_argument("--user", metavar="LOGIN", help="a manager's plan")

    for kind in ("reasons", "sources"):
        ra = parser(kind, "add", f"add one of the {kind}")
        ra.add_argument("code")
        ra.add_argument("--name", required=True)
        rs = parser(kind, "set", f"change one of the {kind}")
        rs.add_argument("code")
        rs.add_argument("--name")
        rs.add_argument("--position", type=int)
        rs.add_argument("--retire", action="store_true")
        rs.add_argument("--restore", action="store_true")
        rs.add_argument("--delete", action="store_true", help="delete (only when unused)")

    ec = asub.add_parser("effective-call", help="show or set the talk seconds that make an "
                         "answered call effective")
    ec.add_argument("seconds", nargs="?")
    ec.set_defaults(func=_effective)


# -- running -------------------------------------------------------------------------------

def _context():
    from workstation.config import Config  # (deferred: settings load only when the command runs)
    from workstation.services.users import sign_in  # (deferred: the store loads when run)
    from workstation.store.db import open_store  # (deferred: the store loads when run)

    cfg = Config()
    store = open_store(cfg)
    return cfg, store, sign_in(store, cfg)


def _pair(value: str, what: str) -> tuple[str, str]:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

    code, sep, rest = value.partition(":")
    if not sep or not code or not rest:
        raise CliError(f"{what} {value!r}: expected CODE:VALUE")
    return code, rest


def _jsonable(value):
    if dataclasses.is_dataclass(value):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _print_list(kind: str, rows, as_json: bool) -> None:
    if as_json:
        print(json.dumps(_jsonable(list(rows)), ensure_ascii=False, indent=1))
        return
    for r in rows:
        if kind == "users":
            print(f"{r.login}\t{r.full_name}\t{r.role}\t{r.team or '-'}\t"
                  f"ext {r.sip_extension or '-'}\t{r.sip_username or '-'}\t"
                  f"{'active' if r.active else 'inactive'}")
        elif kind == "teams":
            print(f"{r.name}\t{r.members} members")
        elif kind == "funnels":
            print(f"{r.code}\t{r.name}\tproduct {r.product or '-'}\ttopic {r.topic or '-'}")
            for st in r.stages:
                print(f"  {st.position:>2}. {st.code}\t{st.name}\t{st.leads} leads"
                      + ("\tretired" if st.retired else ""))
        elif kind == "plans":
            who = r.login or (f"team {r.team}" if r.team else "everybody")
            print(f"{r.metric}\t{r.period}\t{r.target:g}\t{who}")
        else:
            print(f"{r.position:>2}. {r.code}\t{r.name}" + ("\tretired" if r.retired else ""))


def _run(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    from workstation.services import admin  # (deferred: the store loads when run)

    _cfg, store, ctx = _context()
    try:
        try:
            return _act(args, ctx, admin)
        except admin.AdminError as exc:
            raise CliError(f"admin {args.kind} {args.action}: {exc}") from None
    finally:
        store.dispose()


def _act(args, ctx, admin) -> int:
    kind, action = args.kind, args.action
    if action == "list":
        rows = {"users": admin.users, "teams": admin.teams, "funnels": admin.funnels,
                "plans": admin.plans}.get(kind)
        _print_list(kind, rows(ctx) if rows else admin.items(ctx, kind, count_use=True),
                    args.json)
        return 0
    if kind == "users":
        fields = {k: getattr(args, a) for k, a in (
            ("full_name", "name"), ("role", "role"), ("team", "team"),
            ("sip_extension", "sip_extension"), ("sip_username", "sip_username"))
            if getattr(args, a) is not None}
        if action == "add":
            team = fields.get("team")
            if team and team not in {t.name for t in admin.teams(ctx)}:
                raise admin.AdminError(f"team: team {team} does not exist")
            uid = _shared_login(args, ctx, fields) if args.password_stdin else None
            uid = admin.add_user(ctx, args.login, user_id=uid, **fields)
            print(f"user {args.login} added ({uid})")
        else:
            if args.active and args.inactive:
                from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

                raise CliError("give --active or --inactive, not both")
            if args.active or args.inactive:
                fields["active"] = bool(args.active)
            admin.set_user(ctx, args.login, **fields)
            print(f"user {args.login} changed")
    elif kind == "teams":
        if action == "add":
            print(f"team {args.name} added ({admin.add_team(ctx, args.name)})")
        else:
            admin.set_team(ctx, args.name, name=args.rename, deleted=True if args.delete else None)
            print(f"team {args.name} changed")
    elif kind == "funnels":
        _funnel(args, ctx, admin)
    elif kind == "plans":
        admin.set_plan(ctx, args.metric, args.period, args.target, team=args.team,
                       user=args.user)
        print(f"plan {args.metric} per {args.period} set to {args.target}")
    else:
        if action == "add":
            admin.add_item(ctx, kind, args.code, args.name)
        elif args.delete:
            admin.delete_item(ctx, kind, args.code)
        else:
            retired = True if args.retire else (False if args.restore else None)
            admin.set_item(ctx, kind, args.code, name=args.name, position=args.position,
                           retired=retired)
        print(f"{kind[:-1]} {args.code} {'added' if action == 'add' else 'changed'}")
    return 0


def _funnel(args, ctx, admin) -> None:
    fields = {k: getattr(args, k) for k in ("name", "product", "topic")
              if getattr(args, k) is not None}
    if args.action == "add":
        if "name" not in fields:
            from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

            raise CliError("admin funnels add: --name is required")
        name = fields.pop("name")
        print(f"funnel {args.code} added ({admin.add_funnel(ctx, args.code, name, **fields)})")
        return
    if fields:
        admin.set_funnel(ctx, args.code, **fields)
    for v in args.add_stage:
        code, name = _pair(v, "--add-stage")
        admin.add_stage(ctx, args.code, code, name)
    for v in args.rename_stage:
        code, name = _pair(v, "--rename-stage")
        admin.set_stage(ctx, args.code, code, name=name)
    for v in args.move_stage:
        code, pos = _pair(v, "--move-stage")
        if not pos.isdigit():
            from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

            raise CliError(f"--move-stage {v!r}: the position must be a number")
        admin.set_stage(ctx, args.code, code, position=int(pos))
    for code in args.retire_stage:
        admin.set_stage(ctx, args.code, code, retired=True)
    for code in args.restore_stage:
        admin.set_stage(ctx, args.code, code, retired=False)
    for code in args.delete_stage:
        admin.delete_stage(ctx, args.code, code)
    print(f"funnel {args.code} changed")


def _shared_login(args, ctx, fields) -> uuid.UUID:
    """Make the login in the shared database (ws_create_login); its users.id is used
    for the local row too, so that the push updates the same row."""
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    from workstation.sync.shared import (  # (deferred: psycopg loads for the shared database only)
        NotConfigured,
        SharedUnavailable,
        create_user,
        shared_engine,
    )

    password = sys.stdin.readline().rstrip("\n")
    if not password:
        raise CliError("--password-stdin: no password on standard input")
    try:
        engine = shared_engine(ctx.settings)
    except NotConfigured as exc:
        raise CliError(str(exc)) from None
    try:
        return create_user(engine, args.login, password, fields.get("role") or "manager",
                           team=fields.get("team") or None,
                           full_name=fields.get("full_name") or "")
    except (SharedUnavailable, ValueError) as exc:
        raise CliError(f"admin users add: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - the database's refusal, shown as it said it
        raise CliError(f"admin users add: the shared database refused: "
                       f"{str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}") from None
    finally:
        engine.dispose()


def _effective(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    from workstation.services import admin  # (deferred: the store loads when run)

    _cfg, store, ctx = _context()
    try:
        if args.seconds is not None:
            try:
                admin.set_effective_min_talk(ctx, args.seconds)
            except admin.AdminError as exc:
                raise CliError(f"admin effective-call: {exc}") from None
        print(f"an answered call is effective after {admin.effective_min_talk(ctx):g} s of "
              "talk, or with a recorded result or a sales tool used")
    finally:
        store.dispose()
    return 0
