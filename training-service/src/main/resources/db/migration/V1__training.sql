-- The Voice Sales Trainer: an organization's scenarios, its reps' training sessions, what was said
-- in them, the live coaching given, and the reps' ratings. Every table has org_id and indexes that
-- start with it. The built-in scenario library lives in the code, not here.

CREATE TABLE scenarios (
    id                 uuid PRIMARY KEY,
    org_id             uuid         NOT NULL,
    title              varchar(200) NOT NULL,
    description        text         NOT NULL,
    category           varchar(40)  NOT NULL,
    difficulty         varchar(20)  NOT NULL,
    estimated_duration integer      NOT NULL,
    objectives         jsonb        NOT NULL,
    coaching_points    jsonb        NOT NULL,
    prospect_persona   jsonb        NOT NULL,
    conversation_flow  jsonb        NOT NULL,
    origin             varchar(20)  NOT NULL CHECK (origin IN ('custom', 'from_calls')),
    is_active          boolean      NOT NULL,
    created_by         uuid,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            integer      NOT NULL DEFAULT 0
);
CREATE INDEX scenarios_org ON scenarios (org_id, is_active, created_at);

CREATE TABLE training_sessions (
    id                  uuid PRIMARY KEY,
    org_id              uuid        NOT NULL,
    user_id             uuid        NOT NULL,
    scenario_id         uuid        NOT NULL,
    session_type        varchar(30) NOT NULL,
    status              varchar(20) NOT NULL
        CHECK (status IN ('created', 'active', 'paused', 'completed', 'cancelled')),
    configuration       jsonb       NOT NULL,
    practice_session_id uuid,
    rep_assignment_id   uuid,
    created_at          timestamptz NOT NULL,
    started_at          timestamptz,
    paused_at           timestamptz,
    paused_seconds      integer     NOT NULL DEFAULT 0,
    completed_at        timestamptz,
    last_activity_at    timestamptz NOT NULL,
    duration            integer,
    scorecard           jsonb,
    version             integer     NOT NULL DEFAULT 0
);
CREATE INDEX training_sessions_org_user ON training_sessions (org_id, user_id, created_at DESC);
CREATE INDEX training_sessions_org_status ON training_sessions (org_id, status, last_activity_at);

-- One line of the call's transcript: the rep ("user") or the prospect ("ai").
CREATE TABLE session_turns (
    session_id uuid         NOT NULL REFERENCES training_sessions (id),
    seq        integer      NOT NULL,
    org_id     uuid         NOT NULL,
    speaker    varchar(10)  NOT NULL CHECK (speaker IN ('user', 'ai')),
    text       text         NOT NULL,
    spoken_at  timestamptz  NOT NULL,
    speech_ms  integer      NOT NULL,
    source     varchar(10)  NOT NULL CHECK (source IN ('voice', 'text', 'script', 'model')),
    sentiment  varchar(20)  NOT NULL,
    intent     varchar(30),
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX session_turns_org ON session_turns (org_id, session_id);

-- Coaching given during the call, as it was sent.
CREATE TABLE session_coaching (
    session_id uuid         NOT NULL REFERENCES training_sessions (id),
    seq        integer      NOT NULL,
    org_id     uuid         NOT NULL,
    rule       varchar(40)  NOT NULL,
    category   varchar(40)  NOT NULL,
    urgency    varchar(10)  NOT NULL,
    message    text         NOT NULL,
    rep_turn   integer      NOT NULL,
    given_at   timestamptz  NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX session_coaching_org ON session_coaching (org_id, session_id);

CREATE TABLE session_feedback (
    session_id        uuid PRIMARY KEY REFERENCES training_sessions (id),
    org_id            uuid        NOT NULL,
    user_id           uuid        NOT NULL,
    rating            smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    difficulty_rating smallint CHECK (difficulty_rating BETWEEN 1 AND 5),
    feedback          text,
    technical_issues  boolean     NOT NULL,
    submitted_at      timestamptz NOT NULL
);
CREATE INDEX session_feedback_org ON session_feedback (org_id, user_id);

-- Speech synthesized for POST /api/v1/voice/synthesize, served by its audio_url until it expires.
-- Only the generated voice is kept; what a rep says is never stored.
CREATE TABLE synthesized_audio (
    id           uuid PRIMARY KEY,
    org_id       uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    format       varchar(5)  NOT NULL,
    duration_ms  integer     NOT NULL,
    bytes        bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX synthesized_audio_org ON synthesized_audio (org_id, id);
CREATE INDEX synthesized_audio_expiry ON synthesized_audio (expires_at);
