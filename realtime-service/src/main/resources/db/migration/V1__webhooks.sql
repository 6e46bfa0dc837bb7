-- Partner webhook endpoints, the deliveries the event consumer queues for them, and every attempt.

CREATE TABLE webhook_endpoint (
    id                          uuid PRIMARY KEY,
    org_id                      uuid         NOT NULL,
    url                         text         NOT NULL,
    events                      text[]       NOT NULL,
    description                 text,
    enabled                     boolean      NOT NULL DEFAULT true,
    -- HMAC keys must be readable to sign with, so they are stored as issued.
    secret                      text         NOT NULL,
    previous_secret             text,
    previous_secret_expires_at  timestamptz,
    failing_since               timestamptz,
    disabled_reason             text,
    disabled_at                 timestamptz,
    created_at                  timestamptz  NOT NULL,
    updated_at                  timestamptz  NOT NULL
);

CREATE INDEX webhook_endpoint_org ON webhook_endpoint (org_id, created_at);

CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,
    org_id          uuid         NOT NULL,
    endpoint_id     uuid         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        uuid,
    event_type      text         NOT NULL,
    -- The exact body sent on every attempt, so a retry signs and sends the same bytes.
    payload         text         NOT NULL,
    traceparent     text,
    status          text         NOT NULL,
    -- Attempts since the delivery was queued or last redelivered; picks the next retry delay.
    attempt_count   integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    lease_until     timestamptz,
    created_at      timestamptz  NOT NULL,
    completed_at    timestamptz,
    CONSTRAINT webhook_delivery_status CHECK (status IN ('pending', 'succeeded', 'failed'))
);

CREATE INDEX webhook_delivery_org ON webhook_delivery (org_id, endpoint_id, created_at);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE UNIQUE INDEX webhook_delivery_event ON webhook_delivery (endpoint_id, event_id);

CREATE TABLE webhook_attempt (
    id               bigserial PRIMARY KEY,
    org_id           uuid         NOT NULL,
    delivery_id      uuid         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at     timestamptz  NOT NULL,
    status_code      integer,
    latency_ms       bigint       NOT NULL,
    response_excerpt text,
    error            text
);

CREATE INDEX webhook_attempt_org ON webhook_attempt (org_id, delivery_id, attempted_at);
