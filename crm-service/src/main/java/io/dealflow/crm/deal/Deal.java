package io.dealflow.crm.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deal in a workspace's pipeline. Changes go through {@link #revise}, which keeps the stage
 * rules: a won deal has probability 100, a lost one 0, and a closed deal carries the time it
 * closed.
 *
 * @param id its id
 * @param orgId its workspace (organization)
 * @param title what it is
 * @param value its value in {@code currency}
 * @param currency ISO 4217 code
 * @param stage where it is in the pipeline
 * @param probability win probability, percent
 * @param assignedTo the user who owns it, if any
 * @param contactName the person it is with, if known
 * @param companyName the company it is with, if known
 * @param expectedCloseDate when it is expected to close, if known
 * @param closedAt when it was won or lost; null while open
 * @param source where it came from: manual, hubspot, csv or demo
 * @param externalId its id in the system it was synced from; null unless synced
 * @param createdBy the user who created it; null when a sync did
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version incremented by every change, for optimistic locking
 */
public record Deal(
    DealId id,
    UUID orgId,
    String title,
    BigDecimal value,
    String currency,
    Stage stage,
    int probability,
    @Nullable UUID assignedTo,
    @Nullable String contactName,
    @Nullable String companyName,
    @Nullable LocalDate expectedCloseDate,
    @Nullable Instant closedAt,
    String source,
    @Nullable String externalId,
    @Nullable UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String MANUAL = "manual";

  /** A new deal from a valid draft. */
  static Deal open(
      DealId id,
      UUID orgId,
      DealDraft draft,
      String source,
      @Nullable String externalId,
      @Nullable UUID createdBy,
      Instant now) {
    Stage stage = draft.stage();
    return new Deal(
        id,
        orgId,
        draft.title(),
        draft.value(),
        draft.currency(),
        stage,
        probability(stage, draft.probability(), stage.defaultProbability()),
        draft.assignedTo(),
        draft.contactName(),
        draft.companyName(),
        draft.expectedCloseDate(),
        stage.isClosed() ? now : null,
        source,
        externalId,
        createdBy,
        now,
        now,
        0);
  }

  /**
   * The deal as the draft says it should be. Without a probability in the draft, a deal that moves
   * to another stage gets that stage's default and one that stays keeps its own.
   */
  Deal revise(DealDraft draft, Instant now) {
    Stage next = draft.stage();
    boolean moved = next != stage;
    int fallback = moved ? next.defaultProbability() : probability;
    Instant closed = !next.isClosed() ? null : moved || closedAt == null ? now : closedAt;
    return new Deal(
        id,
        orgId,
        draft.title(),
        draft.value(),
        draft.currency(),
        next,
        probability(next, draft.probability(), fallback),
        draft.assignedTo(),
        draft.contactName(),
        draft.companyName(),
        draft.expectedCloseDate(),
        closed,
        source,
        externalId,
        createdBy,
        createdAt,
        now,
        version);
  }

  /** The same deal at the next version, as it is once written. */
  Deal nextVersion() {
    return new Deal(
        id,
        orgId,
        title,
        value,
        currency,
        stage,
        probability,
        assignedTo,
        contactName,
        companyName,
        expectedCloseDate,
        closedAt,
        source,
        externalId,
        createdBy,
        createdAt,
        updatedAt,
        version + 1);
  }

  /** The deal as a draft, to be changed field by field. */
  public DealDraft draft() {
    return new DealDraft(
        title,
        value,
        currency,
        stage,
        probability,
        assignedTo,
        contactName,
        companyName,
        expectedCloseDate);
  }

  /** Whether the other holds the same business data (ignoring ids, times and version). */
  boolean sameContentAs(Deal other) {
    return title.equals(other.title)
        && value.compareTo(other.value) == 0
        && currency.equals(other.currency)
        && stage == other.stage
        && probability == other.probability
        && Objects.equals(assignedTo, other.assignedTo)
        && Objects.equals(contactName, other.contactName)
        && Objects.equals(companyName, other.companyName)
        && Objects.equals(expectedCloseDate, other.expectedCloseDate);
  }

  /** The value with exactly as many decimals as its currency has, e.g. 25000.00 USD. */
  public BigDecimal amount() {
    Currency known = DealDraft.currencyOf(currency);
    int digits = known == null ? 2 : DealDraft.fractionDigits(known);
    return value.setScale(digits, RoundingMode.HALF_EVEN);
  }

  private static int probability(Stage stage, @Nullable Integer given, int fallback) {
    return switch (stage) {
      case WON -> 100;
      case LOST -> 0;
      default -> given != null ? given : fallback;
    };
  }
}
