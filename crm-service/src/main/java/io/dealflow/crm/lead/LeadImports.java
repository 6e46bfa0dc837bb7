package io.dealflow.crm.lead;

import io.dealflow.crm.integration.LeadImport;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Leads pulled by an integration sync (HubSpot contacts, CSV rows). A lead that is not acceptable
 * is refused before any row is touched, so that the sync's transaction stays usable for the other
 * records; an accepted one is scored, qualified and announced like any other.
 */
@Component
class LeadImports implements LeadImport {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final LeadBook book;

  LeadImports(LeadBook book) {
    this.book = book;
  }

  @Override
  public Outcome upsert(UUID orgId, String source, String externalId, ImportedLead lead) {
    if (lead.name().isBlank()) {
      throw new IllegalArgumentException("The lead has no name");
    }
    tooLong("name", lead.name(), 200);
    tooLong("email", lead.email(), 320);
    tooLong("phone", lead.phone(), 40);
    tooLong("company", lead.company(), 200);
    if (lead.email() != null
        && !lead.email().isBlank()
        && !EMAIL.matcher(lead.email().strip()).matches()) {
      throw new IllegalArgumentException("The lead's email '" + lead.email() + "' is invalid");
    }
    if (externalId.isBlank()) {
      throw new IllegalArgumentException("The lead has no id in " + source);
    }
    return book.importLead(orgId, source, externalId, lead);
  }

  private static void tooLong(String field, @Nullable String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(
          "The lead's " + field + " is longer than " + max + " characters");
    }
  }
}
