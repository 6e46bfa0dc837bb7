-- When each workspace's read model last changed: what the insight engine evaluates again.
CREATE TABLE pipeline_changes (
    org_id     uuid        PRIMARY KEY,
    changed_at timestamptz NOT NULL
);

-- Insights the rules raised from a workspace's read model. One per cause (a deal's stall in one
-- stage, a quarter's conversion, ...): the same cause never raises a second one, even after the
-- first was dismissed.
CREATE TABLE insights (
    id          uuid             PRIMARY KEY,
    org_id      uuid             NOT NULL,
    type        text             NOT NULL,
    cause       text             NOT NULL,
    title       text             NOT NULL,
    description text             NOT NULL,
    priority    text             NOT NULL,
    confidence  double precision NOT NULL,
    status      text             NOT NULL DEFAULT 'new',
    -- The records it is about: [{"type": "deal", "id": "..."}].
    subjects    jsonb            NOT NULL DEFAULT '[]',
    created_at  timestamptz      NOT NULL,
    updated_at  timestamptz      NOT NULL,
    UNIQUE (org_id, cause)
);
CREATE INDEX insights_org_created ON insights (org_id, created_at DESC);

-- When the engine last evaluated each workspace.
CREATE TABLE insight_evaluations (
    org_id       uuid        PRIMARY KEY,
    evaluated_at timestamptz NOT NULL
);
