"""`workstation doctor` against a real Kamailio and a real PostgreSQL; `--report` keeps
no secret; `--version`."""

from __future__ import annotations

import os
import stat

import pytest

from audio_rig import pulse_rig  # noqa: F401 - fixture
from sync.pgfixtures import pg_cluster, pg_template, shared_db  # noqa: F401 - fixtures
from telephony.sipbed import USERS, kamailio  # noqa: F401 - fixture

pytestmark = [pytest.mark.sip, pytest.mark.pg, pytest.mark.slow]


def _private(home) -> None:
    """The folders as they should be (the app creates them with the umask's mode)."""
    from workstation import paths

    for folder in (paths.user_config_dir(), paths.user_data_dir(), paths.user_log_dir()):
        folder.chmod(0o700)
        for f in folder.iterdir():
            f.chmod(0o600)


def _configure(cli, kamailio, shared_db, sip_password, db_password):  # noqa: F811
    member = shared_db.add_user("anna")
    from sqlalchemy.engine import make_url

    u = make_url(member.url)
    url = f"postgresql://{u.username}@{u.host}:{u.port}/{u.database}"  # no password in it
    for key, value in (("sip.username", "manager"), ("sip.domain", kamailio.domain),
                       ("db.shared_url", url)):
        assert cli("config", "set", key, value)[0] == 0
    assert cli("config", "set-secret", "sip.password", stdin=sip_password)[0] == 0
    db_pw = member.password if db_password is None else db_password
    assert cli("config", "set-secret", "db.shared_password", stdin=db_pw)[0] == 0
    return member


def test_doctor_all_well(cli, qapp, pulse_rig, kamailio, shared_db, isolated_home):  # noqa: F811
    member = _configure(cli, kamailio, shared_db, USERS["manager"], None)
    _private(isolated_home)
    code, out, err = cli("doctor")
    assert code == 0, out + err
    assert f"ok   SIP registration: manager@{kamailio.domain}: registered (200" in out
    assert f"ok   shared database: {member.login}@" in out and "reachable" in out
    assert "ok   audio devices: microphones" in out and "Test-Headset-Mic" in out
    assert "ok   keyring: keyrings.alt.file.PlaintextKeyring" in out
    assert "ok   file permissions" in out
    assert "doctor: all 7 checks passed" in out
    assert "ok   audio path: native (C, PulseAudio)" in out


def test_doctor_says_what_is_wrong_and_how_to_fix_it(cli, qapp, pulse_rig, kamailio,  # noqa: F811
                                                     shared_db, isolated_home, config):
    _configure(cli, kamailio, shared_db, "not-the-sip-password", "not-the-db-password")
    assert cli("config", "set", "audio.input", "Unplugged USB Headset")[0] == 0
    from workstation import paths

    stray = paths.user_data_dir() / "leads-copy.csv"  # a file left readable by others
    stray.write_text("company\n")
    stray.chmod(0o644)
    code, out, err = cli("doctor")
    assert code == 1, out + err
    lines = out.splitlines()

    def fix_after(prefix):
        i = next(i for i, line in enumerate(lines) if line.startswith(prefix))
        assert lines[i + 1].startswith("     fix: "), lines[i:i + 2]
        return lines[i + 1]

    assert "password" in fix_after("FAIL SIP registration: manager@")
    assert "db.shared_password" in fix_after("FAIL shared database:")
    assert "Settings" in fix_after("FAIL audio devices: not connected: audio.input = "
                                   "'Unplugged USB Headset'")
    # the CLI made its folders and the file left 0644 above private before the check
    assert any(line.startswith("ok   file permissions") for line in lines), lines
    assert stat.S_IMODE(stray.stat().st_mode) == 0o600
    stray.chmod(0o644)  # loosened behind the app's back: the check itself says how to fix it
    from workstation.cli import checks

    result = checks.file_permissions()
    assert not result.ok and f"chmod 600 {stray}" in result.fix
    assert out.splitlines()[-1] == ("doctor: 3 problem(s): audio devices, SIP registration, "
                                    "shared database")
    assert "not-the-sip-password" not in out + err
    assert "not-the-db-password" not in out + err


def test_doctor_report_leaves_out_every_secret(cli, qapp, pulse_rig, kamailio, shared_db,  # noqa: F811
                                               isolated_home, monkeypatch, tmp_path):
    sip_secret, env_secret = USERS["manager"], "Env-Secret-7f3a9c"
    member = _configure(cli, kamailio, shared_db, sip_secret, None)
    monkeypatch.setenv("PGPASSWORD", member.password)
    monkeypatch.setenv("WORKSTATION_API_TOKEN", env_secret)
    monkeypatch.setenv("QT_DEBUG_NOTE", f"pasted by mistake: {env_secret}")
    from workstation import paths

    # an earlier session's careless log line, of the kind the log filter cannot recognise
    (paths.user_log_dir() / "workstation.log").write_text(
        f"2026-12-01 10:00:00 WARNING workstation.x: dialled with {sip_secret} then "
        f"{member.password}\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    code, out, err = cli("doctor", "--report", str(report))
    assert code in (0, 1), out + err
    text = report.read_text(encoding="utf-8")
    for secret in (sip_secret, member.password, env_secret):
        assert secret not in text
        assert secret not in out + err
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    # what the report is for is there
    assert "== checks ==" in text and "SIP registration: manager@" in text
    assert "set in the keyring: sip.password" in text
    assert "set in the keyring: db.shared_password" in text
    assert f"sip.domain = '{kamailio.domain}'" in text
    assert "QT_QPA_PLATFORM=offscreen" in text
    assert "WARNING workstation.x: dialled with *** then ***" in text
    assert "PGPASSWORD" not in text and "WORKSTATION_API_TOKEN" not in text


def test_doctor_without_accounts_checks_what_it_can(cli, qapp, isolated_home):
    _private(isolated_home)
    code, out, _ = cli("doctor")
    assert "ok   SIP registration: no SIP account set" in out
    assert "ok   shared database: not set (this workstation works alone)" in out


def test_version(cli):
    from workstation import __version__

    code, out, _ = cli("--version")
    assert code == 0 and out.strip() == f"workstation {__version__}"
    assert os.environ.get("QT_QPA_PLATFORM") == "offscreen"
