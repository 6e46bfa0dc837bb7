package io.dealflow.crm.lead;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lead of an organization.
 *
 * @param id its id
 * @param orgId its organization
 * @param assistantId the assistant it is assigned to
 * @param name its name
 * @param email its email
 * @param phone its phone number
 * @param source where it came from
 * @param status where it stands in the pipeline
 * @param qualifiedAt when it became qualified (null while it is not): set once per qualification
 * @param score the score clients see: the computed one, or the client's when {@code scoreOverride}
 * @param computedScore the score from {@link LeadScoring}
 * @param scoreOverride whether a client set the score by hand
 * @param breakdown the computed score's criteria
 * @param metadata the client's free-form facts (company, industry, budget, title, ...)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record Lead(
    UUID id,
    UUID orgId,
    @Nullable UUID assistantId,
    String name,
    @Nullable String email,
    @Nullable String phone,
    @Nullable String source,
    LeadStatus status,
    @Nullable Instant qualifiedAt,
    int score,
    int computedScore,
    boolean scoreOverride,
    List<Criterion> breakdown,
    Map<String, Object> metadata,
    Instant createdAt,
    Instant updatedAt) {

  Lead {
    breakdown = List.copyOf(breakdown);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  boolean qualified() {
    return qualifiedAt != null;
  }

  /** The criteria that added points to the computed score. */
  List<String> contributingCriteria() {
    return breakdown.stream().filter(c -> c.points() > 0).map(Criterion::criterion).toList();
  }
}
