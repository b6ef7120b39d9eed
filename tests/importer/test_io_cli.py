"""``workstation import`` / ``workstation export``: output, exit codes, and a killed import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from workstation.importer.importer import count_leads
from workstation.importer.synthetic import write_csv


def test_import_prints_summary_and_rejects(cli, store, tmp_path):
    path = tmp_path / "base.csv"
    path.write_text("Company;Phone;Contact\nAlpha;0671112233,0671112234;Ann\n"
                    "Beta;;Bob\nGamma;067;\nAlpha again;+380671112234;Ann\n", encoding="utf-8")
    code, out, err = cli("import", str(path))
    assert code == 0, err
    assert "delimiter ';'" in out and "phone='Phone'" in out
    assert f"{path}, line 3: rejected: no phone number" in out
    assert f"{path}, line 4: rejected: invalid phone '067'" in out
    assert ("read 4 rows, inserted 1 leads, merged 1, rejected 2 "
            f"(rejects file: {path}.rejects.csv)") in out
    assert count_leads(store) == 1


def test_import_options(cli, store, tmp_path):
    path = tmp_path / "pl.csv"
    path.write_text("Firma\tNumer\tKto\nPolska\t512 345 678\tJan\n", encoding="utf-8")
    code, out, err = cli("import", str(path), "--region", "pl", "--mapping", "phone=Numer",
                         "--mapping", "company=1", "--mapping", "contact=Kto", "--dry-run")
    assert code == 0, err
    assert "inserted 1 leads" in out and "dry run" in out
    assert count_leads(store) == 0
    code, out, err = cli("import", str(path), "--region", "pl", "--mapping", "phone=Numer")
    assert code == 0 and count_leads(store) == 1
    code, out, err = cli("import", str(path), "--mapping", "phone=Nope")
    assert code == 2 and "no column 'Nope'" in err


@pytest.mark.parametrize("content,needle", [
    (None, "no such file"),
    (b"Company,City\nA,Kyiv\n", "no phone column; the headers found are: 'Company', 'City'"),
    (b"\x00\x01\x02garbage" * 100, "binary data"),
])
def test_fatal_file_errors_exit_2(cli, store, tmp_path, content, needle):
    path = tmp_path / "input.csv"
    if content is not None:
        path.write_bytes(content)
    code, out, err = cli("import", str(path))
    assert code == 2
    assert str(path) in err and needle in err
    assert count_leads(store) == 0


def test_export_cli(cli, store, tmp_path):
    write_csv(tmp_path / "b.csv", 12)
    assert cli("import", str(tmp_path / "b.csv"))[0] == 0
    code, out, err = cli("export", str(tmp_path / "out.csv"), "--headers", "uk")
    assert code == 0, err
    assert f"exported 12 leads to {tmp_path / 'out.csv'}" in out
    code, out, err = cli("import", str(tmp_path / "out.csv"))
    assert code == 0 and "inserted 0 leads, merged 12" in out
    code, out, err = cli("export", str(tmp_path / "no" / "dir.csv"))
    assert code == 2 and "does not exist" in err


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_import_leaves_the_base_as_it_was(store, tmp_path, sig):
    write_csv(tmp_path / "small.csv", 50, seed=3)
    from workstation.importer.importer import run_import

    run_import(store, tmp_path / "small.csv")
    before = count_leads(store)
    big = write_csv(tmp_path / "big.csv", 30_000, seed=4)
    proc = subprocess.Popen(
        [sys.executable, "-m", "workstation", "import", str(big), "--progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        line = proc.stderr.readline()  # the first batch is written, not committed
        assert line.startswith("progress "), line + proc.stderr.read()
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130, err
        assert "interrupted" in err
    time.sleep(0.1)
    assert count_leads(store) == before
    with store.engine.connect() as c:
        assert c.scalar(text("PRAGMA integrity_check")) == "ok"
        assert c.scalar(text("SELECT count(*) FROM phones WHERE lead_id NOT IN "
                             "(SELECT id FROM leads)")) == 0
    # and the base still takes imports afterwards
    assert run_import(store, tmp_path / "small.csv").inserted == 0
