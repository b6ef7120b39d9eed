"""The real app as a user starts it: its own process, home, keyring and PBX account.

    home = AppHome(tmp_path / "home", kamailio, pulse_server=rig.server)
    home.prepare()                   # settings, SIP password in the keyring, demo leads
    app = home.launch()              # python -X faulthandler -m workstation -v
    ms = app.wait_registered()       # the PBX routes a request to the manager's number
    app.signal(signal.SIGTERM); app.wait()

Used by tests/integration/test_app_signals.py and bench/bench_startup.py.
Registration is watched from outside, at the PBX: an OPTIONS to
``sip:manager@PBX`` is answered 404 by Kamailio when no contact is
registered, and 200 by the app itself (pjsua answers OPTIONS) when Kamailio
relays it to a live contact. A dead contact would leave the request
unanswered (Kamailio retransmits until its timer fires): after a clean stop
it must be 404 at once.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MANAGER = "manager"

_SETUP = r"""
import json
import sys
from workstation.config import Config
from workstation import secrets
from workstation.store.db import open_store
from workstation.services.users import sign_in
from workstation.demo import seed_demo

domain, password, audio_in, audio_out, extra = sys.argv[1:6]
config = Config()
config.set("sip.username", "manager")
config.set("sip.domain", domain)
config.set("sip.register_expires", 60)
config.set("audio.input", audio_in)
config.set("audio.output", audio_out)
for key, value in json.loads(extra).items():
    config.set(key, value)
config.save()
secrets.set_secret("sip.password", password)
store = open_store(config)
user_id = sign_in(store, config).user.id
seed_demo(store, user_id)
store.dispose()
"""


def sip_probe(addr: str, port: int, user: str, timeout: float = 0.5) -> int:
    """SIP status of an OPTIONS to ``sip:user@addr:port`` over UDP; 0 when unanswered.

    Provisional answers are skipped; the first final answer counts.
    """
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.bind(("127.0.0.1", 0))
        me = s.getsockname()[1]
        msg = (f"OPTIONS sip:{user}@{addr}:{port} SIP/2.0\r\n"
               f"Via: SIP/2.0/UDP 127.0.0.1:{me};branch=z9hG4bK{uuid.uuid4().hex[:12]};rport\r\n"
               "Max-Forwards: 5\r\n"
               f"From: <sip:probe@127.0.0.1:{me}>;tag={uuid.uuid4().hex[:8]}\r\n"
               f"To: <sip:{user}@{addr}:{port}>\r\n"
               f"Call-ID: {uuid.uuid4().hex}\r\n"
               "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
        s.sendto(msg.encode(), (addr, port))
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            s.settimeout(left)
            try:
                data, _ = s.recvfrom(8192)
            except OSError:
                return 0
            parts = data.split(b" ", 2)
            if len(parts) >= 2 and parts[0] == b"SIP/2.0" and parts[1].isdigit():
                code = int(parts[1])
                if code >= 200:
                    return code
        return 0
    finally:
        s.close()


class AppHome:
    """One user's installation in a folder: XDG dirs, file keyring, settings, store."""

    def __init__(self, root: Path, kamailio, *, pulse_server: str | None = None,
                 audio_in: str = "Test-Headset-Mic", audio_out: str = "Test-Headset") -> None:
        from sipbed import USERS

        self.root = Path(root)
        self.kamailio = kamailio
        self.pulse_server = pulse_server
        self.audio_in, self.audio_out = audio_in, audio_out
        self.password = USERS[MANAGER]

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                         ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
            env[var] = str(self.root / sub)
        env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        env["PYTHONPATH"] = os.pathsep.join(
            [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        if self.pulse_server:
            env["PULSE_SERVER"] = self.pulse_server
        env.pop("WORKSTATION_NO_HEADSET", None)
        return env

    @property
    def recordings(self) -> Path:
        return self.root / "data" / "workstation" / "recordings"

    @property
    def log_file(self) -> Path:
        return self.root / "state" / "workstation" / "log" / "workstation.log"

    def prepare(self, **settings) -> None:
        """Settings (``sip_auto_answer_seconds=1`` sets sip.auto_answer_seconds), the SIP
        password in the home's keyring, the store upgraded with the demo leads."""
        import json

        extra = json.dumps({k.replace("_", ".", 1): v for k, v in settings.items()})
        for sub in ("config", "data", "state", "cache"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        res = subprocess.run([sys.executable, "-c", _SETUP, self.kamailio.domain, self.password,
                              self.audio_in, self.audio_out, extra],
                             env=self.env, capture_output=True, text=True, timeout=120)
        if res.returncode != 0:
            raise RuntimeError(f"app home setup failed: {res.stderr[-2000:]}")

    def launch(self, *, name: str = "app") -> AppProcess:
        return AppProcess(self, self.root / f"{name}.stderr")

    def probe(self, timeout: float = 0.5) -> int:
        return sip_probe(self.kamailio.addr, self.kamailio.port, MANAGER, timeout)


class AppProcess:
    """``python -X faulthandler -m workstation -v`` in its own session, stderr to a file."""

    def __init__(self, home: AppHome, stderr_path: Path) -> None:
        from workstation.telephony.testbed import _die_with_parent

        self.home = home
        self.stderr_path = stderr_path
        self.t0 = time.monotonic()
        with open(stderr_path, "wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-X", "faulthandler", "-m", "workstation", "-v"],
                env=home.env, cwd=home.root, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
                preexec_fn=_die_with_parent())  # gone with the test process, whatever happens

    def wait_registered(self, timeout: float = 30.0, every: float = 0.02) -> float | None:
        """Milliseconds from launch until the PBX routes to the app; None when it
        died first or the time ran out."""
        deadline = self.t0 + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return None
            if self.home.probe(timeout=0.3) == 200:
                return (time.monotonic() - self.t0) * 1000
            time.sleep(every)
        return None

    def signal(self, sig: int) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)

    def wait(self, timeout: float = 30.0) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    @property
    def stderr(self) -> str:
        try:
            return self.stderr_path.read_text(errors="replace")
        except OSError:
            return ""

    @property
    def crashed(self) -> bool:
        """Killed by a fatal signal of its own (not ours), or faulthandler spoke."""
        rc = self.proc.returncode
        return (rc is not None and rc < 0 and -rc in (signal.SIGSEGV, signal.SIGABRT,
                                                      signal.SIGBUS, signal.SIGFPE,
                                                      signal.SIGILL)) \
            or "Fatal Python error" in self.stderr


def run_starts(home: AppHome, starts: int, linger: float = 0.0, keep: Path | None = None,
               log=print) -> dict:
    """``starts`` launches of the app in ``home``, each ended by SIGTERM once registered
    (``linger`` s later). Returns {"registered": [ms], "crashes": [start numbers],
    "reports": [their stderr tails], "stop_ms": [SIGTERM → exit], "unclean": [(start,
    exit code, probe status)],
    "other": [(start, exit code)] (never registered)}."""
    out: dict = {"registered": [], "stop_ms": [], "crashes": [], "reports": [], "unclean": [],
                 "other": []}
    for i in range(starts):
        app = home.launch(name=f"start{i:03d}")
        try:
            _one_start(home, app, i, linger, keep, out, log)
        finally:
            app.kill()  # only when still there (a test's time ran out)
    return out


def _one_start(home: AppHome, app: AppProcess, i: int, linger: float, keep: Path | None,
               out: dict, log) -> None:
    ms = app.wait_registered(timeout=60)
    if ms is not None:
        out["registered"].append(ms)
        if linger:
            time.sleep(linger)
    t_sig = time.monotonic()
    app.signal(signal.SIGTERM)
    try:
        rc = app.wait(30)
    except Exception:  # noqa: BLE001 - hung on stop: counted, killed
        rc = None
    out["stop_ms"].append((time.monotonic() - t_sig) * 1000)
    gone = home.probe(timeout=1.0)
    if app.crashed:
        out["crashes"].append(i)
        out["reports"].append(app.stderr[-4000:])
        if keep is not None:
            shutil.copy(app.stderr_path, keep / app.stderr_path.name)
            for core in home.root.glob("core*"):  # with ulimit -c unlimited
                shutil.move(str(core), str(keep / f"{app.stderr_path.stem}.{core.name}"))
    elif ms is None:
        out["other"].append((i, rc))
    elif rc != 0 or gone != 404:
        out["unclean"].append((i, rc, gone))
    log(f"# start {i}: registered {ms and round(ms)} ms, stopped in "
        f"{round(out['stop_ms'][-1])} ms, exit {rc}, probe {gone}"
        + (" CRASH" if app.crashed else ""))
    app.stderr_path.unlink(missing_ok=True)
