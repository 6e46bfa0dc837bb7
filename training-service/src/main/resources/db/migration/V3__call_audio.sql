-- What a rep said, as audio: only when an operator opts in (dealflow.training.audio.store), sealed
-- with AES-256-GCM bound to its session and line, and deleted when its retention ends.
CREATE TABLE call_audio (
    session_id uuid        NOT NULL REFERENCES training_sessions (id),
    seq        integer     NOT NULL,
    org_id     uuid        NOT NULL,
    sealed     text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX call_audio_org ON call_audio (org_id, session_id);
CREATE INDEX call_audio_expiry ON call_audio (expires_at);
