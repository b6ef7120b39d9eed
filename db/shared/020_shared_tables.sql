-- Tables that exist only in the shared database: leases and uploaded recordings.

CREATE TABLE IF NOT EXISTS leases (
    lead_id     uuid PRIMARY KEY,
    holder      text NOT NULL,          -- the database role (login) holding the lease
    holder_id   uuid,                   -- users.id of that login, when known
    acquired_at timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS recordings (
    id           uuid PRIMARY KEY,
    call_id      uuid NOT NULL,
    owner_id     uuid,                  -- users.id of the manager who made the call
    owner_login  text NOT NULL DEFAULT session_user,
    team_id      uuid,
    content_type text NOT NULL DEFAULT 'audio/ogg; codecs=opus',
    size         bigint NOT NULL,
    sha256       text NOT NULL,         -- hex digest of the whole file
    chunk_size   integer NOT NULL,
    chunk_count  integer NOT NULL,
    duration_s   double precision,
    complete     boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
);
CREATE INDEX IF NOT EXISTS ix_recordings_call_id ON recordings (call_id);
CREATE INDEX IF NOT EXISTS ix_recordings_owner_id ON recordings (owner_id);

CREATE TABLE IF NOT EXISTS recording_chunks (
    recording_id uuid NOT NULL REFERENCES recordings (id),
    idx          integer NOT NULL,
    data         bytea NOT NULL,
    sha256       text NOT NULL,         -- hex digest of this chunk, checked on insert
    PRIMARY KEY (recording_id, idx)
);

CREATE OR REPLACE FUNCTION ws_check_chunk() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF encode(sha256(NEW.data), 'hex') <> lower(NEW.sha256) THEN
        RAISE EXCEPTION 'recording % chunk %: checksum mismatch', NEW.recording_id, NEW.idx
            USING ERRCODE = 'data_exception';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ws_check_chunk ON recording_chunks;
CREATE TRIGGER ws_check_chunk BEFORE INSERT OR UPDATE ON recording_chunks
    FOR EACH ROW EXECUTE FUNCTION ws_check_chunk();
