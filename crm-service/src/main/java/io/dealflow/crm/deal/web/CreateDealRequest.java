package io.dealflow.crm.deal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new deal. Only the title and the value are required; the rest of the checks (range, currency,
 * stage) are the domain's, so that all of a request's problems are reported at once.
 */
@Schema(name = "CreateDealRequest")
record CreateDealRequest(
    @NotNull String title,
    @NotNull @Schema(description = "At least 0, with no more decimals than the currency has")
        BigDecimal value,
    @Schema(description = "ISO 4217; the configured default (USD) if omitted")
        @Nullable String currency,
    @Schema(
            description = "lead (default), qualified, proposal, negotiation, won or lost",
            example = "lead")
        @Nullable String stage,
    @Schema(description = "0-100; the stage's default if omitted") @Nullable Integer probability,
    @Nullable UUID assignedTo,
    @Nullable String contactName,
    @Nullable String companyName,
    @Nullable LocalDate expectedCloseDate) {}
