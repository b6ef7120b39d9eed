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
