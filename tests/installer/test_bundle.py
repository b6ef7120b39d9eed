"""The PyInstaller bundle and the .deb built from it (after `make installer`)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from audio_rig import pulse_rig  # noqa: F401 - fixture
from installer_parts import BUNDLE, clean_env, require_bundle, require_deb, run
from realparts import require_tool

pytestmark = pytest.mark.slow


def test_bundle_has_what_the_app_needs_and_no_unused_qt():
    require_bundle()
    internal = BUNDLE / "_internal"
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    for needed in ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
                   "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                   "PySide6/Qt/plugins/imageformats/libqsvg.so",
                   "workstation/_data/db/env.py", "workstation/_data/sip",
                   "workstation/_data/ui/leadcard.ui",
                   "workstation/_data/resources/translations/workstation_ru.qm",
                   "workstation/_data/resources/translations/workstation_uk.qm",
                   "PySide6/Qt/translations/qtbase_ru.qm"):
        assert needed in names, needed
    assert any(n.startswith("pjsua2/_pjsua2") for n in names)
    assert any(n.startswith("pjsua2_python.libs/libssl") for n in names)
    unused = [n for n in names if any(part in n for part in (
        "WebEngine", "Designer", "/qml/", "Qt63D", "libQt6Pdf", "libqgtk3", "QtQuick3D"))]
    assert unused == []
    # Qt's translations: ours only (ru, uk), not the forty others
    assert not [n for n in names if n.startswith("PySide6/Qt/translations/qtbase_de")]


def test_bundle_self_test_passes_without_python(pulse_rig, tmp_path):  # noqa: F811
    exe = require_bundle()
    proc = run([str(exe), "--self-test"], clean_env(tmp_path, PULSE_SERVER=pulse_rig.server))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "(bundle) self-test" in proc.stdout
    assert "self-test: all 5 checks passed" in proc.stdout
    assert "ok   pjsua2: pjsip" in proc.stdout
    assert "ok   audio: backend loaded" in proc.stdout
    # nothing of the (new) user's was written by a self-test
    for xdg in ("config", "data", "state"):
        assert not (tmp_path / xdg / "workstation").exists(), xdg


def test_bundle_version(tmp_path):
    from workstation import __version__

    proc = run([str(require_bundle()), "--version"], clean_env(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"workstation {__version__}"


def test_deb_control_and_menu_entry(tmp_path):
    deb = require_deb()
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True,
                            check=True).stdout
    depends = next(line for line in fields.splitlines() if line.startswith("Depends:"))
    for lib in ("libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0", "libegl1", "libpulse0",
                "libfontconfig1", "libc6"):
        assert f" {lib}" in depends, lib
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    desktop = (tmp_path / "usr/share/applications/workstation.desktop").read_text()
    assert "MimeType=x-scheme-handler/tel;x-scheme-handler/sip;" in desktop
    assert "Exec=workstation %u" in desktop
    assert (tmp_path / "usr/share/icons/hicolor/scalable/apps/workstation.svg").is_file()
    link = tmp_path / "usr/bin/workstation"
    assert link.is_symlink() and link.resolve() == (tmp_path / "opt/workstation/workstation")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate",
                                str(tmp_path / "usr/share/applications/workstation.desktop")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_deb_installed_into_a_throwaway_root_starts(pulse_rig, tmp_path):  # noqa: F811
    deb = require_deb()
    require_tool("dpkg", "update-desktop-database", "xdg-mime")
    root = tmp_path / "root"
    admin = root / "var/lib/dpkg"
    for sub in ("info", "updates", "triggers"):
        (admin / sub).mkdir(parents=True)
    (admin / "status").touch()
    (admin / "available").touch()
    # Maintainer scripts run outside a chroot with DPKG_ROOT set (the root has no /bin/sh);
    # Depends are this machine's packages, not the empty root's.
    proc = subprocess.run(["dpkg", f"--root={root}", "--force-script-chrootless",
                           "--force-depends", "--force-not-root", "--log=/dev/null", "-i",
                           str(deb)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    cache = (root / "usr/share/applications/mimeinfo.cache").read_text()
    assert "x-scheme-handler/tel=workstation.desktop;" in cache
    assert "x-scheme-handler/sip=workstation.desktop;" in cache
    defaults = (root / "etc/xdg/mimeapps.list").read_text()
    assert "x-scheme-handler/tel=workstation.desktop" in defaults

    home = tmp_path / "home"
    started = run([str(root / "usr/bin/workstation"), "--self-test"],
                  clean_env(home, PULSE_SERVER=pulse_rig.server))
    assert started.returncode == 0, started.stdout + started.stderr
    assert "self-test: all 5 checks passed" in started.stdout

    removed = subprocess.run(["dpkg", f"--root={root}", "--force-script-chrootless",
                              "--force-not-root", "--log=/dev/null", "--purge", "workstation"],
                             capture_output=True, text=True, timeout=300)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not (root / "opt/workstation/workstation").exists()
    assert "workstation.desktop" not in (root / "etc/xdg/mimeapps.list").read_text()
