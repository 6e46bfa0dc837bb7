package io.dealflow.playbook.sailwind;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product an organization sells.
 *
 * @param id its id
 * @param orgId its organization
 * @param name its name
 * @param productArchetypeId the product archetype it follows, if any
 * @param archived whether it was archived (hidden from lists unless asked for)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Product(
    UUID id,
    UUID orgId,
    String name,
    @Nullable UUID productArchetypeId,
    boolean archived,
    Instant createdAt,
    Instant updatedAt) {

  /** What may change about a product. */
  public record Draft(String name, @Nullable UUID productArchetypeId, boolean archived) {}

  public Draft draft() {
    return new Draft(name, productArchetypeId, archived);
  }

  Product revise(Draft draft, Instant now) {
    return new Product(
        id, orgId, draft.name(), draft.productArchetypeId(), draft.archived(), createdAt, now);
  }
}
