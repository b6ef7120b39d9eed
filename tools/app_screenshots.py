"""The whole app as its user sees it, every main tab, at a laptop's 1366x768.

    xvfb-run -s "-screen 0 1366x768x24" python tools/app_screenshots.py --role team_lead --lang ru

A throwaway home (settings, store with the demo leads), the real
``Workstation`` started with a loopback softphone and no headset; the user
gets the role asked for and a team. Writes docs/screenshots/app-<role>-<lang>-<n>.png
(one per central tab) and prints the window's minimum width, which must fit
the screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--role", default="manager")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ws-app-shots-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    os.environ["WORKSTATION_NO_HEADSET"] = "1"
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    sys.path.insert(0, str(ROOT / "src"))
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QTabWidget, QWidget
    from sqlalchemy import update

    from workstation.app import Workstation, make_qapp
    from workstation.config import Config
    from workstation.demo import seed_demo
    from workstation.i18n import install_translators, pick_language
    from workstation.services.users import sign_in
    from workstation.store.db import open_store
    from workstation.store.models import Team, User
    from workstation.telephony.settings import SipSettings

    config = Config()
    config.set("ui.language", args.lang)
    config.set("user.login", "olena")
    config.set("user.name", "Olena Demo")
    store = open_store(config)
    ctx = sign_in(store, config)
    with store.session() as s, s.begin():
        team = Team(id=uuid.uuid4(), name="North")
        s.add(team)
        s.flush()
        s.execute(update(User).where(User.id == ctx.user.id)
                  .values(role=args.role, team_id=team.id))
    seed_demo(store, ctx.user.id)
    store.dispose()

    app = make_qapp([])
    translators = install_translators(app, pick_language(args.lang))  # noqa: F841
    sip = SipSettings(bind_address="127.0.0.1", record_calls=False,
                      recordings_dir=tmp / "rec", log_level=0)
    ws = Workstation(config, app, sip_settings=sip, headset=False)
    ws.start()
    ws.window.show()
    ws.window.resize(1366, 768)

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    settle(2500)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tabs = ws.window.findChild(QTabWidget, "centralTabs")
    names = []
    for i in range(tabs.count() if tabs else 1):
        if tabs:
            tabs.setCurrentIndex(i)
            names.append(tabs.tabText(i))
        settle(1200)
        path = out / f"app-{args.role}-{args.lang}-{i + 1}.png"
        ws.window.grab().save(str(path))
        print(f"{path}: {names[-1] if names else ''}")
    print(f"window {ws.window.width()}x{ws.window.height()}, minimum width "
          f"{ws.window.minimumSizeHint().width()}, tabs: {', '.join(names)}")
    if os.environ.get("SHOTS_PROBE"):
        w = ws.window
        for name, part in (("central", w.centralWidget()), ("status bar", w.statusBar()),
                           ("menu", w.menuBar())):
            print(f"  {name}: min {part.minimumSizeHint().width()}")
        for child in w.statusBar().findChildren(QWidget):
            if child.parent() is w.statusBar() and child.isVisible():
                print(f"    status {type(child).__name__} {child.objectName()}: "
                      f"{child.minimumSizeHint().width()} / {child.sizeHint().width()}")
        from PySide6.QtWidgets import QDockWidget
        for dock in w.findChildren(QDockWidget):
            print(f"  dock {dock.windowTitle()}: {dock.minimumSizeHint().width()} "
                  f"visible={dock.isVisible()}")
    ws.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
