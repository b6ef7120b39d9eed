"""Command line: ``workstation`` (GUI) and subcommands for admins and scripts.

Each subcommand lives in its own module exposing ``register(subparsers)``;
the module sets ``func`` on its parser, called with the parsed arguments and
returning the exit code. Errors meant for the user are ``CliError``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from workstation import __version__

COMMAND_MODULES = (
    "workstation.cli.config_cmd",
    "workstation.cli.db_cmd",
    "workstation.cli.io_cmd",
    "workstation.cli.calls_cmd",
    "workstation.cli.leads_cmd",
    "workstation.cli.sync_cmd",
    "workstation.cli.gui_cmd",
)


class CliError(Exception):
    """An error the user can fix; printed without a traceback, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workstation", description="Call-center workstation. Without a command: the GUI.")
    parser.add_argument("--version", action="version", version=f"workstation {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from workstation.logs import setup_logging
    from workstation.paths import make_private

    # umask 077; the store, recordings and logs an older version left readable tightened
    # (not for the demo: it keeps everything in its own throwaway folders)
    make_private(tighten=args.command != "demo")
    if args.command != "demo":  # the demo logs into its own throwaway folders
        setup_logging(verbose=args.verbose)
    if args.command is None:
        from workstation.app import main as gui_main

        return gui_main([])
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
