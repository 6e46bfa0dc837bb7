-- The operator's rebuild of the read model from the topics (POST /actuator/readmodel): one row,
-- claimed by the instance that runs it (a claim older than an hour is taken as abandoned), with
-- the last run's report.
CREATE TABLE read_model_rebuilds (
    id             integer     PRIMARY KEY CHECK (id = 1),
    running_since  timestamptz,
    started_by     text,
    finished_at    timestamptz,
    report         jsonb
);
INSERT INTO read_model_rebuilds (id) VALUES (1);
