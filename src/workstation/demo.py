"""``workstation demo``: the whole flow in a minute, on a throwaway database.

* settings, store, logs and recordings live in a temporary folder (own XDG
  dirs), deleted at exit unless ``--keep DIR`` is given;
* synthetic leads (one of them, "Northwind Bakery", has the number the first
  caller uses, earlier calls and notes), a few callbacks due today, the
  sample call script;
* the softphone registered to nothing: direct IP, listening on 127.0.0.1 on a
  free port, auto-answer after 3 s;
* a simulated client, a separate process (``python -m workstation.demo_client``)
  with its own pjsua2 endpoint, calls in from the known lead's number, then
  from an unknown number; each call plays a short voice-like WAV and hangs up
  after ~10 s. The card pops, the script and history are beside it, the
  wrap-up opens when the client hangs up.

``--auto-exit N`` quits after N seconds (tests, screenshots).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from workstation.config import Config
from workstation.logs import setup_logging
from workstation.telephony.settings import SipSettings
from workstation.telephony.testbed import free_port

log = logging.getLogger(__name__)

KNOWN_NUMBER = "+380671234567"
KNOWN_CALLER = "0671234567"  # how the known lead's number arrives in the INVITE
UNKNOWN_CALLER = "+380935550102"

COMPANIES = [
    ("Northwind Bakery LLC", "Olena Kovalenko", KNOWN_NUMBER, "Financial consulting"),
    ("Dnipro Agro Trade", "Andrii Melnyk", "+380501112233", "Financial consulting"),
    ("Solar Pixel Ltd", "Iryna Bondar", "+380632223344", "Financial consulting"),
    ("Atlas Logistics", "Peter Smith", "+380663334455", "Financial consulting"),
    ("Zoria Build", "Serhii Tkachenko", "+380974445566", "Financial consulting"),
    ("Green Vertex", "Maria Lysenko", "+380985556677", "Financial consulting"),
    ("Polissia Timber", "Dmytro Kravets", "+380996667788", "Financial consulting"),
    ("Orion Retail", "Natalia Honchar", "+380737778899", "Financial consulting"),
    ("Meridian Pharma", "Oleksandr Rudenko", "+380958889900", "Financial consulting"),
    ("Fortuna Foods", "Anna Brown", "+380939990011", "Financial consulting"),
]


def _isolate(base: Path) -> None:
    """Own XDG dirs: settings, store, logs and the keyring never touch the user's."""
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        (base / sub).mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(base / sub)


def seed_demo(store, user_id: uuid.UUID) -> None:
    """Synthetic leads, earlier contacts with the known lead, callbacks due today."""
    # (deferred: the store and phonenumbers load when the demo runs)
    from workstation.domain import phones
    from workstation.store.leads import make_name_key
    from workstation.store.models import Call, Contact, HistoryEvent, Lead, Phone, Task
    from workstation.store.stages import stage_by_code

    now = datetime.now(timezone.utc)
    with store.session() as s, s.begin():
        stages = {code: stage_by_code(s, None, code)
                  for code in ("not_aware", "aware", "interest")}
        for i, (company, person, phone, topic) in enumerate(COMPANIES):
            stage = stages["aware" if i == 0 else "not_aware" if i % 2 else "interest"]
            lead = Lead(id=uuid.uuid4(), company=company, topic=topic, owner_id=user_id,
                        name_key=make_name_key(company, [person]),
                        funnel_id=stage.funnel_id, stage_id=stage.id, source="demo",
                        lead_type="potential" if i == 0 else None if i > 4 else "hypothetical",
                        notes="Bakery chain, 14 shops; wants monthly reporting help."
                        if i == 0 else "")
            s.add(lead)
            contact = Contact(id=uuid.uuid4(), lead_id=lead.id, full_name=person,
                              position="Director" if i % 2 == 0 else "CFO",
                              is_decision_maker=i % 2 == 0)
            s.add(contact)
            s.add(Phone(lead_id=lead.id, contact_id=contact.id, raw=phones.display(phone),
                        e164=phone, position=0))
            s.flush()  # no ORM relationships: rows referring to the lead go after it
            if i == 0:
                for days, outcome, talk, note in (
                        (21, "no_answer", 0.0, ""),
                        (14, "success", 95.0, "Secretary put me through; sent the offer."),
                        (6, "success", 240.0, "Olena liked the offer; call back to agree a demo.")):
                    at = now - timedelta(days=days, hours=2)
                    call = Call(id=uuid.uuid4(), lead_id=lead.id, user_id=user_id,
                                direction="out", remote_number=phone, remote_e164=phone,
                                started_at=at, answered_at=at + timedelta(seconds=9)
                                if talk else None, ended_at=at + timedelta(seconds=9 + talk),
                                outcome=outcome, talk_seconds=talk, notes=note,
                                result="positive" if talk > 100 else None)
                    s.add(call)
                    s.add(HistoryEvent(id=uuid.uuid4(), lead_id=lead.id, call_id=call.id,
                                       user_id=user_id, kind="call", at=call.ended_at,
                                       text=note))
                s.add(HistoryEvent(id=uuid.uuid4(), lead_id=lead.id, user_id=user_id,
                                   kind="note", at=now - timedelta(days=13),
                                   text="Offer sent by e-mail: audit + monthly reporting."))
            elif i in (1, 2, 3):
                due = now + timedelta(minutes=(-90, 5, 150)[i - 1])
                s.add(Task(id=uuid.uuid4(), lead_id=lead.id, owner_id=user_id, kind="callback",
                           title="Call back", due_at=due, remind=False, status="open"))


class _ScreenshotTaker:
    """Saves the main window at each step: idle, card popped, in call, wrap-up."""

    def __init__(self, ws, directory: Path) -> None:
        from PySide6.QtCore import QTimer  # (deferred: Qt loads when the demo runs)

        self.ws, self.dir, self.n = ws, directory, 0
        self.dir.mkdir(parents=True, exist_ok=True)
        self.timer = QTimer
        self.calls = 0
        center = ws.center
        QTimer.singleShot(1500, lambda: self.shot("idle"))
        center.workspace.sig_popped.connect(self._popped)
        if ws.engine is not None:
            ws.engine.sig_call_state.connect(self._state)
            ws.engine.sig_call_ended.connect(
                lambda _r: QTimer.singleShot(800, lambda: self.shot(f"call{self.calls}-wrapup")))

    def _popped(self, _call_id, _ms) -> None:
        self.calls += 1
        self.timer.singleShot(200, lambda: self.shot(f"call{self.calls}-incoming"))

    def _state(self, _key, state, _code, _reason) -> None:
        if state == "confirmed":
            self.timer.singleShot(2000, lambda: self.shot(f"call{self.calls}-talking"))

    def shot(self, name: str) -> None:
        w = self.ws.window
        if w is None:
            return
        path = self.dir / f"demo-{name}.png"
        w.grab().save(str(path))
        log.info("screenshot %s", path)


def _free_port() -> int:
    return free_port("127.0.0.1")


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """The demo's options (``workstation demo`` and ``python -m workstation.demo``)."""
    ap.add_argument("--auto-exit", type=float, default=None, metavar="N",
                    help="quit after N seconds")
    ap.add_argument("--keep", type=Path, default=None, metavar="DIR",
                    help="put the demo's data in DIR and keep it (default: a temp dir, deleted)")
    ap.add_argument("--delay", type=float, default=3.0,
                    help="seconds before the client's first call (default 3)")
    ap.add_argument("--gap", type=float, default=5.0, help="seconds between the two calls")
    ap.add_argument("--talk", type=float, default=10.0, help="seconds each call lasts")
    ap.add_argument("--answer-after", type=int, default=3,
                    help="auto-answer after N seconds (0: answer yourself)")
    ap.add_argument("--no-client", action="store_true", help="do not start the simulated client")
    ap.add_argument("--screenshots", type=Path, default=None, metavar="DIR",
                    help="save the window as DIR/demo-*.png at each step of the flow")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="workstation demo")
    add_arguments(ap)
    return run(ap.parse_args(argv))


def run(args) -> int:
    tmp = None
    if args.keep is not None:
        base = args.keep.resolve()
        base.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="workstation-demo-")
        base = Path(tmp)
    _isolate(base)
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    try:
        return _run(args, base)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _run(args, base: Path) -> int:
    # (deferred: Qt loads when the demo runs)
    from workstation.app import Workstation, make_qapp
    from workstation.i18n import install_translators, pick_language

    setup_logging(verbose=False)
    config = Config()
    config.set("user.login", "demo")
    config.set("user.name", "Demo Manager")
    config.set("sip.auto_answer_seconds", args.answer_after)
    config.save()
    port = _free_port()
    sip = SipSettings(bind_address="127.0.0.1", udp_port=port, tcp_port=port,
                      auto_answer_seconds=args.answer_after,
                      recordings_dir=base / "recordings", log_level=1)
    app = make_qapp([])
    translators = install_translators(app, pick_language(config.get("ui.language")))  # noqa: F841
    ws = Workstation(config, app, sip_settings=sip, title_suffix="demo")
    # (deferred: the store loads when the demo runs)
    from workstation.store.db import open_store

    store = open_store(config)
    # (deferred: the store loads when the demo runs)
    from workstation.services.users import sign_in

    user_id = sign_in(store, config).user.id
    from sqlalchemy import select  # (deferred: the store loads when the demo runs)

    # (deferred: the store loads when the demo runs)
    from workstation.store.models import Lead

    with store.session() as s:
        seeded = s.scalar(select(Lead.id).where(Lead.source == "demo").limit(1))
    if seeded is None:
        seed_demo(store, user_id)
    store.dispose()
    client = None
    try:
        ws.start()
        ws.window.status_message.setText(
            app.translate("Demo", "Demo: a client will call in %1 s from a known lead, then "
                          "from an unknown number.").replace("%1", str(int(args.delay))))
        if args.screenshots is not None:
            _ScreenshotTaker(ws, args.screenshots)
        if not args.no_client and ws.engine is not None:
            target = f"sip:workstation@127.0.0.1:{ws.engine.transport_port('udp')}"
            cmd = [sys.executable, "-m", "workstation.demo_client", "--target", target,
                   "--from", KNOWN_CALLER, "--from", UNKNOWN_CALLER,
                   "--delay", str(args.delay), "--gap", str(args.gap),
                   "--talk", str(args.talk), "--answer-wait", "60"]
            client = subprocess.Popen(cmd, stdout=open(base / "client.log", "w"),
                                      stderr=subprocess.STDOUT)
            log.info("demo client started: %s", " ".join(cmd))
        return ws.run(args.auto_exit)
    finally:
        ws.stop()
        if client is not None:
            if client.poll() is None:
                client.terminate()
                try:
                    client.wait(5)
                except subprocess.TimeoutExpired:
                    client.kill()
                    client.wait()


if __name__ == "__main__":
    sys.exit(main())
