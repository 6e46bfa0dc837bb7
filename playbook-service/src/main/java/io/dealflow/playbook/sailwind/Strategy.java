package io.dealflow.playbook.sailwind;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How to sell a product to a client: the text reps practise and the coach grounds its answers in.
 *
 * @param id its id
 * @param orgId its organization
 * @param productId the product, of the same organization
 * @param clientId the client, of the same organization
 * @param strategyText the strategy itself
 * @param status draft, approved or archived
 * @param createdBy who wrote it; null for demo data
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Strategy(
    UUID id,
    UUID orgId,
    UUID productId,
    UUID clientId,
    String strategyText,
    StrategyStatus status,
    @Nullable UUID createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public static final int MAX_TEXT = 20_000;

  public boolean archived() {
    return status == StrategyStatus.ARCHIVED;
  }

  /**
   * The strategy with another text and status.
   *
   * @throws ApiException 400 {@code INVALID_STATUS_TRANSITION} for a move backwards, and for a
   *     change of an archived strategy's text
   */
  Strategy revise(String text, StrategyStatus next, Instant now) {
    if (!status.canMoveTo(next)) {
      throw illegalMove(status, next);
    }
    if (archived() && !text.equals(strategyText)) {
      throw new ApiException(
          ApiError.of(ErrorKind.BAD_REQUEST, "An archived strategy can't be changed")
              .withCode("STRATEGY_ARCHIVED"));
    }
    return new Strategy(id, orgId, productId, clientId, text, next, createdBy, createdAt, now);
  }

  static ApiException cannotRestore() {
    return new ApiException(
        ApiError.of(
                ErrorKind.BAD_REQUEST,
                "An archived strategy can't be restored; it moves draft -> approved -> archived"
                    + " only")
            .withCode("INVALID_STATUS_TRANSITION"));
  }

  static ApiException illegalMove(StrategyStatus from, StrategyStatus to) {
    return new ApiException(
        ApiError.of(
                ErrorKind.BAD_REQUEST,
                "A strategy can't move from "
                    + from.id()
                    + " to "
                    + to.id()
                    + "; it moves draft -> approved -> archived only")
            .withCode("INVALID_STATUS_TRANSITION"));
  }
}
