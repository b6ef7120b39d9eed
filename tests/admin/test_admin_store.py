"""Administration through the services on a real local store: teams, users,
funnels and stages, reasons and sources, plans, the effective-call rule, import
targets; every bad input with its message, and nothing half-written."""

from __future__ import annotations

import csv
import uuid

import pytest
from sqlalchemy import func, select

from workstation.importer.importer import ImportOptions, run_import
from workstation.services import admin
from workstation.services.context import Context, SignedInUser
from workstation.store.models import FunnelStage, Lead, OutboxEntry, User


def _as(ctx, role, team_id=None, login="tl"):
    uid = uuid.uuid4()
    with ctx.write() as s:
        s.add(User(id=uid, login=login, role=role, team_id=team_id))
    return Context(ctx.store, SignedInUser(id=uid, login=login, role=role, team_id=team_id),
                   settings=ctx.settings)


def _csv(path, n, prefix="+38067"):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Company", "Phone"])
        for i in range(n):
            w.writerow([f"Co {i}", f"{prefix}{1000000 + i}"])
    return path


def test_teams_and_users_with_their_bad_input(ctx):
    north = admin.add_team(ctx, "North")
    uid = admin.add_user(ctx, "anna", full_name="Anna K", team="North", sip_extension="201",
                         sip_username="anna201")
    row = next(u for u in admin.users(ctx) if u.login == "anna")
    assert (row.team_id, row.team, row.sip_extension, row.sip_username, row.role) == (
        north, "North", "201", "anna201", "manager")
    with pytest.raises(admin.AdminError, match="team: team Nowhere does not exist"):
        admin.set_user(ctx, "anna", team="Nowhere")
    with pytest.raises(admin.AdminError, match="role 'boss'"):
        admin.add_user(ctx, "carl", role="boss")
    with pytest.raises(admin.AdminError, match="login 'Bad Login'"):
        admin.add_user(ctx, "Bad Login")
    with pytest.raises(admin.AdminError, match="a user 'anna' exists already"):
        admin.add_user(ctx, "anna")
    assert {u.login for u in admin.users(ctx)} == {"root", "anna"}  # nothing half-written
    with pytest.raises(admin.AdminError, match="still has 1 active members"):
        admin.set_team(ctx, "North", deleted=True)
    admin.set_user(ctx, "anna", active=False)
    admin.set_team(ctx, "North", deleted=True)
    assert [t.name for t in admin.teams(ctx)] == []
    with ctx.read() as s:  # every change is in the outbox: it syncs
        queued = set(s.scalars(select(OutboxEntry.row_id)))
    assert {uid, north} <= queued


def test_only_an_admin_changes_configuration_and_a_team_lead_plans_own_team(ctx):
    north, south = admin.add_team(ctx, "North"), admin.add_team(ctx, "South")
    admin.add_user(ctx, "anna", team="North")
    admin.add_user(ctx, "sven", team="South")
    tl = _as(ctx, "teamlead", north)
    with pytest.raises(admin.NotAllowed, match="only an admin"):
        admin.add_team(tl, "East")
    with pytest.raises(admin.NotAllowed, match="only an admin"):
        admin.add_stage(tl, "default", "x", "X")
    admin.set_plan(tl, "effective_calls", "day", 40, team="North")
    admin.set_plan(tl, "sales", "month", 3, user="anna")
    with pytest.raises(admin.NotAllowed, match="own team only"):
        admin.set_plan(tl, "effective_calls", "day", 40, team="South")
    with pytest.raises(admin.NotAllowed, match="sven is not in your team"):
        admin.set_plan(tl, "sales", "month", 3, user="sven")
    mgr = _as(ctx, "manager", north, login="mgr")
    with pytest.raises(admin.NotAllowed, match="only an admin or a team lead"):
        admin.set_plan(mgr, "sales", "month", 1, user="mgr")
    mine = {(p.metric, p.period, p.target, p.team or p.login) for p in admin.plans(tl)}
    assert mine == {("effective_calls", "day", 40, "North"), ("sales", "month", 3, "anna")}
    assert south not in {p.team_id for p in admin.plans(tl)}


def test_plans_bad_input(ctx):
    with pytest.raises(admin.AdminError, match="metric 'calls'"):
        admin.set_plan(ctx, "calls", "day", 1)
    with pytest.raises(admin.AdminError, match="sales is planned per month"):
        admin.set_plan(ctx, "sales", "week", 1)
    with pytest.raises(admin.AdminError, match="target 'lots': a number"):
        admin.set_plan(ctx, "sales", "month", "lots")
    with pytest.raises(admin.AdminError, match="team Nowhere does not exist"):
        admin.set_plan(ctx, "sales", "month", 2, team="Nowhere")
    first = admin.set_plan(ctx, "presentations", "month", 25)
    assert admin.set_plan(ctx, "presentations", "month", 30) == first  # one row per key
    assert {(p.metric, p.period, p.target) for p in admin.plans(ctx)} >= {
        ("presentations", "month", 30), ("presentations", "week", 10)}


def test_funnel_stages_rename_reorder_add_retire_and_a_used_stage_is_not_deleted(ctx):
    admin.add_funnel(ctx, "solar", "Solar panels", product="solar")
    admin.add_stage(ctx, "solar", "visit", "Site visit", position=3)
    admin.set_stage(ctx, "solar", "aware", name="Knows us")
    admin.set_stage(ctx, "solar", "paid", position=1)
    f = next(f for f in admin.funnels(ctx) if f.code == "solar")
    codes = [st.code for st in f.stages]
    assert codes[:4] == ["paid", "not_aware", "aware", "visit"]
    assert [st.position for st in f.stages] == list(range(1, len(codes) + 1))
    assert next(st.name for st in f.stages if st.code == "aware") == "Knows us"
    with ctx.write() as s:  # a lead at "visit"
        stage = s.scalar(select(FunnelStage).where(FunnelStage.code == "visit"))
        s.add(Lead(company="At visit", funnel_id=stage.funnel_id, stage_id=stage.id))
    with pytest.raises(admin.AdminError, match="used by 1 leads: it cannot be deleted, "
                                               "retire it instead"):
        admin.delete_stage(ctx, "solar", "visit")
    admin.set_stage(ctx, "solar", "visit", retired=True)
    offered = next(f for f in admin.funnels(ctx, with_retired=False) if f.code == "solar")
    assert "visit" not in [st.code for st in offered.stages]
    with ctx.read() as s:  # the lead keeps its stage until moved
        assert s.scalar(select(FunnelStage.code).join(Lead, Lead.stage_id == FunnelStage.id)
                        .where(Lead.company == "At visit")) == "visit"
    admin.delete_stage(ctx, "solar", "not_aware")  # unused: gone
    with pytest.raises(admin.AdminError, match="no stage 'nope' in funnel 'solar'"):
        admin.set_stage(ctx, "solar", "nope", name="x")
    with pytest.raises(admin.AdminError, match="position 99"):
        admin.set_stage(ctx, "solar", "paid", position=99)
    with pytest.raises(admin.AdminError, match="a funnel 'solar' exists already"):
        admin.add_funnel(ctx, "solar", "Again")


def test_reasons_and_sources_a_used_reason_is_only_retired(ctx):
    from workstation.store.models import Call

    admin.add_item(ctx, "sources", "expo", "Trade fair")
    admin.add_item(ctx, "reasons", "moved", "Company moved")
    with ctx.write() as s:
        s.add(Call(direction="out", refusal_reason="moved", user_id=ctx.user.id))
    with pytest.raises(admin.AdminError, match="reason 'moved' is used by 1 calls"):
        admin.delete_item(ctx, "reasons", "moved")
    admin.set_item(ctx, "reasons", "moved", retired=True, name="Moved away")
    assert "moved" not in [r.code for r in admin.items(ctx, "reasons", with_retired=False)]
    admin.delete_item(ctx, "sources", "expo")
    assert "expo" not in [r.code for r in admin.items(ctx, "sources")]
    with pytest.raises(admin.AdminError, match="code 'Bad code'"):
        admin.add_item(ctx, "sources", "Bad code", "x")


def test_effective_call_rule_is_the_admins_once_set(ctx):
    assert admin.effective_min_talk(ctx) == 60  # the workstation's setting
    admin.set_effective_min_talk(ctx, 45)
    assert ctx.effective_rule().min_talk_seconds == 45
    with pytest.raises(admin.AdminError, match="expected 0 to 3600"):
        admin.set_effective_min_talk(ctx, -1)


def test_import_into_a_pool_distributed_or_to_a_manager(ctx, tmp_path):
    north = admin.add_team(ctx, "North")
    ids = [admin.add_user(ctx, n, team="North") for n in ("m1", "m2", "m3")]
    admin.add_user(ctx, "lead1", team="North", role="teamlead")

    def run(choice, prefix):
        t = admin.import_target(ctx, choice)
        with ctx.read() as s:
            before = set(s.scalars(select(Lead.id)))
        run_import(ctx.store, _csv(tmp_path / f"{prefix}.csv", 10, prefix),
                   ImportOptions(owner_id=t.owner_id, team_id=t.team_id,
                                 shared_pool=t.shared_pool, distribute_to=t.distribute_to))
        with ctx.read() as s:
            return s.execute(select(Lead.owner_id, Lead.team_id, Lead.shared_pool)
                             .where(Lead.id.not_in(before))).all()

    choices = admin.import_choices(ctx)
    kinds = {(c.kind, c.name) for c in choices}
    assert {("pool", "North"), ("distribute", "North"), ("owner", "m1")} <= kinds
    rows = run(next(c for c in choices if c.kind == "distribute"), "+38067")
    assert len(rows) == 10 and {r.team_id for r in rows} == {north}
    per = {i: sum(r.owner_id == i for r in rows) for i in ids}
    assert sorted(per.values()) == [3, 3, 4] and not any(r.shared_pool for r in rows)
    rows = run(next(c for c in choices if c.kind == "pool"), "+38050")
    assert {(r.owner_id, r.team_id, r.shared_pool) for r in rows} == {(None, north, True)}
    rows = run(next(c for c in choices if c.kind == "owner" and c.owner == "m2"), "+38063")
    assert {(r.owner_id, r.team_id, r.shared_pool) for r in rows} == {(ids[1], north, False)}


def test_import_target_bad_input(ctx):
    admin.add_team(ctx, "Empty")
    with pytest.raises(admin.AdminError, match="team Empty has no active managers"):
        admin.import_target(ctx, admin.TargetChoice("distribute", "Empty", team="Empty"))
    with pytest.raises(admin.AdminError, match="team Gone does not exist"):
        admin.import_target(ctx, admin.TargetChoice("pool", "Gone", team="Gone"))
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Lead)) == 0


def test_cli_import_to_a_team_and_admin_commands_with_json(cli, store, config, tmp_path):
    import json

    config.set("user.login", "root")
    config.save()
    with store.session() as s, s.begin():
        s.add(User(login="root", role="admin"))
    code, _out, err = cli("admin", "teams", "add", "North")
    assert code == 0, err
    for n in ("m1", "m2"):
        assert cli("admin", "users", "add", n, "--team", "North", "--sip-extension", "20" + n[-1],
                   "--sip-username", n)[0] == 0
    code, out, _ = cli("admin", "users", "list", "--json")
    users = {u["login"]: u for u in json.loads(out)}
    assert users["m2"]["team"] == "North" and users["m2"]["sip_extension"] == "202"
    code, _out, err = cli("admin", "users", "set", "m1", "--team", "Nowhere")
    assert code == 2 and "team: team Nowhere does not exist" in err
    code, _out, err = cli("admin", "funnels", "set", "default", "--move-stage", "aware:x")
    assert code == 2 and "the position must be a number" in err
    assert cli("admin", "plans", "set", "effective_calls", "day", "33", "--team", "North")[0] == 0
    code, out, _ = cli("admin", "plans", "list", "--json")
    assert {"metric": "effective_calls", "target": 33.0, "team": "North"}.items() <= next(
        p for p in json.loads(out) if p["team"] == "North").items()
    path = _csv(tmp_path / "base.csv", 4)
    code, out, err = cli("import", str(path), "--team", "North", "--distribute")
    assert code == 0, err
    assert "to 2 managers of North" in out
    code, _out, err = cli("import", str(path), "--distribute")
    assert code == 2 and "--distribute needs a team" in err
    code, out, _ = cli("admin", "funnels", "list", "--json")
    assert [st["code"] for st in json.loads(out)[0]["stages"]][:2] == ["not_aware", "aware"]
    with store.session() as s:
        owners = s.execute(select(User.login, func.count()).join(Lead, Lead.owner_id == User.id)
                           .group_by(User.login)).all()
    assert dict(owners) == {"m1": 2, "m2": 2}


def test_card_save_and_the_interest_card_keep_owner_and_team_consistent(ctx):
    from workstation.services import leads as L
    from workstation.store.interest import create_lead_from_interest

    north, south = admin.add_team(ctx, "North"), admin.add_team(ctx, "South")
    anna = admin.add_user(ctx, "anna", team="North")
    sven = admin.add_user(ctx, "sven", team="South")
    me = _as(ctx, "manager", north, login="mgr")
    saved = L.save(me, L.LeadData(company="New Co", owner_id=None,
                                  phones=[L.PhoneData(raw="+380671110000")]))
    with ctx.read() as s:  # a new lead nobody owns joins the saving user's team
        assert s.get(Lead, saved.id).team_id == north
    saved.owner_id = anna
    L.save(me, saved)
    saved = L.load(me, saved.id)[1]
    saved.owner_id = sven  # handed to a manager of another team: the team follows
    L.save(me, saved)
    with ctx.read() as s:
        lead = s.get(Lead, saved.id)
        assert (lead.owner_id, lead.team_id, lead.shared_pool) == (sven, south, False)
    with ctx.write() as s:
        lead_id = create_lead_from_interest(s, phone="+380671110001", user_id=me.user.id,
                                            company="Caller Co")
    with ctx.read() as s:
        lead = s.get(Lead, lead_id)
        assert (lead.owner_id, lead.team_id) == (me.user.id, north)


def test_a_new_lead_takes_the_funnel_of_its_product_and_the_card_offers_its_stages(ctx):
    from workstation.services import leads as L

    admin.add_funnel(ctx, "solar", "Solar panels", product="solar")
    admin.add_stage(ctx, "solar", "site_visit", "Site visit", position=2)
    saved = L.save(ctx, L.LeadData(company="Sunny", product="solar",
                                   phones=[L.PhoneData(raw="+380671119999")]))
    choices, data = L.load(ctx, saved.id)
    solar = next(f for f in admin.funnels(ctx) if f.code == "solar")
    assert data.funnel_id == solar.id
    assert [c.code for c in choices.stages][:3] == ["not_aware", "site_visit", "aware"]
    other = L.save(ctx, L.LeadData(company="Plain", phones=[L.PhoneData(raw="+380671119998")]))
    assert "site_visit" not in [c.code for c in L.load(ctx, other.id)[0].stages]


def test_the_sip_user_name_the_admin_set_is_offered_at_the_users_own_sign_in(ctx, config):
    from workstation.services.users import sign_in

    admin.add_user(ctx, "anna", sip_extension="201", sip_username="anna201")
    config.set("user.login", "anna")
    assert sign_in(ctx.store, config).user.login == "anna"
    assert config.get("sip.username") == "anna201"
    config.set("sip.username", "mine")  # the user's own setting wins
    sign_in(ctx.store, config)
    assert config.get("sip.username") == "mine"
