package io.dealflow.crm.assistant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An assistant of an organization.
 *
 * @param id its id
 * @param orgId its organization
 * @param userId the user who created it (the seed's {@code user} relationship)
 * @param name its name
 * @param tone how it speaks ({@code professional}, {@code friendly}, ...)
 * @param role what it acts as ({@code sales_rep}, ...)
 * @param script what it says
 * @param voiceSettings how it sounds
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record Assistant(
    UUID id,
    UUID orgId,
    UUID userId,
    String name,
    @Nullable String tone,
    @Nullable String role,
    @Nullable String script,
    @Nullable VoiceSettings voiceSettings,
    Instant createdAt,
    Instant updatedAt) {}
