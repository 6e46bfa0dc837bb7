package io.dealflow.playbook.sailwind;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client (prospect account) an organization sells to.
 *
 * @param id its id
 * @param orgId its organization
 * @param name its name
 * @param industry its industry, if known
 * @param clientArchetypeId the client archetype it follows, if any
 * @param archived whether it was archived (hidden from lists unless asked for)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Client(
    UUID id,
    UUID orgId,
    String name,
    @Nullable String industry,
    @Nullable UUID clientArchetypeId,
    boolean archived,
    Instant createdAt,
    Instant updatedAt) {

  /** What may change about a client. */
  public record Draft(
      String name, @Nullable String industry, @Nullable UUID clientArchetypeId, boolean archived) {}

  public Draft draft() {
    return new Draft(name, industry, clientArchetypeId, archived);
  }

  Client revise(Draft draft, Instant now) {
    return new Client(
        id,
        orgId,
        draft.name(),
        draft.industry(),
        draft.clientArchetypeId(),
        draft.archived(),
        createdAt,
        now);
  }
}
