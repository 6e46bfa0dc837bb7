package io.dealflow.crm.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deal was created in a workspace (by a user or an integration sync): the deal as {@code GET
 * /deals/{id}} returns it at creation, with {@code dealId} for its id. The fields after {@code
 * stage} other than {@code assignedTo} were added on 2026-12-07: events written before lack them,
 * so they are nullable here and a consumer must not require them.
 *
 * @param dealId the deal
 * @param workspaceId its workspace (organization)
 * @param title its title
 * @param value its value, in {@code currency}
 * @param currency ISO 4217 code
 * @param stage its stage
 * @param probability its stage's win probability, percent
 * @param assignedTo the user it is assigned to, if any
 * @param contactName its contact, if any
 * @param companyName its company, if any
 * @param expectedCloseDate when it is expected to close, if known
 * @param closedAt when it was won or lost (a deal may be created closed); null while open
 * @param source manual, hubspot, csv or demo
 * @param externalId its id in the system it was synced from, if any
 * @param createdBy the user who created it; null for a sync
 * @param createdAt when it was created
 * @param updatedAt when it was last changed (its creation)
 * @param version its version for optimistic locking
 */
public record DealCreated(
    UUID dealId,
    UUID workspaceId,
    String title,
    BigDecimal value,
    String currency,
    String stage,
    @Nullable Integer probability,
    @Nullable UUID assignedTo,
    @Nullable String contactName,
    @Nullable String companyName,
    @Nullable LocalDate expectedCloseDate,
    @Nullable Instant closedAt,
    @Nullable String source,
    @Nullable String externalId,
    @Nullable UUID createdBy,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    @Nullable Long version) {}
