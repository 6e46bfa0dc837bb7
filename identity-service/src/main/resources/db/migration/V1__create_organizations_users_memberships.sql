-- identity-service owns who the users are and which organizations they belong to.
-- Keycloak owns credentials and sessions; users.id is the Keycloak subject.

CREATE TABLE organizations (
    id          uuid PRIMARY KEY,
    name        varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    plan        varchar(20)  NOT NULL DEFAULT 'starter'
                CHECK (plan IN ('starter', 'pro', 'scale', 'enterprise')),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

-- A person can belong to several organizations, so users carry no org_id:
-- tenancy lives in memberships, whose primary key starts with org_id.
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         varchar(254) NOT NULL,
    first_name    varchar(100) NOT NULL DEFAULT '',
    last_name     varchar(100) NOT NULL DEFAULT '',
    display_name  varchar(200),
    company       varchar(200),
    is_active     boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    last_login_at timestamptz,
    version       bigint       NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
    org_id      uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        varchar(20) NOT NULL CHECK (role IN ('admin', 'manager', 'rep', 'agent')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id)
);

-- A user's organizations, oldest first (the first is its default one).
CREATE INDEX memberships_user_idx ON memberships (user_id, created_at);
