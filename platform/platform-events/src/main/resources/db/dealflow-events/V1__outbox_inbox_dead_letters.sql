-- The platform's event tables live in their own schema with their own Flyway history, so that a
-- service's migrations and the platform's never compete for version numbers.

-- Events written in the business transaction, waiting for the relay. A published event is deleted;
-- one Kafka refuses for good (too large, invalid) is parked with the reason and stays for an operator.
CREATE TABLE outbox (
    seq         bigserial   PRIMARY KEY,
    id          uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    event_key   text        NOT NULL,
    org_id      uuid,
    envelope    text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    parked_at   timestamptz
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE parked_at IS NULL;

-- The events each consumer has applied, written in the transaction of the effect.
CREATE TABLE applied_event (
    consumer    text        NOT NULL,
    event_id    uuid        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Messages a consumer gave up on; also sent to the dead-letter topic. Replaying one sends the
-- original message to its topic again.
CREATE TABLE dead_letter (
    id           uuid        PRIMARY KEY,
    consumer     text        NOT NULL,
    topic        text        NOT NULL,
    kafka_partition integer  NOT NULL,
    kafka_offset bigint      NOT NULL,
    event_key    text,
    event_id     uuid,
    event_type   text,
    org_id       uuid,
    payload      bytea       NOT NULL,
    reason       text        NOT NULL,
    attempts     integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    replayed_at  timestamptz,
    UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);
CREATE INDEX dead_letter_open ON dead_letter (created_at) WHERE replayed_at IS NULL;
