import json
import os
import subprocess
import sys

from workstation import paths


def test_set_get_list_roundtrip(cli):
    assert cli("config", "set", "phone.default_region", "PL")[0] == 0
    code, out, _ = cli("config", "get", "phone.default_region")
    assert (code, out.strip()) == (0, "PL")
    code, out, _ = cli("config", "list")
    assert "phone.default_region = PL" in out
    assert "sip.password = <not set>" in out


def test_typed_values_are_checked(cli):
    code, _, err = cli("config", "set", "sip.auto_answer_seconds", "soon")
    assert code == 2 and "sip.auto_answer_seconds" in err and "whole number" in err
    code, _, err = cli("config", "set", "sip.transport", "carrier-pigeon")
    assert code == 2 and "udp" in err
    code, _, err = cli("config", "get", "no.such.key")
    assert code == 2 and "unknown setting" in err


def test_secret_goes_to_keyring_not_config(cli, isolated_home):
    code, out, _ = cli("config", "set-secret", "sip.password", stdin="hunter2-secret\n")
    assert code == 0, out
    from workstation import secrets

    assert secrets.get_secret("sip.password") == "hunter2-secret"
    cfg_text = (paths.user_config_dir() / "config.json").read_text() \
        if (paths.user_config_dir() / "config.json").exists() else ""
    assert "hunter2-secret" not in cfg_text
    code, out, _ = cli("config", "list")
    assert "sip.password = <set>" in out and "hunter2-secret" not in out
    code, _, err = cli("config", "get", "sip.password")
    assert code == 2 and "hunter2-secret" not in err
    code, _, err = cli("config", "set", "sip.password", "plain")
    assert code == 2 and "set-secret" in err


def test_no_keyring_says_so_and_stores_nothing(cli, monkeypatch):
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core._keyring_backend = None
    code, _, err = cli("config", "set-secret", "db.shared_password", stdin="s3cret\n")
    assert code == 2 and "no OS keyring" in err
    assert "s3cret" not in err
    for f in paths.user_config_dir().rglob("*"):
        assert "s3cret" not in f.read_text(errors="ignore")


def test_config_honours_xdg_dirs_in_a_real_process(tmp_path):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "d"))
    cmd = [sys.executable, "-m", "workstation", "config", "set", "user.login", "olena"]
    subprocess.run(cmd, env=env, check=True, timeout=60)
    data = json.loads((tmp_path / "cfg" / "workstation" / "config.json").read_text())
    assert data["values"]["user.login"] == "olena" and data["schema"] >= 1
    out = subprocess.run([sys.executable, "-m", "workstation", "config", "get", "user.login"],
                         env=env, capture_output=True, text=True, check=True, timeout=60).stdout
    assert out.strip() == "olena"
