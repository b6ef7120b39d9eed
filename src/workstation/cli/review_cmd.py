"""``workstation review``: missing recordings, retention, sampling.

* ``review missing [--json] [--verify]``: every call that should have a recording,
  checked against the shared store (as your login: a supervisor their team's);
  plus this workstation's uploads stuck for ``--stuck-hours``. The flags are
  stored (synced: the supervisor sees them); exit code 1 when anything is missing.
* ``review retention [--days N] [--apply]``: recordings older than N days (default
  the admin's shared setting) leave the shared store; calls and reviews stay, a
  recording under review or disputed is kept. Without ``--apply``: what would go.
  Admins only. ``--set-days N`` stores the setting.
* ``review sample --from DATE --to DATE [-n 10] [--seed S]``: N unreviewed calls of
  each manager of your team into your review queue.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta

from workstation.cli.calls_cmd import day_bounds_utc, parse_day


def register(sub) -> None:
    p = sub.add_parser("review", help="call review: missing recordings, retention, sampling")
    rs = p.add_subparsers(dest="review_command", metavar="WHAT", required=True)
    m = rs.add_parser("missing", help="find calls whose recording did not reach the shared store")
    m.add_argument("--json", action="store_true", help="print JSON")
    m.add_argument("--verify", action="store_true",
                   help="also recompute the checksum of confirmed recordings (reads every file)")
    m.add_argument("--grace-minutes", type=float, default=60.0,
                   help="leave calls that ended less than this ago (uploads take a while)")
    m.add_argument("--stuck-hours", type=float, default=24.0,
                   help="an upload not confirmed after this long is stuck")
    m.set_defaults(func=_missing)
    r = rs.add_parser("retention", help="delete recordings older than N days (admins)")
    r.add_argument("--days", type=int, help="override the shared setting")
    r.add_argument("--apply", action="store_true", help="delete (default: only list)")
    r.add_argument("--set-days", type=int, metavar="N",
                   help="store N days as the shared setting (synced) and exit")
    r.set_defaults(func=_retention)
    s = rs.add_parser("sample", help="queue N unreviewed calls of each manager for review")
    s.add_argument("--from", dest="date_from", metavar="DATE", required=True)
    s.add_argument("--to", dest="date_to", metavar="DATE", required=True)
    s.add_argument("-n", type=int, default=10, help="calls per manager (default 10)")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--dry-run", action="store_true")
    s.set_defaults(func=_sample)


def _context():
    from workstation.config import Config  # (deferred: settings load only when the command runs)
    from workstation.services.users import sign_in  # (deferred: the store loads when run)
    from workstation.store.db import open_store  # (deferred: the store loads when run)

    cfg = Config()
    store = open_store(cfg)
    return store, sign_in(store, cfg)


def _shared(ctx):
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    # (deferred: psycopg loads for the shared database only)
    from workstation.sync.shared import NotConfigured, shared_engine

    try:
        return shared_engine(ctx.settings)
    except NotConfigured as exc:
        raise CliError(str(exc)) from None


def _refused(what: str, exc: BaseException):
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

    first = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    return CliError(f"review {what}: {first}")


def _missing(args) -> int:
    from workstation.services import review  # (deferred: the store loads when run)
    from workstation.sync import review as checks  # (deferred: psycopg loads when run)
    from workstation.sync.shared import SharedUnavailable  # (deferred: as above)

    store, ctx = _context()
    try:
        stuck = review.report_stuck_uploads(ctx, args.stuck_hours)
        rep = None
        if review.can_review(ctx):
            engine = _shared(ctx)
            try:
                rep = checks.check_missing(engine, grace=timedelta(minutes=args.grace_minutes),
                                           stuck=timedelta(hours=args.stuck_hours),
                                           verify=args.verify)
            except SharedUnavailable as exc:
                raise _refused("missing", exc) from None
            except Exception as exc:  # noqa: BLE001 - the database's refusal, as it said it
                raise _refused("missing", exc) from None
            finally:
                engine.dispose()
            review.save_check(ctx, rep.flags, rep.checked, rep.fine)
        flags = (rep.flags if rep else []) + stuck
        per_ws, per_reason = {}, {}
        for f in flags:
            per_ws[f["workstation"]] = per_ws.get(f["workstation"], 0) + 1
            per_reason[f["reason"]] = per_reason.get(f["reason"], 0) + 1
        if args.json:
            json.dump({"checked": len(rep.checked) if rep else 0, "missing": len(flags),
                       "per_workstation": per_ws, "per_reason": per_reason,
                       "flags": [{k: (str(v) if v is not None and k.endswith("_id") else v)
                                  for k, v in f.items()} for f in flags]},
                      sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            if rep is not None:
                print(f"checked {len(rep.checked)} calls and files; missing or damaged: "
                      f"{len(rep.flags)}")
            else:
                print("(the shared store is checked by supervisors, team leads and admins)")
            print(f"this workstation's stuck uploads: {len(stuck)}")
            for ws, n in sorted(per_ws.items()):
                print(f"  {ws or '?'}: {n}")
            for f in flags:
                what = f["call_id"] or f["recording_id"]
                print(f"{f['reason']:<13} {f['workstation'] or '?':<20} {what}  {f['detail']}")
        return 1 if flags else 0
    finally:
        store.dispose()


def _retention(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    from workstation.services import review  # (deferred: the store loads when run)
    from workstation.sync import review as checks  # (deferred: psycopg loads when run)

    store, ctx = _context()
    try:
        if args.set_days is not None:
            try:
                review.set_retention_days(ctx, args.set_days)
            except review.ReviewError as exc:
                raise CliError(f"review retention --set-days: {exc}") from None
            print(f"recordings are kept {args.set_days} days (shared setting; sync takes it "
                  f"to the shared database)")
            return 0
        engine = _shared(ctx)
        try:
            rows = checks.retention(engine, args.days, apply=args.apply)
        except Exception as exc:  # noqa: BLE001 - the database's refusal, as it said it
            raise _refused("retention", exc) from None
        finally:
            engine.dispose()
        done = {"deleted": 0, "would_delete": 0, "kept": 0}
        for r in rows:
            done[r.action] += 1
            print(f"{r.action:<12} {r.recorded_at:%Y-%m-%d} call {r.call_id} "
                  f"recording {r.recording_id} {r.size} bytes")
        verb = "deleted" if args.apply else "would delete"
        n = done["deleted"] if args.apply else done["would_delete"]
        print(f"{verb} {n} recordings; kept {done['kept']} (in review or disputed); "
              f"call records and scores stay")
        return 0
    finally:
        store.dispose()


def _sample(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    from workstation.services import review  # (deferred: the store loads when run)

    start, end = day_bounds_utc(parse_day(args.date_from, "--from"),
                                parse_day(args.date_to, "--to"))
    store, ctx = _context()
    try:
        try:
            res = review.sample(ctx, start, end, n=args.n, seed=args.seed, dry_run=args.dry_run)
        except review.ReviewError as exc:
            raise CliError(f"review sample: {exc}") from None
        print(f"{res.candidates} unreviewed calls in the period; sampled {len(res.call_ids)}, "
              f"queued {res.queued}")
        for manager, n in res.per_manager.items():
            print(f"  {manager}: {n}")
        return 0
    finally:
        store.dispose()
