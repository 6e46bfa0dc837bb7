package io.dealflow.crm.assistant;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about assistants. */
@Component
public class AssistantDirectory {

  private final Assistants assistants;

  AssistantDirectory(Assistants assistants) {
    this.assistants = assistants;
  }

  /** Whether the organization has this assistant (another organization's answers false). */
  @Transactional(readOnly = true)
  public boolean exists(UUID orgId, UUID assistantId) {
    return assistants.exists(orgId, assistantId);
  }
}
