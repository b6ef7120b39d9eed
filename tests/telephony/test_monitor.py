"""Live listen / whisper / barge with three real parties through the real Kamailio.

* the client: a pjsua2 child process (the product's engine), auto-answers, plays 500 Hz;
* the manager: the app's TelephonyEngine + MonitorHub in this process, plays 900 Hz;
* the supervisor: another pjsua2 child process, its MonitorHub dials the manager
  with the monitoring header and a token from the real shared database; plays 1400 Hz.

Each party keeps what it hears (time-stamped on one clock); per mode the test
cuts the same window out of all three and asks the FFT who heard which tone.
The manager's hub verifies the token with ``services.monitor.check_token`` as
the manager's own login against a real PostgreSQL cluster.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import text

from monitor_party import ChildParty, TonePort, attach_port, read_wav, tone_level
from workstation.telephony.monitor import HEADER
from realparts import require_tool
from sipbed import sip_settings, start_engine
from sync.pgfixtures import pg_cluster, pg_template, shared_db  # noqa: F401

pytestmark = [pytest.mark.sip, pytest.mark.pg, pytest.mark.slow]

SRC = Path(__file__).resolve().parents[2] / "src"
USERS = {"manager": "m-secret", "client": "c-secret", "supervisor": "s-secret",
         "intruder": "i-secret"}
F_CLIENT, F_MANAGER, F_SUPERVISOR = 500.0, 900.0, 1400.0
HEARD, SILENT = 0.03, 0.006  # tone RMS (full scale 1; played at 0.18 RMS)
WINDOW = 2.0


@pytest.fixture(scope="module")
def kamailio(tmp_path_factory):
    require_tool("kamailio")
    from workstation.telephony.testbed import Kamailio

    k = Kamailio(tmp_path_factory.mktemp("kamailio"), users=USERS)
    k.start()
    yield k
    k.kill()


def child(kamailio, tmp_path_factory, user, freq, *flags, env=None) -> ChildParty:
    d = tmp_path_factory.mktemp(f"party-{user}")
    p = ChildParty(user, USERS[user], kamailio.domain, freq, *flags, src=SRC,
                   log=d / "party.log", env=env)
    p.wait(r"^REG registered", timeout=30)
    return p


@pytest.fixture(scope="module")
def client(kamailio, tmp_path_factory):
    p = child(kamailio, tmp_path_factory, "client", F_CLIENT, "--auto-answer")
    yield p
    p.close()


@pytest.fixture(scope="module")
def supervisor(kamailio, tmp_path_factory):
    p = child(kamailio, tmp_path_factory, "supervisor", F_SUPERVISOR)
    yield p
    p.close()


class Team:
    """The shared database's people: the supervisor, the manager (this workstation)."""

    def __init__(self, shared_db) -> None:
        self.db = shared_db
        self.sup = shared_db.add_user("sup", "supervisor")
        self.mgr = shared_db.add_user("mgr", "manager")
        self.other = shared_db.add_user("oth", "manager")
        with shared_db.engine().begin() as c:
            for m, sip, name in ((self.sup, "supervisor", "Svetlana Sup"),
                                 (self.mgr, "manager", "Mark Manager"),
                                 (self.other, "intruder", "Ivan Other")):
                c.execute(text("UPDATE users SET sip_username = :s, full_name = :n "
                               "WHERE id = :i"), {"s": sip, "n": name, "i": m.id})
        self.sup_engine = shared_db.engine(self.sup.url)
        self.mgr_engine = shared_db.engine(self.mgr.url)

    def token(self, target=None) -> str:
        from workstation.services.monitor import request_token

        return request_token(None, (target or self.mgr).id, engine=self.sup_engine)


@pytest.fixture
def team(shared_db):
    return Team(shared_db)


@pytest.fixture
def manager(qtbot, kamailio, tmp_path, team, request):
    from workstation.services.context import Context, SignedInUser
    from workstation.views.monitor import MonitorFeature, MonitorIndicator

    for name in ("client", "supervisor"):  # their waits keep this Qt loop running
        if name in request.fixturenames:
            request.getfixturevalue(name).pump = lambda: qtbot.wait(10)

    engine = start_engine(qtbot, sip_settings(kamailio, tmp_path, record_calls=False,
                                              codecs=["PCMU/8000", "PCMA/8000"], poll_ms=2))
    port = TonePort(F_MANAGER).create("manager")
    attach_port(engine, port)
    # the app's feature: the hub, token checks through services.monitor (off the GUI
    # thread, as the manager's own login), the status-bar indicator
    ctx = Context(None, SignedInUser(id=team.mgr.id, login=team.mgr.login, role="manager"),
                  settings={"db.shared_url": team.mgr.url})
    indicator = MonitorIndicator()
    qtbot.addWidget(indicator)
    indicator.show()
    feature = MonitorFeature(ctx, engine, indicator)
    hub = feature.hub
    events: list[tuple] = []
    hub.sig_session.connect(lambda *a: events.append(("session",) + a))
    hub.sig_refused.connect(lambda *a: events.append(("refused",) + a))
    engine.sig_incoming.connect(lambda inc: events.append(("incoming", inc.call_key)))
    yield engine, hub, port, events
    feature.shutdown()
    engine.audio_attach = engine.audio_detach = None
    for party in ("client", "supervisor"):
        if party in request.fixturenames:
            request.getfixturevalue(party).pump = None
    engine.stop()
    # pytest still holds the port (the fixture's value): leak it rather than let its
    # destructor reach the conference bridge after libDestroy (that aborts)
    port.this.disown()


def call_client(qtbot, engine) -> str:
    with qtbot.waitSignal(engine.sig_media_active, timeout=15000) as blocker:
        engine.dial("client")
    return blocker.args[0]


def wait_session(qtbot, events, state, mode=None, timeout=15000):
    def ok():
        assert any(e[0] == "session" and e[3] == state and (mode is None or e[4] == mode)
                   for e in events), events
    qtbot.waitUntil(ok, timeout=timeout)


def levels(qtbot, port, client, supervisor, tmp_path, tag) -> dict[str, dict[str, float]]:
    """What each party heard in the same window: tone RMS per frequency."""
    qtbot.wait(1200)  # let the bridge settle after a (re)connection
    t0 = time.monotonic()
    qtbot.wait(int(WINDOW * 1000))
    t1 = time.monotonic()
    heard = {"manager": port.heard(t0, t1)}
    for name, p in (("client", client), ("supervisor", supervisor)):
        path = tmp_path / f"{tag}-{name}.wav"
        p.ask(f"dump {t0} {t1} {path}", r"^DUMPED")
        heard[name] = read_wav(path)
    out = {}
    for name, samples in heard.items():
        assert len(samples) > 0.3 * WINDOW * 16000, (name, len(samples))  # frames kept
        out[name] = {who: tone_level(samples, f) for who, f in
                     (("client", F_CLIENT), ("manager", F_MANAGER),
                      ("supervisor", F_SUPERVISOR))}
    return out


EXPECT = {  # mode -> party -> tones it must hear (every other tone: silent)
    "listen": {"supervisor": {"client", "manager"}, "manager": {"client"},
               "client": {"manager"}},
    "whisper": {"supervisor": {"client", "manager"}, "manager": {"client", "supervisor"},
                "client": {"manager"}},
    "barge": {"supervisor": {"client", "manager"}, "manager": {"client", "supervisor"},
              "client": {"manager", "supervisor"}},
}


def assert_hearing(got, mode):
    print(mode, {p: {k: round(v, 4) for k, v in t.items()} for p, t in got.items()})
    for party, tones in got.items():
        for tone, level in tones.items():
            if tone == party:
                continue  # nobody hears their own tone (no sidetone); checked apart
            if tone in EXPECT[mode][party]:
                assert level > HEARD, f"{mode}: {party} should hear {tone}: {got}"
            else:
                assert level < SILENT, f"{mode}: {party} must not hear {tone}: {got}"


def test_listen_whisper_barge_who_hears_whom(qtbot, manager, client, supervisor, team,
                                             tmp_path):
    engine, hub, port, events = manager
    line = call_client(qtbot, engine)
    # the line carries both tones before anyone monitors
    supervisor.ask(f"monitor manager listen {team.token()}", r"^STARTED")
    supervisor.wait(r"^SESSION \S+ supervising active listen")
    wait_session(qtbot, events, "active", "listen")
    session = hub.active("monitored")[0]
    assert session.peer == "Svetlana Sup" and session.target == line
    assert not [e for e in events if e[0] == "incoming"], "a monitor INVITE became a line"
    assert set(engine.calls()) == {line}
    indicator = hub.parent().indicator  # the manager is told, by name and mode
    qtbot.waitUntil(lambda: indicator.isVisible() and "Svetlana Sup" in indicator.label.text()
                    and "listening" in indicator.label.text(), timeout=5000)
    assert not indicator.button.isVisible()  # the manager cannot steer the supervisor

    assert sorted(hub.links(session.key)) == [("client", "supervisor"),
                                              ("manager", "supervisor")]
    got = levels(qtbot, port, client, supervisor, tmp_path, "listen")
    assert_hearing(got, "listen")
    assert got["supervisor"]["supervisor"] < SILENT  # no echo of itself either

    for mode in ("whisper", "barge", "listen"):
        mark = supervisor.mark()
        supervisor.send(f"mode {mode}")
        supervisor.wait(rf"^SESSION \S+ supervising active {mode}", start=mark)
        qtbot.waitUntil(lambda m=mode: hub.active("monitored")[0].mode == m, timeout=15000)
        got = levels(qtbot, port, client, supervisor, tmp_path, mode)
        assert_hearing(got, mode)
        links = set(hub.links(session.key))
        assert (("supervisor", "manager") in links) == (mode != "listen")
        assert (("supervisor", "client") in links) == (mode == "barge")
        word = {"listen": "listening", "whisper": "whispering", "barge": "joined"}[mode]
        qtbot.waitUntil(lambda w=word: word in indicator.label.text(), timeout=5000)

    # the manager mutes: nobody hears the microphone, the supervisor neither
    engine.set_mute(line, True)
    got = levels(qtbot, port, client, supervisor, tmp_path, "muted")
    assert got["supervisor"]["manager"] < SILENT and got["client"]["manager"] < SILENT, got
    assert got["supervisor"]["client"] > HEARD, got
    engine.set_mute(line, False)
    got = levels(qtbot, port, client, supervisor, tmp_path, "unmuted")
    assert got["supervisor"]["manager"] > HEARD, got

    # the manager's call ends: the monitoring session ends with it
    mark = supervisor.mark()
    engine.hangup(line)
    supervisor.wait(r"^SESSION \S+ supervising ended", start=mark)
    wait_session(qtbot, events, "ended")
    qtbot.waitUntil(lambda: not hub.sessions, timeout=10000)
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=5000)


def test_requests_without_a_good_token_are_refused_without_a_sound(qtbot, manager, client,
                                                                   supervisor, team):
    engine, hub, port, events = manager
    call_client(qtbot, engine)
    # a token made for a colleague, presented at this workstation
    mark = supervisor.mark()
    supervisor.send(f"monitor manager listen {team.token(team.other)}")
    supervisor.wait(r"^REFUSED \S+ 403", start=mark)
    qtbot.waitUntil(lambda: any(e[0] == "refused" and "someone else" in e[2] for e in events),
                    timeout=10000)
    # a forged one
    good = team.token()
    forged = good[:-1] + ("0" if good[-1] != "0" else "1")
    mark = supervisor.mark()
    supervisor.send(f"monitor manager barge {forged}")
    supervisor.wait(r"^REFUSED \S+ 403", start=mark)
    # the genuine token, used once: accepted; the same token again: refused
    mark = supervisor.mark()
    supervisor.send(f"monitor manager listen {good}")
    supervisor.wait(r"^SESSION \S+ supervising active listen", start=mark)
    mark = supervisor.mark()
    supervisor.send("stop")
    supervisor.wait(r"^SESSION \S+ supervising ended", start=mark)
    mark = supervisor.mark()
    supervisor.send(f"monitor manager listen {good}")
    supervisor.wait(r"^REFUSED \S+ 403", start=mark)
    qtbot.waitUntil(lambda: any(e[0] == "refused" and "already used" in e[2] for e in events),
                    timeout=10000)
    assert not [e for e in events if e[0] == "incoming"]
    assert len(engine.calls()) == 1


def test_no_call_no_monitoring(qtbot, manager, supervisor, team):
    engine, hub, port, events = manager
    mark = supervisor.mark()
    supervisor.send(f"monitor manager listen {team.token()}")
    supervisor.wait(r"^REFUSED \S+ 480", start=mark)
    assert not engine.calls() and not [e for e in events if e[0] == "incoming"]


def test_twenty_sessions_in_a_row(qtbot, manager, client, supervisor, team):
    engine, hub, port, events = manager
    call_client(qtbot, engine)
    for i in range(20):
        mode = ("listen", "whisper", "barge")[i % 3]
        mark = supervisor.mark()
        supervisor.send(f"monitor manager {mode} {team.token()}")
        supervisor.wait(rf"^SESSION \S+ supervising active {mode}", start=mark)
        qtbot.waitUntil(lambda: len(hub.active("monitored")) == 1, timeout=15000)
        s = hub.active("monitored")[0]  # mixed into the line, as the mode says
        qtbot.waitUntil(lambda s=s: len(s.links) == {"listen": 2, "whisper": 3, "barge": 4}[mode],
                        timeout=15000)
        mark = supervisor.mark()
        supervisor.send("stop")
        supervisor.wait(r"^SESSION \S+ supervising ended", start=mark)
        qtbot.waitUntil(lambda: not hub.sessions, timeout=15000)
    assert len(engine.calls()) == 1 and engine.registration_state == "registered"
    assert sum(1 for e in events if e[0] == "session" and e[3] == "active") == 20
    assert supervisor.proc.poll() is None and client.proc.poll() is None


def raw_invite(src: str, dst_port: int, header: str) -> bytes:
    """A monitoring INVITE sent straight to the manager's workstation (not via the PBX)."""
    import socket
    import uuid

    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((src, 0))
    port = s.getsockname()[1]
    sdp = (f"v=0\r\no=- 1 1 IN IP4 {src}\r\ns=-\r\nc=IN IP4 {src}\r\nt=0 0\r\n"
           f"m=audio {port + 2} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n")
    msg = (f"INVITE sip:manager@127.0.0.1:{dst_port} SIP/2.0\r\n"
           f"Via: SIP/2.0/UDP {src}:{port};branch=z9hG4bK{uuid.uuid4().hex[:10]};rport\r\n"
           f"Max-Forwards: 70\r\nFrom: <sip:supervisor@127.0.0.1>;tag={uuid.uuid4().hex[:8]}\r\n"
           f"To: <sip:manager@127.0.0.1>\r\nCall-ID: {uuid.uuid4().hex}\r\nCSeq: 1 INVITE\r\n"
           f"Contact: <sip:supervisor@{src}:{port}>\r\n{HEADER}: {header}\r\n"
           f"Content-Type: application/sdp\r\nContent-Length: {len(sdp)}\r\n\r\n{sdp}")
    s.sendto(msg.encode(), ("127.0.0.1", dst_port))
    s.settimeout(0.05)
    return s


def test_a_monitoring_invite_from_outside_the_pbx_is_a_ghost(qtbot, manager, client, team):
    engine, hub, port, events = manager
    call_client(qtbot, engine)  # a call to monitor, and a genuine token: still a ghost
    ghosts = []
    engine.sig_ghost_rejected.connect(ghosts.append)
    sock = raw_invite("127.0.0.2", engine.transport_port("udp"), f"mode=listen; token={team.token()}")
    answers = b""

    def answered():
        nonlocal answers
        try:
            answers += sock.recv(65536)
        except OSError:
            pass
        assert b"SIP/2.0 403" in answers

    qtbot.waitUntil(answered, timeout=10000)
    sock.close()
    assert ghosts and ghosts[0].startswith("127.0.0.2:")
    assert not hub.sessions and not [e for e in events if e[0] in ("session", "incoming")]
    assert len(engine.calls()) == 1


def test_supervisor_starts_from_a_live_calls_menu_and_steers_from_the_indicator(
        qtbot, kamailio, client, tmp_path_factory, tmp_path, team, store):
    """The supervisor's side as the app runs it: offer_actions -> MonitorFeature.start
    (services: the target's SIP account from the local store, a token from the shared
    database, off the GUI thread) -> MonitorHub.start; the manager is a child process
    checking the token as its own login."""
    from PySide6.QtWidgets import QMenu

    from workstation.services.context import Context, SignedInUser
    from workstation.store.models import User
    from workstation.views.monitor import MonitorFeature, MonitorIndicator, offer_actions

    mgr = child(kamailio, tmp_path_factory, "manager", F_MANAGER,
                env={"MONITOR_PARTY_DB_URL": team.mgr.url})
    engine = port = feature = None
    try:
        for p in (mgr, client):
            p.pump = lambda: qtbot.wait(10)
        mgr.ask("dial client", r"^MEDIA", timeout=20)
        engine = start_engine(qtbot, sip_settings(
            kamailio, tmp_path, username="supervisor", password=USERS["supervisor"],
            record_calls=False, codecs=["PCMU/8000", "PCMA/8000"], poll_ms=2))
        port = TonePort(F_SUPERVISOR).create("supervisor")
        attach_port(engine, port)
        with store.session() as s, s.begin():  # the team, as sync has pulled it
            s.add(User(id=team.mgr.id, login=team.mgr.login, full_name="Mark Manager",
                       role="manager", sip_username="manager"))
        ctx = Context(store, SignedInUser(id=team.sup.id, login=team.sup.login,
                                          role="supervisor"),
                      settings={"db.shared_url": team.sup.url})
        indicator = MonitorIndicator()
        qtbot.addWidget(indicator)
        indicator.show()
        feature = MonitorFeature(ctx, engine, indicator)
        menu = QMenu()
        qtbot.addWidget(menu)
        acts = {a.objectName(): a for a in offer_actions(menu, ctx, team.mgr.id)}
        assert set(acts) == {"monitor_listen", "monitor_whisper", "monitor_barge"}
        mark = mgr.mark()
        acts["monitor_whisper"].trigger()
        mgr.wait(r"^SESSION \S+ monitored active whisper Svetlana Sup", start=mark)
        qtbot.waitUntil(lambda: "Whispering to Mark Manager" in indicator.label.text(),
                        timeout=10000)
        assert indicator.button.isVisible()

        def heard(tag):
            qtbot.wait(1200)
            t0 = time.monotonic()
            qtbot.wait(int(WINDOW * 1000))
            t1 = time.monotonic()
            path = tmp_path / f"{tag}-manager.wav"
            mgr.ask(f"dump {t0} {t1} {path}", r"^DUMPED")
            cpath = tmp_path / f"{tag}-client.wav"
            client.ask(f"dump {t0} {t1} {cpath}", r"^DUMPED")
            return port.heard(t0, t1), read_wav(path), read_wav(cpath)

        sup, man, cli = heard("whisper")
        assert tone_level(sup, F_MANAGER) > HEARD and tone_level(sup, F_CLIENT) > HEARD
        assert tone_level(man, F_SUPERVISOR) > HEARD and tone_level(cli, F_SUPERVISOR) < SILENT
        # barge, from the indicator's menu: now the client hears the supervisor too
        mark = mgr.mark()
        indicator.mode_actions["barge"].trigger()
        mgr.wait(r"^SESSION \S+ monitored active barge", start=mark)
        qtbot.waitUntil(lambda: "Barged in on Mark Manager" in indicator.label.text(),
                        timeout=10000)
        sup, man, cli = heard("barge")
        assert tone_level(cli, F_SUPERVISOR) > HEARD and tone_level(man, F_SUPERVISOR) > HEARD
        # stop, from the indicator
        mark = mgr.mark()
        indicator.stop_action.trigger()
        mgr.wait(r"^SESSION \S+ monitored ended", start=mark)
        qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=10000)
    finally:
        if feature is not None:
            feature.shutdown()
        if engine is not None:
            engine.audio_attach = engine.audio_detach = None
            engine.stop()
        if port is not None:
            port.this.disown()
        client.pump = None
        mgr.close()
