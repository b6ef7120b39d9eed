"""``workstation calls --from DATE --to DATE --format csv|json``: the call log."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select

from workstation.config import Config
from workstation.safecsv import SafeDictWriter

FIELDS = ("id", "lead_id", "company", "manager", "direction", "remote_number", "started_at",
          "answered_at", "ended_at", "outcome", "sip_status", "ring_seconds", "talk_seconds",
          "codec", "jitter_ms", "loss_pct", "media_security", "signalling_tls",
          "recording", "pop_latency_ms")
"""``media_security``: srtp (encrypted audio) or rtp; ``signalling_tls``: true/false;
both empty when not known (calls logged before these were recorded)."""


def register(sub) -> None:
    p = sub.add_parser("calls", help="write the call log as CSV or JSON")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="first day (YYYY-MM-DD, local time); default: today")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="last day, inclusive (YYYY-MM-DD); default: the --from day")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=_calls)


def parse_day(text: str | None, option: str) -> date:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)

    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option}: expected a date as YYYY-MM-DD, got {text!r}") from None


def day_bounds_utc(first: date, last: date) -> tuple[datetime, datetime]:
    """Local-time days [first, last] as a UTC half-open interval."""
    local = datetime.now().astimezone().tzinfo
    start = datetime.combine(first, time.min, tzinfo=local)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=local)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def _iso(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value else ""


def _round(value: float | None, digits: int = 1):
    return round(value, digits) if value is not None else ""


def _bool_text(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def call_rows(session, start: datetime, end: datetime, as_json: bool = False):
    # (deferred: the store loads only when the command runs)
    from workstation.store.models import Call, Lead, User

    q = (select(Call, Lead.company, User.login)
         .outerjoin(Lead, Lead.id == Call.lead_id)
         .outerjoin(User, User.id == Call.user_id)
         .where(Call.started_at >= start, Call.started_at < end, Call.deleted.is_(False))
         .order_by(Call.started_at, Call.id))
    for call, company, login in session.execute(q).yield_per(1000):
        yield {
            "id": str(call.id),
            "lead_id": str(call.lead_id) if call.lead_id else "",
            "company": company or "",
            "manager": login or "",
            "direction": call.direction,
            "remote_number": call.remote_e164 or call.remote_number,
            "started_at": _iso(call.started_at),
            "answered_at": _iso(call.answered_at),
            "ended_at": _iso(call.ended_at),
            "outcome": call.outcome or "",
            "sip_status": call.sip_status if call.sip_status is not None else "",
            "ring_seconds": round(call.ring_seconds, 1) if call.ring_seconds is not None else "",
            "talk_seconds": round(call.talk_seconds, 1) if call.talk_seconds is not None else "",
            "codec": call.codec or "",
            "jitter_ms": _round(call.rtp_jitter_ms),
            "loss_pct": _round(call.rtp_loss_pct, 2),
            "media_security": call.media_security or "",
            "signalling_tls": call.signalling_tls if as_json else _bool_text(call.signalling_tls),
            "recording": call.recording_path or (str(call.recording_id) if call.recording_id else ""),
            "pop_latency_ms": (round(call.pop_latency_ms, 1)
                               if call.pop_latency_ms is not None else ""),
        }


def _calls(args) -> int:
    from workstation.cli import CliError  # (cycle: cli/__init__ imports this module)
    # (deferred: the store loads only when the command runs)
    from workstation.store.db import open_store

    first = parse_day(args.date_from, "--from")
    last = parse_day(args.date_to, "--to") if args.date_to else first
    if last < first:
        raise CliError(f"--to {last} is before --from {first}")
    start, end = day_bounds_utc(first, last)
    store = open_store(Config())
    out = open(args.output, "w", newline="", encoding="utf-8") if args.output else sys.stdout
    try:
        with store.session() as s:
            rows = call_rows(s, start, end, as_json=args.format == "json")
            if args.format == "json":
                out.write("[")
                for i, row in enumerate(rows):
                    out.write(("," if i else "") + "\n  " + json.dumps(row, ensure_ascii=False))
                out.write("\n]\n")
            else:
                writer = SafeDictWriter(out, fieldnames=FIELDS)
                writer.writeheader()
                for row in rows:
                    writer.writerow(row)
    finally:
        if out is not sys.stdout:
            out.close()
        store.dispose()
    return 0
