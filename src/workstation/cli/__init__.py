"""Command line: ``workstation`` (GUI) and subcommands for admins and scripts.

Each subcommand lives in its own module exposing ``register(subparsers)``;
the module sets ``func`` on its parser, called with the parsed arguments and
returning the exit code. Errors meant for the user are ``CliError``.
"""

from __future__ import annotations

import argparse
import logging
import sys

from workstation import __version__
from workstation.cli import (
    admin_cmd,
    board_cmd,
    calls_cmd,
    config_cmd,
    db_cmd,
    doctor_cmd,
    gui_cmd,
    io_cmd,
    leads_cmd,
    review_cmd,
    stats_cmd,
    sync_cmd,
)
from workstation.links import is_link
from workstation.logs import setup_logging
from workstation.paths import make_private

COMMAND_MODULES = (config_cmd, db_cmd, io_cmd, calls_cmd, leads_cmd, sync_cmd, admin_cmd,
                   review_cmd, gui_cmd, doctor_cmd, stats_cmd, board_cmd)
"""Every subcommand ships with the product: a module that cannot be imported is a
broken build and fails loudly (each module defers its heavy imports itself)."""


class CliError(Exception):
    """An error the user can fix; printed without a traceback, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workstation", description="Call-center workstation. Without a command: the GUI.")
    parser.add_argument("--version", action="version", version=f"workstation {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (database, pjsua2, audio, translations) "
                             "offscreen and exit; touches none of your settings or data")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    # `workstation tel:+380...` / `sip:...` (the desktop's link handler): the GUI dials it
    links = [a for a in argv if is_link(a)]
    args = parser.parse_args([a for a in argv if not is_link(a)])
    if args.self_test:
        from workstation.cli.selftest_cmd import run  # (deferred: loads Qt and pjsua2)

        return run()
    # umask 077; the store, recordings and logs an older version left readable tightened
    # (not for the demo: it keeps everything in its own throwaway folders)
    make_private(tighten=args.command != "demo")
    if args.command != "demo":  # the demo logs into its own throwaway folders
        setup_logging(verbose=args.verbose)
    if args.command is None:
        from workstation.app import main as gui_main  # (deferred: Qt loads for the GUI only)

        return gui_main(links)
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"workstation: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("workstation: interrupted; nothing was changed by the unfinished step",
              file=sys.stderr)
        return 130
    except Exception:
        logging.getLogger("workstation").exception("command failed")
        raise
