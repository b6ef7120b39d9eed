-- The calls browser (issue 11): the waveform of every uploaded recording, so that a
-- supervisor sees the whole call's two lanes before its audio has arrived.
-- Written once by the uploader (computed from the stereo WAV, which decodes ~20x
-- faster than the Ogg Opus copy); readable by whoever may read the recording;
-- insert-only; gone with its recording (retention deletes the recordings row).

CREATE TABLE IF NOT EXISTS recording_peaks (
    recording_id uuid PRIMARY KEY REFERENCES recordings (id) ON DELETE CASCADE,
    bucket_ms    integer NOT NULL CHECK (bucket_ms > 0),
    channels     integer NOT NULL CHECK (channels BETWEEN 1 AND 2),
    duration_s   double precision NOT NULL CHECK (duration_s >= 0),
    left_peaks   bytea NOT NULL,   -- one byte (0..255, linear) per bucket: the manager
    right_peaks  bytea NOT NULL,   -- the client
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (length(left_peaks) = length(right_peaks))
);

ALTER TABLE recording_peaks ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ws_read ON recording_peaks;
DROP POLICY IF EXISTS ws_insert ON recording_peaks;
-- visible exactly when the recording is (its own row-level security decides)
CREATE POLICY ws_read ON recording_peaks FOR SELECT USING (
    EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id));
-- written by the recording's uploader only
CREATE POLICY ws_insert ON recording_peaks FOR INSERT WITH CHECK (
    EXISTS (SELECT 1 FROM recordings r WHERE r.id = recording_id
            AND r.owner_login = session_user));

REVOKE ALL ON recording_peaks FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON recording_peaks FROM ws_user;
GRANT SELECT, INSERT ON recording_peaks TO ws_user;
