package io.dealflow.crm.deal.web;

import io.dealflow.crm.deal.Deal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A deal on the wire. */
@Schema(name = "Deal")
record DealResponse(
    UUID id,
    @Schema(description = "The workspace (organization) the deal belongs to") UUID workspaceId,
    String title,
    @Schema(description = "With as many decimals as the currency has", example = "25000.00")
        BigDecimal value,
    @Schema(example = "USD") String currency,
    @Schema(allowableValues = {"lead", "qualified", "proposal", "negotiation", "won", "lost"})
        String stage,
    @Schema(description = "Win probability, percent") int probability,
    @Nullable UUID assignedTo,
    @Nullable String contactName,
    @Nullable String companyName,
    @Nullable LocalDate expectedCloseDate,
    @Schema(description = "When the deal was won or lost; null while open")
        @Nullable Instant closedAt,
    @Schema(allowableValues = {"manual", "hubspot", "csv", "demo"}) String source,
    @Schema(description = "The record's id in the system it was synced from")
        @Nullable String externalId,
    @Nullable UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    @Schema(
            description =
                "Send it back in a PATCH to have the change refused (409) if the deal"
                    + " changed since")
        long version) {

  static DealResponse of(Deal deal) {
    return new DealResponse(
        deal.id().value(),
        deal.orgId(),
        deal.title(),
        deal.amount(),
        deal.currency(),
        deal.stage().id(),
        deal.probability(),
        deal.assignedTo(),
        deal.contactName(),
        deal.companyName(),
        deal.expectedCloseDate(),
        deal.closedAt(),
        deal.source(),
        deal.externalId(),
        deal.createdBy(),
        deal.createdAt(),
        deal.updatedAt(),
        deal.version());
  }
}
