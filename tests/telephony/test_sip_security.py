"""Call security against real parts: TLS that checks the PBX (Kamailio's TLS
listener with certificates made here: valid, wrong host, self-signed, expired)
and SDES-SRTP with baresip, proven by a capture on the loopback interface."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile as sf

from realparts import require, require_tool
from rtpcapture import (LoopbackCapture, best_match, can_capture, decode_g711,
                        most_common_byte_share)
from sipbed import USERS, Collector, _peer, make_engine, sip_settings, start_engine  # noqa: F401
from tlscerts import make_pbx_certs

pytestmark = [pytest.mark.sip, pytest.mark.slow]


def _require_tls_module() -> None:
    require_tool("kamailio", "baresip")
    require(bool(list(Path("/usr/lib").glob("*/kamailio/modules/tls.so"))),
            "kamailio-tls-modules is not installed")


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    return make_pbx_certs(tmp_path_factory.mktemp("certs"))


def _tls_pbx(workdir: Path, certs: Path, stem: str):
    from workstation.telephony.testbed import Kamailio

    k = Kamailio(workdir, users=USERS, tls=True, tls_cert=certs / f"{stem}.crt",
                 tls_key=certs / f"{stem}.key")
    k.start()
    return k


@pytest.fixture(scope="module")
def kamailio(tmp_path_factory, certs):
    """The module's PBX: UDP/TCP and a TLS listener with the good certificate."""
    _require_tls_module()
    k = _tls_pbx(tmp_path_factory.mktemp("pbx"), certs, "good")
    yield k
    k.kill()


@pytest.fixture(scope="module")
def phones(tmp_path_factory, kamailio):
    """Auto-answering baresip phones: plain RTP, SRTP offered/accepted, SRTP required."""
    made = {"plain": _peer(tmp_path_factory, kamailio, "client"),
            "srtp": _peer(tmp_path_factory, kamailio, "client2", mediaenc="srtp"),
            "srtp-mand": _peer(tmp_path_factory, kamailio, "client3", mediaenc="srtp-mand")}
    yield made
    for b in made.values():
        b.stop()


def tls_engine(make_engine, kamailio, certs, **kw):
    return make_engine(transport="tls", domain=kamailio.tls_domain,
                       tls_ca_file=str(certs / "ca.crt"), **kw)


# -- TLS: the PBX's certificate is checked ---------------------------------------------------

def test_tls_registers_when_the_certificate_is_good(make_engine, kamailio, certs):
    engine = tls_engine(make_engine, kamailio, certs)
    assert engine.registration_state == "registered" and engine.tls_failure == ""


@pytest.mark.parametrize("stem, words", [
    ("wronghost", "not for the host name 127.0.0.1"),
    ("selfsigned", "signed by an unknown CA"),
    ("expired", "has expired"),
])
def test_tls_refuses_a_bad_certificate_and_says_why(stem, words, qtbot, tmp_path, certs, config):
    _require_tls_module()
    from workstation.views.callmodel import Calls
    from workstation.views.softphone import SoftphoneWidget

    k = _tls_pbx(tmp_path / "pbx", certs, stem)
    try:
        settings = sip_settings(k, tmp_path, transport="tls", domain=k.tls_domain,
                                tls_ca_file=str(certs / "ca.crt"), backoff_initial=30)
        engine = start_engine(qtbot, settings, wait_registered=False)
        try:
            phone = SoftphoneWidget(Calls(engine), config)
            qtbot.addWidget(phone)
            qtbot.waitUntil(lambda: engine.registration_state == "failed", timeout=10000)
            assert words in engine.tls_failure
            # just one failure named: an expired certificate is not also "unknown CA"
            assert engine.tls_failure.count("TLS:") == 1
            assert phone.reg_label.property("state") == "failed"
            assert words in phone.reg_label.text() and words in phone.reg_label.toolTip()
        finally:
            engine.stop()
    finally:
        k.kill()


def _handshake(port: int, ca: Path, version: str) -> str:
    """A TLS handshake with the PBX at exactly ``version``: the version agreed, or the error."""
    import socket
    import ssl
    import warnings

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(str(ca))
    ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # TLSv1_1 is, on purpose
        ctx.minimum_version = ctx.maximum_version = getattr(ssl.TLSVersion, version)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw, \
                ctx.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            return tls.version()
    except (OSError, ssl.SSLError) as exc:
        return f"error: {exc}"


def test_tls_refuses_a_pbx_below_tls_1_2(qtbot, tmp_path, certs):
    _require_tls_module()
    from workstation.telephony.testbed import Kamailio

    k = Kamailio(tmp_path / "pbx", users=USERS, tls=True, tls_cert=certs / "good.crt",
                 tls_key=certs / "good.key", tls_method="TLSv1.1")
    k.start()
    try:
        # the PBX really speaks TLS 1.1 (and only that), with a certificate we trust
        assert _handshake(k.tls_port, certs / "ca.crt", "TLSv1_1") == "TLSv1.1"
        assert _handshake(k.tls_port, certs / "ca.crt", "TLSv1_2").startswith("error")
        settings = sip_settings(k, tmp_path, transport="tls", domain=k.tls_domain,
                                tls_ca_file=str(certs / "ca.crt"), backoff_initial=30)
        engine = start_engine(qtbot, settings, wait_registered=False)
        try:
            qtbot.waitUntil(lambda: "TLS 1.2" in engine.tls_failure, timeout=10000)
            assert engine.registration_state == "failed"
        finally:
            engine.stop()
    finally:
        k.kill()


def test_tls_checks_against_the_system_cas_without_a_ca_file(make_engine, kamailio, qtbot):
    """The test CA is in no system store: the good certificate is then unknown."""
    from workstation.telephony.security import system_ca_file

    require(system_ca_file() != "", "no system CA bundle on this machine")
    engine = make_engine(wait_registered=False, transport="tls", domain=kamailio.tls_domain,
                         backoff_initial=30)
    qtbot.waitUntil(lambda: engine.registration_state == "failed", timeout=10000)
    assert "unknown CA" in engine.tls_failure


def test_a_missing_ca_file_is_named_and_nothing_is_sent(make_engine, kamailio, tmp_path):
    missing = tmp_path / "no-such-ca.pem"
    engine = make_engine(wait_registered=False, transport="tls", domain=kamailio.tls_domain,
                         tls_ca_file=str(missing))
    assert engine.registration_state == "failed"
    assert str(missing) in engine.tls_failure and "sip.tls_ca_file" in engine.tls_failure


# -- SRTP: negotiated as set, and the wire shows it ------------------------------------------

def _call(qtbot, engine, peer, seconds: float = 3.0):
    """Dial ``peer``, keep the call ``seconds``, hang up; the CallRecord and the capture."""
    ev = Collector(engine)
    with LoopbackCapture(ports=[peer.rtp_ports]) as cap:
        key = engine.dial(peer.user)
        qtbot.wait(int(seconds * 1000))
        engine.hangup(key)
        qtbot.waitUntil(lambda: ev.ended(key) is not None, timeout=10000)
    return ev.ended(key), cap


def _captured_call(qtbot, engine, peer):
    """``_call``, once more if the capture saw none of the peer's RTP (seen once in a
    full CI run under load: the call was fine, the capture socket got nothing); what is
    asserted is still what real packets of a real call show."""
    rec, cap = _call(qtbot, engine, peer)
    if not cap.rtp(src_ports=peer.rtp_ports):
        rec, cap = _call(qtbot, engine, peer)
    return rec, cap


def _wire(cap, peer):
    """(how well what the peer sent matches its WAV, commonest byte share of what we sent)."""
    sent_by_peer = cap.rtp(src_ports=peer.rtp_ports)
    sent_to_peer = cap.rtp(dst_ports=peer.rtp_ports)
    assert len(sent_by_peer) > 50 and len(sent_to_peer) > 50, "no RTP captured"
    reference, rate = sf.read(str(peer.wav))
    assert rate == 8000
    heard = decode_g711(sent_by_peer[10:60])  # one second of the peer's tone, as on the wire
    return best_match(heard, reference), most_common_byte_share(sent_to_peer)


@pytest.fixture
def capture_allowed():
    require(can_capture(), "a loopback capture needs root or CAP_NET_RAW")


def test_plain_rtp_shows_the_tone_and_the_silence_on_the_wire(make_engine, phones, qtbot,
                                                              capture_allowed):
    engine = make_engine(srtp="off")
    rec, cap = _captured_call(qtbot, engine, phones["plain"])
    assert rec.sip_status == 200 and rec.media_security == "rtp"
    assert rec.signalling_tls is False
    match, silence = _wire(cap, phones["plain"])
    assert match > 0.95  # the peer's tone, sample for sample
    assert silence > 0.95  # our null device's silence: one G.711 byte over and over


def test_srtp_mandatory_hides_the_audio_on_the_wire(make_engine, phones, qtbot, capture_allowed):
    engine = make_engine(srtp="mandatory")
    rec, cap = _captured_call(qtbot, engine, phones["srtp-mand"])
    assert rec.sip_status == 200 and rec.media_security == "srtp"
    match, silence = _wire(cap, phones["srtp-mand"])
    assert match < 0.2  # ciphertext decodes to noise: the tone is gone
    assert silence < 0.05  # and so is the run of silence bytes
    tags = {len(p.payload) for p in cap.rtp(src_ports=phones["srtp-mand"].rtp_ports)}
    assert tags == {170}  # 160 bytes of G.711 + the 10-byte HMAC-SHA1-80 tag


@pytest.mark.parametrize("ours, theirs, status, media", [
    ("optional", "srtp", 200, "srtp"),  # both can: encrypted
    ("optional", "plain", 200, "rtp"),  # the other side cannot: plain, call goes ahead
    ("mandatory", "plain", 488, ""),  # required and impossible: the call fails
    ("off", "srtp-mand", 488, ""),  # the other side requires it
])
def test_srtp_setting_decides_what_is_negotiated(ours, theirs, status, media, make_engine,
                                                 phones, qtbot):
    engine = make_engine(srtp=ours)
    rec, _ = _call(qtbot, engine, phones[theirs], seconds=1.0)
    assert (rec.sip_status, rec.media_security) == (status, media)


def test_tls_and_srtp_both_ways_shown_and_recorded(make_engine, kamailio, certs, phones, qtbot,
                                                   config, capture_allowed):
    from workstation.views.callmodel import Calls
    from workstation.views.softphone import SoftphoneWidget

    engine = tls_engine(make_engine, kamailio, certs, srtp="mandatory")
    phone = SoftphoneWidget(Calls(engine), config)
    qtbot.addWidget(phone)
    phone.show()
    ev = Collector(engine)
    peer = phones["srtp-mand"]
    tls_port = int(kamailio.tls_domain.rsplit(":", 1)[1])
    with LoopbackCapture(ports=[tls_port, peer.sip_port]) as cap:
        phone.number.setText(peer.user)  # as the manager types the number and clicks Call
        key = phone.call_clicked()
        assert key is not None and key == phone.current
        qtbot.waitUntil(lambda: phone.security.isVisible() and "SRTP" in phone.security.text(),
                        timeout=10000)
        assert phone.security.text() == "✓ TLS · SRTP"
        assert phone.security.property("secure") is True
        qtbot.wait(1500)
        engine.hangup(key)
        qtbot.waitUntil(lambda: ev.ended(key) is not None, timeout=10000)
    rec = ev.ended(key)
    assert (rec.signalling_tls, rec.media_security) == (True, "srtp")
    assert not phone.security.isVisible()
    # Our hop is TLS: the INVITE and its SDES key are not readable on the PBX's TLS port.
    # (Kamailio relays to the phone over UDP: that hop, the PBX's business, shows them.)
    ours = b"".join(d for src, dst, d in cap.segments if tls_port in (src, dst))
    assert len(ours) > 1000 and b"INVITE" not in ours and b"a=crypto" not in ours
    assert any(b"a=crypto" in d for _, dst, d in cap.datagrams if dst == peer.sip_port)

    # and an incoming call over the same TLS registration
    ev2 = Collector(engine)
    peer.command("dial", f"sip:manager@{kamailio.domain}")
    qtbot.waitUntil(lambda: bool(ev2.of("sig_incoming")), timeout=10000)
    (inc,) = ev2.of("sig_incoming")[0]
    engine.answer(inc.call_key)
    qtbot.waitUntil(lambda: engine.call_security(inc.call_key) == (True, "srtp"), timeout=10000)
    engine.hangup(inc.call_key)
    qtbot.waitUntil(lambda: ev2.ended(inc.call_key) is not None, timeout=10000)
    assert ev2.ended(inc.call_key).media_security == "srtp"
