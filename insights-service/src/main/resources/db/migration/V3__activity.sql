-- The workspaces' sales activity beside the pipeline, for the rules that need more than deals: crm's
-- lead, conversation, appointment and integration events, training-service's completed sessions and
-- support-service's escalations (consumer activity, each event applied once). Times are the events'
-- own; a late event never undoes a newer one.

-- One row per lead: its latest status, its first qualification, and the latest follow-up after it
-- (a conversation completed or an appointment scheduled with the lead, or a status past qualified).
CREATE TABLE activity_leads (
    org_id         uuid        NOT NULL,
    lead_id        uuid        NOT NULL,
    status         text,
    status_at      timestamptz,
    qualified_at   timestamptz,
    followed_up_at timestamptz,
    first_seen_at  timestamptz NOT NULL,
    PRIMARY KEY (org_id, lead_id)
);
CREATE INDEX activity_leads_waiting ON activity_leads (org_id, qualified_at)
    WHERE status = 'qualified';

-- Every training session a user completed (training.session.completed).
CREATE TABLE activity_training (
    org_id           uuid        NOT NULL,
    session_id       uuid        NOT NULL,
    user_id          uuid        NOT NULL,
    completed_at     timestamptz NOT NULL,
    duration_seconds bigint      NOT NULL,
    PRIMARY KEY (org_id, session_id)
);
CREATE INDEX activity_training_user ON activity_training (org_id, user_id, completed_at);

-- Each integration's latest sync (integration.synced or integration.failed, by event time).
CREATE TABLE activity_integrations (
    org_id         uuid        NOT NULL,
    integration_id uuid        NOT NULL,
    provider       text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('success', 'failed')),
    reason         text,
    records_synced integer     NOT NULL,
    at             timestamptz NOT NULL,
    PRIMARY KEY (org_id, integration_id)
);

-- Support conversations handed to a person (support.escalated).
CREATE TABLE activity_escalations (
    org_id       uuid        NOT NULL,
    ticket_id    uuid        NOT NULL,
    reason       text        NOT NULL,
    escalated_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, ticket_id)
);
CREATE INDEX activity_escalations_org ON activity_escalations (org_id, escalated_at);
