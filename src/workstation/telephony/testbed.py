"""The local SIP test bed: Kamailio as the PBX, baresip as the client's phone.

Used by tests (fixtures in tests/telephony/conftest.py), the benches and the
demo. Everything binds to loopback addresses and free ports; the configs are
the templates in ``sip/`` with their ``@@NAME@@`` placeholders filled in.
This module does not import pjsua2 (it starts external programs only).
"""

from __future__ import annotations

import ctypes
import json
import math
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import time
import uuid
import wave
from dataclasses import dataclass, field
from pathlib import Path

from workstation import paths

KAMAILIO = "kamailio"
BARESIP = "baresip"


class TestbedError(RuntimeError):
    """A test-bed program did not start or did not answer."""


def tools_missing() -> list[str]:
    return [t for t in (KAMAILIO, BARESIP) if shutil.which(t) is None]


def _port_free(addr: str, port: int) -> bool:
    for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
        s = socket.socket(socket.AF_INET, kind)
        if kind == socket.SOCK_STREAM:  # like the servers do: TIME_WAIT is no obstacle
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((addr, port))
        except OSError:
            return False
        finally:
            s.close()
    return True


_next_port = [20000 + (os.getpid() * 37) % 20000]


def free_port(addr: str = "127.0.0.1", span: int = 1) -> int:
    """A port P with P..P+span-1 free for both UDP and TCP on ``addr``."""
    for _ in range(2000):
        port = _next_port[0]
        _next_port[0] += span + 1
        if _next_port[0] > 60000:
            _next_port[0] = 20000
        if all(_port_free(addr, port + i) for i in range(span)):
            return port
    raise TestbedError("no free port range found")


def _die_with_parent(sig: int = signal.SIGKILL):
    """preexec_fn: on Linux the child gets ``sig`` when the test process dies (even by abort)."""

    def arm() -> None:
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(sig))  # PR_SET_PDEATHSIG
        except OSError:
            pass

    return arm


def _fill(template: Path, values: dict[str, str]) -> str:
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    left = re.findall(r"@@[A-Z_]+@@", text)
    if left:
        raise TestbedError(f"{template}: placeholders left unfilled: {', '.join(sorted(set(left)))}")
    return text


def sip_options_ping(addr: str, port: int, timeout: float = 0.3) -> bool:
    """True when a SIP server answers an OPTIONS on UDP addr:port."""
    branch = "z9hG4bK" + uuid.uuid4().hex[:12]
    msg = (
        f"OPTIONS sip:{addr}:{port} SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP 127.0.0.1:9;branch={branch};rport\r\n"
        "Max-Forwards: 5\r\n"
        f"From: <sip:probe@{addr}>;tag={uuid.uuid4().hex[:8]}\r\n"
        f"To: <sip:{addr}:{port}>\r\n"
        f"Call-ID: {uuid.uuid4().hex}\r\n"
        "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
    )
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.bind(("127.0.0.1", 0))
        msg = msg.replace("127.0.0.1:9", f"127.0.0.1:{s.getsockname()[1]}")
        s.settimeout(timeout)
        s.sendto(msg.encode(), (addr, port))
        data, _ = s.recvfrom(4096)
        return data.startswith(b"SIP/2.0 200")
    except OSError:
        return False
    finally:
        s.close()


@dataclass
class Kamailio:
    """Kamailio registrar/proxy with digest auth on one loopback UDP+TCP port."""

    workdir: Path
    users: dict[str, str]
    addr: str = "127.0.0.1"
    port: int = 0
    min_expires: int = 1
    tls: bool = False  # also listen on TLS (needs kamailio-tls-modules)
    tls_port: int = 0
    tls_cert: Path | None = None  # PEM certificate (chain) the TLS listener shows;
    tls_key: Path | None = None  # with its key. None: a self-signed one made by openssl
    tls_method: str = "TLSv1.2+"  # tls.cfg method; "TLSv1.1" makes an outdated PBX
    realm: str = ""  # digest realm; empty = addr (the host of the domain clients use)
    proc: subprocess.Popen | None = None
    log_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.workdir = Path(self.workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        if not self.port:
            self.port = free_port(self.addr)
        self.log_path = self.workdir / "kamailio.log"
        self.cfg_path = self.workdir / "kamailio.cfg"
        users = "\n".join(
            f'\t$sht(users=>{name}) = "{password}";' for name, password in self.users.items()
        )
        listen = f"listen=udp:{self.addr}:{self.port}\nlisten=tcp:{self.addr}:{self.port}"
        tls = ""
        if self.tls:
            if not self.tls_port:
                self.tls_port = free_port(self.addr)
            listen += f"\nenable_tls=yes\nlisten=tls:{self.addr}:{self.tls_port}"
            tls = (f'loadmodule "tls.so"\n'
                   f'modparam("tls", "config", "{self._tls_files()}")')
        self.cfg_path.write_text(_fill(paths.data_dir("sip") / "kamailio" / "kamailio.cfg.in", {
            "LISTEN": listen, "REALM": self.realm or self.addr, "USERS": users,
            "MIN_EXPIRES": str(self.min_expires), "TLS": tls,
        }), encoding="utf-8")

    def _tls_files(self) -> Path:
        """The certificate (given, or self-signed by openssl) and a tls.cfg offering
        TLS 1.2 and later."""
        cert, key = self.tls_cert, self.tls_key
        if cert is None or key is None:
            cert, key = self.workdir / "pbx.crt", self.workdir / "pbx.key"
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                            "2", "-subj", f"/CN={self.addr}", "-keyout", str(key),
                            "-out", str(cert)], check=True, capture_output=True, timeout=60)
        cfg = self.workdir / "tls.cfg"
        # an outdated protocol needs OpenSSL 3's security level 0 to be offered at all
        ciphers = "" if self.tls_method.startswith("TLSv1.2") else \
            "cipher_list = DEFAULT:@SECLEVEL=0\n"
        cfg.write_text(f"[server:default]\nmethod = {self.tls_method}\n{ciphers}"
                       f"verify_certificate = no\n"
                       f"require_certificate = no\nprivate_key = {key}\ncertificate = {cert}\n"
                       f"\n[client:default]\nverify_certificate = no\nrequire_certificate = no\n",
                       encoding="utf-8")
        return cfg

    @property
    def tls_domain(self) -> str:
        return f"{self.addr}:{self.tls_port}"

    @property
    def domain(self) -> str:
        return f"{self.addr}:{self.port}"

    def start(self, timeout: float = 10.0) -> None:
        if self.running:
            return
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [KAMAILIO, "-f", str(self.cfg_path), "-P", str(self.workdir / "kamailio.pid"),
             "-m", "64", "-M", "8", "-DD", "-E", "-w", str(self.workdir)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            # SIGTERM: Kamailio's main process then stops its forked children
            start_new_session=True, preexec_fn=_die_with_parent(signal.SIGTERM),
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise TestbedError(f"kamailio exited with {self.proc.returncode}; see {self.log_path}")
            if sip_options_ping(self.addr, self.port):
                return
            time.sleep(0.05)
        self.kill()
        raise TestbedError(f"kamailio did not answer OPTIONS within {timeout}s; see {self.log_path}")

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole process group: a PBX crash, not a clean stop."""
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)
        self.proc = None
        # Children of the group may take a moment to release the sockets.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not _port_free(self.addr, self.port):
            time.sleep(0.05)

    stop = kill


def write_peer_wav(path: Path, seconds: float = 30.0, freq: float = 440.0,
                   active: float | None = None) -> Path:
    """An 8 kHz mono S16 WAV for baresip: a tone (``active`` s long), then silence."""
    rate = 8000
    n = int(seconds * rate)
    n_active = n if active is None else int(active * rate)
    frames = bytearray()
    for i in range(n):
        # A warbled tone is easy to find again by correlation.
        v = 0.0
        if i < n_active:
            v = 0.5 * math.sin(2 * math.pi * freq * i / rate) + 0.2 * math.sin(
                2 * math.pi * (freq * 2.7) * i / rate + 0.5 * math.sin(2 * math.pi * 3 * i / rate))
        frames += struct.pack("<h", int(v * 32767 * 0.8))
    return write_mono_wav(path, bytes(frames), rate)


def write_mono_wav(path: Path, frames: bytes, rate: int) -> Path:
    """A mono 16-bit PCM WAV of ``frames`` at ``rate`` Hz."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return path


@dataclass
class Baresip:
    """baresip as the client's phone: auto-answers, plays a WAV, takes ctrl_tcp commands."""

    workdir: Path
    user: str = "client"
    password: str = ""
    registrar: str | None = None  # "127.0.0.1:PORT" or None: no registration
    addr: str = "127.0.0.1"
    answermode: str = "auto"
    mediaenc: str = ""  # "", "srtp" (SDES offered/accepted) or "srtp-mand" (RTP/SAVP only)
    wav: Path | None = None
    sip_port: int = 0
    ctrl_port: int = 0
    proc: subprocess.Popen | None = None

    def __post_init__(self) -> None:
        self.workdir = Path(self.workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        if not self.sip_port:
            self.sip_port = free_port(self.addr, span=2)  # baresip opens TLS on +1
        if not self.ctrl_port:
            self.ctrl_port = free_port(self.addr)
        rtp = free_port(self.addr, span=10)
        self.rtp_ports = range(rtp, rtp + 10)
        self.dump_dir = self.workdir / "dump"
        self.dump_dir.mkdir(exist_ok=True)
        if self.wav is None:
            self.wav = write_peer_wav(self.workdir / "peer.wav")
        self.log_path = self.workdir / "baresip.log"
        host = self.registrar or f"{self.addr}:{self.sip_port}"
        params = [f"answermode={self.answermode}"]
        if self.mediaenc:
            params.append(f"mediaenc={self.mediaenc}")
        if self.registrar:
            params += [f"auth_pass={self.password}", "regint=600",
                       f'outbound="sip:{self.registrar};transport=udp"']
        else:
            params += ["regint=0"]
        account = f"<sip:{self.user}@{host};transport=udp>;" + ";".join(params)
        (self.workdir / "config").write_text(_fill(paths.data_dir("sip") / "baresip" / "config.in", {
            "ADDR": self.addr, "SIP_PORT": str(self.sip_port), "CTRL_PORT": str(self.ctrl_port),
            "WAV": str(self.wav), "DUMP_DIR": str(self.dump_dir),
            "RTP_PORTS": f"{rtp}-{rtp + 9}",
        }), encoding="utf-8")
        (self.workdir / "accounts").write_text(_fill(
            paths.data_dir("sip") / "baresip" / "accounts.in", {"ACCOUNT": account}),
            encoding="utf-8")

    @property
    def uri(self) -> str:
        host = self.registrar or f"{self.addr}:{self.sip_port}"
        return f"sip:{self.user}@{host}"

    def start(self, *extra_args: str, timeout: float = 10.0) -> None:
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [BARESIP, "-f", str(self.workdir), "-v", *extra_args],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=_die_with_parent(), cwd=self.workdir,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise TestbedError(f"baresip exited with {self.proc.returncode}; see {self.log_path}")
            try:
                socket.create_connection((self.addr, self.ctrl_port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            self.stop()
            raise TestbedError(f"baresip ctrl_tcp did not open within {timeout}s")
        if self.registrar:
            self.wait_log(r"registered successfully|200 OK", timeout=timeout)

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def wait_log(self, pattern: str, timeout: float = 10.0, start: int = 0) -> re.Match:
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            m = rx.search(self.log_text(), start)
            if m:
                return m
            if time.monotonic() > deadline:
                raise TestbedError(f"baresip log has no /{pattern}/ after {timeout}s; "
                                   f"see {self.log_path}")
            time.sleep(0.05)

    def command(self, command: str, params: str = "", timeout: float = 5.0) -> dict:
        """Send a ctrl_tcp command (netstring JSON) and return its response."""
        body = json.dumps({"command": command, "params": params, "token": "t"}).encode()
        with socket.create_connection((self.addr, self.ctrl_port), timeout=timeout) as s:
            s.sendall(str(len(body)).encode() + b":" + body + b",")
            buf = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                buf += chunk
                while b":" in buf:
                    head, rest = buf.split(b":", 1)
                    size = int(head)
                    if len(rest) < size + 1:
                        break
                    msg = json.loads(rest[:size])
                    buf = rest[size + 1:]
                    if msg.get("response"):
                        return msg
        raise TestbedError(f"baresip gave no response to {command}")

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=1.5)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)
        except ProcessLookupError:
            pass
        self.proc = None

    def dumps(self, which: str) -> list[Path]:
        """WAV files the sndfile module wrote: which = 'enc' (sent) or 'dec' (received)."""
        return sorted(self.dump_dir.glob(f"dump-*-{which}.wav"))
