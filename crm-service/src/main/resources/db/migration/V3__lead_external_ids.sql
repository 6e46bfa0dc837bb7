-- Leads pulled from another system (HubSpot, CSV) keep their id there, so that the next sync finds
-- and updates them instead of creating them again.
ALTER TABLE leads ADD COLUMN external_id text;
CREATE UNIQUE INDEX leads_by_org_external
    ON leads (org_id, source, external_id) WHERE external_id IS NOT NULL;
