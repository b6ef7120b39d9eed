"""Collect, fill and compile the interface translations (``make translations``).

1. pyside6-lupdate scans src/workstation/**/*.py and ui/*.ui (the generated
   forms in views/forms/ are skipped: their .ui files are the source) into
   resources/translations/workstation_<lang>.ts, keeping existing translations.
2. Untranslated messages are filled from resources/translations/<lang>.json
   and the feature tables resources/translations/<feature>/<lang>.json,
   a plain dictionary ``{"English source": "translation"}``; a key
   ``"Context|English source"`` wins over the bare source for that context.
   Plural messages (``%n``) take a list of forms.
3. pyside6-lrelease compiles every .ts into the .qm files the app loads.

Prints how many messages each language still lacks; ``--check`` exits 1 if any.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "workstation"
UI = ROOT / "ui"
OUT = ROOT / "resources" / "translations"
LANGUAGES = ("ru", "uk")


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into this environment")
    return found


def sources() -> list[str]:
    files = [p for p in sorted(SRC.rglob("*.py"))
             if "forms" not in p.relative_to(SRC).parts[:2] or p.parent.name != "forms"]
    files += sorted(UI.glob("*.ui"))
    return [str(p.relative_to(ROOT)) for p in files]


def lupdate(ts: Path) -> None:
    listing = OUT / ".lupdate-files.txt"
    listing.write_text("\n".join(sources()) + "\n", encoding="utf-8")
    try:
        subprocess.run([tool("pyside6-lupdate"), "-locations", "relative", "-no-obsolete",
                        f"@{listing}", "-ts", str(ts)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    finally:
        listing.unlink(missing_ok=True)


def load_table(lang: str) -> dict:
    """<lang>.json plus every feature table <feature>/<lang>.json beside it.

    A feature folder keeps its own table so parallel branches never edit the
    same file; on a clash the feature table wins (it is the newer word).
    """
    table: dict = {}
    paths = [OUT / f"{lang}.json"] + sorted(OUT.glob(f"*/{lang}.json"))
    for path in paths:
        if path.exists():
            table.update(json.loads(path.read_text(encoding="utf-8")))
    return table


def fill(ts: Path, lang: str) -> tuple[int, list[str]]:
    """Fill unfinished messages from <lang>.json; returns (filled, still missing)."""
    table = load_table(lang)
    tree = ET.parse(ts)
    filled, missing = 0, []
    for context in tree.getroot().iter("context"):
        ctx = context.findtext("name") or ""
        for msg in context.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            plural = msg.get("numerus") == "yes"
            done = (tr.get("type") not in ("unfinished", "vanished", "obsolete")
                    and (any((f.text or "") for f in tr.findall("numerusform")) if plural
                         else bool(tr.text)))
            if done:
                continue
            value = table.get(f"{ctx}|{source}", table.get(source))
            if value is None:
                missing.append(f"{ctx}: {source}")
                continue
            for child in list(tr):
                tr.remove(child)
            if plural:
                forms = value if isinstance(value, list) else [value]
                tr.text = None
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = value if isinstance(value, str) else value[0]
            tr.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return filled, missing


def lrelease(ts: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm",
                    str(ts.with_suffix(".qm"))], check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a message is untranslated")
    ap.add_argument("--show-missing", action="store_true", help="list untranslated messages")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    any_missing = False
    for lang in LANGUAGES:
        ts = OUT / f"workstation_{lang}.ts"
        if not ts.exists():
            ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                          f'<TS version="2.1" language="{lang}"></TS>\n', encoding="utf-8")
        lupdate(ts)
        filled, missing = fill(ts, lang)
        lrelease(ts)
        print(f"{lang}: filled {filled}, untranslated {len(missing)} -> {ts.with_suffix('.qm').name}")
        if args.show_missing:
            for m in missing:
                print(f"  {m}")
        any_missing = any_missing or bool(missing)
    return 1 if (args.check and any_missing) else 0


if __name__ == "__main__":
    raise SystemExit(main())
