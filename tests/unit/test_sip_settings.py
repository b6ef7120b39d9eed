from workstation import secrets
from workstation.telephony.settings import SipSettings


def test_sip_settings_from_config_and_keyring(config):
    config.set("sip.username", "anna")
    config.set("sip.domain", "pbx.example:5060")
    config.set("sip.transport", "tcp")
    config.set("sip.register_expires", "10")
    config.set("sip.codecs", "PCMU/8000, G722/16000")
    secrets.set_secret("sip.password", "pw-in-keyring")
    s = SipSettings.from_config(config)
    assert (s.username, s.domain, s.transport) == ("anna", "pbx.example:5060", "tcp")
    assert s.password == "pw-in-keyring" and s.configured
    assert s.reg_expires == 30  # floor: registrars refuse very short lifetimes
    assert s.codecs == ["PCMU/8000", "G722/16000"]
    assert "pw-in-keyring" not in repr(s)


def test_defaults_keep_built_in_codecs(config):
    s = SipSettings.from_config(config)
    assert s.reg_expires == 120 and s.codecs[0] == "PCMA/8000" and not s.configured


def test_tls_ca_file_and_srtp_settings(config, tmp_path):
    import pytest

    from workstation.config import ConfigError

    assert (config.get("sip.srtp"), config.get("sip.tls_ca_file")) == ("optional", "")
    with pytest.raises(ConfigError, match="sip.srtp: expected one of off, optional, mandatory"):
        config.set("sip.srtp", "always")
    missing = tmp_path / "nope.pem"
    with pytest.raises(ConfigError, match=f"sip.tls_ca_file: cannot read {missing}"):
        config.set("sip.tls_ca_file", str(missing))
    not_pem = tmp_path / "notes.txt"
    not_pem.write_text("hello")
    with pytest.raises(ConfigError, match="holds no PEM certificate"):
        config.set("sip.tls_ca_file", str(not_pem))
    assert config.get("sip.tls_ca_file") == ""  # refused values are not kept
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    config.set("sip.tls_ca_file", str(ca))
    config.set("sip.srtp", "mandatory")
    s = SipSettings.from_config(config)
    assert (s.tls_ca_file, s.srtp) == (str(ca), "mandatory")


def test_srtp_account_config():
    import pjsua2 as pj

    from workstation.telephony.account import account_config

    for mode, use in (("off", pj.PJMEDIA_SRTP_DISABLED), ("optional", pj.PJMEDIA_SRTP_OPTIONAL),
                      ("mandatory", pj.PJMEDIA_SRTP_MANDATORY)):
        cfg = account_config(SipSettings(srtp=mode))  # kept: mediaConfig points into it
        mc = cfg.mediaConfig
        assert mc.srtpUse == use and mc.srtpSecureSignaling == 0
        assert [c.name for c in mc.srtpOpt.cryptos] == ([] if mode == "off"
                                                        else ["AES_CM_128_HMAC_SHA1_80"])


def test_certificate_failures_are_told_apart():
    import pjsua2 as pj

    from workstation.telephony.security import verify_failures

    assert verify_failures(0) == []
    assert verify_failures(pj.PJ_SSL_CERT_EVALIDITY_PERIOD) == ["expired"]
    assert verify_failures(pj.PJ_SSL_CERT_EIDENTITY_NOT_MATCH) == ["wrong_host"]
    assert verify_failures(pj.PJ_SSL_CERT_EUNTRUSTED) == ["unknown_ca"]
    assert verify_failures(pj.PJ_SSL_CERT_EISSUER_NOT_FOUND | pj.PJ_SSL_CERT_EVALIDITY_PERIOD
                           | pj.PJ_SSL_CERT_EREVOKED) == ["expired", "unknown_ca", "other"]


OFFER = ("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
         "m=audio 4000 RTP/AVP 8 0\r\na=rtpmap:8 PCMA/8000\r\n"
         "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n")


def test_sdp_and_via_parsing():
    from workstation.telephony.security import sdp_audio_crypto, sip_body_sdp, via_transport

    assert sdp_audio_crypto(OFFER) is True
    assert sdp_audio_crypto(OFFER.split("a=crypto")[0]) is False
    assert sdp_audio_crypto(OFFER.replace("m=audio 4000", "m=audio 0")) is None  # refused
    assert sdp_audio_crypto("v=0\r\nm=video 5000 RTP/AVP 96\r\na=crypto:1 x\r\n") is None
    msg = ("SIP/2.0 200 OK\r\nVia: SIP/2.0/TLS 127.0.0.1:5061;branch=z9hG4bK1\r\n"
           "Via: SIP/2.0/UDP 10.0.0.1\r\nContent-Type: application/sdp\r\n\r\n" + OFFER)
    assert via_transport(msg) == "TLS" and sip_body_sdp(msg) == OFFER
    compact = "INVITE sip:a@b SIP/2.0\r\nv: SIP/2.0/udp 1.2.3.4\r\nc: text/plain\r\n\r\nx"
    assert via_transport(compact) == "UDP" and sip_body_sdp(compact) == ""
    assert via_transport("") == ""
