-- VectorOS deals and the integrations that sync records in from other CRMs.
-- Every row belongs to one organization (a VectorOS workspace); every index starts with org_id.

CREATE TABLE deals (
    id                  uuid          PRIMARY KEY,
    org_id              uuid          NOT NULL,
    title               varchar(200)  NOT NULL CHECK (btrim(title) <> ''),
    -- Four decimals hold the minor units of every ISO 4217 currency; the API allows only as many
    -- as the deal's currency has.
    value               numeric(19,4) NOT NULL CHECK (value >= 0),
    currency            char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    stage               varchar(20)   NOT NULL
                        CHECK (stage IN ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
    probability         smallint      NOT NULL CHECK (probability BETWEEN 0 AND 100),
    assigned_to         uuid,
    contact_name        varchar(200),
    company_name        varchar(200),
    expected_close_date date,
    -- Set when the deal reaches won or lost, cleared when it is reopened.
    closed_at           timestamptz,
    source              varchar(20)   NOT NULL DEFAULT 'manual'
                        CHECK (source IN ('manual', 'hubspot', 'csv', 'demo')),
    external_id         varchar(100),
    created_by          uuid,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    version             bigint        NOT NULL DEFAULT 0,
    CHECK ((source IN ('hubspot', 'csv')) = (external_id IS NOT NULL))
);

-- The workspace's list, newest first, optionally by stage or by assignee.
CREATE INDEX deals_org_created_idx ON deals (org_id, created_at DESC, id DESC);
CREATE INDEX deals_org_stage_idx ON deals (org_id, stage, created_at DESC);
CREATE INDEX deals_org_assignee_idx ON deals (org_id, assigned_to, created_at DESC);
-- A synced record is found again by its id in the other system, so a second sync updates it.
CREATE UNIQUE INDEX deals_org_external_key ON deals (org_id, source, external_id)
    WHERE external_id IS NOT NULL;

-- One connection per provider and workspace. The access token is stored encrypted (AES-GCM, key
-- from the environment) and never leaves the service.
CREATE TABLE integrations (
    id                 uuid         PRIMARY KEY,
    org_id             uuid         NOT NULL,
    provider           varchar(20)  NOT NULL CHECK (provider IN ('hubspot', 'csv')),
    name               varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    base_url           varchar(500),
    access_token       text,
    -- Which HubSpot objects a sync pulls (contacts become leads, deals become deals).
    sync_contacts      boolean      NOT NULL DEFAULT true,
    sync_deals         boolean      NOT NULL DEFAULT true,
    default_currency   char(3)      NOT NULL CHECK (default_currency ~ '^[A-Z]{3}$'),
    last_synced_at     timestamptz,
    last_status        varchar(20)  CHECK (last_status IN ('success', 'failed')),
    last_error         text,
    records_synced     integer      NOT NULL DEFAULT 0 CHECK (records_synced >= 0),
    connected_by       uuid         NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    version            bigint       NOT NULL DEFAULT 0,
    CHECK ((provider = 'hubspot') = (access_token IS NOT NULL))
);

CREATE UNIQUE INDEX integrations_org_provider_key ON integrations (org_id, provider);
