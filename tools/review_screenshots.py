"""Screenshots of the call review screens at 1366x768 (docs/screenshots/review-*.png).

    QT_QPA_PLATFORM=offscreen python tools/review_screenshots.py [--lang ru]

A throwaway store (temporary folder): a team with a supervisor and two
managers, a scorecard, calls on leads, a sampled queue with one call scored
and commented, a disputed review, missing-recording flags and audit rows.
The main window is grabbed as the supervisor (queue, missing recordings), as
the manager (My reviews) and the admin's review settings dialog.
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


def settle(app, ms=500):
    from PySide6.QtCore import QEventLoop, QTimer

    from workstation.views import ops

    ops.pool().waitForDone(10_000)
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    ops.pool().waitForDone(10_000)
    app.processEvents()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="en")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ws-review-shots-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from workstation.config import Config
    from workstation.i18n import install_translators
    from workstation.services import review
    from workstation.services.context import Context, SignedInUser
    from workstation.store.db import Store
    from workstation.store.models import Call, Lead, Team, User

    app = QApplication(sys.argv)
    if args.lang != "en":
        keep = install_translators(app, args.lang)  # noqa: F841 - kept alive
    store = Store(path=tmp / "store.sqlite3")
    store.upgrade()
    team = uuid.uuid4()
    people = {}
    with store.session() as s, s.begin():
        s.add(Team(id=team, name="Kyiv"))
        for login, name, role in (("taras", "Taras Bondar", "supervisor"),
                                  ("anna", "Anna Kovalenko", "manager"),
                                  ("bohdan", "Bohdan Shevchuk", "manager"),
                                  ("olena", "Olena Admin", "admin")):
            uid = uuid.uuid4()
            s.add(User(id=uid, login=login, full_name=name, role=role,
                       team_id=None if role == "admin" else team))
            people[login] = (uid, name, role)

    def ctx(login):
        uid, name, role = people[login]
        return Context(store, SignedInUser(id=uid, login=login, name=name, role=role,
                                           team_id=None if role == "admin" else team),
                       settings=Config())

    review.save_scorecard(ctx("olena"), "Cold call quality", [
        review.CriterionSpec("Greeting and introduction", 1.0),
        review.CriterionSpec("Found the decision maker", 2.0),
        review.CriterionSpec("Needs uncovered", 3.0, "scale", 5),
        review.CriterionSpec("Objections handled", 2.0, "scale", 3),
        review.CriterionSpec("No false promises", 1.0, critical=True),
        review.CriterionSpec("Next step agreed", 2.0),
    ])
    companies = ["TOV Sonyachna Enerhiia", "Agro-Lviv", "Dnipro Steel Service", "Kvitka Bakery",
                 "Karpaty Logistic", "UkrBud Invest", "Smart Clinic", "Vinnytsia Mlyn"]
    t0 = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0) - timedelta(days=3)
    calls = []
    with store.session() as s, s.begin():
        for i in range(22):
            who = "anna" if i % 2 else "bohdan"
            lead = Lead(company=companies[i % len(companies)])
            s.add(lead)
            s.flush()
            at = t0 + timedelta(hours=i * 3 % 30, minutes=i * 7)
            cid = uuid.uuid4()
            talk = 40 + (i * 53) % 500
            s.add(Call(id=cid, user_id=people[who][0], lead_id=lead.id, direction="out",
                       remote_number=f"+38067{1000000 + i * 7919}", started_at=at,
                       answered_at=at + timedelta(seconds=6),
                       ended_at=at + timedelta(seconds=6 + talk), talk_seconds=talk,
                       outcome=("success", "success", "busy")[i % 3] if i % 3 != 2 else "success",
                       recording_path="/rec.wav", recording_expected=True,
                       recording_consent=("given", "not_asked", "refused")[i % 3]))
            calls.append(cid)
    sup = ctx("taras")
    res = review.sample(sup, t0 - timedelta(days=1), t0 + timedelta(days=5), n=6, seed=3)
    card = review.scorecard(sup)
    anna = people["anna"][0]
    with store.session() as s:
        annas = [c for c in res.call_ids if s.get(Call, c).user_id == anna]
    first, second = annas[0], annas[1]
    a = {c.id: (1 if c.kind == "yes_no" else c.top - 1) for c in card.criteria}
    review.comment(sup, first, "Good opening, the client relaxed", at_ms=14_000)
    review.comment(sup, first, "Talked over the client here", at_ms=95_500)
    review.submit(sup, first, a, manager_fault=True, summary="Lost the client on price")
    v2 = review.submit(sup, second, a)
    manager_of_second = review.review_for_call(sup, second).manager_id
    login2 = next(k for k, v in people.items() if v[0] == manager_of_second)
    review.dispute(ctx(login2), v2.id, "The client had already chosen a supplier",
                   at_ms=42_000)
    review.save_check(sup, [
        {"call_id": calls[3], "recording_id": None, "reason": "no_file",
         "workstation": "anna", "detail": "talk 212 s; no recording in the shared store"},
        {"call_id": calls[5], "recording_id": uuid.uuid4(), "reason": "short",
         "workstation": "anna", "detail": "recording 41.0 s, talk 190.0 s"},
        {"call_id": calls[8], "recording_id": uuid.uuid4(), "reason": "upload_stuck",
         "workstation": "bohdan", "detail": "3 of 9 chunks, not confirmed"},
        {"call_id": None, "recording_id": uuid.uuid4(), "reason": "no_call",
         "workstation": "bohdan", "detail": "the call is not in the shared database"},
    ], set(), set())
    for i in range(6):
        review.log_access(sup, recording_id=uuid.uuid4(), call_id=calls[i], action="play",
                          played_seconds=30.0 + i * 11)
    review.log_access(sup, recording_id=uuid.uuid4(), call_id=calls[0], action="download")

    from workstation.views.mainwindow import MainWindow

    suffix = "" if args.lang == "en" else f"-{args.lang}"
    OUT.mkdir(parents=True, exist_ok=True)

    def shoot(login, name, prepare=None):
        w = MainWindow(ctx(login))
        w.resize(1366, 768)
        w.show()
        dock = w.review_dock
        dock.show()
        w.resizeDocks([dock], [900], Qt.Orientation.Horizontal)
        settle(app, 700)
        if dock.list.table.rowCount():
            dock.list.table.selectRow(0)
        if prepare:
            prepare(w, dock)
        settle(app, 700)
        path = OUT / f"{name}{suffix}-1366x768.png"
        w.grab().save(str(path))
        print(path)
        w.close()
        w.deleteLater()
        settle(app, 100)

    shoot("taras", "review-queue")
    shoot("taras", "review-missing", lambda w, d: d.tabs.setCurrentIndex(1))
    shoot("anna", "review-manager")
    from workstation.views.review import ReviewAdminDialog

    for i, name in enumerate(("review-criteria", "review-retention", "review-audit")):
        dlg = ReviewAdminDialog(ctx("olena"))
        dlg.resize(1366, 768)
        dlg.show()
        dlg.tabs.setCurrentIndex(i)
        settle(app, 700)
        path = OUT / f"{name}{suffix}-1366x768.png"
        dlg.grab().save(str(path))
        print(path)
        dlg.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
