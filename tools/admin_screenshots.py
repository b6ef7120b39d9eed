"""Screenshots of the administration screens at 1366x768 (docs/screenshots/admin-*.png).

    xvfb-run -s "-screen 0 1366x768x24" python tools/admin_screenshots.py

A throwaway store (in a temporary folder) with two teams, a few users, a second
funnel with a retired stage, and plans; the admin dialog fills the screen and
each page is grabbed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="ws-shots-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    from PySide6.QtWidgets import QApplication

    from workstation.config import Config
    from workstation.services import admin
    from workstation.services.context import Context, SignedInUser
    from workstation.store.db import Store
    from workstation.store.models import Lead, User

    app = QApplication(sys.argv)
    store = Store(path=tmp / "store.sqlite3")
    store.upgrade()
    uid = uuid.uuid4()
    with store.session() as s, s.begin():
        s.add(User(id=uid, login="olena", full_name="Olena Admin", role="admin"))
    ctx = Context(store, SignedInUser(id=uid, login="olena", name="Olena Admin", role="admin"),
                  settings=Config())
    for team in ("Kyiv", "Lviv"):
        admin.add_team(ctx, team)
    for n, (login, name, role, team) in enumerate((
            ("anna", "Anna Kovalenko", "manager", "Kyiv"),
            ("bohdan", "Bohdan Shevchuk", "manager", "Kyiv"),
            ("iryna", "Iryna Melnyk", "teamlead", "Kyiv"),
            ("taras", "Taras Bondar", "supervisor", "Lviv"),
            ("oksana", "Oksana Tkachenko", "manager", "Lviv"))):
        admin.add_user(ctx, login, full_name=name, role=role, team=team,
                       sip_extension=str(201 + n), sip_username=f"{login}{201 + n}")
    admin.set_user(ctx, "oksana", active=False)
    admin.add_funnel(ctx, "solar", "Solar panels", product="solar", topic="energy")
    admin.add_stage(ctx, "solar", "site_visit", "Site visit", position=4)
    with ctx.write() as s:
        from sqlalchemy import select

        from workstation.store.models import FunnelStage

        st = s.scalar(select(FunnelStage).where(FunnelStage.code == "site_visit"))
        s.add_all([Lead(company=f"Lead {i}", funnel_id=st.funnel_id, stage_id=st.id)
                   for i in range(3)])
    admin.set_stage(ctx, "solar", "site_visit", retired=True)
    admin.add_item(ctx, "sources", "expo", "Trade fair")
    admin.add_item(ctx, "sources", "site", "Web site form")
    admin.set_item(ctx, "reasons", "wrong_segment", retired=True)
    admin.set_plan(ctx, "effective_calls", "day", 35, team="Kyiv")
    admin.set_plan(ctx, "sales", "month", 3, user="anna")

    from workstation.views.admin import AdminDialog

    dialog = AdminDialog(ctx)
    dialog.resize(1366, 768)
    dialog.move(0, 0)
    dialog.show()
    dialog.pages["funnels"].funnel.setCurrentIndex(1)

    def settle(ms=600):
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    settle(1500)
    funnels = dialog.pages["funnels"]
    funnels.funnel.setCurrentIndex(max(0, funnels.funnel.findData("solar")))
    OUT.mkdir(parents=True, exist_ok=True)
    for key, page in dialog.pages.items():
        dialog.tabs.setCurrentWidget(page)
        settle()
        path = OUT / f"admin-{key}-1366x768.png"
        dialog.grab().save(str(path))
        print(path)
    store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
