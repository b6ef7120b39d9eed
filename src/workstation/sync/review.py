"""Review checks against the shared store: missing recordings, retention.

Both run as the signed-in login, so row-level security limits them to what
that login may see (a supervisor: their team's calls and recordings).

Missing recordings: every call that should have a recording (answered, talk
time > 0, recorded by its workstation: ``calls.recording_expected``, or a
recording path on older rows) ended at least ``grace`` ago is checked
against ``recordings`` / ``recording_chunks``:

* ``no_file``      no recording reached the shared store (and retention did not remove it);
* ``zero_length``  the stored file or its chunks hold no bytes;
* ``short``        the stored audio is shorter than the call's talk time;
* ``checksum``     every chunk is there but the whole file's SHA-256 differs
                   (``verify``: also recomputed for confirmed files);
* ``upload_stuck`` the upload began and was not confirmed within ``stuck``;
* ``no_call``      a stored file whose call is not in the shared database.

The workstation's own report (``services.review.report_stuck_uploads``) adds
what only it knows: uploads still pending locally.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from workstation.store import review as review_store
from workstation.store.models import User

SHARED_REASONS = ("no_file", "zero_length", "short", "checksum", "upload_stuck", "no_call")


def short_by(talk: float) -> float:
    """How much shorter than the talk time a recording may be (clock skew, the
    last packets): 2 s or 5 %, whichever is more."""
    return max(2.0, 0.05 * talk)


@dataclass
class MissingReport:
    flags: list[dict] = field(default_factory=list)
    checked: set = field(default_factory=set)
    """Calls (and files) the check looked at."""
    fine: set = field(default_factory=set)
    """Calls whose recording is complete and sound."""

    def per_workstation(self) -> Counter:
        return Counter(f["workstation"] for f in self.flags)

    def per_reason(self) -> Counter:
        return Counter(f["reason"] for f in self.flags)


CALLS_SQL = """
SELECT c.id, c.talk_seconds, coalesce(u.login, '') AS login,
       r.id AS rid, r.size, r.sha256, r.chunk_count, r.duration_s, r.complete,
       r.created_at < now() - make_interval(secs => :stuck) AS stale,
       (SELECT count(*) FROM recording_chunks k WHERE k.recording_id = r.id) AS nchunks,
       (SELECT coalesce(sum(octet_length(k.data)), 0) FROM recording_chunks k
         WHERE k.recording_id = r.id) AS nbytes,
       EXISTS (SELECT 1 FROM recording_purges p WHERE p.call_id = c.id) AS purged
  FROM calls c
  LEFT JOIN users u ON u.id = c.user_id
  LEFT JOIN recordings r ON r.call_id = c.id
 WHERE NOT c.deleted AND c.answered_at IS NOT NULL AND coalesce(c.talk_seconds, 0) > 0
   AND (c.recording_expected IS TRUE
        OR (c.recording_expected IS NULL AND c.recording_path <> ''))
   AND coalesce(c.ended_at, c.started_at) < now() - make_interval(secs => :grace)
"""

DIGEST_SQL = """
SELECT encode(sha256(string_agg(data, ''::bytea ORDER BY idx)), 'hex')
  FROM recording_chunks WHERE recording_id = :r
"""

ORPHANS_SQL = """
SELECT r.id, r.call_id, r.owner_login FROM recordings r
 WHERE NOT EXISTS (SELECT 1 FROM calls c WHERE c.id = r.call_id)
   AND r.created_at < now() - make_interval(secs => :grace)
"""


def check_missing(shared: Engine, *, grace: timedelta = timedelta(hours=1),
                  stuck: timedelta = timedelta(hours=24), verify: bool = False,
                  cancel=None) -> MissingReport:
    """What should be in the shared store and is not (see the module's list)."""
    rep = MissingReport()
    params = {"grace": grace.total_seconds(), "stuck": stuck.total_seconds()}

    def flag(call_id, rid, reason, login, detail):
        rep.flags.append({"call_id": call_id, "recording_id": rid, "reason": reason,
                          "workstation": login, "detail": detail})

    with shared.connect() as sc:
        for r in sc.execute(text(CALLS_SQL), params):
            if cancel is not None and cancel.is_set():
                break
            rep.checked.add(r.id)
            talk = float(r.talk_seconds or 0)
            if r.rid is None:
                if not r.purged:
                    flag(r.id, None, "no_file", r.login,
                         f"talk {talk:.0f} s; no recording in the shared store")
                else:
                    rep.fine.add(r.id)  # removed by retention: nothing is missing
                continue
            if not r.size or not r.nbytes:
                flag(r.id, r.rid, "zero_length", r.login,
                     f"size {r.size or 0} bytes, chunks {r.nchunks} holding {r.nbytes} bytes")
                continue
            if not r.complete:
                if r.nchunks >= r.chunk_count:
                    digest = sc.scalar(text(DIGEST_SQL), {"r": r.rid})
                    if digest != (r.sha256 or "").lower():
                        flag(r.id, r.rid, "checksum", r.login,
                             f"all {r.nchunks} chunks stored; SHA-256 {digest} "
                             f"instead of {r.sha256}")
                        continue
                if r.stale:
                    flag(r.id, r.rid, "upload_stuck", r.login,
                         f"{r.nchunks} of {r.chunk_count} chunks, not confirmed")
                continue
            if r.duration_s is not None and r.duration_s + short_by(talk) < talk:
                flag(r.id, r.rid, "short", r.login,
                     f"recording {r.duration_s:.1f} s, talk {talk:.1f} s")
                continue
            if verify:
                digest = sc.scalar(text(DIGEST_SQL), {"r": r.rid})
                if digest != (r.sha256 or "").lower():
                    flag(r.id, r.rid, "checksum", r.login,
                         f"SHA-256 {digest} instead of {r.sha256}")
                    continue
            rep.fine.add(r.id)
        for r in sc.execute(text(ORPHANS_SQL), params):
            rep.checked.add(r.id)
            flag(None, r.id, "no_call", r.owner_login,
                 f"recording of call {r.call_id}: the call is not in the shared database")
    return rep


@dataclass(frozen=True)
class RetentionRow:
    recording_id: object
    call_id: object
    size: int
    recorded_at: object
    action: str
    """'deleted', 'would_delete' (a dry run) or 'kept' (in review or disputed)."""


def retention(shared: Engine, days: int | None = None, apply: bool = False
              ) -> list[RetentionRow]:
    """Recordings older than ``days`` (None: the admin's shared setting) leave
    the shared store (``apply``), their calls and reviews stay. Admins only
    (the server refuses anybody else)."""
    with shared.begin() as sc:
        rows = sc.execute(text("SELECT * FROM ws_apply_retention(:d, :a)"),
                          {"d": days, "a": apply}).all()
    return [RetentionRow(*r) for r in rows]


def scheduled_retention(shared: Engine, local: Engine, uid) -> int | None:
    """The retention the admin set, applied by the admin's own workstation (its sync
    worker calls this every few hours): recordings older than the setting leave the
    shared store, nobody has to remember to press the button. Returns how many were
    deleted; None when it is not this workstation's job (not an admin, no setting)."""
    if uid is None:
        return None
    with Session(local) as s:
        role = s.scalar(select(User.role).where(User.id == uid))
        days = review_store.retention_days(s)
    if role != "admin" or days is None:
        return None
    return sum(r.action == "deleted" for r in retention(shared, days, apply=True))
