"""``workstation sync``: headless sync with the shared database.

    workstation sync --once     push and pull once, print what moved; exit 3 if unreachable
    workstation sync            keep syncing until SIGINT/SIGTERM
    workstation sync status     connected/offline, changes waiting, refused, last sync
    workstation sync retry      send the changes the shared database refused again
    workstation sync add-user   (admin) create a user: a database role + users row
"""

from __future__ import annotations

import getpass
import signal
import sys
import threading

from workstation.config import Config

EXIT_UNREACHABLE = 3


def register(sub) -> None:
    p = sub.add_parser("sync", help="sync the local store with the shared database")
    p.add_argument("--once", action="store_true", help="push and pull once, then exit")
    p.add_argument("--full", action="store_true",
                   help="forget the pull cursors first: pull every row this user may see "
                        "(after a change of team or role)")
    p.add_argument("--poll", type=float, default=5.0, metavar="S",
                   help="seconds between polls when no notification arrives (default 5)")
    p.set_defaults(func=_run)
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION")
    st = ssub.add_parser("status", help="connected/offline, changes waiting, last sync time")
    st.set_defaults(func=_status)
    rt = ssub.add_parser("retry", help="send the changes the shared database refused again "
                                       "(after the cause was fixed)")
    rt.set_defaults(func=_retry)
    au = ssub.add_parser("add-user", help="(admin) create or update a user of the shared database")
    au.add_argument("login")
    au.add_argument("--role", default="manager",
                    choices=("manager", "supervisor", "teamlead", "admin"))
    au.add_argument("--team", default=None, help="team name (created when new)")
    au.add_argument("--name", default="", help="full name")
    au.add_argument("--password-stdin", action="store_true",
                    help="read the new user's password from standard input")
    au.set_defaults(func=_add_user)


def _open(cfg: Config):
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    # (deferred: the store and sync load only when the command runs)
    from workstation.store.db import open_store
    from workstation.sync.recordings import RecordingUploader
    from workstation.sync.shared import NotConfigured, shared_engine
    from workstation.sync.worker import Syncer

    try:
        engine = shared_engine(cfg)
    except NotConfigured as exc:
        raise CliError(str(exc)) from None
    store = open_store(cfg)
    syncer = Syncer(store.url, engine, recordings=RecordingUploader.from_config(cfg))
    return store, engine, syncer


def _run(args) -> int:
    # (deferred: the store and sync load only when the command runs)
    from workstation.sync.shared import SharedUnavailable, describe

    cfg = Config()
    store, engine, syncer = _open(cfg)
    try:
        if args.full:
            syncer.reset_cursors()
        if args.once:
            try:
                report = syncer.sync_once()
            except SharedUnavailable as exc:
                print(f"workstation: {exc}", file=sys.stderr)
                print(f"offline: {syncer.waiting()} changes waiting", file=sys.stderr)
                return EXIT_UNREACHABLE
            for line in report.lines():
                print(line)
            print(f"waiting: {syncer.waiting()}")
            return 0
        return _run_forever(syncer, engine, args.poll, describe(engine))
    finally:
        syncer.close()
        engine.dispose()
        store.dispose()


def _run_forever(syncer, engine, poll: float, where: str) -> int:
    # (deferred: the store and sync load only when the command runs)
    from workstation.sync.runner import SyncWorker

    done = threading.Event()
    last = {"connected": None}

    def on_status(st):
        if st.connected != last["connected"]:
            last["connected"] = st.connected
            state = "connected" if st.connected else f"offline ({st.error})"
            print(f"{where}: {state}; waiting {st.waiting}", flush=True)

    def on_report(report):
        print("; ".join(report.lines()), flush=True)

    worker = SyncWorker(syncer, poll_s=poll, on_status=on_status, on_report=on_report)

    def stop(_sig, _frame):
        done.set()

    old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    worker.start()
    try:
        while not done.wait(0.5):
            if not worker.is_alive():
                return 1
    finally:
        worker.stop()
        for s, h in old.items():
            signal.signal(s, h)
    print(f"stopped; waiting {worker.status.waiting}", flush=True)
    return 0


def _status(args) -> int:
    # (deferred: the store and sync load only when the command runs)
    from workstation.sync.shared import (
        SharedUnavailable,
        check_connection,
        describe,
        transport_state,
    )

    cfg = Config()
    store, engine, syncer = _open(cfg)
    try:
        try:
            check_connection(engine)
            state, code = "connected", 0
        except SharedUnavailable as exc:
            state, code = f"offline ({exc})", EXIT_UNREACHABLE
        last = syncer.last_sync()
        print(f"shared database: {describe(engine)}: {state}")
        print(f"connection: {_TRANSPORT[transport_state(engine.url)]}")
        print(f"changes waiting: {syncer.waiting()}")
        for line in syncer.rejected_lines():
            print(line)
        print(f"last sync: {last.isoformat(timespec='seconds') if last else 'never'}")
        return code
    finally:
        syncer.close()
        engine.dispose()
        store.dispose()


_TRANSPORT = {"local": "this machine (no network)",
              "verified": "TLS, server certificate and host name verified",
              "insecure": "NOT VERIFIED: the server's identity is not checked "
                          "(db.allow_insecure_tls)"}


def _retry(args) -> int:
    cfg = Config()
    store, engine, syncer = _open(cfg)
    try:
        n = syncer.retry_rejected()
        print(f"{n} refused change(s) will be sent again at the next sync")
        return 0
    finally:
        syncer.close()
        engine.dispose()
        store.dispose()


def _add_user(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    # (deferred: the store and sync load only when the command runs)
    from workstation.sync.shared import NotConfigured, create_user, describe, shared_engine

    cfg = Config()
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"password for {args.login}: ")
    if not password:
        raise CliError("an empty password is not allowed")
    try:
        engine = shared_engine(cfg)
    except NotConfigured as exc:
        raise CliError(str(exc)) from None
    try:
        uid = create_user(engine, args.login, password, args.role, team=args.team,
                          full_name=args.name)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()
    print(f"{describe(engine)}: user {args.login} ({args.role}) ready, id {uid}")
    return 0
