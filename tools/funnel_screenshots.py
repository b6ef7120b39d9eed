"""Screenshots of the Funnel and Script analytics tabs at 1366x768
(docs/screenshots/funnel-*-1366x768.png, and the Russian ones funnel-*-ru-1366x768.png).

    xvfb-run -s "-screen 0 1366x768x24" python tools/funnel_screenshots.py [ru]

A throwaway store of 3,000 synthetic leads walked through the default funnel and
their calls through the sample script (bench/funnel_store.py), seen by an admin.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT / "bench"))


def settle(ms: int = 600) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(argv: list[str]) -> int:
    lang = argv[0] if argv else "en"
    tmp = Path(tempfile.mkdtemp(prefix="ws-funnel-shots-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from funnel_store import build
    from workstation.config import Config
    from workstation.i18n import install_translators
    from workstation.services.context import Context, SignedInUser
    from workstation.store.db import Store
    from workstation.views import funnel

    app = QApplication(sys.argv)
    translators = install_translators(app, lang) if lang != "en" else None  # noqa: F841
    path = tmp / "store.sqlite3"
    build(path, 3000)
    store = Store(path=path)
    ctx = Context(store, SignedInUser(id=uuid.uuid4(), login="root", name="Root", role="admin"),
                  settings=Config())
    window = QMainWindow()
    window.setCentralWidget(QLabel("Leads"))
    funnel_tab, script_tab = funnel.install(window, ctx)
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()
    tabs = window.centralWidget()
    settle(2500)
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "en" else f"-{lang}"
    for name, tab in (("funnel", funnel_tab), ("script", script_tab)):
        tabs.setCurrentWidget(tab)
        settle(800)
        out = OUT / f"funnel-{name}{suffix}-1366x768.png"
        window.grab().save(str(out))
        print(out)
    store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
