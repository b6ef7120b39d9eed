"""Render the Statistics tab at 1366x768 offscreen (English and Russian) into
docs/screenshots/stats-1366x768.png and stats-ru-1366x768.png, on a synthetic
team of 8 managers (a working day of calls, tasks and warm leads; no real names).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python tools/screenshot_stats.py
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DAY = date(2026, 3, 30)
NOW = datetime(2026, 3, 30, 14, 20, tzinfo=timezone.utc)  # 17:20 in Kyiv
NAMES = ["Olena Koval", "Taras Melnyk", "Iryna Bondar", "Maksym Shevchuk", "Daria Tkachenko",
         "Andrii Kravets", "Sofiia Lysenko", "Bohdan Moroz"]


def build(store) -> uuid.UUID:
    from sqlalchemy import insert

    from workstation.store import stats as st
    from workstation.store.models import Call, HistoryEvent, Lead, Task, Team, User

    rnd = random.Random(5)
    tz = ZoneInfo("Europe/Kyiv")
    team = uuid.uuid4()
    users = [uuid.uuid4() for _ in NAMES]
    leads = [uuid.uuid4() for _ in range(300)]
    with store.session() as s, s.begin():
        s.execute(insert(Team.__table__), [dict(id=team, name="Sales North")])
        s.execute(insert(User.__table__), [dict(id=u, login=f"m{i}", full_name=n, role="manager",
                                                team_id=team) for i, (u, n) in
                                           enumerate(zip(users, NAMES))])
        s.execute(insert(Lead.__table__), [dict(id=lead, company=f"Synthetic Co {i}")
                                           for i, lead in enumerate(leads)])
        st.set_time_zone(s, "Europe/Kyiv", team)
        calls, tasks, events = [], [], []
        for day in [DAY - timedelta(days=d) for d in range(0, 50)]:
            if day.weekday() >= 5:
                continue
            for k, u in enumerate(users):
                skill = 0.6 + 0.1 * (k % 5)
                for _ in range(rnd.randint(45, 95) if day < DAY else rnd.randint(30, 70)):
                    hour = rnd.choices(range(9, 18), weights=[3, 6, 7, 6, 3, 5, 7, 6, 4])[0]
                    start = datetime(day.year, day.month, day.day, hour, rnd.randrange(60),
                                     tzinfo=tz).astimezone(timezone.utc)
                    if day == DAY and start > NOW:
                        continue
                    o = rnd.choices(["success", "no_answer", "busy", "error"],
                                    weights=[40 * skill, 40, 12, 5])[0]
                    ring = rnd.uniform(3, 35)
                    talk = rnd.expovariate(1 / 110) if o == "success" else 0.0
                    tools = (rnd.choice([["presentation"], ["invoice"], ["decision_maker"],
                                         ["demo_access"], ["presentation", "invoice"]])
                             if o == "success" and rnd.random() < 0.12 else None)
                    lead = rnd.choice(leads)
                    cid = uuid.uuid4()
                    calls.append(dict(
                        id=cid, user_id=u, lead_id=lead, direction="out", started_at=start,
                        answered_at=start + timedelta(seconds=ring) if o == "success" else None,
                        ended_at=start + timedelta(seconds=ring + talk), outcome=o,
                        ring_seconds=ring, talk_seconds=talk, tools=tools,
                        result=rnd.choice(["positive", "negative", "undefined"])
                        if o == "success" else None,
                        invoice_amount=rnd.randrange(5, 90) * 1000
                        if tools and "invoice" in tools else None))
                    if tools and day == DAY:
                        tasks.append(dict(id=uuid.uuid4(), owner_id=u, lead_id=lead,
                                          kind=tools[0], title=tools[0], due_at=start))
                    if o == "success" and rnd.random() < 0.04:
                        events.append(dict(id=uuid.uuid4(), lead_id=lead, user_id=u, call_id=cid,
                                           kind="type_change", new_value="interested", at=start))
        s.execute(insert(Call.__table__), calls)
        s.execute(insert(Task.__table__), tasks)
        s.execute(insert(HistoryEvent.__table__), events)
    return team


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from workstation.config import Config
    from workstation.i18n import install_translators
    from workstation.services.context import Context, SignedInUser
    from workstation.store.db import Store
    from workstation.views import ops
    from workstation.views.stats import StatsView

    tmp = Path(tempfile.mkdtemp(prefix="ws-shot-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp)
    store = Store(path=tmp / "shot.sqlite3")
    store.upgrade()
    team = build(store)
    app = QApplication.instance() or QApplication([])
    out = ROOT / "docs" / "screenshots"
    for lang, name in (("en", "stats-1366x768.png"), ("ru", "stats-ru-1366x768.png")):
        translators = install_translators(app, lang) if lang != "en" else []
        ctx = Context(store, SignedInUser(id=uuid.uuid4(), login="lead", name="Lead",
                                          role="admin"), settings=Config())
        view = StatsView(ctx, today=DAY)
        view.resize(1366, 768)
        view.show()
        import workstation.services.stats as svc

        real = svc.report
        svc.report = lambda *a, **kw: real(*a, **{**kw, "now": NOW})  # the day at 17:20
        _wait(app, lambda: view.team.count() > 1)
        view.team.setCurrentIndex(view.team.findData(str(team)))
        _wait(app, lambda: view.report is not None and view.report.zone == "Europe/Kyiv")
        view.charts.setCurrentIndex(0)
        _wait(app, lambda: False, 0.3)
        view.grab().save(str(out / name))
        svc.report = real
        ops.pool().waitForDone(5000)
        view.close()
        for t in translators:
            app.removeTranslator(t)
    store.dispose()
    print("wrote", out / "stats-1366x768.png", out / "stats-ru-1366x768.png")


def _wait(app, cond, seconds: float = 20.0) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end and not cond():
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main()
