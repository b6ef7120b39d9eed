"""Two lines against real Kamailio + baresip phones: call waiting, answer with hold,
reject, busy, voicemail, swap, a third call, attended transfer, conference."""

from __future__ import annotations


import pytest
from realparts import require
from rtpcapture import LoopbackCapture, can_capture

from lines_bed import (A_HZ, A_NUMBER, B_HZ, B_NUMBER, MIC_HZ, bed, hears, held_silent,  # noqa: F401
                       lines_kamailio, listen, phone_a, phone_b, phone_c, silent_of, voicemail,
                       wait_log)

pytestmark = [pytest.mark.sip, pytest.mark.slow]


def test_second_call_waits_answer_holds_the_first_swap_back(bed, phone_a, phone_b, qtbot):
    require(can_capture(), "a loopback capture needs root or CAP_NET_RAW")
    calls = bed.calls
    waiting = []
    calls.sig_waiting.connect(waiting.append)
    a = bed.ring(phone_a)
    assert a.line == 1 and not a.waiting and calls.active is a
    calls.answer(a)
    bed.wait_media(a)
    before = listen(qtbot, [phone_a], 1.5)[A_NUMBER]
    b = bed.ring(phone_b)
    assert waiting == [b] and b.waiting and b.line == 2
    assert calls.active is a and not a.held  # the first call goes on until B is answered
    mark = len(phone_a.log_text())
    with LoopbackCapture([phone_a.sip_port]) as cap:
        calls.answer(b)
        bed.wait_connected(b)
        assert calls.active is b and a.held and not b.waiting
        wait_log(qtbot, phone_a, r"got re-INVITE", start=mark)
    # the hold re-INVITE reached the first caller: a=sendonly (it may only listen)
    reinvites = [data for _src, dst, data in cap.datagrams + cap.segments
                 if dst == phone_a.sip_port and data.startswith(b"INVITE ")]
    assert reinvites and b"a=sendonly" in reinvites[-1]
    bed.wait_media(b)
    qtbot.wait(500)
    held = listen(qtbot, [phone_a, phone_b], 2.0)
    assert calls.swap() is a
    qtbot.waitUntil(lambda: b.held and not a.held, timeout=5000)
    bed.wait_media(a)
    qtbot.wait(500)
    after = listen(qtbot, [phone_a, phone_b], 1.5)
    calls.hangup(a)
    calls.hangup(b)
    bed.wait_ended(a)
    bed.wait_ended(b)
    assert a.record.sip_status == 200 and b.record.talk_seconds > 0
    # caller A heard the manager before the hold; nothing of the manager nor of
    # caller B while held; the manager again after the swap, when B is held
    assert hears(before, MIC_HZ)
    assert silent_of(held[A_NUMBER], MIC_HZ), "the held caller heard the manager"
    assert silent_of(held[A_NUMBER], B_HZ), "the held caller heard the other line"
    assert hears(held[B_NUMBER], MIC_HZ) and silent_of(held[B_NUMBER], A_HZ)
    assert hears(after[A_NUMBER], MIC_HZ) and silent_of(after[A_NUMBER], B_HZ)
    assert silent_of(after[B_NUMBER], MIC_HZ)


def _two_answered(bed, phone_a, phone_b):
    """A rings and is answered, then B (A goes on hold); their models."""
    a = _answered(bed, phone_a)
    b = bed.ring(phone_b)
    bed.calls.answer(b)
    bed.wait_connected(b)
    bed.wait_media(b)
    return a, b


def _answered(bed, phone):
    m = bed.ring(phone)
    bed.calls.answer(m)
    bed.wait_connected(m)
    bed.wait_media(m)
    return m


def _end_all(bed, *models):
    for m in models:
        bed.calls.hangup(m)
    for m in models:
        bed.wait_ended(m)


@pytest.mark.parametrize("action, code", [("reject", 603), ("busy", 486)])
def test_waiting_call_rejected_or_sent_busy(bed, phone_a, phone_b, qtbot, action, code):
    a = bed.ring(phone_a)
    bed.calls.answer(a)
    bed.wait_media(a)
    mark = len(phone_b.log_text())
    b = bed.ring(phone_b)
    assert b.waiting
    getattr(bed.calls, action)(b)
    bed.wait_ended(b)
    assert b.record.sip_status == code and b.record.talk_seconds == 0
    wait_log(qtbot, phone_b, str(code), start=mark)
    # the first call went on, never held
    assert a.live and not a.held and bed.calls.active is a
    assert not any(k == a.key for k, _held in bed.events.of("sig_hold"))
    _end_all(bed, a)


def test_third_call_gets_busy_here(bed, phone_a, phone_b, phone_c, qtbot):
    a, b = _two_answered(bed, phone_a, phone_b)
    mark = len(phone_c.log_text())
    c = bed.ring(phone_c)
    assert c.line == 0 and not c.waiting
    bed.wait_ended(c)
    assert c.record.sip_status == 486
    wait_log(qtbot, phone_c, r"486 Busy Here", start=mark)
    assert a.live and b.live and bed.calls.active is b
    _end_all(bed, a, b)


def test_voicemail_not_configured_says_so(bed, phone_a, phone_b, qtbot):
    from workstation.telephony.engine import TelephonyError

    a = bed.ring(phone_a)
    bed.calls.answer(a)
    b = bed.ring(phone_b)
    with pytest.raises(TelephonyError, match="[Vv]oicemail"):
        bed.calls.to_voicemail(b)
    assert b.live  # still ringing: nothing was sent
    bed.calls.busy(b)
    _end_all(bed, a, b)


def test_voicemail_by_302_redirect(qtbot, lines_kamailio, tmp_path, phone_a, phone_b):
    require(can_capture(), "a loopback capture needs root or CAP_NET_RAW")
    from lines_bed import LinesBed

    bed = LinesBed(qtbot, lines_kamailio, tmp_path, voicemail_uri="voicemail")
    try:
        a = bed.ring(phone_a)
        bed.calls.answer(a)
        with LoopbackCapture([phone_b.sip_port]) as cap:
            b = bed.ring(phone_b)
            bed.calls.to_voicemail(b)
            bed.wait_ended(b)
            qtbot.waitUntil(lambda: any(d.startswith(b"SIP/2.0 302") for _s, _d, d in
                                        cap.datagrams), timeout=5000)
        redirect = next(d for _s, _d, d in cap.datagrams if d.startswith(b"SIP/2.0 302"))
        assert b"Contact: <sip:voicemail@" + lines_kamailio.domain.encode() in redirect
        assert b.record.sip_status == 302 and a.live and not a.held
        _end_all(bed, a)
    finally:
        bed.close()


def test_voicemail_by_refer(qtbot, lines_kamailio, tmp_path, phone_a, phone_b, voicemail):
    from lines_bed import LinesBed

    bed = LinesBed(qtbot, lines_kamailio, tmp_path, voicemail_uri="voicemail",
                   voicemail_method="refer")
    try:
        a = bed.ring(phone_a)
        bed.calls.answer(a)
        bed.wait_media(a)
        mark = len(voicemail.log_text())
        b = bed.ring(phone_b)
        bed.calls.to_voicemail(b)
        # caller B was REFERred: it calls the voicemail box itself, our leg ends
        wait_log(qtbot, voicemail, rf"Call established: sip:{B_NUMBER}@", start=mark)
        bed.wait_ended(b)
        assert any(key == b.key and final and 200 <= code < 300
                   for key, code, _r, final in bed.events.of("sig_transfer"))
        assert a.live and not a.held  # the manager's call went on undisturbed
        assert b.key not in bed.engine.calls()
        phone_b.command("hangup")
        _end_all(bed, a)
    finally:
        bed.close()


def test_attended_transfer_consult_then_complete(bed, phone_a, phone_b, qtbot):
    calls = bed.calls
    a = _answered(bed, phone_a)
    b = calls.consult(B_NUMBER)  # line 2 calls the colleague; A is held
    assert b.consult_of == a.call_id and b.line == 2 and calls.active is b
    bed.wait_connected(b)
    qtbot.waitUntil(lambda: a.held, timeout=5000)
    assert calls.consultation() == (a, b)
    mark = len(phone_a.log_text())
    calls.complete_transfer()
    # baresip 1.0 has no Replaces support: it places a new call to the Refer-To
    # target, which carries the Replaces header pjsua2 built (REFER/Replaces arrived)
    wait_log(qtbot, phone_a, rf"Call established: sip:{B_NUMBER}@[^\n]*Replaces=", start=mark)
    bed.wait_ended(a)
    bed.wait_ended(b)  # our consultation leg is dropped once the transfer succeeded
    assert a.transferring and a.record.outcome.value == "success"
    assert any(key == a.key and final and 200 <= code < 300
               for key, code, _r, final in bed.events.of("sig_transfer"))
    assert not calls.live()
    phone_a.command("hangup")
    phone_b.command("hangup")


def test_attended_transfer_consult_then_return(bed, phone_a, phone_b, qtbot):
    require(can_capture(), "a loopback capture needs root or CAP_NET_RAW")
    calls = bed.calls
    a = _answered(bed, phone_a)
    mark = len(phone_b.log_text())
    b = calls.consult(B_NUMBER)
    bed.wait_media(b)
    wait_log(qtbot, phone_b, r"incoming rtp for 'audio' established", start=mark)
    consulting = listen(qtbot, [phone_a, phone_b], 1.5)
    calls.return_to_first()
    bed.wait_ended(b)
    qtbot.waitUntil(lambda: not a.held, timeout=5000)
    bed.wait_media(a)
    qtbot.wait(300)
    back = listen(qtbot, [phone_a], 1.5)
    assert calls.active is a and a.live and b.record.talk_seconds > 0
    assert held_silent(consulting[A_NUMBER], MIC_HZ)  # A waited on hold
    assert hears(consulting[B_NUMBER], MIC_HZ)
    assert hears(back[A_NUMBER], MIC_HZ)
    _end_all(bed, a)


def test_conference_everyone_hears_everyone(bed, phone_a, phone_b, qtbot):
    require(can_capture(), "a loopback capture needs root or CAP_NET_RAW")
    import numpy as np

    from lines_bed import tone_rms

    calls = bed.calls
    a, b = _two_answered(bed, phone_a, phone_b)
    assert a.held
    calls.conference()
    qtbot.waitUntil(lambda: not a.held and a.conference and b.conference, timeout=5000)
    bed.wait_media(a)
    qtbot.wait(500)
    t_conf = bed.since()
    heard = listen(qtbot, [phone_a, phone_b], 2.0)
    t_end = bed.since()
    # each caller hears the other caller and the manager
    assert hears(heard[A_NUMBER], B_HZ) and hears(heard[A_NUMBER], MIC_HZ)
    assert hears(heard[B_NUMBER], A_HZ) and hears(heard[B_NUMBER], MIC_HZ)
    # one leg hangs up: the other call goes on with the manager alone
    calls.hangup(b)
    bed.wait_ended(b)
    assert not a.conference and a.live
    qtbot.wait(500)
    alone = listen(qtbot, [phone_a], 1.5)[A_NUMBER]
    assert hears(alone, MIC_HZ) and silent_of(alone, B_HZ)
    _end_all(bed, a)
    x, rate = bed.heard()  # the manager's headset heard both callers
    piece = x[int(t_conf * rate):int(t_end * rate)]
    piece = piece if piece.ndim == 1 else piece[:, 0]
    assert len(piece) > rate and tone_rms(piece, rate, A_HZ) > 0.03
    assert tone_rms(piece, rate, B_HZ) > 0.03 and np.isfinite(piece).all()


def test_answer_and_swap_twenty_times(bed, phone_a, phone_b, qtbot):
    """The two-line flow again and again: no crash, no stuck line, 1 in 20."""
    calls = bed.calls
    for i in range(20):
        a, b = _two_answered(bed, phone_a, phone_b)
        assert a.held and calls.active is b, i
        assert calls.swap() is a
        qtbot.waitUntil(lambda: b.held and not a.held, timeout=5000)
        bed.wait_media(a)
        assert calls.swap() is b
        qtbot.waitUntil(lambda: a.held and not b.held, timeout=5000)
        _end_all(bed, a, b)
        assert a.record.sip_status == 200 and b.record.sip_status == 200, i
        qtbot.waitUntil(lambda: not bed.engine.calls(), timeout=10000)
    assert not calls.live() and calls.active is None
