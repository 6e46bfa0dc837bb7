package io.dealflow.crm.lead;

import java.util.UUID;

/**
 * Where lead scoring learns how a lead engaged. Conversations provide it, so that leads need not
 * know conversations (the dependency points from conversations to leads only).
 */
public interface LeadEngagement {

  Engagement of(UUID orgId, UUID leadId);
}
