"""The shared schema: upgrade, revision triggers, roles and row-level security."""

from __future__ import annotations

import pytest
from sqlalchemy import text

pytestmark = pytest.mark.pg


def test_upgrade_is_idempotent_and_assigns_revisions(shared_db):
    from workstation.sync.shared import upgrade_shared_engine

    admin = shared_db.engine()
    upgrade_shared_engine(admin)  # second time: nothing breaks, nothing doubles
    with admin.begin() as c:
        assert c.scalar(text("SELECT count(*) FROM funnels WHERE code = 'default'")) == 1
        c.execute(text("INSERT INTO tags (id, name, created_at, updated_at, revision, deleted)"
                       " VALUES (gen_random_uuid(), 't1', now(), now(), 0, false)"))
        r1 = c.scalar(text("SELECT revision FROM tags WHERE name = 't1'"))
        c.execute(text("UPDATE tags SET name = 't2' WHERE name = 't1'"))
        r2 = c.scalar(text("SELECT revision FROM tags WHERE name = 't2'"))
    assert 0 < r1 < r2


def test_manager_cannot_read_another_managers_recording_with_psql(shared_db):
    alice = shared_db.add_user("alice")
    bob = shared_db.add_user("bob")
    sup = shared_db.add_user("sue", "supervisor")
    # alice stores a recording as herself
    out = shared_db.psql(
        "INSERT INTO recordings (id, call_id, owner_id, size, sha256, chunk_size, chunk_count)"
        f" VALUES (gen_random_uuid(), gen_random_uuid(), '{alice.id}', 3,"
        " encode(sha256('abc'), 'hex'), 3, 1) RETURNING id", alice)
    assert out.returncode == 0, out.stderr
    rec = out.stdout.strip()
    out = shared_db.psql(f"INSERT INTO recording_chunks VALUES ('{rec}', 0, 'abc',"
                         " encode(sha256('abc'), 'hex'))", alice)
    assert out.returncode == 0, out.stderr
    count = "SELECT count(*) FROM recordings; SELECT count(*) FROM recording_chunks"
    assert shared_db.psql(count, alice).stdout.split() == ["1", "1"]
    assert shared_db.psql(count, sup).stdout.split() == ["1", "1"]  # same team
    assert shared_db.psql(count, bob).stdout.split() == ["0", "0"]
    # bob cannot forge a chunk into alice's recording, nor claim it as his
    bad = shared_db.psql(f"INSERT INTO recording_chunks VALUES ('{rec}', 1, 'x',"
                         " encode(sha256('x'), 'hex'))", bob)
    assert bad.returncode != 0 and "row-level security" in bad.stderr
    # and local bookkeeping tables are not his at all
    assert shared_db.psql("SELECT count(*) FROM outbox", bob).returncode != 0


def test_leads_follow_owner_team_and_pool(shared_db):
    admin = shared_db.engine()
    alice = shared_db.add_user("alice")
    bob = shared_db.add_user("bob")
    carol = shared_db.add_user("carol", team="team2")
    lead = ("INSERT INTO leads (id, company, category, address, source, topic, product, project,"
            " site, channel, owner_id, team_id, shared_pool, remind, attempts, notes, name_key,"
            " created_at, updated_at, revision, deleted) VALUES (gen_random_uuid(), :c, '', '',"
            " '', '', '', '', '', 'call', :o, (SELECT team_id FROM users WHERE login = :l),"
            " :p, false, 0, '', '', now(), now(), 0, false)")
    with admin.begin() as c:
        c.execute(text(lead), {"c": "alice own", "o": alice.id, "l": alice.login, "p": False})
        c.execute(text(lead), {"c": "team pool", "o": None, "l": alice.login, "p": True})
    q = "SELECT company FROM leads ORDER BY company"
    assert shared_db.psql(q, alice).stdout.split("\n")[:2] == ["alice own", "team pool"]
    assert shared_db.psql(q, bob).stdout.strip() == "team pool"
    assert shared_db.psql(q, carol).stdout.strip() == ""
    # bob cannot take alice's lead by writing it
    upd = shared_db.psql("UPDATE leads SET notes = 'mine' WHERE company = 'alice own'", bob)
    assert upd.returncode == 0
    assert shared_db.psql("SELECT notes FROM leads WHERE company = 'alice own'",
                          alice).stdout.strip() == ""


def test_db_upgrade_shared_command_uses_url_and_keyring(shared_db, config, capsys):
    from sqlalchemy.engine import URL, make_url

    from workstation import secrets
    from workstation.sync.shared import upgrade_shared

    u = make_url(shared_db.admin_url)
    config.set("db.shared_url", URL.create("postgresql", u.username, None, u.host, u.port,
                                             u.database).render_as_string() + "?sslmode=disable")
    assert upgrade_shared(config) == 3  # no password in the keyring yet: refused
    secrets.set_secret("db.shared_password", u.password)
    assert upgrade_shared(config) == 0
    out = capsys.readouterr()
    assert "roles and access rules applied" in out.out
    assert u.password not in out.out + out.err
