"""The SIP password is offered to the account's realm only (issue 14, item 12).

Real Kamailio on loopback: the usual PBX challenges with the domain's host
(``127.0.0.1``, the default ``sip.realm``); a second one challenges with another
realm. pjsip's own log of what it sent (level 5: every SIP message) shows
whether an Authorization header, the digest of the password, went out.
"""

from __future__ import annotations

import logging
import re

import pytest

from sipbed import USERS, Collector, kamailio, make_engine  # noqa: F401
from realparts import require_tool

pytestmark = [pytest.mark.sip, pytest.mark.slow]
PJLOG = "workstation.telephony.pjsip"


@pytest.fixture(scope="module")
def foreign_pbx(tmp_path_factory):
    require_tool("kamailio")
    from workstation.telephony.testbed import Kamailio

    k = Kamailio(tmp_path_factory.mktemp("realm-pbx"), users=USERS, realm="pbx.example")
    k.start()
    yield k
    k.kill()


def sent_registers(caplog) -> list[str]:
    """The REGISTER requests pjsip logged as sent."""
    return [r.getMessage() for r in caplog.records
            if r.name == PJLOG and "TX" in r.getMessage() and "REGISTER sip:" in r.getMessage()]


def test_default_realm_is_the_domain_host_and_registers(make_engine, kamailio, caplog):
    caplog.set_level(logging.DEBUG, logger=PJLOG)
    e = make_engine(log_level=5)
    assert e.settings.auth_realm == "127.0.0.1"
    assert e.registration_state == "registered"
    auth = [m for m in sent_registers(caplog) if "Authorization:" in m]
    assert auth and all('realm="127.0.0.1"' in m for m in auth)
    assert USERS["manager"] not in "\n".join(sent_registers(caplog))


def test_another_realm_gets_no_digest(make_engine, foreign_pbx, qtbot, caplog):
    """The PBX challenges with realm pbx.example; the account's realm is 127.0.0.1:
    registration fails and no REGISTER carries credentials."""
    caplog.set_level(logging.DEBUG, logger=PJLOG)
    e = make_engine(wait_registered=False, domain=foreign_pbx.domain, log_level=5,
                    backoff_initial=5.0)
    ev = Collector(e)
    qtbot.waitUntil(lambda: any(a[0] == "failed" for a in ev.of("sig_registration")),
                    timeout=10000)
    assert e.registration_state != "registered"
    sent = sent_registers(caplog)
    assert sent, "pjsip logged no REGISTER"
    assert not [m for m in sent if re.search(r"(?im)^(proxy-)?authorization:", m)]


def test_the_pbx_realm_set_in_sip_realm_registers(make_engine, foreign_pbx, caplog):
    caplog.set_level(logging.DEBUG, logger=PJLOG)
    e = make_engine(domain=foreign_pbx.domain, realm="pbx.example", log_level=5)
    assert e.registration_state == "registered"
    assert any('realm="pbx.example"' in m for m in sent_registers(caplog))


def test_realm_from_config(config):
    from workstation.telephony.settings import SipSettings

    config.set("sip.username", "anna")
    config.set("sip.domain", "sip:pbx.example:5061;transport=tls")
    assert SipSettings.from_config(config).auth_realm == "pbx.example"
    config.set("sip.realm", "asterisk")
    assert SipSettings.from_config(config).auth_realm == "asterisk"
    assert SipSettings(domain="[::1]:5060").auth_realm == "[::1]"
