"""Build the Debian package from the PyInstaller bundle: ``python installer/build_deb.py``.

Lays out /opt/workstation (the bundle), /usr/bin/workstation (a relative
link to it), the menu entry (tel: and sip: handler) and the icon, then runs
``dpkg-deb``. Depends is computed, not guessed: every ELF file of the bundle
goes through ldd (with the bundle's own folders first), and each library
found outside the bundle is mapped to its package with ``dpkg -S``; libraries
ldd cannot find on this machine are looked up in a short table of Qt's
usual ones. The spec (installer/workstation.spec) leaves those system
libraries out of the bundle, so the package carries no copy of them.

Prints one JSON line per figure (bundle and package size), like bench/.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from workstation import __version__  # noqa: E402

PREFIX = "opt/workstation"

# Libraries Qt opens or links that a minimal machine may not have (ldd says "not
# found" here): their Debian packages. Also always listed, whatever ldd finds.
KNOWN = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libpulse.so.0": "libpulse0",
    "libfontconfig.so.1": "libfontconfig1", "libdbus-1.so.3": "libdbus-1-3",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1", "libsndfile.so.1": "libsndfile1",
}
ALWAYS = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1",
          "libpulse0", "libfontconfig1"]
RECOMMENDS = "pulseaudio | pipewire-pulse, gnome-keyring | kwalletmanager, desktop-file-utils, " \
             "xdg-utils"

# Maintainer scripts honour DPKG_ROOT (dpkg --root ... --force-script-chrootless).
POSTINST = """#!/bin/sh
set -e
if [ "$1" = configure ]; then
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DPKG_ROOT/usr/share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$DPKG_ROOT/usr/share/icons/hicolor" || true
    fi
    # The system-wide default handler of tel: and sip: links (each user may choose another).
    if command -v xdg-mime >/dev/null 2>&1; then
        mkdir -p "$DPKG_ROOT/etc/xdg"
        XDG_CONFIG_HOME="$DPKG_ROOT/etc/xdg" XDG_CURRENT_DESKTOP=X-Generic \\
            xdg-mime default workstation.desktop x-scheme-handler/tel x-scheme-handler/sip || true
    fi
fi
exit 0
"""

POSTRM = """#!/bin/sh
set -e
if [ "$1" = remove ] || [ "$1" = purge ]; then
    list="$DPKG_ROOT/etc/xdg/mimeapps.list"
    [ -f "$list" ] && sed -i '/=workstation\\.desktop;*$/d' "$list" || true
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DPKG_ROOT/usr/share/applications" || true
    fi
fi
exit 0
"""


def elf_files(folder: Path) -> list[Path]:
    out = []
    for p in folder.rglob("*"):
        if p.is_file() and not p.is_symlink():
            with p.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    out.append(p)
    return out


def outside_libraries(bundle: Path) -> tuple[set[str], set[str]]:
    """(paths of system libraries the bundle links, sonames ldd cannot find)."""
    internal = bundle / "_internal"
    lib_path = ":".join(str(p) for p in (internal, internal / "PySide6" / "Qt" / "lib",
                                         internal / "pjsua2_python.libs", internal / "numpy.libs",
                                         internal / "psycopg_binary.libs"))
    env = dict(os.environ, LD_LIBRARY_PATH=lib_path)
    found: set[str] = set()
    missing: set[str] = set()
    for f in elf_files(bundle):
        proc = subprocess.run(["ldd", str(f)], capture_output=True, text=True, env=env)
        for line in proc.stdout.splitlines():
            m = re.match(r"\s*(\S+) => (.+?) \(0x", line)
            if m:
                path = m.group(2)
                if not path.startswith(str(bundle)):
                    found.add(path)
            elif "=> not found" in line:
                missing.add(line.split()[0])
    # a library of the bundle (by name) is not missing, ldd just did not look there
    bundled = {p.name for p in bundle.rglob("*.so*")}
    return found, missing - bundled


def packages_of(paths: set[str]) -> set[str]:
    queries = set()
    for p in paths:
        for q in (p, os.path.realpath(p)):
            queries.add(q)
            if q.startswith("/lib"):
                queries.add("/usr" + q)
    proc = subprocess.run(["dpkg", "-S", *sorted(queries)], capture_output=True, text=True)
    pkgs = set()
    for line in proc.stdout.splitlines():
        names = line.split(": ", 1)[0]
        for name in names.split(", "):
            pkgs.add(name.split(":")[0])
    return pkgs


def du_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
               ) // 1024


def build(bundle: Path, out_dir: Path) -> Path:
    if not (bundle / "workstation").is_file():
        sys.exit(f"build_deb: no bundle at {bundle}/workstation: run pyinstaller first "
                 "(make installer)")
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    stage = out_dir / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / PREFIX, symlinks=True)
    (stage / "usr/bin").mkdir(parents=True)
    (stage / "usr/bin/workstation").symlink_to(f"../../{PREFIX}/workstation")
    apps = stage / "usr/share/applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "installer/workstation.desktop", apps / "workstation.desktop")
    icons = stage / "usr/share/icons/hicolor/scalable/apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources/icons/app.svg", icons / "workstation.svg")

    found, missing = outside_libraries(bundle)
    depends = packages_of(found) | set(ALWAYS)
    unknown = sorted(m for m in missing if m not in KNOWN)
    depends |= {KNOWN[m] for m in missing if m in KNOWN}
    if unknown:
        print(f"build_deb: not found here and not in the table: {', '.join(unknown)}",
              file=sys.stderr)
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        f"Package: workstation\nVersion: {__version__}\nArchitecture: {arch}\n"
        "Maintainer: Workstation team <workstation@localhost>\nSection: comm\nPriority: optional\n"
        f"Installed-Size: {du_kib(stage)}\nDepends: {', '.join(sorted(depends))}\n"
        f"Recommends: {RECOMMENDS}\n"
        "Description: call-center workstation with a SIP softphone\n"
        " Softphone (pjsua2), lead card, call scripts, wrap-up, and sync with a shared\n"
        " PostgreSQL database. Handles tel: and sip: links.\n", encoding="utf-8")
    for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
        (control / name).write_text(text, encoding="utf-8")
        (control / name).chmod(0o755)
    deb = out_dir / f"workstation_{__version__}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zzstd", "-z9", "--build", str(stage),
                    str(deb)], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    print(json.dumps({"bench": "bundle_size", "value": round(du_kib(bundle) / 1024, 1),
                      "unit": "MiB", "target": 300, "n": 1}))
    print(json.dumps({"bench": "deb_size", "value": round(deb.stat().st_size / 2**20, 1),
                      "unit": "MiB", "target": 120, "n": 1}))
    return deb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "workstation")
    ap.add_argument("--out", type=Path, default=ROOT / "dist")
    args = ap.parse_args(argv)
    if shutil.which("dpkg-deb") is None:
        print("build_deb: dpkg-deb is not installed: no .deb on this machine", file=sys.stderr)
        return 0
    deb = build(args.bundle.resolve(), args.out.resolve())
    print(f"build_deb: {deb}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
