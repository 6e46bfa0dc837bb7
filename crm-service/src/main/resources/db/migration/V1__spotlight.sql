-- Spotlight OS: assistants, leads, conversations with transcripts, appointments, and the audio
-- (conversation recordings, assistant voice samples) they own. Every row carries the organization
-- it belongs to; every index a query uses starts with org_id, because every query is scoped by it.

CREATE TABLE assistants (
    id              uuid        PRIMARY KEY,
    org_id          uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    name            text        NOT NULL,
    tone            text,
    role            text,
    script          text,
    voice_settings  jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistants_by_org ON assistants (org_id, created_at DESC, id);

-- score is what clients see: the computed score, or the client's when score_override is set.
-- score_breakdown always holds the computed criteria, so a manual score stays explainable.
-- qualified_at marks the current qualification (null: not qualified); lead.qualified is emitted
-- when it is set, once per qualification.
CREATE TABLE leads (
    id                 uuid        PRIMARY KEY,
    org_id             uuid        NOT NULL,
    assistant_id       uuid        REFERENCES assistants (id) ON DELETE SET NULL,
    name               text        NOT NULL,
    email              text,
    phone              text,
    source             text,
    status             text        NOT NULL DEFAULT 'new'
                                   CHECK (status IN ('new', 'qualified', 'proposal', 'closed')),
    qualified_at       timestamptz,
    score              integer     NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
    computed_score     integer     NOT NULL DEFAULT 0 CHECK (computed_score BETWEEN 0 AND 100),
    score_override     boolean     NOT NULL DEFAULT false,
    score_breakdown    jsonb       NOT NULL DEFAULT '[]',
    metadata           jsonb       NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leads_by_org ON leads (org_id, created_at DESC, id);
CREATE INDEX leads_by_org_status ON leads (org_id, status);
CREATE INDEX leads_by_org_assistant ON leads (org_id, assistant_id);

-- score_computed / sentiment_computed: whether the value came from the transcripts (and is
-- recomputed when they change) rather than from the client.
CREATE TABLE conversations (
    id                  uuid        PRIMARY KEY,
    org_id              uuid        NOT NULL,
    lead_id             uuid        REFERENCES leads (id) ON DELETE SET NULL,
    assistant_id        uuid        REFERENCES assistants (id) ON DELETE SET NULL,
    source              text,
    status              text        NOT NULL DEFAULT 'in_progress'
                                    CHECK (status IN ('in_progress', 'completed', 'failed')),
    duration            integer     CHECK (duration >= 0),
    score               numeric(4, 2) CHECK (score BETWEEN 0 AND 10),
    score_computed      boolean     NOT NULL DEFAULT false,
    sentiment           text        CHECK (sentiment IN ('positive', 'neutral', 'negative')),
    sentiment_computed  boolean     NOT NULL DEFAULT false,
    metadata            jsonb       NOT NULL DEFAULT '{}',
    started_at          timestamptz,
    ended_at            timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_by_org ON conversations (org_id, created_at DESC, id);
CREATE INDEX conversations_by_org_lead ON conversations (org_id, lead_id);
CREATE INDEX conversations_by_org_assistant ON conversations (org_id, assistant_id);

-- "timestamp" is seconds from the conversation's start, as the seed names it.
CREATE TABLE transcripts (
    id               uuid        PRIMARY KEY,
    org_id           uuid        NOT NULL,
    conversation_id  uuid        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    content          text        NOT NULL,
    speaker          text        NOT NULL,
    sentiment        text        NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
    confidence       double precision CHECK (confidence BETWEEN 0 AND 1),
    "timestamp"      double precision NOT NULL DEFAULT 0 CHECK ("timestamp" >= 0),
    metadata         jsonb       NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transcripts_by_org_conversation
    ON transcripts (org_id, conversation_id, "timestamp", created_at, id);

-- Deleting a lead deletes its appointments: an appointment is always with a lead.
CREATE TABLE appointments (
    id             uuid        PRIMARY KEY,
    org_id         uuid        NOT NULL,
    lead_id        uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    assistant_id   uuid        REFERENCES assistants (id) ON DELETE SET NULL,
    scheduled_at   timestamptz NOT NULL,
    duration       integer     NOT NULL CHECK (duration > 0),
    status         text        NOT NULL DEFAULT 'scheduled'
                               CHECK (status IN ('scheduled', 'completed', 'cancelled')),
    external_link  text,
    metadata       jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointments_by_org_scheduled ON appointments (org_id, scheduled_at, id);
CREATE INDEX appointments_by_org_lead ON appointments (org_id, lead_id);

-- One recording per conversation and one voice sample per assistant; a new upload replaces the
-- old one. The bytes live here, in the service's own database, so they are backed up with it.
CREATE TABLE audio_files (
    id                uuid        PRIMARY KEY,
    org_id            uuid        NOT NULL,
    owner_kind        text        NOT NULL CHECK (owner_kind IN ('conversation', 'assistant')),
    owner_id          uuid        NOT NULL,
    format            text        NOT NULL,
    content_type      text        NOT NULL,
    size_bytes        bigint      NOT NULL CHECK (size_bytes > 0),
    sha256            text        NOT NULL,
    duration_seconds  double precision CHECK (duration_seconds >= 0),
    original_filename text,
    data              bytea       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (org_id, owner_kind, owner_id)
);
