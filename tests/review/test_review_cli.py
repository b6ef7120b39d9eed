"""``workstation review missing --json`` and ``review retention [--apply]`` against
the real shared database, signed in as the configured login (keyring password)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from review.pgparts import add_call, add_recording

pytestmark = pytest.mark.pg


def sign_in_as(config, store, shared_db, member):
    from workstation import secrets
    from workstation.sync.worker import Syncer

    u = make_url(member.url)
    config.set("db.shared_url", URL.create("postgresql", u.username, None, u.host, u.port,
                                             u.database).render_as_string() + "?sslmode=disable")
    config.set("user.login", member.login)
    config.save()
    secrets.set_secret("db.shared_password", u.password)
    syncer = Syncer(store.url, shared_db.engine(member.url))
    syncer.sync_once()  # the users rows (and the login's role) arrive
    syncer.close()


def test_missing_json_and_retention_commands(cli, config, store, shared_db):
    alice = shared_db.add_user("alice")
    sue = shared_db.add_user("sue", role="supervisor")
    ada = shared_db.add_user("ada", role="admin", team=None)
    gone = add_call(shared_db, alice, talk=50)
    old = add_call(shared_db, alice, talk=50)
    add_recording(shared_db, alice, old, duration=50.0, age_days=100)
    sign_in_as(config, store, shared_db, sue)
    code, out, err = cli("review", "missing", "--json", "--grace-minutes", "1")
    assert code == 1, (out, err)
    doc = json.loads(out)
    assert doc["per_reason"] == {"no_file": 1} and doc["per_workstation"] == {alice.login: 1}
    assert doc["flags"][0]["call_id"] == str(gone)
    assert alice.password not in out + err and sue.password not in out + err
    # sue is no admin: the server refuses her retention
    code, out, err = cli("review", "retention", "--days", "30", "--apply")
    assert code == 2 and "permission denied for function ws_apply_retention" in err
    sign_in_as(config, store, shared_db, ada)
    code, out, err = cli("review", "retention", "--days", "30")
    assert code == 0 and "would delete 1 recordings" in out, err
    code, out, err = cli("review", "retention", "--days", "30", "--apply")
    assert code == 0 and "deleted 1 recordings" in out, err
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT count(*) FROM recordings")) == 0
        assert c.scalar(text("SELECT count(*) FROM calls")) == 2
    code, out, err = cli("review", "retention", "--set-days", "0")
    assert code == 2 and "retention days 0" in err
