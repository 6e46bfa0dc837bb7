package io.dealflow.crm.integration;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stands in for the Spotlight side's lead import in tests of the sync: keeps the leads it was given
 * by {@code (org, source, external id)} in memory, answers created / updated / unchanged as the
 * contract says, and notes whether each call ran inside a transaction.
 */
public final class RecordingLeadImport implements LeadImport {

  /**
   * One call.
   *
   * @param orgId the organization
   * @param source the source
   * @param externalId the id in the source
   * @param lead the lead
   * @param inTransaction whether a transaction was active
   */
  public record Call(
      UUID orgId, String source, String externalId, ImportedLead lead, boolean inTransaction) {}

  private final Map<String, ImportedLead> leads = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public Outcome upsert(UUID orgId, String source, String externalId, ImportedLead lead) {
    if (lead.name().isBlank()) {
      throw new IllegalArgumentException("A lead needs a name");
    }
    calls.add(
        new Call(
            orgId,
            source,
            externalId,
            lead,
            TransactionSynchronizationManager.isActualTransactionActive()));
    ImportedLead before = leads.put(orgId + "/" + source + "/" + externalId, lead);
    if (before == null) {
      return Outcome.CREATED;
    }
    return Objects.equals(before, lead) ? Outcome.UNCHANGED : Outcome.UPDATED;
  }

  public List<Call> calls(UUID orgId) {
    return calls.stream().filter(c -> c.orgId().equals(orgId)).toList();
  }
}
