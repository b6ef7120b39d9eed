"""A packet capture on the loopback interface (an AF_PACKET socket: needs root or
CAP_NET_RAW, as tcpdump would), and what the RTP in it carries.

``with LoopbackCapture(ports=[range(...), port]) as cap: ...`` collects every
UDP datagram (``cap.datagrams``) and TCP segment payload (``cap.segments``)
seen on ``lo`` from or to those ports, as (source port, destination port,
bytes) (a kernel filter drops the rest); ``cap.rtp(src_ports=..., dst_ports=...)`` gives the RTP packets of
those ports (header parsed, payload as sent on the wire: for SRTP that is the
encrypted payload followed by the authentication tag).
"""

from __future__ import annotations

import ctypes
import select
import socket
import struct
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

ETH_P_IP = 0x0800
PACKET_OUTGOING = 4  # an ETH_P_IP socket sees a loopback packet once, as received;
# an outgoing copy (ETH_P_ALL sockets) would count it twice


def can_capture() -> bool:
    try:
        socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_IP)).close()
        return True
    except (PermissionError, OSError, AttributeError):
        return False


@dataclass(frozen=True)
class RtpPacket:
    src_port: int
    dst_port: int
    payload_type: int
    seq: int
    timestamp: int
    payload: bytes


SO_ATTACH_FILTER = 26
SO_RCVBUFFORCE = 33


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8),
                ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_SockFilter))]


def _port_filter(ranges: list[range]) -> list[tuple[int, int, int, int]]:
    """A classic BPF program for an ETH_P_IP packet socket: UDP or TCP with the source
    or the destination port in one of ``ranges``. The kernel drops everything else, so
    a busy loopback (other tests' databases) cannot overflow the socket's queue."""
    n = len(ranges)
    reject, accept = 6 + 4 * n, 7 + 4 * n
    prog = [(0x30, 0, 0, 9),  # ldb [9]: the IP protocol
            (0x15, 1, 0, 17),  # UDP?
            (0x15, 0, reject - 3, 6),  # TCP? else reject
            (0xB1, 0, 0, 0),  # x = IP header length
            (0x48, 0, 0, 0)]  # ldh [x + 0]: source port
    for offset in (0, 2):
        if offset:
            prog.append((0x48, 0, 0, 2))  # ldh [x + 2]: destination port
        for r in ranges:
            i = len(prog)
            prog.append((0x35, 0, 1, r.start))  # jge start, else the next range
            prog.append((0x25, 0, accept - i - 2, r.stop - 1))  # jgt last, else accept
    prog += [(0x06, 0, 0, 0), (0x06, 0, 0, 0xFFFF)]  # ret reject / ret accept
    assert len(prog) == accept + 1
    return prog


class LoopbackCapture:
    def __init__(self, ports: Iterable[range | int], interface: str = "lo") -> None:
        self.ranges = [p if isinstance(p, range) else range(p, p + 1) for p in ports]
        self.interface = interface
        self.datagrams: list[tuple[int, int, bytes]] = []
        self.segments: list[tuple[int, int, bytes]] = []
        self._stop = threading.Event()
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> LoopbackCapture:
        self._sock = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_IP))
        program = _port_filter(self.ranges)
        array = (_SockFilter * len(program))(*program)
        fprog = _SockFprog(len(program), ctypes.cast(array, ctypes.POINTER(_SockFilter)))
        self._sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, bytes(fprog))
        try:  # root may go past net.core.rmem_max
            self._sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 16 << 20)
        except OSError:
            self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 << 20)
        self._sock.bind((self.interface, 0))
        self._thread = threading.Thread(target=self._run, daemon=True, name="capture")
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._sock is not None:
            self._sock.close()

    def _run(self) -> None:
        sock = self._sock
        while not self._stop.is_set():
            if not select.select([sock], [], [], 0.1)[0]:
                continue
            packet, addr = sock.recvfrom(65535)
            if addr[2] == PACKET_OUTGOING or len(packet) < 28 or packet[9] not in (6, 17):
                continue
            ihl = (packet[0] & 0x0F) * 4
            src, dst = struct.unpack_from("!HH", packet, ihl)
            if packet[9] == 17:  # UDP
                self.datagrams.append((src, dst, bytes(packet[ihl + 8:])))
            else:  # TCP: the payload after the header (data offset in 32-bit words)
                offset = ihl + (packet[ihl + 12] >> 4) * 4
                if len(packet) > offset:
                    self.segments.append((src, dst, bytes(packet[offset:])))

    def rtp(self, src_ports=None, dst_ports=None) -> list[RtpPacket]:
        out = []
        for src, dst, data in list(self.datagrams):
            if (src_ports is not None and src not in src_ports) or \
                    (dst_ports is not None and dst not in dst_ports):
                continue
            if len(data) < 12 or data[0] >> 6 != 2 or 72 <= (data[1] & 0x7F) <= 79:
                continue  # not RTP version 2, or RTCP (PT 200-207 seen as 72-79)
            cc = data[0] & 0x0F
            start = 12 + 4 * cc
            if data[0] & 0x10 and len(data) >= start + 4:  # header extension
                start += 4 + 4 * struct.unpack_from("!H", data, start + 2)[0]
            end = len(data)
            if data[0] & 0x20:  # padding
                end -= data[-1]
            seq, ts = struct.unpack_from("!HI", data, 2)
            out.append(RtpPacket(src, dst, data[1] & 0x7F, seq, ts, data[start:end]))
        return out


# -- G.711 (ITU-T), decoding only: it is unambiguous -------------------------------------

def _ulaw_table() -> np.ndarray:
    u = ~np.arange(256, dtype=np.int32) & 0xFF
    t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4)
    return np.where(u & 0x80, 0x84 - t, t - 0x84).astype(np.int16)


def _alaw_table() -> np.ndarray:
    a = np.arange(256, dtype=np.int32) ^ 0x55
    seg = (a & 0x70) >> 4
    t = (a & 0x0F) << 4
    t = np.where(seg == 0, t + 8, np.where(seg == 1, t + 0x108, (t + 0x108) << (seg - 1)))
    return np.where(a & 0x80, t, -t).astype(np.int16)


G711 = {0: _ulaw_table(), 8: _alaw_table()}  # payload type -> byte -> linear sample


def decode_g711(packets: list[RtpPacket]) -> np.ndarray:
    """The samples of PCMU/PCMA packets in sequence order, as float in -1..1."""
    parts = [G711[p.payload_type][np.frombuffer(p.payload, dtype=np.uint8)]
             for p in sorted(packets, key=lambda p: p.seq)]
    return np.concatenate(parts).astype(np.float64) / 32768.0 if parts else np.zeros(0)


def best_match(heard: np.ndarray, reference: np.ndarray) -> float:
    """The highest normalised cross-correlation of ``heard`` anywhere in ``reference``
    (1.0: the same samples; noise gives about 1/sqrt(len(heard)))."""
    from scipy.signal import correlate

    n = len(heard)
    if n == 0 or len(reference) < n:
        return 0.0
    heard = heard - heard.mean()
    corr = correlate(reference, heard, mode="valid", method="fft")
    energy = np.convolve(reference ** 2, np.ones(n), mode="valid")
    means = np.convolve(reference, np.ones(n), mode="valid") / n
    denom = np.sqrt(np.maximum(energy - n * means ** 2, 1e-12) * np.sum(heard ** 2))
    return float(np.max(corr / denom))


def most_common_byte_share(packets: list[RtpPacket]) -> float:
    """Share of the commonest byte value in the payloads (plain G.711 silence: ~1.0;
    ciphertext: ~1/256)."""
    data = np.frombuffer(b"".join(p.payload for p in packets), dtype=np.uint8)
    return float(np.bincount(data, minlength=256).max() / len(data)) if len(data) else 0.0


__all__ = ["LoopbackCapture", "RtpPacket", "can_capture", "decode_g711", "best_match",
           "most_common_byte_share"]
