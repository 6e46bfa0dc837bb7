package io.dealflow.playbook.sailwind;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.events.Outbox;
import io.dealflow.playbook.events.PlaybookEvents;
import io.dealflow.playbook.events.StrategyApproved;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's strategies: how to sell which product to which client. A strategy's product
 * and client are the organization's own and not archived when it is written; approving one emits
 * {@code strategy.approved} in the same transaction.
 */
@Service
public class Playbook {

  private static final Logger log = LoggerFactory.getLogger(Playbook.class);

  private final Strategies strategies;
  private final Clients clients;
  private final Products products;
  private final Outbox outbox;

  Playbook(Strategies strategies, Clients clients, Products products, Outbox outbox) {
    this.strategies = strategies;
    this.clients = clients;
    this.products = products;
    this.outbox = outbox;
  }

  @Transactional(readOnly = true)
  public List<Strategy> strategies(UUID orgId, boolean includeArchived) {
    return strategies.list(orgId, includeArchived);
  }

  @Transactional(readOnly = true)
  public Strategy strategy(UUID orgId, UUID id) {
    return strategies.find(orgId, id, false).orElseThrow(Playbook::strategyNotFound);
  }

  /**
   * Writes a new strategy, draft or approved.
   *
   * @throws ApiException 404 when the product or client is not the organization's, 400 when one is
   *     archived or the status is archived
   */
  @Transactional
  public Strategy create(
      UUID orgId, UUID author, UUID productId, UUID clientId, String text, StrategyStatus status) {
    if (status == StrategyStatus.ARCHIVED) {
      throw ApiException.invalid(
          "status", "invalid", "A new strategy is draft or approved, not archived");
    }
    requireUsable(orgId, productId, clientId);
    Instant now = Rows.now();
    Strategy strategy =
        new Strategy(UUID.randomUUID(), orgId, productId, clientId, text, status, author, now, now);
    strategies.insert(strategy, false);
    log.info("Strategy {} created ({}) in organization {}", strategy.id(), status.id(), orgId);
    if (status == StrategyStatus.APPROVED) {
      recordApproved(strategy, author);
    }
    return strategy;
  }

  /**
   * Changes a strategy's text and status.
   *
   * @param text the new text, or null to keep it
   * @param status the new status, or null to keep it
   * @param archived true to archive, false to require that it is not archived, null to leave it
   * @throws ApiException 400 {@code INVALID_STATUS_TRANSITION} for a move other than draft to
   *     approved to archived
   */
  @Transactional
  public Strategy revise(
      UUID orgId,
      UUID id,
      UUID actor,
      @Nullable String text,
      @Nullable StrategyStatus status,
      @Nullable Boolean archived) {
    Strategy current = strategies.find(orgId, id, true).orElseThrow(Playbook::strategyNotFound);
    StrategyStatus next = status != null ? status : current.status();
    if (Boolean.TRUE.equals(archived)) {
      next = StrategyStatus.ARCHIVED;
    } else if (Boolean.FALSE.equals(archived) && next == StrategyStatus.ARCHIVED) {
      throw Strategy.cannotRestore();
    }
    Strategy revised =
        current.revise(text != null ? text : current.strategyText(), next, Rows.now());
    if (revised.strategyText().equals(current.strategyText())
        && revised.status() == current.status()) {
      return current;
    }
    strategies.update(revised);
    if (revised.status() != current.status()) {
      log.info("Strategy {} moved from {} to {}", id, current.status().id(), revised.status().id());
      if (revised.status() == StrategyStatus.APPROVED) {
        recordApproved(revised, actor);
      }
    }
    return revised;
  }

  /**
   * Creates the strategy with this id unless it exists (demo data), emitting {@code
   * strategy.approved} when it is created approved; true if created.
   */
  @Transactional
  public boolean ensure(Strategy strategy, UUID approver) {
    if (!strategies.insert(strategy, true)) {
      return false;
    }
    if (strategy.status() == StrategyStatus.APPROVED) {
      recordApproved(strategy, approver);
    }
    return true;
  }

  private void requireUsable(UUID orgId, UUID productId, UUID clientId) {
    Product product =
        products.find(orgId, productId, false).orElseThrow(() -> ApiException.notFound("Product"));
    Client client =
        clients.find(orgId, clientId, false).orElseThrow(() -> ApiException.notFound("Client"));
    if (product.archived()) {
      throw ApiException.invalid("productId", "archived", "The product is archived");
    }
    if (client.archived()) {
      throw ApiException.invalid("clientId", "archived", "The client is archived");
    }
  }

  private void recordApproved(Strategy strategy, UUID approver) {
    outbox.append(
        PlaybookEvents.STRATEGY_APPROVED,
        strategy.id(),
        strategy.orgId(),
        new StrategyApproved(
            strategy.id(),
            strategy.productId(),
            strategy.clientId(),
            approver,
            strategy.updatedAt()));
  }

  static ApiException strategyNotFound() {
    return ApiException.notFound("Strategy");
  }
}
