"""``workstation db upgrade`` (and ``db revision`` for developers)."""

from __future__ import annotations

import tempfile

from workstation.config import Config


def register(sub) -> None:
    p = sub.add_parser("db", help="database schema")
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dsub.add_parser("upgrade", help="create or upgrade the local store's schema")
    up.add_argument("--shared", action="store_true",
                    help="upgrade the shared PostgreSQL database instead (db.shared_url)")
    up.set_defaults(func=_upgrade)
    rv = dsub.add_parser("revision", help="(developers) autogenerate a migration")
    rv.add_argument("-m", "--message", required=True)
    rv.set_defaults(func=_revision)


def _upgrade(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    from workstation.store.db import Store  # (deferred: the store loads only when the command runs)

    cfg = Config()
    if args.shared:
        try:
            # (deferred: the store loads only when the command runs)
            from workstation.sync.shared import upgrade_shared
        except ImportError as exc:
            raise CliError("the shared database support is not installed") from exc
        return upgrade_shared(cfg)
    local = cfg.get("db.local_path")
    store = Store(path=local or None)
    before, after = store.upgrade()
    print(f"local store {store.engine.url.database}: {before or 'empty'} -> {after}")
    store.dispose()
    return 0


def _revision(args) -> int:
    from alembic import command  # (deferred: alembic loads only when the command runs)

    # (deferred: alembic loads only when the command runs)
    from workstation.store.db import Store, alembic_config

    with tempfile.TemporaryDirectory() as d:
        store = Store(path=f"{d}/gen.sqlite3")
        # (deferred: the store loads only when the command runs)
        from workstation.store.db import upgrade

        upgrade(store.engine)
        command.revision(alembic_config(store.url), message=args.message, autogenerate=True)
    return 0
