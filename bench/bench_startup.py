"""Start-up figures: the real app started again and again, as a user starts it.

    .venv/bin/python bench/bench_startup.py [--starts 50] [--linger 0] [--keep DIR]

Each start is ``python -X faulthandler -m workstation -v`` in its own process
with the PulseAudio test headset rig (tests/audio_rig.py) and a real Kamailio
(the same home every time: settings, keyring, a store with the demo leads),
ended with SIGTERM as soon as the PBX routes a request to the manager's
number (``--linger`` seconds later). Prints JSON lines:
- startup_crashes: starts that died by a fatal signal or a faulthandler
  report (target 0); the stderr of each is kept under --keep
- startup_unclean_stops: starts whose SIGTERM did not end in exit 0 with the
  registration gone at the PBX (target 0)
- startup_registered_ms: launch → registered at the PBX, p50 and p95 (this
  project's goal: p50 < 3 s; the issue names none)
- shutdown_on_sigterm_ms: SIGTERM → process gone, unregistered included, p50 and p95
  (this project's goal: p50 < 5 s)
- startup_gc_off_gui_thread: cyclic collections that ran on another thread than
  the GUI thread during the first 6 s of a start (the app in-process, with
  workstation.qtgc as app.main() installs it); target 0. The same count with
  CPython's automatic collection is given beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "tests" / "telephony"),
                str(ROOT / "tests" / "integration")]

from apprun import AppHome, run_starts  # noqa: E402
from audio_rig import PulseRig  # noqa: E402
from bench_telephony import emit, pct  # noqa: E402 - the same JSON lines


def gc_probe(seconds: float, gui_gc: bool) -> None:
    """In a child process (the home's environment): start the app in-process, count the
    cyclic collections per thread for ``seconds``, print {"gui": N, "other": N}."""
    import gc
    import threading

    from PySide6.QtCore import QTimer

    from workstation.app import Workstation, make_qapp
    from workstation.config import Config
    from workstation.logs import setup_logging

    setup_logging()
    counts = {"gui": 0, "other": 0}
    main_ident = threading.main_thread().ident

    def on_gc(phase: str, _info: dict) -> None:
        if phase == "start":
            counts["gui" if threading.get_ident() == main_ident else "other"] += 1

    gc.callbacks.append(on_gc)
    app = make_qapp([])
    if gui_gc:
        from workstation.qtgc import GuiThreadGC

        collector = GuiThreadGC(app)  # noqa: F841 - as app.main() does
    ws = Workstation(Config(), app)
    ws.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    ws.run()
    gc.callbacks.remove(on_gc)
    print(json.dumps(counts), flush=True)


def gc_threads(home: AppHome, gui_gc: bool, seconds: float = 6.0) -> dict:
    import subprocess

    res = subprocess.run([sys.executable, __file__, "--gc-probe", str(seconds)]
                         + (["--gui-gc"] if gui_gc else []),
                         env=home.env, capture_output=True, text=True, timeout=120)
    for line in res.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"gc probe failed: {res.stderr[-2000:]}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", type=int, default=50)
    ap.add_argument("--linger", type=float, default=0.0,
                    help="seconds the app runs after it registered, before SIGTERM")
    ap.add_argument("--keep", type=Path, default=None, help="keep crashed starts' stderr here")
    ap.add_argument("--quick", action="store_true", help="10 starts")
    ap.add_argument("--gc-probe", type=float, default=0.0, help=argparse.SUPPRESS)
    ap.add_argument("--gui-gc", action="store_true", help=argparse.SUPPRESS)
    args, _ = ap.parse_known_args()
    if args.gc_probe:
        gc_probe(args.gc_probe, args.gui_gc)
        return 0
    from workstation.telephony.testbed import Kamailio, tools_missing

    from sipbed import USERS

    if tools_missing():
        print(f"bench_startup: missing {tools_missing()}", file=sys.stderr)
        return 2
    starts = 10 if args.quick else args.starts
    tmp = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    keep = args.keep
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    rig = PulseRig(tmp / "pulse")
    rig.start()
    k = Kamailio(tmp / "kamailio", users=USERS)
    k.start()
    t0 = time.monotonic()
    try:
        home = AppHome(tmp / "home", k, pulse_server=rig.server)
        home.prepare()
        res = run_starts(home, starts, args.linger, keep,
                         log=lambda m: print(m, file=sys.stderr, flush=True))
        wall = time.monotonic() - t0
        gc_auto, gc_gui = gc_threads(home, False), gc_threads(home, True)
    finally:
        k.kill()
        rig.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    reg = res["registered"]
    emit("startup_crashes", len(res["crashes"]), "starts", 0, starts, load=round(os.getloadavg()[0], 1),
         failed_to_register=len(res["other"]), wall_s=round(wall, 1))
    emit("startup_unclean_stops", len(res["unclean"]), "starts", 0, starts)
    if reg:
        emit("startup_registered_ms", pct(reg, 50), "ms", 3000, len(reg), p95=round(pct(reg, 95), 1))
    stops = res.get("stop_ms", [])
    if stops:
        emit("shutdown_on_sigterm_ms", pct(stops, 50), "ms", 5000, len(stops),
             p95=round(pct(stops, 95), 1))
    # the first 6 s of a start, the app in-process: as shipped (qtgc), and with
    # CPython's automatic collection for comparison
    emit("startup_gc_off_gui_thread", gc_gui["other"], "collections", 0, 1,
         on_gui_thread=gc_gui["gui"], automatic_gc_off_gui_thread=gc_auto["other"],
         automatic_gc_on_gui_thread=gc_auto["gui"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
