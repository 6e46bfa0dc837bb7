-- Organizations' long-lived API tokens (Spotlight "API tokens"). Only the SHA-256 of a token is
-- kept; the token itself is shown once, when it is created.
CREATE TABLE api_tokens (
    id            uuid         PRIMARY KEY,
    org_id        uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name          varchar(100) NOT NULL CHECK (btrim(name) <> ''),
    role          varchar(20)  NOT NULL CHECK (role IN ('admin', 'manager', 'rep', 'agent')),
    token_hash    char(64)     NOT NULL UNIQUE,
    token_prefix  varchar(16)  NOT NULL,
    created_by    uuid         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

CREATE INDEX api_tokens_org_idx ON api_tokens (org_id, created_at DESC);
