"""Bundle and package size, and cold start (process start -> main window shown).

Sizes come from `make installer`'s output in dist/ (skipped when there is none).
Cold start runs the app offscreen with no SIP account and no shared database, in
throwaway settings folders, and times from the process's start to the log line
the app writes right after ``window.show()``: ``first`` on a new folder (the
store is created and migrated), ``again`` on the same folder. The source-tree
app and, when built, the bundle. Prints one JSON line per figure.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ROOT / "dist" / "workstation" / "workstation"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TARGET_MS = 3000


def emit(name: str, value: float, unit: str, target: float, n: int) -> None:
    print(json.dumps({"bench": name, "value": round(value, 1), "unit": unit, "target": target,
                      "n": n, "load": round(os.getloadavg()[0], 1)}), flush=True)


def start_once(cmd: list[str], home: Path, timeout: float = 60.0) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKSTATION_NO_HEADSET="1",
               PYTHONPATH=str(ROOT / "src"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"))
    settings = home / "config" / "workstation" / "config.json"
    if not settings.exists():  # settings exist: no first-run wizard
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text('{"schema": 1, "values": {}}', encoding="utf-8")
    log = home / "state" / "workstation" / "log" / "workstation.log"
    seen = log.read_text().count(" started") if log.exists() else 0
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.monotonic() - t0 < timeout:
            if log.exists() and log.read_text(errors="replace").count(" started") > seen:
                return (time.monotonic() - t0) * 1000
            if proc.poll() is not None:
                raise RuntimeError(f"{cmd[0]} exited {proc.returncode} before its window")
            time.sleep(0.005)
        raise RuntimeError(f"{cmd[0]}: no window within {timeout:.0f} s")
    finally:
        proc.kill()
        proc.wait()


def cold_start(name: str, cmd: list[str]) -> None:
    first, again = [], []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
            first.append(start_once(cmd, Path(tmp)))
            again.append(start_once(cmd, Path(tmp)))
    emit(f"cold_start_{name}_first", statistics.median(first), "ms", TARGET_MS, RUNS)
    emit(f"cold_start_{name}_again", statistics.median(again), "ms", TARGET_MS, RUNS)


def main() -> int:
    if EXE.is_file():
        size = sum(p.stat().st_size for p in EXE.parent.rglob("*") if p.is_file()
                   and not p.is_symlink())
        emit("bundle_size", size / 2**20, "MiB", 300, 1)
        debs = sorted(EXE.parent.parent.glob("workstation_*.deb"))
        if debs:
            emit("deb_size", debs[-1].stat().st_size / 2**20, "MiB", 120, 1)
    cold_start("source", [sys.executable, "-m", "workstation"])
    if EXE.is_file():
        cold_start("bundle", [str(EXE)])
    else:
        print("# no bundle in dist/ (make installer): bundle figures skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
