"""``workstation leads find PHONE``: the leads a number in any format matches, as JSON."""

from __future__ import annotations

import json
import sys

from workstation.config import Config


def register(sub) -> None:
    p = sub.add_parser("leads", help="look up leads")
    lsub = p.add_subparsers(dest="leads_command", metavar="ACTION", required=True)
    f = lsub.add_parser("find", help="print, as JSON, the leads a phone number matches "
                                     "(any format: +380 67 123 45 67, 0671234567, sip:...)")
    f.add_argument("phone", metavar="PHONE")
    f.add_argument("--region", default=None,
                   help="region for numbers without a country code (default: "
                        "phone.default_region)")
    f.set_defaults(func=_find)


def _find(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    # (deferred: phonenumbers loads only when the command runs)
    from workstation.domain.phones import PhoneError
    # (deferred: the store loads only when the command runs)
    from workstation.store.db import open_store
    from workstation.store.pop import lookup_by_phone

    cfg = Config()
    region = args.region or cfg.get("phone.default_region") or "UA"
    store = open_store(cfg)
    try:
        with store.session() as s:
            try:
                matches = lookup_by_phone(s, args.phone, region)
            except PhoneError as exc:
                raise CliError(f"PHONE: {exc}") from None
    finally:
        store.dispose()
    json.dump([m.to_json() for m in matches], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
