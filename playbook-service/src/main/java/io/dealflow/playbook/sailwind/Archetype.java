package io.dealflow.playbook.sailwind;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A template of a client or a product that an organization sells to or sells, e.g. "Enterprise
 * buying committee": clients and products point to one to inherit its traits.
 *
 * @param id its id
 * @param orgId its organization
 * @param kind client or product
 * @param name what it is called
 * @param description its traits, for people and the coach
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Archetype(
    UUID id,
    UUID orgId,
    ArchetypeKind kind,
    String name,
    @Nullable String description,
    Instant createdAt,
    Instant updatedAt) {}
