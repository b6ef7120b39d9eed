"""SIP test bed fixtures: real Kamailio and baresip on loopback, the engine on the Qt thread.

Test modules import the fixtures they use: ``from sipbed import engine, peer``
(a module, not a conftest.py: there is one conftest per directory).

Kamailio and the baresip peers are module-scoped (started once per test
module); each test gets its own engine (its own pjsua2 Endpoint), started and
registered, stopped at teardown. Missing kamailio/baresip skips locally and
fails under CI=true (realparts.require_tool).
"""

from __future__ import annotations

import pytest

from realparts import require_tool  # fails under CI=true

USERS = {"manager": "m-secret", "client": "c-secret", "client2": "c2-secret",
         "client3": "c3-secret", "manager2": "m2-secret"}


@pytest.fixture(scope="module")
def kamailio(tmp_path_factory):
    require_tool("kamailio", "baresip")
    from workstation.telephony.testbed import Kamailio

    k = Kamailio(tmp_path_factory.mktemp("kamailio"), users=USERS)
    k.start()
    yield k
    k.kill()


def _peer(tmp_path_factory, kamailio, user: str, **kw):
    from workstation.telephony.testbed import Baresip

    b = Baresip(tmp_path_factory.mktemp(user), user=user, password=USERS[user],
                registrar=kamailio.domain, **kw)
    b.start()
    return b


@pytest.fixture(scope="module")
def peer(tmp_path_factory, kamailio):
    """The client's phone: auto-answers, plays a tone WAV."""
    b = _peer(tmp_path_factory, kamailio, "client")
    yield b
    b.stop()


@pytest.fixture(scope="module")
def peer_manual(tmp_path_factory, kamailio):
    """A phone nobody picks up (answermode=manual)."""
    b = _peer(tmp_path_factory, kamailio, "client2", answermode="manual")
    yield b
    b.stop()


@pytest.fixture(scope="module")
def peer3(tmp_path_factory, kamailio):
    """A second auto-answering phone: the transfer target."""
    b = _peer(tmp_path_factory, kamailio, "client3")
    yield b
    b.stop()


def sip_settings(kamailio, tmp_path, **kw):
    from workstation.telephony.settings import SipSettings

    values = dict(username="manager", password=USERS["manager"], domain=kamailio.domain,
                  bind_address="127.0.0.1", recordings_dir=tmp_path / "recordings",
                  backoff_initial=0.5, backoff_max=2.0, log_level=1)
    values.update(kw)
    return SipSettings(**values)


def start_engine(qtbot, settings, wait_registered: bool = True):
    from workstation.telephony.engine import TelephonyEngine

    engine = TelephonyEngine(settings)
    if wait_registered:
        with qtbot.waitSignal(engine.sig_registration, timeout=10000,
                              check_params_cb=lambda st, code, reason: st == "registered"):
            engine.start()
    else:
        engine.start()
    return engine


@pytest.fixture
def make_engine(qtbot, kamailio, tmp_path):
    engines = []

    def make(wait_registered: bool = True, **kw):
        e = start_engine(qtbot, sip_settings(kamailio, tmp_path, **kw), wait_registered)
        engines.append(e)
        return e

    yield make
    for e in engines:
        e.stop()


@pytest.fixture
def engine(make_engine):
    return make_engine()


class Collector:
    """Keeps every emission of an engine's signals, for assertions after the fact."""

    def __init__(self, engine) -> None:
        self.events: list[tuple[str, tuple]] = []
        for name in ("sig_registration", "sig_incoming", "sig_call_state", "sig_media_active",
                     "sig_recording_finished", "sig_call_stats", "sig_call_ended",
                     "sig_transfer", "sig_ghost_rejected", "sig_hold"):
            getattr(engine, name).connect(lambda *a, n=name: self.events.append((n, a)))

    def of(self, name: str) -> list[tuple]:
        return [a for n, a in self.events if n == name]

    def ended(self, key: str):
        for (rec,) in self.of("sig_call_ended"):
            if rec.call_key == key:
                return rec
        return None


@pytest.fixture
def events(engine):
    return Collector(engine)
