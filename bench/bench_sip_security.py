"""Call security figures against the local test bed (Kamailio with a TLS listener,
baresip with SRTP, certificates made by tests/telephony/tlscerts.py).

    .venv/bin/python bench/bench_sip_security.py [--quick]

Prints JSON lines:
- sip_tls_registration_ms: engine start → 200 OK to REGISTER over TLS 1.2 with the
  PBX's certificate chain and host name verified, p50 (compare sip_registration_ms)
- sip_tls_refusal_ms: engine start → registration failed with the reason named, for
  an expired certificate, p50
- sip_tls_invite_to_200_ms: dial() → 200 OK over TLS, SRTP off, to a plain phone
- sip_srtp_invite_to_200_ms: the same with sip.srtp mandatory to a phone requiring
  SRTP, over UDP; sip_tls_srtp_invite_to_200_ms: both (compare sip_invite_to_200_ms)
The targets are this project's own goals (the issue names none for these).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "telephony"))

from bench_telephony import (USERS, TelephonyEngine, bench_invite_to_200,  # noqa: E402
                             bench_registration, emit, settings, wait_until)
from tlscerts import make_pbx_certs  # noqa: E402
from workstation.telephony.testbed import Baresip, Kamailio, tools_missing  # noqa: E402

PBX_USERS = {**USERS, "client2": "c2-secret"}


def tls_pbx(workdir: Path, certs: Path, stem: str) -> Kamailio:
    k = Kamailio(workdir, users=PBX_USERS, tls=True, tls_cert=certs / f"{stem}.crt",
                 tls_key=certs / f"{stem}.key")
    k.start()
    return k


def bench_refusal(k: Kamailio, rec_dir: Path, ca: Path, runs: int) -> None:
    times = []
    for _ in range(runs):
        e = TelephonyEngine(settings(k, rec_dir, transport="tls", domain=k.tls_domain,
                                     tls_ca_file=str(ca), backoff_initial=60))
        t0 = time.perf_counter()
        e.start()
        if wait_until(lambda: e.registration_state == "failed" and e.tls_failure, 10):
            times.append((time.perf_counter() - t0) * 1000)
        e.stop()
    emit("sip_tls_refusal_ms", statistics.median(times), "ms", 1000, len(times))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    missing = tools_missing() or ([] if list(Path("/usr/lib").glob("*/kamailio/modules/tls.so"))
                                  else ["kamailio-tls-modules"])
    if missing:
        print(f"# bench_sip_security: skipped, missing {', '.join(missing)}", file=sys.stderr)
        return 0
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        certs = make_pbx_certs(tmp / "certs")
        ca = certs / "ca.crt"
        k = tls_pbx(tmp / "pbx", certs, "good")
        peers = [Baresip(tmp / "plain", user="client", password=PBX_USERS["client"],
                         registrar=k.domain),
                 Baresip(tmp / "srtp", user="client2", password=PBX_USERS["client2"],
                         registrar=k.domain, mediaenc="srtp-mand")]
        for peer in peers:
            peer.start()
        runs = 10 if args.quick else 30
        try:
            tls = dict(transport="tls", domain=k.tls_domain, tls_ca_file=str(ca))
            bench_registration(k, tmp / "rec", 5 if args.quick else 20,
                               name="sip_tls_registration_ms", **tls)
            for name, peer, kw in (("sip_tls_invite_to_200_ms", "client", tls),
                                   ("sip_srtp_invite_to_200_ms", "client2", {}),
                                   ("sip_tls_srtp_invite_to_200_ms", "client2", tls)):
                srtp = "mandatory" if peer == "client2" else "off"
                e = TelephonyEngine(settings(k, tmp / "rec", srtp=srtp, **kw))
                e.start()
                wait_until(lambda: e.registration_state == "registered", 10)
                try:
                    bench_invite_to_200(e, runs, name=name, peer=peer)
                finally:
                    e.stop()
        finally:
            for peer in peers:
                peer.stop()
            k.kill()
        bad = tls_pbx(tmp / "pbx-expired", certs, "expired")
        try:
            bench_refusal(bad, tmp / "rec", ca, 3 if args.quick else 10)
        finally:
            bad.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
