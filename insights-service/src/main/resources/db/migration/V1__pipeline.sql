-- insights-service's read model of the workspaces' pipelines, fed by crm's deal events only (it
-- never reads crm's tables). Events of one deal arrive in order on one topic, but its created,
-- stage-changed, won, lost and deleted events travel on different topics: every change below is
-- applied by event time, so a late event never undoes a newer one.

-- One row per deal, as its events tell it.
CREATE TABLE pipeline_deals (
    org_id      uuid          NOT NULL,
    deal_id     uuid          NOT NULL,
    title       text,
    value       numeric(19,2) NOT NULL,
    currency    text,
    stage       text          NOT NULL,
    -- The time of the event that set the stage and value: an older event changes neither.
    stage_at    timestamptz   NOT NULL,
    -- deal.created's time; until it arrives, the earliest time an event showed the deal.
    created_at  timestamptz   NOT NULL,
    closed_at   timestamptz,
    assigned_to uuid,
    deleted_at  timestamptz,
    PRIMARY KEY (org_id, deal_id)
);
CREATE INDEX pipeline_deals_org_stage ON pipeline_deals (org_id, stage) WHERE deleted_at IS NULL;
CREATE INDEX pipeline_deals_org_closed ON pipeline_deals (org_id, closed_at) WHERE deleted_at IS NULL;

-- Every stage a deal entered and when: what conversion and forecast learn from.
CREATE TABLE pipeline_stage_entries (
    org_id     uuid        NOT NULL,
    deal_id    uuid        NOT NULL,
    stage      text        NOT NULL,
    entered_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, deal_id, stage)
);
