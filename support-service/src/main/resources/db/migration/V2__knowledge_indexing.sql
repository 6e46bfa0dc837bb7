-- Large knowledge sources are cut and embedded in the background: a source is 'indexing' until its
-- passages are stored ('ready'), or 'failed' with the reason. An instance claims one source at a
-- time for a lease (claimed_until); a claim that outlives a crashed instance expires and the source
-- is indexed again (its passages are written only when indexing completes, so never twice).
ALTER TABLE knowledge_sources
    ADD COLUMN status        varchar(10) NOT NULL DEFAULT 'ready'
        CHECK (status IN ('indexing', 'ready', 'failed')),
    ADD COLUMN failure       text,
    ADD COLUMN claimed_until timestamptz;
CREATE INDEX knowledge_sources_indexing ON knowledge_sources (created_at) WHERE status = 'indexing';
