package io.dealflow.playbook.sailwind;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.events.Outbox;
import io.dealflow.playbook.events.PlaybookEvents;
import io.dealflow.playbook.events.RepAssigned;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rep assignments: which rep practises selling which product to which client, and how long. An
 * assignment is written, with its {@code rep.assigned} event, only after identity-service confirmed
 * that the rep belongs to the organization (asked outside the transaction: no connection is held
 * while it answers).
 */
@Service
public class Roster {

  private static final Logger log = LoggerFactory.getLogger(Roster.class);

  private final RepAssignments assignments;
  private final Clients clients;
  private final Products products;
  private final Strategies strategies;
  private final OrganizationMembers members;
  private final Outbox outbox;
  private final TransactionTemplate transaction;

  Roster(
      RepAssignments assignments,
      Clients clients,
      Products products,
      Strategies strategies,
      OrganizationMembers members,
      Outbox outbox,
      PlatformTransactionManager transactions) {
    this.assignments = assignments;
    this.clients = clients;
    this.products = products;
    this.strategies = strategies;
    this.members = members;
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * What an admin asks for.
   *
   * @param userId the rep
   * @param productId the product, the organization's and not archived
   * @param clientId the client, the organization's and not archived
   * @param strategyId an approved strategy for that product and client, if any
   * @param minPracticeMinutes the practice asked for
   */
  public record Assignment(
      UUID userId,
      UUID productId,
      UUID clientId,
      @Nullable UUID strategyId,
      int minPracticeMinutes) {}

  /**
   * Assigns a rep.
   *
   * @param authorization the admin's {@code Authorization} header, to ask identity-service with
   * @throws ApiException 404 for a product, client, strategy or user not of the organization; 400
   *     for an archived product or client, or a strategy that is not approved or is for another
   *     product or client; 503 when identity-service cannot answer
   */
  public RepAssignment assign(UUID orgId, UUID admin, Assignment request, String authorization) {
    transaction.executeWithoutResult(status -> requireUsable(orgId, request));
    members.requireMember(orgId, request.userId(), authorization);
    RepAssignment assignment =
        transaction.execute(
            status -> {
              requireUsable(orgId, request);
              Instant now = Rows.now();
              RepAssignment created =
                  new RepAssignment(
                      UUID.randomUUID(),
                      orgId,
                      request.userId(),
                      request.productId(),
                      request.clientId(),
                      request.strategyId(),
                      request.minPracticeMinutes(),
                      0,
                      admin,
                      now,
                      now);
              assignments.insert(created, false);
              recordAssigned(created, admin);
              return created;
            });
    log.info("Rep {} assigned ({}) in organization {}", request.userId(), assignment.id(), orgId);
    return assignment;
  }

  /** The user's assignments in the organization, newest first. */
  @Transactional(readOnly = true)
  public List<RepAssignment> of(UUID orgId, UUID userId) {
    return assignments.ofUser(orgId, userId);
  }

  /**
   * Creates the assignment with this id unless it exists (demo data), emitting {@code rep.assigned}
   * when created; true if created.
   */
  @Transactional
  public boolean ensure(RepAssignment assignment, UUID admin) {
    if (!assignments.insert(assignment, true)) {
      return false;
    }
    recordAssigned(assignment, admin);
    return true;
  }

  private void requireUsable(UUID orgId, Assignment request) {
    Product product =
        products
            .find(orgId, request.productId(), false)
            .orElseThrow(() -> ApiException.notFound("Product"));
    Client client =
        clients
            .find(orgId, request.clientId(), false)
            .orElseThrow(() -> ApiException.notFound("Client"));
    if (product.archived()) {
      throw ApiException.invalid("productId", "archived", "The product is archived");
    }
    if (client.archived()) {
      throw ApiException.invalid("clientId", "archived", "The client is archived");
    }
    if (request.strategyId() == null) {
      return;
    }
    Strategy strategy =
        strategies.find(orgId, request.strategyId(), false).orElseThrow(Playbook::strategyNotFound);
    if (strategy.status() != StrategyStatus.APPROVED) {
      throw ApiException.invalid(
          "strategyId", "not_approved", "Only an approved strategy can be assigned");
    }
    if (!strategy.productId().equals(product.id()) || !strategy.clientId().equals(client.id())) {
      throw ApiException.invalid(
          "strategyId", "mismatch", "The strategy is for another product or client");
    }
  }

  private void recordAssigned(RepAssignment assignment, UUID admin) {
    outbox.append(
        PlaybookEvents.REP_ASSIGNED,
        assignment.id(),
        assignment.orgId(),
        new RepAssigned(
            assignment.id(),
            assignment.userId(),
            assignment.productId(),
            assignment.clientId(),
            assignment.strategyId(),
            assignment.minPracticeMinutes(),
            admin));
  }
}
