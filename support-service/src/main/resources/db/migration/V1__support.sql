-- HeliosCS: an organization's support chat sessions and their messages, the ratings of answers,
-- its knowledge (sources, their chunks with full-text vectors and sentence embeddings) and its
-- tickets. Every table has org_id and indexes that start with it. Text that came from a customer is
-- stored with personal data already masked.

CREATE TABLE support_sessions (
    id                uuid PRIMARY KEY,
    org_id            uuid         NOT NULL,
    user_id           uuid         NOT NULL,
    customer_id       varchar(200) NOT NULL,
    channel           varchar(20)  NOT NULL CHECK (channel IN ('web', 'mobile', 'email', 'chat')),
    status            varchar(20)  NOT NULL CHECK (status IN ('active', 'ended', 'escalated')),
    metadata          jsonb        NOT NULL,
    created_at        timestamptz  NOT NULL,
    ended_at          timestamptz,
    escalated_at      timestamptz,
    escalation_reason varchar(40),
    ticket_id         uuid,
    agent_id          uuid,
    version           integer      NOT NULL DEFAULT 0
);
CREATE INDEX support_sessions_org_created ON support_sessions (org_id, created_at DESC);
CREATE INDEX support_sessions_org_user ON support_sessions (org_id, user_id, created_at DESC);

-- One message of a session. Bot answers keep what they were made of (citations), the masks applied
-- to the question they answer (never the clear values), and how the answer was judged.
CREATE TABLE support_messages (
    id               uuid PRIMARY KEY,
    org_id           uuid         NOT NULL,
    session_id       uuid         NOT NULL REFERENCES support_sessions (id),
    seq              bigint       GENERATED ALWAYS AS IDENTITY,
    sender_id        uuid,
    message_type     varchar(10)  NOT NULL CHECK (message_type IN ('user', 'bot', 'system', 'agent')),
    content          text         NOT NULL,
    status           varchar(10)  NOT NULL CHECK (status IN ('sent', 'delivered', 'read')),
    metadata         jsonb        NOT NULL,
    citations        jsonb,
    redactions       jsonb,
    intent           varchar(60),
    confidence       double precision,
    sentiment        varchar(10),
    answered         boolean,
    response_time_ms integer,
    created_at       timestamptz  NOT NULL
);
CREATE INDEX support_messages_session ON support_messages (org_id, session_id, seq);
CREATE INDEX support_messages_org_created ON support_messages (org_id, created_at);

CREATE TABLE message_feedback (
    message_id uuid PRIMARY KEY REFERENCES support_messages (id),
    org_id     uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    rating     smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    feedback   text,
    category   varchar(40),
    created_at timestamptz NOT NULL
);
CREATE INDEX message_feedback_org ON message_feedback (org_id, created_at);

CREATE TABLE knowledge_sources (
    id          uuid PRIMARY KEY,
    org_id      uuid          NOT NULL,
    name        varchar(300)  NOT NULL,
    type        varchar(20)   NOT NULL,
    category    varchar(100),
    url         varchar(2000),
    metadata    jsonb         NOT NULL,
    content     text          NOT NULL,
    file_name   varchar(300),
    media_type  varchar(100),
    size_bytes  bigint,
    chunk_count integer       NOT NULL,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL
);
CREATE INDEX knowledge_sources_org ON knowledge_sources (org_id, created_at DESC);

-- A passage of a source: what search ranks and answers cite. The embedding is the passage's
-- sentence embedding (all-MiniLM-L6-v2: 384 little-endian float32, unit length).
CREATE TABLE knowledge_chunks (
    id        uuid PRIMARY KEY,
    org_id    uuid    NOT NULL,
    source_id uuid    NOT NULL REFERENCES knowledge_sources (id) ON DELETE CASCADE,
    ordinal   integer NOT NULL,
    content   text    NOT NULL,
    search    tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
    embedding bytea   NOT NULL
);
CREATE INDEX knowledge_chunks_org_source ON knowledge_chunks (org_id, source_id, ordinal);
CREATE INDEX knowledge_chunks_search ON knowledge_chunks USING gin (search);

-- Bumped in the transaction of every knowledge change: an instance's in-memory embedding index of
-- the organization is current while its revision matches.
CREATE TABLE knowledge_revisions (
    org_id   uuid PRIMARY KEY,
    revision bigint NOT NULL
);

CREATE TABLE tickets (
    id          uuid PRIMARY KEY,
    org_id      uuid          NOT NULL,
    session_id  uuid REFERENCES support_sessions (id),
    customer_id varchar(200),
    title       varchar(300)  NOT NULL,
    description text          NOT NULL,
    status      varchar(20)   NOT NULL
        CHECK (status IN ('open', 'in_progress', 'pending', 'resolved', 'closed')),
    priority    varchar(10)   NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    category    varchar(100),
    assignee_id uuid,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    resolved_at timestamptz,
    version     integer       NOT NULL DEFAULT 0
);
CREATE INDEX tickets_org_created ON tickets (org_id, created_at DESC);
CREATE INDEX tickets_org_status ON tickets (org_id, status, created_at DESC);
