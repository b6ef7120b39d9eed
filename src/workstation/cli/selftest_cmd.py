"""``workstation --self-test``: does this installation work? (offscreen, no account).

Opens a database in a temp folder and runs every migration, loads pjsua2 and
creates and destroys a SIP endpoint, opens the audio backend, loads the
translations and builds a form. One line per check; exit 0 when all pass,
1 otherwise. Nothing of the user's (settings, store, logs) is read or written.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from workstation import __version__
from workstation.cli import checks


def run() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication  # (deferred: no Qt at import)

    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841
    with tempfile.TemporaryDirectory(prefix="workstation-self-test-") as tmp:
        folder = Path(tmp)
        results = [checks.run_check(name, fn) for name, fn in (
            ("database", lambda: checks.database(folder)),
            ("pjsua2", lambda: checks.sip_endpoint(folder)),
            ("audio", checks.audio_backend),
            ("translations", checks.translations),
            ("interface", checks.widgets),
        )]
    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    print(f"workstation {__version__}{frozen} self-test")
    for r in results:
        print(r.line())
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"self-test: {len(failed)} of {len(results)} checks FAILED: "
              + ", ".join(r.name for r in failed))
        return 1
    print(f"self-test: all {len(results)} checks passed")
    return 0
