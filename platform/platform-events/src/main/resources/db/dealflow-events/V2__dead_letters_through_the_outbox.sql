-- A dead letter's message for the dead-letter topic is written to the outbox in the transaction
-- that records the dead letter, so that the table and the topic get it once each. Such a row
-- carries the original message as it was (bytes and headers) instead of an envelope, and keeps
-- the original key, which may be absent.
ALTER TABLE outbox ALTER COLUMN envelope DROP NOT NULL;
ALTER TABLE outbox ALTER COLUMN event_key DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN payload bytea;
ALTER TABLE outbox ADD COLUMN headers jsonb;
ALTER TABLE outbox ADD CONSTRAINT outbox_envelope_or_payload
    CHECK ((envelope IS NULL) <> (payload IS NULL));
