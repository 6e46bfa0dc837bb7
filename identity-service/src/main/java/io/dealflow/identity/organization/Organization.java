package io.dealflow.identity.organization;

import java.time.Instant;
import java.util.List;

/**
 * A customer organization.
 *
 * @param id its id
 * @param name its name
 * @param plan its subscription plan ({@code starter}, {@code pro}, {@code scale}, {@code
 *     enterprise})
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Organization(
    OrganizationId id, String name, String plan, Instant createdAt, Instant updatedAt) {

  /** The plans an organization can be on (VectorOS's tiers). */
  public static final List<String> PLANS = List.of("starter", "pro", "scale", "enterprise");

  /** The plan every new organization starts on; an operator changes it. */
  public static final String DEFAULT_PLAN = "starter";
}
