"""Local files are private: 0600 files in 0700 folders, whatever the umask (issue 14, item 9).

Every test runs under umask 022 (``loose_umask``), so a mode below is the code's doing."""

from __future__ import annotations

import logging
import os
import stat
import wave

import pytest

from workstation import paths

pytestmark = pytest.mark.usefixtures("loose_umask")


def mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_store_wal_and_shm_are_0600(tmp_path):
    from workstation.store.db import Store
    from workstation.store.models import Lead

    db = tmp_path / "local" / "store.sqlite3"
    store = Store(path=db)
    try:
        store.upgrade()
        with store.session() as s, s.begin():
            s.add(Lead(company="Private Ltd"))
        wal, shm = db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")
        assert wal.exists() and shm.exists()
        assert (mode(db), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
    finally:
        store.dispose()


def test_existing_store_files_are_tightened(tmp_path):
    from workstation.store.db import Store

    db = tmp_path / "old.sqlite3"
    store = Store(path=db)
    store.upgrade()
    store.dispose()
    for p in (db, db.with_name(db.name + "-wal")):
        p.touch()
        os.chmod(p, 0o644)
    store = Store(path=db)
    store.dispose()
    assert mode(db) == 0o600 and mode(db.with_name(db.name + "-wal")) == 0o600


def test_user_folders_are_0700_even_when_they_existed(isolated_home):
    loose = isolated_home / "data" / "workstation"
    loose.mkdir()
    os.chmod(loose, 0o755)
    for folder in (paths.user_config_dir(), paths.user_data_dir(), paths.user_log_dir(),
                   paths.recordings_dir(), paths.default_database_path().parent):
        assert mode(folder) == 0o700, folder
    assert paths.user_data_dir() == loose


def test_make_private_sets_umask_and_tightens_what_an_older_version_left(isolated_home):
    data = paths.user_data_dir()
    made = {
        "store": data / "workstation.sqlite3",
        "wal": data / "workstation.sqlite3-wal",
        "recording": data / "recordings" / "2026" / "call.wav",
        "part": data / "recordings" / "call.left.part.wav",
        "rejects": data / "rejects" / "base.csv.rejects.csv",
        "crash": data / "crash-20261203.txt",
        "log": paths.user_log_dir() / "workstation.log.1",
        "config": paths.user_config_dir() / "config.json",
    }
    for p in made.values():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
        os.chmod(p, 0o644)
        os.chmod(p.parent, 0o755)
    try:
        paths.make_private()
        umask = os.umask(0o022)
    finally:
        os.umask(0o022)
    assert umask == 0o077
    assert {k: oct(mode(p)) for k, p in made.items()} == {k: "0o600" for k in made}
    for p in made.values():
        assert mode(p.parent) == 0o700, p.parent


def test_tightening_leaves_what_symlinks_point_to(isolated_home, tmp_path):
    outside = tmp_path / "shared"
    outside.mkdir()
    (outside / "team.wav").write_text("x")
    os.chmod(outside, 0o755)
    os.chmod(outside / "team.wav", 0o644)
    (paths.user_data_dir() / "linked").symlink_to(outside)
    (paths.user_data_dir() / "linked.wav").symlink_to(outside / "team.wav")
    try:
        paths.make_private()
    finally:
        os.umask(0o022)
    assert mode(outside) == 0o755 and mode(outside / "team.wav") == 0o644


def test_log_files_are_0600_across_rotation(tmp_path):
    from workstation.logs import _PrivateRotatingFileHandler

    log_path = tmp_path / "logs" / "workstation.log"
    log_path.parent.mkdir()
    handler = _PrivateRotatingFileHandler(log_path, maxBytes=200, backupCount=3,
                                          encoding="utf-8")
    logger = logging.getLogger("workstation.test_file_modes")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for i in range(60):
            logger.warning("line %d of a private log", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(log_path.parent.iterdir())
    assert len(files) == 4  # the log and three rotated ones
    assert all(mode(f) == 0o600 for f in files)


def test_rejects_file_is_0600(store, tmp_path):
    from workstation.importer.importer import run_import

    base = tmp_path / "base.csv"
    base.write_text("Company,Phone\nNo phone Ltd,\nGood Ltd,+380671234567\n", encoding="utf-8")
    result = run_import(store, base)
    assert result.rejected == 1 and result.rejects_path is not None
    assert mode(result.rejects_path) == 0o600


def test_cli_import_leaves_private_files(cli, tmp_path):
    base = tmp_path / "base.csv"
    base.write_text("Company,Phone\nNo phone Ltd,\nGood Ltd,+380671234567\n", encoding="utf-8")
    code, out, err = cli("import", str(base))
    assert code == 0, err
    assert mode(tmp_path / "base.csv.rejects.csv") == 0o600
    db = paths.default_database_path()
    assert mode(db) == 0o600 and mode(db.parent) == 0o700
    # (the log file: set up once per process, see test_log_files_are_0600_across_rotation)


def _mono(path, n=1600):
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\x01\x00" * n)


def test_merged_and_recovered_recordings_are_0600(tmp_path):
    from workstation.telephony.recorder import LEFT, RIGHT, recover_recordings

    folder = tmp_path / "recordings"
    folder.mkdir()
    _mono(folder / f"call{LEFT}")
    _mono(folder / f"call{RIGHT}")
    made = recover_recordings(folder)
    assert made == [folder / "call.wav"]
    assert mode(made[0]) == 0o600
