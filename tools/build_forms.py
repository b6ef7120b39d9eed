"""Compile the Qt Designer forms in ui/*.ui into src/workstation/views/forms/.

``make forms`` runs this after a form changed in Designer. Each generated
module is named ``ui_<form>.py`` and starts with a "generated, do not edit"
header; the widgets use them by composition
(``self.ui = Ui_LeadCardForm(); self.ui.setupUi(self)``). The generated files
are committed, so running the app needs no build step.
``--check`` exits 1 when a generated file is missing or out of date.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
OUT_DIR = ROOT / "src" / "workstation" / "views" / "forms"
HEADER = ("# Generated from ui/{name} by tools/build_forms.py (pyside6-uic). Do not edit:\n"
          "# change the .ui file in Qt Designer and run `make forms`.\n")


def uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    if exe.exists():
        return str(exe)
    found = shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found: install PySide6 into this environment")
    return found


def compile_form(ui_file: Path) -> str:
    proc = subprocess.run([uic(), "--from-imports", str(ui_file)], capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{ui_file}: pyside6-uic failed: {proc.stderr.strip()}")
    body = proc.stdout
    # drop uic's own banner (it names the tool version: noise in diffs)
    lines = body.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return HEADER.format(name=ui_file.name) + "\n" + "".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that forms are up to date")
    args = ap.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    init = OUT_DIR / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated form classes (tools/build_forms.py). Do not edit."""\n',
                        encoding="utf-8")
    stale = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = OUT_DIR / f"ui_{ui_file.stem}.py"
        text = compile_form(ui_file)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if old == text:
            continue
        if args.check:
            stale.append(target.name)
            continue
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run `make forms`)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
