"""``workstation config list|get|set|set-secret``."""

from __future__ import annotations

import getpass
import json
import sys

from workstation import secrets
from workstation.config import OPTIONS, Config, ConfigError


def register(sub) -> None:
    p = sub.add_parser("config", help="read and change settings (for deployment scripts)")
    csub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    lp = csub.add_parser("list", help="every setting with its value and help")
    lp.add_argument("--json", action="store_true", help="print JSON")
    lp.set_defaults(func=_list)
    gp = csub.add_parser("get", help="print one setting")
    gp.add_argument("key")
    gp.set_defaults(func=_get)
    sp = csub.add_parser("set", help="change one setting")
    sp.add_argument("key")
    sp.add_argument("value")
    sp.set_defaults(func=_set)
    xp = csub.add_parser("set-secret", help="read a password from standard input into the keyring")
    xp.add_argument("key")
    xp.set_defaults(func=_set_secret)


def _fmt(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


def _list(args) -> int:
    cfg = _load()
    if args.json:
        out = {k: v for k, v in cfg.items()}
        for k, o in OPTIONS.items():
            if o.secret:
                out[k] = "<set>" if secrets.get_secret(k) else "<not set>"
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    values = dict(cfg.items())
    for key, opt in OPTIONS.items():
        if opt.secret:
            shown = "<set>" if secrets.get_secret(key) else "<not set>"
        else:
            shown = _fmt(values[key])
        print(f"{key} = {shown}\t# {opt.help}")
    return 0


def _load() -> Config:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

    try:
        return Config()
    except ConfigError as exc:
        raise CliError(str(exc)) from exc


def _get(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

    cfg = _load()
    try:
        opt = cfg.option(args.key)
        if opt.secret:
            raise CliError(f"{args.key} is a secret: it is never printed")
        print(_fmt(dict(cfg.items())[args.key]))
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    return 0


def _set(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

    cfg = _load()
    try:
        cfg.set(args.key, args.value)
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    cfg.save()
    return 0


def _set_secret(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

    if sys.stdin.isatty():
        value = getpass.getpass(f"{args.key}: ")
    else:
        value = sys.stdin.readline().rstrip("\r\n")
    if not value:
        raise CliError(f"{args.key}: empty secret on standard input; nothing stored")
    try:
        secrets.set_secret(args.key, value)
    except (ConfigError, secrets.NoKeyringError) as exc:
        raise CliError(str(exc)) from exc
    print(f"{args.key} stored in the keyring ({secrets.backend_name()})")
    return 0
