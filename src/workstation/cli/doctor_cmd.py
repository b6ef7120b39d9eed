"""``workstation doctor [--report FILE]``: what is wrong on this workstation and how to fix it.

Checks audio devices, the SIP registration (when an account is set: a real
REGISTER, one attempt), the shared database (when set: a real sign-in), the
keyring, Qt's platform plugins and the permissions of the settings, store and
log folders. One line per check, a ``fix:`` line under each failed one; exit
0 when all pass, 1 otherwise.

``--report FILE`` writes the same plus versions, the settings (secrets shown
only as set / not set), a few environment variables and the end of the log,
for a support ticket. Every secret is left out: the keyring's values and any
environment variable that looks like one are replaced wherever they appear,
and password-like text is masked as in the log. The file is 0600.
"""

from __future__ import annotations

import os
import platform
import re
import sys
import tempfile
from pathlib import Path

from workstation import __version__, paths, secrets
from workstation.config import OPTIONS, Config, ConfigError
from workstation.crashreport import redact

ENV_SHOWN = re.compile(r"^(QT_|XDG_|LANG$|LC_|DISPLAY$|WAYLAND_DISPLAY$|PULSE_SERVER$|"
                       r"PIPEWIRE_|DESKTOP_SESSION$|PYTHON_KEYRING_BACKEND$|WORKSTATION_)")
ENV_SECRET = re.compile(r"(?i)(pass|secret|token|credential|auth|_key$|^key$|cookie)")
LOG_LINES = 200


def register(sub) -> None:
    p = sub.add_parser("doctor", help="check audio, SIP, shared database, keyring, Qt and file "
                                      "permissions; say what is wrong and how to fix it")
    p.add_argument("--report", metavar="FILE", type=Path,
                   help="also write a support report (no secrets in it) to FILE")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S",
                   help="seconds to wait for the SIP registrar (default 10)")
    p.set_defaults(func=_doctor)


def _doctor(args) -> int:
    from PySide6.QtCore import QCoreApplication  # (deferred: no Qt at import)

    from workstation.cli import CliError, checks  # (cycle: cli/__init__ imports this module)

    try:
        config = Config()
    except ConfigError as exc:
        raise CliError(str(exc)) from exc
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])  # noqa: F841
    with tempfile.TemporaryDirectory(prefix="workstation-doctor-") as tmp:
        results = [checks.run_check(name, fn) for name, fn in (
            ("audio devices", lambda: checks.audio_devices(config)),
            ("audio path", lambda: checks.audio_path(config)),
            ("SIP registration", lambda: checks.sip_registration(config, Path(tmp), args.timeout)),
            ("shared database", lambda: checks.shared_database(config)),
            ("keyring", checks.keyring_backend),
            ("Qt platform plugins", checks.qt_platform),
            ("file permissions", checks.file_permissions),
        )]
    lines = [r.line() for r in results]
    failed = [r for r in results if not r.ok]
    summary = (f"doctor: {len(failed)} problem(s): {', '.join(r.name for r in failed)}"
               if failed else f"doctor: all {len(results)} checks passed")
    print("\n".join(lines))
    print(summary)
    if args.report is not None:
        write_report(args.report, config, [*lines, summary])
        print(f"doctor: report written to {args.report} (no passwords in it)")
    return 1 if failed else 0


# -- the report ------------------------------------------------------------------------
def known_secrets() -> list[str]:
    """Values that must appear nowhere: the keyring's and secret-looking environment's."""
    values = []
    for key, opt in OPTIONS.items():
        if opt.secret:
            try:
                value = secrets.get_secret(key)
            except Exception:  # noqa: BLE001 - a broken keyring holds nothing we could leak
                value = None
            if value:
                values.append(value)
    values += [v for k, v in os.environ.items() if ENV_SECRET.search(k) and len(v) >= 4]
    return sorted(set(values), key=len, reverse=True)


def scrub(text: str, hidden: list[str]) -> str:
    for value in hidden:
        text = text.replace(value, "***")
    return redact(text)


def _versions() -> list[str]:
    from PySide6 import __version__ as pyside  # (deferred: no Qt at import)
    from PySide6.QtCore import qVersion  # (deferred: no Qt at import)

    try:
        import pjsua2  # (deferred: pjsua2 loads only for its check)

        pj = pjsua2.__version__
    except Exception as exc:  # noqa: BLE001 - the report says what is broken
        pj = f"not loadable ({type(exc).__name__})"
    frozen = "bundle" if getattr(sys, "frozen", False) else "source/venv"
    return [f"workstation {__version__} ({frozen}, {sys.executable})",
            f"Python {platform.python_version()}, PySide6 {pyside}, Qt {qVersion()}, pjsua2 {pj}",
            f"{platform.platform()}"]


def _settings(config) -> list[str]:
    out = []
    for key, opt in OPTIONS.items():
        if opt.secret:  # the key last: "password = ..." would be masked as a secret
            try:
                where = "set in the keyring" if secrets.get_secret(key) else "not set"
            except Exception:  # noqa: BLE001
                where = "keyring error"
            out.append(f"{where}: {key}")
        else:
            out.append(f"{key} = {config.get(key)!r}")
    return out


def _log_tail() -> list[str]:
    log = paths.user_log_dir() / "workstation.log"
    if not log.exists():
        return ["(no log yet)"]
    return log.read_text(encoding="utf-8", errors="replace").splitlines()[-LOG_LINES:]


def write_report(path: Path, config, check_lines: list[str]) -> None:
    env = [f"{k}={v}" for k, v in sorted(os.environ.items())
           if ENV_SHOWN.match(k) and not ENV_SECRET.search(k)]
    sections = [("versions", _versions()), ("checks", check_lines),
                ("settings", _settings(config)), ("environment", env),
                (f"log (last {LOG_LINES} lines)", _log_tail())]
    text = "\n\n".join(f"== {title} ==\n" + "\n".join(body) for title, body in sections) + "\n"
    text = scrub(text, known_secrets())
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its mode with O_CREAT
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
