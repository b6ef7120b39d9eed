"""Screenshots of the team board at 1366x768 (docs/screenshots/board-*.png).

    QT_QPA_PLATFORM=offscreen python tools/board_screenshot.py [--lang ru]

A throwaway store: a team of eight managers in every state (on a call with a
lead, ringing, wrap-up, on a break, available, offline), today's calls; the
team lead's main window with the "Team board" tab in front, and the
"Occupancy" tab.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="en")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ws-shots-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from workstation.config import Config
    from workstation.domain import presence as P
    from workstation.i18n import install_translators
    from workstation.services.context import Context, SignedInUser
    from workstation.store import board as B
    from workstation.store.db import Store
    from workstation.store.models import Call, Lead, Team, User

    app = QApplication(sys.argv)
    keep = install_translators(app, args.lang)  # noqa: F841 - alive while the app runs
    store = Store(path=tmp / "store.sqlite3")
    store.upgrade()
    now = datetime.now(timezone.utc)
    start = now - timedelta(hours=3)
    lead_user = uuid.uuid4()
    people = (("Anna Kovalenko", P.ON_CALL, "→ +380 67 123 45 67", "Sonyachna Energy LLC", 185),
              ("Bohdan Shevchuk", P.RINGING, "← +380 50 765 43 21", "", 7),
              ("Dmytro Lysenko", P.WRAPUP, "", "", 48),
              ("Iryna Melnyk", P.BREAK, "lunch", "", 1260),
              ("Kateryna Bondar", P.AVAILABLE, "", "", 95),
              ("Mykola Savchenko", P.ON_CALL, "→ +380 44 222 33 44", "Dnipro Agro Holding", 612),
              ("Oksana Tkachenko", P.AVAILABLE, "", "", 12),
              ("Yurii Hnatiuk", None, "", "", 0))
    with store.session() as s, s.begin():
        team = Team(name="Kyiv")
        s.add(team)
        s.flush()
        s.add(User(id=lead_user, login="olena", full_name="Olena Lead", role="teamlead",
                   team_id=team.id))
        for i, (name, state, detail, company, secs) in enumerate(people):
            uid = uuid.uuid4()
            s.add(User(id=uid, login=name.split()[0].lower(), full_name=name, role="manager",
                       team_id=team.id))
            s.flush()
            for k in range(4 + 3 * i % 17):  # today's calls
                ok = k % 3 == 0
                s.add(Call(user_id=uid, direction="out", outcome="success" if ok else "no_answer",
                           started_at=start + timedelta(minutes=7 * k),
                           talk_seconds=95.0 + 13 * k if ok else None, effective=ok and k % 2 == 0))
            lead_id = None
            if company:
                lead = Lead(company=company, owner_id=uid, team_id=team.id)
                s.add(lead)
                s.flush()
                lead_id = lead.id
            if state is None:
                B.switch(s, uid, P.AVAILABLE, start, stale_s=1e9)
                B.switch(s, uid, P.OFFLINE, start + timedelta(hours=1), stale_s=1e9)
                continue
            B.switch(s, uid, P.AVAILABLE, start, stale_s=1e9)
            B.switch(s, uid, P.ON_CALL, start + timedelta(minutes=40), stale_s=1e9)
            B.switch(s, uid, P.WRAPUP, start + timedelta(minutes=52), stale_s=1e9)
            B.switch(s, uid, P.ON_CALL if state != P.ON_CALL else P.AVAILABLE,
                     start + timedelta(minutes=55), stale_s=1e9)
            B.switch(s, uid, state, now - timedelta(seconds=secs), detail=detail,
                     lead_id=lead_id, stale_s=1e9)
            B.heartbeat(s, uid, now)  # their workstation is up
    ctx = Context(store, SignedInUser(id=lead_user, login="olena", name="Olena Lead",
                                      role="teamlead", team_id=None), settings=Config())

    from workstation.views import board, callcenter
    from workstation.views.mainwindow import MainWindow

    window = MainWindow(ctx)
    center = callcenter.install(window, ctx)
    installed = board.install(window, ctx, calls=center.calls, workspace=center.workspace)
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()

    def settle(ms=800):
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    center.tabs.setCurrentWidget(installed.view)
    settle(2000)
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "en" else f"-{args.lang}"
    path = OUT / f"board{suffix}-1366x768.png"
    window.grab().save(str(path))
    print(path)
    center.tabs.setCurrentWidget(installed.report)
    settle()
    path = OUT / f"board-occupancy{suffix}-1366x768.png"
    window.grab().save(str(path))
    print(path)
    installed.shutdown()
    settle(300)
    center.shutdown()
    window.shutdown()
    store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
