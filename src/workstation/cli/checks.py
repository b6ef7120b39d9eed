"""Checks shared by ``workstation --self-test`` and ``workstation doctor``.

Each check returns a :class:`Result`: what was checked, whether it is fine,
what was seen, and, when it is not fine, how to fix it. A check never raises:
an unexpected exception is a failed check naming it. Qt is imported inside
the checks that need it (the caller has created the QCoreApplication).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workstation import paths
from workstation.secrets import backend_name, keyring_available
from workstation.telephony.settings import SipSettings


@dataclass
class Result:
    name: str
    ok: bool
    detail: str = ""
    fix: str = ""

    def line(self) -> str:
        mark = "ok  " if self.ok else "FAIL"
        text = f"{mark} {self.name}: {self.detail}" if self.detail else f"{mark} {self.name}"
        if not self.ok and self.fix:
            text += f"\n     fix: {self.fix}"
        return text


def run_check(name: str, fn: Callable[[], Result]) -> Result:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - a broken part is a failed check, not a crash
        return Result(name, False, f"{type(exc).__name__}: {exc}")


def wait_for(predicate: Callable[[], bool], timeout: float) -> bool:
    """Run the Qt event loop until ``predicate()`` or the timeout."""
    from PySide6.QtCore import QCoreApplication  # (deferred: no Qt at import)

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return True


# -- the local store --------------------------------------------------------------------
def database(folder: Path) -> Result:
    """A new SQLite store in ``folder``, every migration run, at head."""
    # (deferred: the store loads only for its check)
    from workstation.store.db import Store, current_revision, head_revision

    store = Store(path=folder / "self-test.sqlite3")
    try:
        before, after = store.upgrade()
        head = head_revision(store.url)
        now = current_revision(store.engine)
    finally:
        store.dispose()
    if now != head:
        return Result("database", False, f"schema at {now}, expected {head}",
                      "the bundle's db/ folder (migrations) is incomplete: reinstall")
    return Result("database", True, f"migrations {before or 'empty'} -> {after}")


# -- pjsua2 -----------------------------------------------------------------------------
def sip_endpoint(folder: Path) -> Result:
    """pjsua2's native library loads; an Endpoint with a UDP transport is created and
    destroyed by the app's own engine (no account: nothing is sent)."""
    import pjsua2  # (deferred: pjsua2 loads only for its check)

    # (deferred: pjsua2 loads only for its check)
    from workstation.telephony.engine import TelephonyEngine

    engine = TelephonyEngine(SipSettings(bind_address="127.0.0.1", record_calls=False,
                                         recordings_dir=folder / "recordings", log_level=0))
    engine.start()
    try:
        port = engine.transport_port("udp")
        version = engine.ep.libVersion().full
    finally:
        engine.stop()
    if engine.running:
        return Result("pjsua2", False, "the endpoint was not destroyed")
    where = Path(pjsua2.__file__).parent.name
    return Result("pjsua2", True, f"pjsip {version} ({where}), endpoint on udp {port} "
                                  "created and destroyed")


# -- audio ------------------------------------------------------------------------------
def audio_backend() -> Result:
    """QtMultimedia's media backend plugin loads and the default output opens."""
    # (deferred: no Qt at import)
    from PySide6.QtCore import QByteArray, QBuffer, QIODevice
    from PySide6.QtMultimedia import QAudioSink, QMediaDevices, QMediaFormat

    # (deferred: Qt and pjsua2 load only for its check)
    from workstation.telephony.audio import audio_format, prepare_audio_environment

    prepare_audio_environment()
    decoders = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    if not decoders:
        return Result("audio", False, "no QtMultimedia backend plugin (no file format decodes)",
                      "the bundle lacks PySide6/Qt/plugins/multimedia: reinstall")
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        return Result("audio", False,
                      f"backend loaded ({len(decoders)} formats) but no audio output device",
                      "start the sound server (PulseAudio or PipeWire) and plug in the headset")
    sink = QAudioSink(device, audio_format())
    data = QBuffer()
    data.setData(QByteArray(bytes(3200)))  # 100 ms of 16 kHz mono silence
    data.open(QIODevice.OpenModeFlag.ReadOnly)
    sink.start(data)
    wait_for(lambda: sink.processedUSecs() > 0, 3.0)
    err = sink.error()
    played = sink.processedUSecs()
    sink.stop()
    if err != type(err).NoError or played <= 0:
        return Result("audio", False, f"{device.description()!r} did not play: {err.name}",
                      "check the sound server and that the device is not held by another program")
    return Result("audio", True, f"backend loaded ({len(decoders)} formats); "
                                 f"{device.description()!r} opened and played")


# -- translations -----------------------------------------------------------------------
def translations() -> Result:
    """Our ru/uk .qm files load and translate; Qt's own ones are there."""
    from PySide6.QtCore import QLibraryInfo, QTranslator  # (deferred: no Qt at import)

    seen = []
    for lang in ("ru", "uk"):
        qm = paths.resource("translations", f"workstation_{lang}.qm")
        tr = QTranslator()
        if not tr.load(str(qm)):
            return Result("translations", False, f"{qm} does not load",
                          "reinstall; in a source tree run `make translations`")
        sample = json.loads(qm.with_name(f"{lang}.json").read_text(encoding="utf-8"))
        if tr.isEmpty() or not sample:
            return Result("translations", False, f"{qm.name} is empty")
        qt = QTranslator()
        qt_ok = qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        seen.append(f"{lang} ({'with' if qt_ok else 'without'} Qt's own)")
    return Result("translations", True, ", ".join(seen))


# -- doctor only --------------------------------------------------------------------------
def keyring_backend() -> Result:
    name = backend_name()
    if not keyring_available():
        return Result("keyring", False, f"no usable keyring ({name}): passwords are asked at "
                      "every start and kept in memory only",
                      "install and unlock a Secret Service keyring (gnome-keyring or KWallet), "
                      "e.g. `sudo apt install gnome-keyring`, then sign in again")
    return Result("keyring", True, name)


def audio_devices(config) -> Result:
    from PySide6.QtMultimedia import QMediaDevices  # (deferred: no Qt at import)

    # (deferred: Qt and pjsua2 load only for its check)
    from workstation.telephony.audio import prepare_audio_environment

    prepare_audio_environment()
    inputs = [d.description() for d in QMediaDevices.audioInputs()]
    outputs = [d.description() for d in QMediaDevices.audioOutputs()]
    if not inputs or not outputs:
        return Result("audio devices", False,
                      f"{len(inputs)} microphone(s), {len(outputs)} speaker(s)",
                      "plug in the headset; check that PulseAudio or PipeWire runs "
                      "(`pactl info`)")
    missing = [f"{key} = {config.get(key)!r}" for key, names in
               (("audio.input", inputs), ("audio.output", outputs), ("audio.ring", outputs))
               if config.get(key) and config.get(key) not in names]
    if missing:
        return Result("audio devices", False, "not connected: " + "; ".join(missing),
                      "plug the headset in, or choose another device in Settings → Audio "
                      f"(present: microphones {inputs}, speakers {outputs})")
    return Result("audio devices", True, f"microphones {inputs}; speakers {outputs}")


def audio_path(config) -> Result:
    """Which headset path the app will use (audio.path) and, if not native, why."""
    # (deferred: the native check loads a C library and the pjsua2 extension)
    from workstation.telephony.native import available

    chosen = config.get("audio.path")
    if chosen == "python":
        return Result("audio path", True, "QtMultimedia (audio.path = python)")
    ok, why = available()
    if ok:
        return Result("audio path", True, "native (C, PulseAudio)")
    if chosen == "native":
        return Result("audio path", False, f"native asked for, not available: {why}",
                      "build it with `make native` (needs cc and libpulse-dev), or set "
                      "audio.path = auto")
    return Result("audio path", True, f"QtMultimedia (the native path is not available: {why})")


def sip_registration(config, folder: Path, timeout: float = 10.0) -> Result:
    if not (config.get("sip.username") and config.get("sip.domain")):
        return Result("SIP registration", True, "no SIP account set (the softphone is off)")
    settings = SipSettings.from_config(config)
    account = f"{settings.username}@{settings.domain}"
    if not settings.password:
        return Result("SIP registration", False, f"{account}: no password in the keyring",
                      "workstation config set-secret sip.password (or enter it in Settings)")
    settings.recordings_dir = folder / "recordings"
    settings.record_calls = False
    settings.backoff_initial = settings.backoff_max = 3600.0  # one attempt, no retry
    # (deferred: pjsua2 loads only for its check)
    from workstation.telephony.engine import TelephonyEngine, TelephonyError

    engine = TelephonyEngine(settings)
    seen: list[tuple[str, int, str]] = []
    engine.sig_registration.connect(lambda state, code, reason: seen.append((state, code, reason)))
    try:
        engine.start()
    except TelephonyError as exc:
        return Result("SIP registration", False, f"{account}: {exc}",
                      "another program may hold the SIP port; check sip.transport")
    try:
        wait_for(lambda: any(s in ("registered", "failed") for s, _c, _r in seen), timeout)
    finally:
        engine.stop()
    final = next((x for x in seen if x[0] in ("registered", "failed")), None)
    if final is None:
        return Result("SIP registration", False, f"{account}: no answer within {timeout:.0f} s",
                      f"check sip.domain / sip.proxy and that {settings.domain} is reachable "
                      "(firewall, VPN)")
    state, code, reason = final
    if state == "registered":
        return Result("SIP registration", True, f"{account}: registered ({code} {reason})")
    return Result("SIP registration", False, f"{account}: {code} {reason}",
                  sip_fix(code, settings.domain))


def sip_fix(code: int, domain: str) -> str:
    """How to fix a failed REGISTER, by its SIP status."""
    fixes = {401: "wrong SIP password: workstation config set-secret sip.password",
             403: "the PBX refuses this account: check sip.username and the password",
             404: "the PBX does not know this user: check sip.username and sip.domain",
             408: f"no answer from {domain}: check the address and the network",
             502: f"{domain} cannot be resolved or reached: check sip.domain (DNS)",
             503: f"{domain} cannot be reached: check the address, DNS and firewall"}
    if code == 0:
        return f"no answer from {domain}: check the address, DNS, TLS certificate and network"
    return fixes.get(code, "check the SIP account settings with your PBX admin")


def shared_database(config) -> Result:
    if not config.get("db.shared_url"):
        return Result("shared database", True, "not set (this workstation works alone)")
    return shared_database_at(config.get("db.shared_url"))


def shared_database_at(url: str, password: str | None = None) -> Result:
    """Sign in to the shared database at ``url`` (password: given, or the keyring's)."""
    # (deferred: SQLAlchemy loads only for its check)
    from workstation.sync.shared import (NotConfigured, SharedUnavailable, check_connection,
                                         describe, shared_engine)

    try:
        engine = shared_engine(url=url, password=password)
    except NotConfigured as exc:
        return Result("shared database", False, str(exc),
                      "workstation config set db.shared_url postgresql://LOGIN@HOST:5432/DB")
    try:
        check_connection(engine)
    except SharedUnavailable as exc:
        return Result("shared database", False, str(exc), _db_fix(str(exc).lower()))
    finally:
        engine.dispose()
    return Result("shared database", True, f"{describe(engine)} reachable")


def _db_fix(low: str) -> str:
    if "password" in low or "authentication" in low:
        return "wrong or missing password: workstation config set-secret db.shared_password"
    if "translate host" in low or "name or service" in low or "resolve" in low:
        return "the host name does not resolve: check db.shared_url and DNS"
    if "refused" in low:
        return "nothing listens there: check the port in db.shared_url and that the server runs"
    if "ssl" in low:
        return "TLS failed: check sslmode in db.shared_url and the server's certificate"
    if "timeout" in low or "timed out" in low:
        return "no answer: check the network, VPN and firewall"
    return "check db.shared_url with your database admin"


def qt_platform() -> Result:
    """The platform plugins are there, and the ones for this session find their libraries."""
    from PySide6.QtCore import QLibraryInfo  # (deferred: no Qt at import)

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    plugins = sorted(p.name for p in folder.glob("*") if p.is_file())
    if not plugins:
        return Result("Qt platform plugins", False, f"none in {folder}", "reinstall")
    if not sys.platform.startswith("linux"):
        return Result("Qt platform plugins", True, ", ".join(plugins))
    missing: dict[str, list[str]] = {}
    for name in ("libqxcb.so", "libqwayland.so", "libqwayland-generic.so"):
        if (folder / name).exists():
            try:
                out = subprocess.run(["ldd", str(folder / name)], capture_output=True, text=True,
                                     timeout=10).stdout
            except (OSError, subprocess.SubprocessError):
                continue
            libs = sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
            if libs:
                missing[name] = libs
    session = os.environ.get("QT_QPA_PLATFORM") or (
        "wayland" if os.environ.get("WAYLAND_DISPLAY") else "xcb" if os.environ.get("DISPLAY")
        else "")
    detail = f"{', '.join(plugins)}; this session: {session or 'no display'}"
    if missing.get("libqxcb.so") and session in ("", "xcb"):
        libs = missing["libqxcb.so"]
        return Result("Qt platform plugins", False, f"{detail}; xcb lacks {', '.join(libs)}",
                      "install the missing libraries, e.g. `sudo apt install libxcb-cursor0 "
                      "libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1` (the .deb depends on them)")
    if not session:
        return Result("Qt platform plugins", False, detail,
                      "no DISPLAY or WAYLAND_DISPLAY: start the app from a desktop session")
    return Result("Qt platform plugins", True, detail)


def file_permissions() -> Result:
    """Settings, store and logs: folders 0700, files 0600 (they hold customer data)."""
    wrong = []
    for folder in (paths.user_config_dir(), paths.user_data_dir(), paths.user_log_dir()):
        if not os.access(folder, os.W_OK):
            wrong.append(f"{folder} is not writable")
            continue
        if stat.S_IMODE(folder.stat().st_mode) & 0o077:
            wrong.append(f"chmod 700 {folder}")
        for f in folder.iterdir():
            if f.is_file() and stat.S_IMODE(f.stat().st_mode) & 0o077:
                wrong.append(f"chmod 600 {f}")
    if wrong:
        return Result("file permissions", False, f"{len(wrong)} item(s) readable by others or "
                      "not writable", "; ".join(wrong[:6]) + (" …" if len(wrong) > 6 else ""))
    return Result("file permissions", True, "settings, store and logs are private (0700/0600)")


def widgets() -> Result:
    """Qt Widgets, the compiled forms and the SVG icons (Qt's svg image plugin)."""
    from PySide6.QtWidgets import QWidget  # (deferred: no Qt at import)

    from workstation.views.forms.ui_leadcard import Ui_LeadCardForm  # (deferred: no Qt at import)
    from workstation.views.icons import icon  # (deferred: no Qt at import)

    form = QWidget()
    Ui_LeadCardForm().setupUi(form)
    pixmap = icon("app").pixmap(32, 32)
    form.deleteLater()
    if pixmap.isNull():
        return Result("interface", False, "the SVG icons do not render",
                      "the bundle lacks Qt's imageformats/libqsvg plugin: reinstall")
    return Result("interface", True, "widgets, forms and SVG icons")
