import csv
import io
import json
from datetime import datetime, timedelta, timezone

from workstation.store.models import Call, Lead, User


def _seed(store):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    with store.session() as s, s.begin():
        u = User(login="anna", full_name="Anna Test")
        lead = Lead(company="Synthetic Mills LLC")
        s.add_all([u, lead])
        s.flush()
        s.add(Call(user_id=u.id, lead_id=lead.id, direction="out", remote_number="0671234567",
                   remote_e164="+380671234567", started_at=now,
                   answered_at=now + timedelta(seconds=4), ended_at=now + timedelta(seconds=64),
                   sip_status=200, outcome="success", ring_seconds=4, talk_seconds=60,
                   recording_path="/rec/a.wav", pop_latency_ms=12.5, codec="PCMA",
                   rtp_jitter_ms=4.26, rtp_loss_pct=0.125, media_security="srtp",
                   signalling_tls=True))
        s.add(Call(user_id=u.id, direction="in", remote_number="0501112233",
                   remote_e164="+380501112233", started_at=now - timedelta(days=3),
                   sip_status=486, outcome="busy", ring_seconds=2, talk_seconds=0))
    return now


def test_calls_csv_today(cli, store):
    _seed(store)
    code, out, err = cli("calls", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1
    r = rows[0]
    assert r["company"] == "Synthetic Mills LLC" and r["manager"] == "anna"
    assert r["outcome"] == "success" and r["sip_status"] == "200"
    assert float(r["talk_seconds"]) == 60 and float(r["ring_seconds"]) == 4
    assert r["recording"] == "/rec/a.wav" and float(r["pop_latency_ms"]) == 12.5
    assert (r["codec"], r["jitter_ms"], r["loss_pct"]) == ("PCMA", "4.3", "0.12")
    assert (r["media_security"], r["signalling_tls"]) == ("srtp", "true")


def test_calls_json_range(cli, store):
    now = _seed(store)
    first = (now - timedelta(days=5)).astimezone().date().isoformat()
    code, out, _ = cli("calls", "--from", first, "--to", now.astimezone().date().isoformat(),
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [d["outcome"] for d in data] == ["busy", "success"]
    assert data[0]["lead_id"] == "" and data[0]["company"] == ""
    # a call logged before security was recorded: unknown, not "insecure"
    assert (data[0]["media_security"], data[0]["signalling_tls"]) == ("", None)
    assert (data[1]["codec"], data[1]["signalling_tls"], data[1]["jitter_ms"]) == ("PCMA", True, 4.3)


def test_calls_bad_dates(cli, store):
    code, _, err = cli("calls", "--from", "23.11.2026")
    assert code == 2 and "--from" in err and "YYYY-MM-DD" in err
    code, _, err = cli("calls", "--from", "2026-11-23", "--to", "2026-11-01")
    assert code == 2 and "before" in err
