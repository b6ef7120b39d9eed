"""Shared-database helpers for the review tests: a team of real logins, calls
and recordings written as the schema owner (what workstations' pushes and
uploads would leave), plain psycopg connections as each login."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import text

# a plain psycopg connection as a login, and "this must be refused": the attack tests' own
from sync.test_security_attacks import DENIED, connect, refused  # noqa: F401


def owner_exec(shared_db, sql: str, **params):
    with shared_db.engine().begin() as c:
        return c.execute(text(sql), params)


def add_call(shared_db, member, *, talk=60.0, recorded=True, ended_ago_s=7200,
             outcome="success") -> uuid.UUID:
    cid = uuid.uuid4()
    owner_exec(shared_db, """
        INSERT INTO calls (id, user_id, direction, local_number, remote_number, remote_e164,
            sip_call_id, started_at, answered_at, ended_at, sip_reason, codec, recording_path,
            refusal_reason, notes, effective, created_at, updated_at, revision, deleted,
            talk_seconds, outcome, media_security, recording_expected, recording_consent)
        VALUES (:i, :u, 'out', '', '+380501112233', '+380501112233', '',
            now() - make_interval(secs => :ago + :talk + 5),
            now() - make_interval(secs => :ago + :talk), now() - make_interval(secs => :ago),
            '', '', :path, '', '', false, now(), now(), 0, false, :talk, :o, '', :exp,
            CASE WHEN :exp THEN 'not_asked' ELSE '' END)""",
               i=cid, u=member.id, talk=talk, ago=ended_ago_s, o=outcome, exp=recorded,
               path="/rec/x.wav" if recorded else "")
    return cid


def add_recording(shared_db, member, call_id, data: bytes = b"0123456789" * 10, *,
                  duration=None, chunk=32, complete=True, sha=None, chunks=None,
                  size=None, age_days=0) -> uuid.UUID:
    """A recording of ``member`` in the shared store, chunked; ``chunks`` how many
    of its chunks arrived (default all); ``sha`` a wrong whole-file digest."""
    rid = uuid.uuid4()
    parts = [data[i:i + chunk] for i in range(0, len(data), chunk)] or [b""]
    owner_exec(shared_db, """
        INSERT INTO recordings (id, call_id, owner_id, owner_login, size, sha256, chunk_size,
            chunk_count, duration_s, complete, created_at)
        VALUES (:r, :c, :o, :l, :size, :sha, :chunk, :n, :d, :done,
                now() - make_interval(days => :age))""",
               r=rid, c=call_id, o=member.id, l=member.login,
               size=len(data) if size is None else size,
               sha=sha or hashlib.sha256(data).hexdigest(), chunk=chunk, n=len(parts),
               d=duration, done=complete, age=age_days)
    for i, p in enumerate(parts[:chunks if chunks is not None else len(parts)]):
        owner_exec(shared_db, "INSERT INTO recording_chunks VALUES (:r, :i, :d, :h)",
                   r=rid, i=i, d=p, h=hashlib.sha256(p).hexdigest())
    return rid


def ctx_for(ws, member, team_id=None):
    from workstation.services.context import Context, SignedInUser

    from workstation.config import Config

    return Context(ws.store, SignedInUser(id=member.id, login=member.login, name=member.login,
                                          role=member.role, team_id=team_id), settings=Config())
