"""Issue 17's done-when, against a REAL PostgreSQL and separate workstation stores:
an import into a team distributed to its three managers is seen by exactly those
managers, their supervisor and team lead; a funnel edited on A appears in B's
wrap-up without a restart; two admins editing the same funnel offline converge
(later write wins, the loser in config_history); a manager's own login (psql)
still reads no other team's leads; admins' user changes with a bad team are
refused with the team named."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import func, select

from sync.pgfixtures import make_workstation, pg_cluster, pg_template, require_part, shared_db  # noqa: F401
from workstation.store.models import ConfigHistory, FunnelStage, Lead, Team, User

pytestmark = pytest.mark.pg


@pytest.fixture
def people(shared_db):
    return {
        **{n: shared_db.add_user(n) for n in ("m1", "m2", "m3")},
        "sue": shared_db.add_user("sue", role="supervisor"),
        "tom": shared_db.add_user("tom", role="teamlead"),
        "ada": shared_db.add_user("ada", role="admin", team=None),
        "eve": shared_db.add_user("eve", role="admin", team=None),
        "zoe": shared_db.add_user("zoe", team="team2"),
        "zed": shared_db.add_user("zed", role="supervisor", team="team2"),
    }


def ctx_of(ws, member, config):
    from workstation.services.context import Context, SignedInUser

    with ws.session() as s:
        team = s.scalar(select(User.team_id).where(User.id == member.id))
    return Context(ws.store, SignedInUser(id=member.id, login=member.login, role=member.role,
                                          team_id=team), settings=config)


def _csv(path, n):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Company", "Phone"])
        for i in range(n):
            w.writerow([f"Imported {i}", f"+38067{2000000 + i}"])
    return path


def psql(shared_db, sql, member=None) -> str:
    done = shared_db.psql(sql, member)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def synced(ws):
    report = ws.sync()
    assert not sum(report.rejected.values()), ws.syncer.rejected_lines()
    return report


def test_import_distributed_to_three_managers_is_seen_by_exactly_the_team(
        shared_db, people, make_workstation, config, tmp_path):
    from workstation.importer.importer import ImportOptions, run_import
    from workstation.services import admin

    a = make_workstation(people["ada"])
    synced(a)
    ctx = ctx_of(a, people["ada"], config)
    target = admin.import_target(ctx, admin.TargetChoice("distribute", "team1", team="team1"))
    assert len(target.distribute_to) == 3  # m1..m3: not the supervisor, team lead or admin
    run_import(a.store, _csv(tmp_path / "base.csv", 10), ImportOptions(
        owner_id=target.owner_id, team_id=target.team_id, shared_pool=target.shared_pool,
        distribute_to=target.distribute_to, user_id=ctx.user.id))
    synced(a)
    seen = {}
    for name in ("m1", "m2", "m3", "sue", "tom", "zoe", "zed"):
        ws = make_workstation(people[name])
        synced(ws)
        with ws.session() as s:
            seen[name] = s.execute(select(Lead.owner_id, Lead.team_id)
                                   .where(Lead.company.like("Imported %"))).all()
    team1 = psql(shared_db, "SELECT id FROM teams WHERE name = 'team1'")
    for m in ("m1", "m2", "m3"):
        assert {o for o, _t in seen[m]} == {people[m].id}  # their own, nobody else's
    assert sorted(len(seen[m]) for m in ("m1", "m2", "m3")) == [3, 3, 4]
    for boss in ("sue", "tom"):
        assert len(seen[boss]) == 10 and {str(t) for _o, t in seen[boss]} == {team1}
    assert seen["zoe"] == [] and seen["zed"] == []
    # the manager's own database login, with psql: still only their leads
    assert psql(shared_db, "SELECT count(*) FROM leads WHERE company LIKE 'Imported %'",
                people["m1"]) == str(len(seen["m1"]))
    assert psql(shared_db, "SELECT count(*) FROM leads", people["zoe"]) == "0"


def test_import_into_the_team_pool_is_shared_by_its_members_only(
        shared_db, people, make_workstation, config, tmp_path):
    from workstation.importer.importer import ImportOptions, run_import
    from workstation.services import admin

    a = make_workstation(people["ada"])
    synced(a)
    t = admin.import_target(ctx_of(a, people["ada"], config),
                            admin.TargetChoice("pool", "team1", team="team1"))
    run_import(a.store, _csv(tmp_path / "pool.csv", 4), ImportOptions(
        owner_id=t.owner_id, team_id=t.team_id, shared_pool=t.shared_pool))
    synced(a)
    for name, expected in (("m2", 4), ("zoe", 0)):
        ws = make_workstation(people[name])
        synced(ws)
        with ws.session() as s:
            rows = s.execute(select(Lead.shared_pool, Lead.owner_id)).all()
        assert len(rows) == expected and all(pool and owner is None for pool, owner in rows)


def test_a_funnel_edited_on_a_reaches_bs_wrapup_without_a_restart(
        qtbot, shared_db, people, make_workstation, config):
    from workstation.services import admin
    from workstation.views import ops
    from workstation.views.workspace import CallWorkspace

    a, b = make_workstation(people["ada"]), make_workstation(people["m1"])
    synced(a)
    synced(b)
    workspace = CallWorkspace(ctx_of(b, people["m1"], config))
    qtbot.addWidget(workspace)
    stages = workspace.wrapup.stageCombo
    reasons = workspace.wrapup.reasonCombo
    qtbot.waitUntil(lambda: reasons.findData("no_need") >= 0, timeout=10_000)
    assert stages.findData("site_visit") < 0

    ctx_a = ctx_of(a, people["ada"], config)
    admin.add_stage(ctx_a, "default", "site_visit", "Site visit", position=3)
    admin.set_item(ctx_a, "reasons", "no_need", retired=True)
    admin.add_item(ctx_a, "reasons", "moved", "Company moved")
    synced(a)
    changes = ops.pulled_changes(synced(b))  # what the call center announces on sig_report
    assert changes is not None and changes.touches(ops.CONFIG)
    ops.bus().sig_changed.emit(changes)
    qtbot.waitUntil(lambda: stages.findData("site_visit") == 3, timeout=10_000)
    assert stages.itemText(3) == "Site visit"
    assert reasons.findData("no_need") < 0 and reasons.findData("moved") >= 0
    with b.session() as s:  # B's own store has the funnel as A left it
        codes = list(s.scalars(select(FunnelStage.code).where(FunnelStage.retired.is_(False))
                               .order_by(FunnelStage.position)))
    assert codes[:3] == ["not_aware", "aware", "site_visit"]


def test_two_admins_edit_the_same_funnel_offline_later_write_wins_loser_in_history(
        shared_db, people, make_workstation, config):
    from workstation.services import admin

    a, e = make_workstation(people["ada"]), make_workstation(people["eve"])
    synced(a)
    synced(e)
    admin.set_stage(ctx_of(a, people["ada"], config), "default", "offer", name="Quote sent")
    admin.set_stage(ctx_of(e, people["eve"], config), "default", "offer", name="Proposal out")
    synced(a)  # A first, E later: E's is the later write
    synced(e)
    synced(a)
    for ws in (a, e):
        with ws.session() as s:
            assert s.scalar(select(FunnelStage.name).where(FunnelStage.code == "offer")) == \
                "Proposal out"
    with a.session() as s:
        kept = s.execute(select(ConfigHistory.table_name, ConfigHistory.field,
                                ConfigHistory.old_value, ConfigHistory.new_value)).all()
    assert ("funnel_stages", "name", "Quote sent", "Proposal out") in kept


def test_a_team_that_does_not_exist_is_refused_and_the_shared_db_guards_admin_fields(
        shared_db, people, make_workstation, config):
    from workstation.services import admin

    a = make_workstation(people["ada"])
    synced(a)
    ctx = ctx_of(a, people["ada"], config)
    with pytest.raises(admin.AdminError, match="team: team nowhere does not exist"):
        admin.set_user(ctx, people["m1"].login, team="nowhere")
    admin.add_team(ctx, "team3")
    admin.set_user(ctx, people["m1"].login, team="team3", sip_extension="301",
                   sip_username="m1-301")
    synced(a)
    got = psql(shared_db, f"SELECT t.name, u.sip_extension, u.sip_username FROM users u "
                         f"JOIN teams t ON t.id = u.team_id WHERE u.login = '{people['m1'].login}'")
    assert got.split("|") == ["team3", "301", "m1-301"]
    # a manager's workstation cannot do the same: refused locally, and by the database
    m = make_workstation(people["m2"])
    synced(m)
    with pytest.raises(admin.NotAllowed):
        admin.set_user(ctx_of(m, people["m2"], config), people["m2"].login, sip_username="x")
    with m.session() as s, s.begin():
        s.get(User, people["m2"].id).sip_username = "mine-now"
    report = m.sync()
    assert report.rejected["users"] == 1
    said = "\n".join(m.syncer.rejected_lines())
    assert "only an admin" in said or "row-level security policy for table \"users\"" in said
    with a.session() as s:
        assert s.scalar(select(func.count()).select_from(Team)) >= 3


def test_cli_admin_adds_a_user_with_a_database_login_that_syncs(
        shared_db, people, cli, config, store):
    """``workstation admin users add --password-stdin`` as a deployment script runs it:
    the login is made in the shared database (ws_create_login), the local row has
    the same id, and a sync pushes its SIP fields onto that row."""
    import psycopg
    from sqlalchemy.engine import URL, make_url

    from workstation import secrets
    from workstation.sync.worker import Syncer

    ada = people["ada"]
    u = make_url(ada.url)
    config.set("db.shared_url", URL.create("postgresql", u.username, None, u.host, u.port,
                                           u.database).render_as_string())
    config.set("user.login", ada.login)
    config.save()
    secrets.set_secret("db.shared_password", ada.password)
    syncer = Syncer(store.url, shared_db.engine(ada.url))
    syncer.sync_once()  # ada's row, with her admin role, and the teams
    newbie = f"newbie_{shared_db.tag}"  # logins are the cluster's: one per test database
    code, out, err = cli("admin", "users", "add", newbie, "--team", "team2", "--role",
                         "manager", "--sip-extension", "250", "--sip-username", "newbie250",
                         "--password-stdin", stdin="s3cret-pass\n")
    assert code == 0, err
    assert "s3cret" not in out + err
    code, _out, err = cli("admin", "users", "add", f"other_{shared_db.tag}", "--team", "nope",
                          "--password-stdin", stdin="x\n")
    assert code == 2 and "team: team nope does not exist" in err
    report = syncer.sync_once()
    assert not sum(report.rejected.values()), syncer.rejected_lines()
    syncer.close()
    row = psql(shared_db, "SELECT u.sip_extension, u.sip_username, t.name FROM users u "
                          f"JOIN teams t ON t.id = u.team_id WHERE u.login = '{newbie}'")
    assert row.split("|") == ["250", "newbie250", "team2"]
    assert psql(shared_db, f"SELECT count(*) FROM pg_roles WHERE rolname = 'other_{shared_db.tag}'") == "0"
    with psycopg.connect(host="127.0.0.1", port=shared_db.cluster.port, user=newbie,
                         password="s3cret-pass", dbname=shared_db.name) as conn:
        assert conn.execute("SELECT session_user").fetchone()[0] == newbie


def test_team_lead_reassigns_team_leads_through_ws_assign_lead_and_a_manager_cannot_take(
        shared_db, people, make_workstation, config, tmp_path):
    from workstation.importer.importer import ImportOptions, run_import
    from workstation.services import admin
    from workstation.services import leads as L

    a = make_workstation(people["ada"])
    synced(a)
    t = admin.import_target(ctx_of(a, people["ada"], config),
                            admin.TargetChoice("owner", "m1", owner=people["m1"].login))
    run_import(a.store, _csv(tmp_path / "m1.csv", 4), ImportOptions(
        owner_id=t.owner_id, team_id=t.team_id))
    synced(a)
    tom = make_workstation(people["tom"])
    synced(tom)
    with tom.session() as s:
        ids = list(s.scalars(select(Lead.id).order_by(Lead.company)))
    assert len(ids) == 4
    moved = L.reassign(ctx_of(tom, people["tom"], config), ids[:2],
                       owners=[people["m2"].id, people["m3"].id], note="m1 is on leave")
    assert moved == 2
    synced(tom)
    owners = psql(shared_db, "SELECT string_agg(u.login, ',' ORDER BY l.company) FROM leads l "
                             "JOIN users u ON u.id = l.owner_id")
    assert owners.split(",") == [people["m2"].login, people["m3"].login,
                                 people["m1"].login, people["m1"].login]
    assert psql(shared_db, "SELECT count(*) FROM history_events WHERE kind = 'handover' "
                           "AND text = 'm1 is on leave'") == "2"
    # a hand-over by the manager: allowed; taking a pool lead for oneself: refused
    L.reassign(ctx_of(tom, people["tom"], config), ids[3:], team_id=people_team(tom),
               note="to the pool")
    synced(tom)
    m1 = make_workstation(people["m1"])
    synced(m1)
    L.hand_over(ctx_of(m1, people["m1"], config), ids[2], to_user_id=people["m2"].id,
                note="speaks Polish", reason="language")
    synced(m1)
    m2 = make_workstation(people["m2"])
    synced(m2)
    with m2.session() as s, s.begin():
        s.get(Lead, ids[3]).owner_id = people["m2"].id  # a plain local edit, past the service
    report = m2.sync()
    assert report.rejected["leads"] == 1
    assert "a manager cannot take a lead" in "\n".join(m2.syncer.rejected_lines())
    owner_of = "SELECT coalesce(u.login, 'pool') FROM leads l LEFT JOIN users u ON u.id = " \
               "l.owner_id WHERE l.id = '{}'"
    assert psql(shared_db, owner_of.format(ids[2])) == people["m2"].login
    assert psql(shared_db, owner_of.format(ids[3])) == "pool"


def people_team(ws):
    with ws.session() as s:
        return s.scalar(select(Team.id).where(Team.name == "team1"))
