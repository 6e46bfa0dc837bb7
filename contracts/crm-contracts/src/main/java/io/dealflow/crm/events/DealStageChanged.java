package io.dealflow.crm.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A deal moved from one stage to another.
 *
 * @param dealId the deal
 * @param workspaceId its workspace
 * @param previousStage the stage before
 * @param stage the stage now
 * @param value its value now
 */
public record DealStageChanged(
    UUID dealId, UUID workspaceId, String previousStage, String stage, BigDecimal value) {}
