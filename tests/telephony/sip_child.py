"""Child process for the kill-mid-call test: an engine that calls baresip and records.

    python sip_child.py DOMAIN PASSWORD RECORDINGS_DIR

Prints "PARTS <left> <right>" once the call is up and recording has run for
two seconds, then keeps the call going until it is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from workstation.telephony.engine import TelephonyEngine
from workstation.telephony.settings import SipSettings


def main() -> None:
    domain, password, rec_dir = sys.argv[1:4]
    app = QCoreApplication([])
    engine = TelephonyEngine(SipSettings(
        username="manager", password=password, domain=domain, bind_address="127.0.0.1",
        recordings_dir=Path(rec_dir), log_level=1))
    state = {}

    def registered(st, code, reason):
        if st == "registered" and "key" not in state:
            state["key"] = engine.dial("client")

    def media(key):
        def report():
            rec = engine.calls()[key].recorder
            print("PARTS", rec.left_path, rec.right_path, flush=True)
        QTimer.singleShot(2500, report)

    engine.sig_registration.connect(registered)
    engine.sig_media_active.connect(media)
    engine.start()
    app.exec()


if __name__ == "__main__":
    main()
