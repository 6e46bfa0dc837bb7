-- The playbook coach: every turn of every conversation (a rep's question, the coach's answer) and
-- the reps' ratings of answers. Scoped by org_id and user_id like everything else.

CREATE TABLE coach_messages (
    id              uuid PRIMARY KEY,
    -- The order turns were written in (a question and its answer share a timestamp).
    position        bigint       GENERATED ALWAYS AS IDENTITY,
    org_id          uuid         NOT NULL,
    user_id         uuid         NOT NULL,
    conversation_id uuid         NOT NULL,
    role            varchar(8)   NOT NULL CHECK (role IN ('rep', 'coach')),
    content         text         NOT NULL,
    -- A coach answer is 'answering' while it streams, then what became of it.
    status          varchar(16)  NOT NULL
                    CHECK (status IN ('answering', 'complete', 'cancelled', 'failed')),
    -- The model that answered (coach answers only), e.g. "offline playbook-retrieval".
    provider        varchar(200),
    created_at      timestamptz  NOT NULL,
    completed_at    timestamptz
);
CREATE INDEX coach_messages_conversation
    ON coach_messages (org_id, user_id, conversation_id, position);

CREATE TABLE coach_feedback (
    message_id uuid PRIMARY KEY REFERENCES coach_messages (id),
    org_id     uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    rating     smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment    text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
