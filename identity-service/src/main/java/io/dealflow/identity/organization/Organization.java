package io.dealflow.identity.organization;

import java.time.Instant;

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
    OrganizationId id, String name, String plan, Instant createdAt, Instant updatedAt) {}
