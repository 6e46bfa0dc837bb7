-- Objections from the team's own calls (consumer call-objections of crm's transcript.added and
-- conversation.completed). Each organization keeps its newest 500 objections and 500 completed
-- calls; older rows are deleted as new ones arrive (ObjectionManagement.KEPT_PER_ORGANIZATION).

-- A prospect's line that sounded like an objection, cleaned and cut to 300 characters.
CREATE TABLE call_objections (
    id              uuid PRIMARY KEY,
    org_id          uuid         NOT NULL,
    conversation_id uuid         NOT NULL,
    transcript_id   uuid         NOT NULL,
    text            varchar(300) NOT NULL,
    theme           varchar(20)  NOT NULL
        CHECK (theme IN ('price', 'incumbent', 'authority', 'risk', 'timing', 'need', 'other')),
    heard_at        timestamptz  NOT NULL,
    -- The transcript.added event it came from: the platform applies each event once, and this
    -- holds even if an event were applied under another consumer name.
    event_id        uuid         NOT NULL,
    CONSTRAINT call_objections_event UNIQUE (org_id, event_id)
);
CREATE INDEX call_objections_org ON call_objections (org_id, heard_at DESC, id DESC);

-- How long completed calls lasted (conversation.completed): the generated scenario's length.
CREATE TABLE completed_calls (
    org_id          uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    duration        integer     NOT NULL,
    completed_at    timestamptz NOT NULL,
    PRIMARY KEY (org_id, conversation_id)
);
CREATE INDEX completed_calls_org ON completed_calls (org_id, completed_at DESC);

-- The scenario an organization's admins published from its calls; approving again revises it
-- while it is active. The row is locked during an approval, so two approvals publish one scenario.
CREATE TABLE from_calls_scenarios (
    org_id      uuid PRIMARY KEY,
    scenario_id uuid REFERENCES scenarios (id)
);
