"""Leases in the shared database; recordings compressed, uploaded, resumed."""

from __future__ import annotations

import hashlib
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from workstation.store.models import Call, RecordingUpload
from workstation.store.types import utcnow

pytestmark = pytest.mark.pg


def test_lease_is_exclusive_and_expires(shared_db):
    from workstation.sync import leases

    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    lead = shared_db.add_pool_lead(alice)
    ea, eb = shared_db.engine(alice.url), shared_db.engine(bob.url)
    mine = leases.acquire(ea, lead, seconds=2)
    assert mine.mine and mine.holder == alice.login
    with pytest.raises(leases.LeaseBusy) as busy:
        leases.acquire(eb, lead)
    assert busy.value.lease.holder == alice.login
    assert leases.busy_leads(eb) == {lead: alice.login}
    assert leases.acquire(ea, lead, seconds=2).mine  # extending our own hold
    time.sleep(2.2)  # the lease runs out by itself
    assert leases.current(eb, lead) is None
    assert leases.acquire(eb, lead).holder == bob.login
    assert not leases.release(ea, lead)  # not alice's any more
    assert leases.release(eb, lead)


def _speech_wav(path: Path, words: str) -> None:
    subprocess.run(["espeak-ng", "-w", str(path), words], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Cut(Exception):
    """The connection dropped in the middle of an upload."""


def test_recording_upload_cut_halfway_resumes_and_checksum_matches(
        shared_db, make_workstation, tmp_path, require_part):
    import shutil

    from workstation.sync.recordings import RecordingUploader, fetch, recording_id

    require_part(shutil.which("espeak-ng") is not None, "espeak-ng is not installed")
    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    a = make_workstation(alice)
    wav = tmp_path / "call.wav"
    _speech_wav(wav, "Good morning, this is the sales department calling about your order. "
                     "We have a new offer for your company this month.")
    sent: list[int] = []

    def cut_after_two(_rec, idx):
        sent.append(idx)
        if len(sent) == 2:
            raise Cut()

    up = RecordingUploader(chunk_size=4096, on_chunk=cut_after_two)
    a.syncer.recordings = up
    a.sync()  # users arrive
    with a.session() as s, s.begin():
        call = Call(user_id=alice.id, direction="out", recording_path=str(wav), ended_at=utcnow())
        s.add(call)
    with pytest.raises(Cut):
        a.sync()
    assert sent == [0, 1] and wav.exists()  # not confirmed: the WAV stays
    sent.clear()
    up.on_chunk = lambda _r, idx: sent.append(idx)
    report = a.sync()  # resumed
    assert report.recordings["uploaded"] == 1
    with a.session() as s:
        rec = s.scalar(select(RecordingUpload))
    n_chunks = -(-rec.size // 4096)
    assert n_chunks > 3 and sent == list(range(2, n_chunks))  # only the missing chunks
    stored = fetch(a.shared, recording_id(call.id))
    local = Path(rec.stored_path).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(local).hexdigest() == rec.sha256
    assert rec.state == "confirmed" and not wav.exists()  # WAV removed after confirmation
    assert fetch(shared_db.engine(bob.url), recording_id(call.id)) == b""  # not bob's
    up.keep_days = 0
    assert a.sync().recordings["removed"] == 1
    assert not Path(rec.stored_path).exists()
