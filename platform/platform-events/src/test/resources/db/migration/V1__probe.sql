-- A stand-in for a service's business data: items whose creation emits an event.
CREATE TABLE probe_item (
    id           uuid    PRIMARY KEY,
    org_id       uuid    NOT NULL,
    aggregate_id uuid    NOT NULL,
    n            integer NOT NULL
);

-- A consumer's effect: one row per event applied, in the order applied.
CREATE TABLE probe_effect (
    seq          bigserial PRIMARY KEY,
    consumer     text      NOT NULL,
    event_id     uuid      NOT NULL,
    aggregate_id uuid      NOT NULL,
    n            integer   NOT NULL
);
