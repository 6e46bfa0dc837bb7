-- HelloSales Sailwind: what an organization sells, to whom, how, and who practises it.
-- Every table has org_id and indexes that start with it; nothing is ever deleted (archived instead).

CREATE TABLE archetypes (
    id          uuid PRIMARY KEY,
    org_id      uuid         NOT NULL,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('client', 'product')),
    name        varchar(200) NOT NULL,
    description text,
    created_by  uuid,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX archetypes_org_kind ON archetypes (org_id, kind, created_at);

CREATE TABLE clients (
    id                  uuid PRIMARY KEY,
    org_id              uuid         NOT NULL,
    name                varchar(200) NOT NULL,
    industry            varchar(200),
    client_archetype_id uuid REFERENCES archetypes (id),
    archived            boolean      NOT NULL DEFAULT false,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);
CREATE INDEX clients_org ON clients (org_id, archived, created_at);

CREATE TABLE products (
    id                   uuid PRIMARY KEY,
    org_id               uuid         NOT NULL,
    name                 varchar(200) NOT NULL,
    product_archetype_id uuid REFERENCES archetypes (id),
    archived             boolean      NOT NULL DEFAULT false,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL
);
CREATE INDEX products_org ON products (org_id, archived, created_at);

CREATE TABLE strategies (
    id            uuid PRIMARY KEY,
    org_id        uuid        NOT NULL,
    product_id    uuid        NOT NULL REFERENCES products (id),
    client_id     uuid        NOT NULL REFERENCES clients (id),
    strategy_text text        NOT NULL,
    status        varchar(16) NOT NULL CHECK (status IN ('draft', 'approved', 'archived')),
    created_by    uuid,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX strategies_org ON strategies (org_id, status, created_at);

CREATE TABLE rep_assignments (
    id                   uuid PRIMARY KEY,
    org_id               uuid        NOT NULL,
    user_id              uuid        NOT NULL,
    product_id           uuid        NOT NULL REFERENCES products (id),
    client_id            uuid        NOT NULL REFERENCES clients (id),
    strategy_id          uuid REFERENCES strategies (id),
    min_practice_minutes integer     NOT NULL CHECK (min_practice_minutes >= 0),
    -- Seconds of completed training sessions counted towards this assignment.
    practiced_seconds    bigint      NOT NULL DEFAULT 0,
    assigned_by          uuid,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX rep_assignments_org_user ON rep_assignments (org_id, user_id, created_at);

CREATE TABLE practice_sessions (
    id                uuid PRIMARY KEY,
    org_id            uuid        NOT NULL,
    user_id           uuid        NOT NULL,
    strategy_id       uuid REFERENCES strategies (id),
    rep_assignment_id uuid REFERENCES rep_assignments (id),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK (strategy_id IS NOT NULL OR rep_assignment_id IS NOT NULL)
);
CREATE INDEX practice_sessions_org_user ON practice_sessions (org_id, user_id, created_at DESC);
