package io.dealflow.crm.conversation;

import io.dealflow.crm.lead.Engagement;
import io.dealflow.crm.lead.LeadEngagement;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells lead scoring how a lead engaged, from its conversations. */
@Component
class ConversationEngagement implements LeadEngagement {

  private final Conversations conversations;

  ConversationEngagement(Conversations conversations) {
    this.conversations = conversations;
  }

  @Override
  public Engagement of(UUID orgId, UUID leadId) {
    return conversations.engagement(orgId, leadId);
  }
}
