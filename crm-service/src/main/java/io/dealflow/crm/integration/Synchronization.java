package io.dealflow.crm.integration;

import io.dealflow.crm.deal.ImportOutcome;
import io.dealflow.crm.deal.Pipeline;
import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.IntegrationFailed;
import io.dealflow.crm.events.IntegrationSynced;
import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.events.Outbox;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a sync: the connector reads the source (no transaction is open meanwhile), then everything
 * it read is written in one transaction, with the integration's outcome and {@code
 * integration.synced}. A sync is all or nothing: when it fails nothing it read stays, and the
 * failure is recorded with {@code integration.failed} in a transaction of its own, so that the
 * rollback of the sync does not take the event with it.
 */
@Service
public class Synchronization {

  private static final Logger log = LoggerFactory.getLogger(Synchronization.class);
  private static final int MAX_REASON = 1000;

  private final Integrations integrations;
  private final Connections connections;
  private final Map<Provider, Connector> connectors = new EnumMap<>(Provider.class);
  private final Pipeline pipeline;
  private final ObjectProvider<LeadImport> leadImport;
  private final Outbox outbox;
  private final TransactionTemplate transaction;
  private final TransactionTemplate separateTransaction;

  Synchronization(
      Integrations integrations,
      Connections connections,
      List<Connector> connectors,
      Pipeline pipeline,
      ObjectProvider<LeadImport> leadImport,
      Outbox outbox,
      PlatformTransactionManager transactions) {
    this.integrations = integrations;
    this.connections = connections;
    connectors.forEach(connector -> this.connectors.put(connector.provider(), connector));
    this.pipeline = pipeline;
    this.leadImport = leadImport;
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactions);
    this.separateTransaction = new TransactionTemplate(transactions);
    separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Syncs the integration, if it belongs to one of {@code orgIds}.
   *
   * @param upload the file sent with the request, for providers that read one
   * @throws ApiException 404 for another organization's integration; 400 for a file that is not
   *     acceptable; 502 when the provider refuses or fails
   */
  public SyncReport sync(Collection<UUID> orgIds, UUID integrationId, byte @Nullable [] upload) {
    Integration integration = connections.get(orgIds, integrationId);
    Connector connector = connectors.get(integration.provider());
    if (connector == null) {
      throw new IllegalStateException("No connector for " + integration.provider());
    }
    try {
      Pulled pulled =
          connector.pull(
              new SyncSource(
                  integration.id(),
                  integration.orgId(),
                  integration.baseUrl(),
                  accessToken(integration),
                  integration.syncContacts(),
                  integration.syncDeals(),
                  integration.defaultCurrency(),
                  upload));
      return Objects.requireNonNull(transaction.execute(status -> write(integration, pulled)));
    } catch (SyncFailure failure) {
      recordFailure(integration, failure.reason());
      throw answer(integration, failure);
    } catch (ApiException e) {
      if (e.error().kind() != ErrorKind.NOT_FOUND) {
        recordFailure(integration, e.getMessage());
      }
      throw e;
    } catch (RuntimeException e) {
      log.error("Sync of integration {} failed", integration.id(), e);
      recordFailure(integration, "The sync failed unexpectedly; nothing was imported");
      throw e;
    }
  }

  /** The stored token, readable only with the key it was sealed with. */
  private @Nullable String accessToken(Integration integration) {
    try {
      return connections.accessToken(integration);
    } catch (IllegalStateException unreadable) {
      throw SyncFailure.credentials(
          "The stored access token cannot be decrypted with the configured encryption key;"
              + " connect the integration again");
    }
  }

  private SyncReport write(Integration integration, Pulled pulled) {
    integrations
        .lock(integration.id(), integration.orgId())
        .orElseThrow(Connections::integrationNotFound);
    String source = integration.provider().id();
    List<Pulled.Skipped> skipped = new ArrayList<>(pulled.skipped());
    int[] leads = new int[LeadImport.Outcome.values().length];
    if (!pulled.leads().isEmpty()) {
      LeadImport importer =
          leadImport.getIfAvailable(
              () -> {
                throw SyncFailure.unsupported(
                    "Leads cannot be imported: this crm-service has no lead import");
              });
      for (Pulled.Lead lead : pulled.leads()) {
        try {
          leads[
              importer
                  .upsert(integration.orgId(), source, lead.externalId(), lead.lead())
                  .ordinal()]++;
        } catch (IllegalArgumentException rejected) {
          String reason = Objects.requireNonNullElse(rejected.getMessage(), "not acceptable");
          if (pulled.strict()) {
            throw SyncFailure.input(
                "The lead on line " + lead.line() + " was refused: " + reason,
                List.of(new SyncFailure.Problem(lead.line(), null, reason)));
          }
          skipped.add(new Pulled.Skipped("contact " + lead.externalId(), reason));
        }
      }
    }
    int[] deals = new int[ImportOutcome.values().length];
    for (Pulled.Deal deal : pulled.deals()) {
      deals[
          pipeline
              .importDeal(integration.orgId(), source, deal.externalId(), deal.draft())
              .ordinal()]++;
    }
    SyncReport.Counts counts =
        new SyncReport.Counts(
            leads[LeadImport.Outcome.CREATED.ordinal()],
            leads[LeadImport.Outcome.UPDATED.ordinal()],
            leads[LeadImport.Outcome.UNCHANGED.ordinal()],
            deals[ImportOutcome.CREATED.ordinal()],
            deals[ImportOutcome.UPDATED.ordinal()],
            deals[ImportOutcome.UNCHANGED.ordinal()]);
    Instant now = now();
    integrations.recordOutcome(
        integration.id(), integration.orgId(), now, "success", null, counts.written());
    outbox.append(
        CrmEvents.INTEGRATION_SYNCED,
        integration.id(),
        integration.orgId(),
        new IntegrationSynced(integration.id(), source, "success", counts.written()));
    return new SyncReport(
        integration.id(), integration.provider(), counts.written(), counts, skipped, now);
  }

  private void recordFailure(Integration integration, String reason) {
    String shortened = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    separateTransaction.executeWithoutResult(
        status -> {
          if (integrations.recordOutcome(
              integration.id(), integration.orgId(), now(), "failed", shortened, null)) {
            outbox.append(
                CrmEvents.INTEGRATION_FAILED,
                integration.id(),
                integration.orgId(),
                new IntegrationFailed(integration.id(), integration.provider().id(), shortened, 0));
          }
        });
  }

  private static ApiException answer(Integration integration, SyncFailure failure) {
    ApiError error =
        switch (failure.kind()) {
          case INPUT ->
              ApiError.of(ErrorKind.BAD_REQUEST, failure.reason())
                  .withCode("INVALID_" + integration.provider().name())
                  .withMeta(
                      "problems",
                      failure.problems().stream().map(Synchronization::problem).toList());
          case CREDENTIALS ->
              ApiError.of(ErrorKind.BAD_GATEWAY, failure.reason())
                  .withCode("INTEGRATION_CREDENTIALS_REJECTED");
          case PROVIDER ->
              ApiError.of(ErrorKind.BAD_GATEWAY, failure.reason())
                  .withCode("INTEGRATION_SYNC_FAILED");
          case UNSUPPORTED ->
              ApiError.of(ErrorKind.UNAVAILABLE, failure.reason())
                  .withCode("INTEGRATION_SYNC_UNSUPPORTED");
        };
    return new ApiException(
        error
            .withMeta("integrationId", integration.id().toString())
            .withMeta("provider", integration.provider().id())
            .withMeta("status", "failed")
            .withMeta("recordsSynced", 0));
  }

  private static Map<String, Object> problem(SyncFailure.Problem problem) {
    return problem.column() == null
        ? Map.of("line", problem.line(), "message", problem.message())
        : Map.of("line", problem.line(), "column", problem.column(), "message", problem.message());
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
