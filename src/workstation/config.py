"""Settings, declared once. Qt-free.

Every option the app knows is declared in ``OPTIONS`` with its type, default
and help text. Values live in ``config.json`` in platformdirs' config dir;
secrets (passwords) are declared here too but live only in the OS keyring
(see :mod:`workstation.secrets`). The file carries a schema version and
``UPGRADES`` moves an old file forward.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit
from typing import Any, Callable

from workstation import paths

SCHEMA_VERSION = 1


class ConfigError(ValueError):
    """A bad key or value; the message names it."""


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    help: str
    secret: bool = False
    choices: tuple[str, ...] | None = None
    validate: Callable[[Any], None] | None = None  # raises ConfigError naming the fault

    def parse(self, text: str) -> Any:
        """Turn a command-line string into a value of this option's type."""
        if self.type is bool:
            low = text.strip().lower()
            if low in ("1", "true", "yes", "on"):
                return True
            if low in ("0", "false", "no", "off"):
                return False
            raise ConfigError(f"{self.key}: expected true/false, got {text!r}")
        if self.type is int:
            try:
                return int(text)
            except ValueError:
                raise ConfigError(f"{self.key}: expected a whole number, got {text!r}") from None
        if self.type is list:
            return [part.strip() for part in text.split(",") if part.strip()]
        value = str(text)
        if self.choices is not None and value not in self.choices:
            raise ConfigError(f"{self.key}: expected one of {', '.join(self.choices)}, got {value!r}")
        return value


def url_password(url: str) -> str | None:
    """The password written inside a database URL, if any."""
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def hide_url_password(url: str) -> str:
    """The URL with any password inside replaced by ***."""
    pw = url_password(url)
    if not pw:
        return url
    parts = urlsplit(url)
    netloc = parts.netloc.replace(f":{quote(pw, safe='')}@", ":***@").replace(f":{pw}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def _no_password_in_url(value: Any) -> None:
    if value and url_password(str(value)):
        raise ConfigError("db.shared_url: do not put the password in the URL (it would be stored "
                          "in plain text); remove it and run 'workstation config set-secret "
                          "db.shared_password'")


def _pem_file(value: Any) -> None:
    """An empty value, or a readable file holding at least one PEM certificate."""
    if not value:
        return
    try:
        head = Path(str(value)).expanduser().read_text(encoding="ascii", errors="replace")
    except OSError as exc:
        raise ConfigError(f"sip.tls_ca_file: cannot read {value}: {exc.strerror}") from None
    if "-----BEGIN CERTIFICATE-----" not in head:
        raise ConfigError(f"sip.tls_ca_file: {value} holds no PEM certificate "
                          "(-----BEGIN CERTIFICATE-----)")


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in [
        Option("user.login", str, "manager", "Login of the person using this workstation"),
        Option("user.name", str, "", "Display name of the person using this workstation"),
        Option("user.role", str, "manager", "Role: manager, supervisor, teamlead or admin",
               choices=("manager", "supervisor", "teamlead", "admin")),
        Option("phone.default_region", str, "UA",
               "Region (ISO 3166 code) for phone numbers written without a country code"),
        Option("ui.language", str, "", "Interface language: en, ru, uk; empty = system locale",
               choices=("", "en", "ru", "uk")),
        Option("ui.start_minimized", bool, False,
               "Start hidden in the system tray (minimised where there is no tray)"),
        Option("db.local_path", str, "", "Local SQLite store; empty = the user data dir"),
        Option("db.shared_url", str, "",
               "Shared PostgreSQL database URL, without password "
               "(postgresql://user@db.example.com:5432/sales); a remote host is checked with "
               "sslmode=verify-full by default; empty = work alone",
               validate=_no_password_in_url),
        Option("db.ssl_ca_file", str, "",
               "CA certificate file the shared database's certificate is checked against; "
               "empty = the system's trusted CAs"),
        Option("db.allow_insecure_tls", bool, False,
               "Allow sslmode disable/allow/prefer/require/verify-ca to a remote shared database "
               "(the server's identity is then not checked): for a test bench only"),
        Option("db.shared_password", str, "", "Shared database password (keyring only)", secret=True),
        Option("sip.username", str, "", "SIP account user name"),
        Option("sip.domain", str, "", "SIP domain / registrar host[:port]"),
        Option("sip.realm", str, "",
               "Digest realm the password is offered to; empty = the SIP domain's host"),
        Option("sip.proxy", str, "", "Outbound proxy URI; empty = none"),
        Option("sip.transport", str, "udp", "SIP transport", choices=("udp", "tcp", "tls")),
        Option("sip.tls_ca_file", str, "",
               "CA certificate file (PEM) the PBX's TLS certificate is checked against; "
               "empty = the system's trusted CAs", validate=_pem_file),
        Option("sip.srtp", str, "optional",
               "Encrypt call audio with SRTP (SDES): off, optional (when the other side "
               "can) or mandatory (calls without it fail)",
               choices=("off", "optional", "mandatory")),
        Option("sip.password", str, "", "SIP account password (keyring only)", secret=True),
        Option("sip.allowed_sources", list, [],
               "Extra hosts allowed to send INVITEs besides the registrar (comma-separated)"),
        Option("sip.auto_answer_seconds", int, 0, "Answer incoming calls after N seconds; 0 = off"),
        Option("sip.register_expires", int, 120,
               "Registration lifetime in seconds; over UDP a restarted PBX is noticed "
               "at the next refresh, so keep it short"),
        Option("sip.codecs", list, [],
               "Codecs to offer, best first (e.g. PCMA/8000,G722/16000); empty = built-in list"),
        Option("sip.record_calls", bool, True, "Record every call to a WAV file"),
        Option("sip.consent_prompt", bool, False, "Play the recording consent prompt on answer"),
        Option("sip.voicemail_uri", str, "",
               "Where a second call is sent by \"To voicemail\" (number or SIP URI); "
               "empty = no voicemail"),
        Option("sip.voicemail_method", str, "302",
               "How a call goes to voicemail: 302 (redirect before answering) or refer "
               "(answer, then transfer)", choices=("302", "refer")),
        Option("audio.input", str, "", "Headset microphone (device name); empty = system default"),
        Option("audio.output", str, "", "Headset speaker (device name); empty = system default"),
        Option("audio.ring", str, "", "Ring device (device name); empty = headset speaker"),
        Option("audio.path", str, "auto",
               "Headset audio path: native (C, PulseAudio), python (QtMultimedia) or auto "
               "(native where it is built and PulseAudio runs)",
               choices=("auto", "native", "python")),
        Option("plan.effective_calls_per_day", int, 30, "Daily plan of effective calls"),
        Option("attempts.max", int, 5, "Attempts without contact before a lead is Refused"),
        Option("attempts.day_start_hour", int, 9, "Working day start hour for proposed attempts"),
        Option("attempts.day_end_hour", int, 18, "Working day end hour (exclusive) for attempts"),
        Option("plan.effective_min_talk_seconds", int, 60,
               "Talk time that makes an answered call effective without a recorded result"),
        Option("funnel.stuck_days", int, 14,
               "Funnel: a lead at an open stage longer than this many days is stuck"),
        Option("recordings.keep_days", int, 30, "Days to keep uploaded recordings locally"),
        Option("recordings.cache_mb", int, 500,
               "Size of the local cache of recordings played from the shared database (MB)"),
    ]
}

# Upgrades from schema version N to N+1, applied in order on load.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def config_path() -> Path:
    return paths.user_config_dir() / "config.json"


class Config:
    """The user's settings: declared options, stored as JSON, secrets excluded."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_path()
        self._values: dict[str, Any] = {}
        self.load()

    def load(self) -> None:
        if not self.path.exists():
            self._values = {}
            return
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{self.path}: cannot read settings: {exc}") from exc
        version = int(raw.get("schema", SCHEMA_VERSION))
        values = dict(raw.get("values", {}))
        while version < SCHEMA_VERSION:
            values = UPGRADES[version](values)
            version += 1
        self._values = {k: v for k, v in values.items() if k in OPTIONS and not OPTIONS[k].secret}

    def save(self) -> None:
        """Write atomically: a crash leaves the old file or the new one, never half."""
        data = {"schema": SCHEMA_VERSION, "values": self._values}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".config-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    @staticmethod
    def option(key: str) -> Option:
        try:
            return OPTIONS[key]
        except KeyError:
            raise ConfigError(f"unknown setting {key!r}; 'workstation config list' shows them") from None

    def get(self, key: str) -> Any:
        opt = self.option(key)
        if opt.secret:
            raise ConfigError(f"{key} is a secret: it lives in the keyring, not in settings")
        return self._values.get(key, opt.default)

    def set(self, key: str, value: Any) -> None:
        opt = self.option(key)
        if opt.secret:
            raise ConfigError(f"{key} is a secret: use 'workstation config set-secret {key}'")
        if isinstance(value, str):
            value = opt.parse(value)
        if opt.validate is not None:
            opt.validate(value)
        self._values[key] = value

    def __getitem__(self, key: str) -> Any:
        return self.get(key)

    def items(self) -> list[tuple[str, Any]]:
        """Every setting and its value, for listing (a password found inside a URL
        written by an older version is shown as ***)."""
        out = []
        for k, o in OPTIONS.items():
            if o.secret:
                continue
            v = self.get(k)
            out.append((k, hide_url_password(v) if k == "db.shared_url" and v else v))
        return out
