package io.dealflow.crm.lead;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a lead list is narrowed to; null fields do not narrow.
 *
 * @param assistantId only this assistant's leads
 * @param status only leads in this status
 * @param source only leads from this source (case-insensitive)
 * @param createdAfter only leads created at or after this instant
 * @param search only leads whose {@code searchFields} contain this text (case-insensitive)
 * @param searchFields where to search: name, email, company
 */
record LeadFilter(
    @Nullable UUID assistantId,
    @Nullable LeadStatus status,
    @Nullable String source,
    @Nullable Instant createdAfter,
    @Nullable String search,
    Set<String> searchFields) {

  static final Set<String> SEARCHABLE = Set.of("name", "email", "company");

  LeadFilter {
    searchFields = Set.copyOf(searchFields);
  }
}
