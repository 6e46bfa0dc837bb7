package io.dealflow.crm.lead;

import io.dealflow.crm.assistant.AssistantDirectory;
import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.LeadCreated;
import io.dealflow.crm.events.LeadQualified;
import io.dealflow.crm.events.LeadScoreChanged;
import io.dealflow.crm.events.LeadStatusChanged;
import io.dealflow.crm.integration.LeadImport;
import io.dealflow.crm.jsonapi.JsonObjects;
import io.dealflow.crm.jsonapi.Page;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.Sort;
import io.dealflow.crm.jsonapi.Violations;
import io.dealflow.crm.lead.LeadRequests.LeadChange;
import io.dealflow.crm.lead.LeadScoring.ScoreCard;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing leads, with their score and qualification kept true to their data. Every
 * change recomputes the score; a lead qualifies, once, when its score rises to the threshold or its
 * status is set to {@code qualified} (or a client says {@code qualified: true}), and a
 * qualification of a lead still {@code new} moves it to {@code qualified}. Events are written with
 * the change, each once per real change: a score that moved writes {@code lead.score.changed} (with
 * the criteria behind it, so that a live LeadChannel can show why), a status that moved {@code
 * lead.status.changed}.
 */
@Service
class LeadBook {

  private final Leads leads;
  private final LeadEngagement engagement;
  private final AssistantDirectory assistants;
  private final Outbox outbox;
  private final LeadProperties properties;
  private final Clock clock = Clock.systemUTC();

  LeadBook(
      Leads leads,
      LeadEngagement engagement,
      AssistantDirectory assistants,
      Outbox outbox,
      LeadProperties properties) {
    this.leads = leads;
    this.engagement = engagement;
    this.assistants = assistants;
    this.outbox = outbox;
    this.properties = properties;
  }

  /**
   * What a request says about qualification, beyond the data.
   *
   * @param qualify the client asked to qualify the lead
   * @param withdraw the client withdrew the qualification ({@code qualified: false}, or status set
   *     back to {@code new})
   * @param statusGiven the client chose the status itself, so a qualification does not move it
   */
  private record Intent(boolean qualify, boolean withdraw, boolean statusGiven) {
    static final Intent NONE = new Intent(false, false, false);
  }

  @Transactional
  Lead create(UUID orgId, LeadChange change) {
    Violations violations = new Violations("lead");
    if (change.name() == null) {
      violations.add("name", "blank", "Name can't be blank");
    }
    LeadStatus status = status(change.status(), violations);
    UUID assistantId = assistant(orgId, change.assistantId(), violations);
    violations.throwIfAny();
    Instant now = clock.instant();
    Lead draft =
        new Lead(
            UUID.randomUUID(),
            orgId,
            assistantId,
            Objects.requireNonNull(change.name()).strip(),
            strip(change.email()),
            strip(change.phone()),
            strip(change.source()),
            status == null ? LeadStatus.NEW : status,
            null,
            change.score() == null ? 0 : change.score(),
            0,
            change.score() != null,
            List.of(),
            JsonObjects.merge(Map.of(), change.metadata()),
            now,
            now);
    Intent intent = new Intent(Boolean.TRUE.equals(change.qualified()), false, status != null);
    return settle(null, draft, intent);
  }

  @Transactional
  Lead update(UUID orgId, UUID id, LeadChange change) {
    Violations violations = new Violations("lead");
    LeadStatus status = status(change.status(), violations);
    UUID assistantId = assistant(orgId, change.assistantId(), violations);
    violations.throwIfAny();
    Lead before = leads.lock(orgId, id).orElseThrow(LeadBook::notFound);
    boolean override =
        change.score() != null
            || (before.scoreOverride() && !Boolean.FALSE.equals(change.scoreOverride()));
    Lead draft =
        new Lead(
            before.id(),
            orgId,
            assistantId != null ? assistantId : before.assistantId(),
            change.name() != null ? change.name().strip() : before.name(),
            change.email() != null ? strip(change.email()) : before.email(),
            change.phone() != null ? strip(change.phone()) : before.phone(),
            change.source() != null ? strip(change.source()) : before.source(),
            status != null ? status : before.status(),
            before.qualifiedAt(),
            change.score() != null ? change.score() : before.score(),
            before.computedScore(),
            override,
            before.breakdown(),
            JsonObjects.merge(before.metadata(), change.metadata()),
            before.createdAt(),
            before.updatedAt());
    boolean withdraw =
        Boolean.FALSE.equals(change.qualified())
            || (status == LeadStatus.NEW && before.status() != LeadStatus.NEW);
    return settle(
        before,
        draft,
        new Intent(Boolean.TRUE.equals(change.qualified()), withdraw, status != null));
  }

  @Transactional
  Lead changeStatus(UUID orgId, UUID id, String value) {
    Violations violations = new Violations("lead");
    LeadStatus status = status(value, violations);
    violations.throwIfAny();
    Lead before = leads.lock(orgId, id).orElseThrow(LeadBook::notFound);
    Lead draft = withStatus(before, Objects.requireNonNull(status));
    boolean withdraw = status == LeadStatus.NEW && before.status() != LeadStatus.NEW;
    return settle(before, draft, new Intent(false, withdraw, true));
  }

  /**
   * Creates or updates a lead another system knows, found again by its id there; the source's facts
   * are laid over the lead's metadata, and values it does not know keep theirs.
   */
  @Transactional
  LeadImport.Outcome importLead(
      UUID orgId, String source, String externalId, LeadImport.ImportedLead imported) {
    Map<String, Object> facts = new LinkedHashMap<>(imported.metadata());
    if (imported.company() != null) {
      facts.put("company", imported.company());
    }
    Lead before = leads.lockByExternalId(orgId, source, externalId).orElse(null);
    if (before == null) {
      Instant now = clock.instant();
      Lead created =
          settle(
              null,
              new Lead(
                  UUID.randomUUID(),
                  orgId,
                  null,
                  imported.name().strip(),
                  strip(imported.email()),
                  strip(imported.phone()),
                  source,
                  LeadStatus.NEW,
                  null,
                  0,
                  0,
                  false,
                  List.of(),
                  facts,
                  now,
                  now),
              Intent.NONE);
      leads.setExternalId(orgId, created.id(), externalId);
      return LeadImport.Outcome.CREATED;
    }
    Map<String, Object> metadata = new LinkedHashMap<>(before.metadata());
    metadata.putAll(facts);
    Lead draft =
        new Lead(
            before.id(),
            orgId,
            before.assistantId(),
            imported.name().strip(),
            imported.email() != null ? strip(imported.email()) : before.email(),
            imported.phone() != null ? strip(imported.phone()) : before.phone(),
            before.source(),
            before.status(),
            before.qualifiedAt(),
            before.score(),
            before.computedScore(),
            before.scoreOverride(),
            before.breakdown(),
            metadata,
            before.createdAt(),
            before.updatedAt());
    return settle(before, draft, Intent.NONE) == before
        ? LeadImport.Outcome.UNCHANGED
        : LeadImport.Outcome.UPDATED;
  }

  /** Recomputes the lead's score after its conversations changed; a missing lead is ignored. */
  @Transactional
  void rescore(UUID orgId, UUID id) {
    leads.lock(orgId, id).ifPresent(before -> settle(before, before, Intent.NONE));
  }

  @Transactional(readOnly = true)
  Lead get(UUID orgId, UUID id) {
    return leads.find(orgId, id).orElseThrow(LeadBook::notFound);
  }

  @Transactional(readOnly = true)
  boolean exists(UUID orgId, UUID id) {
    return leads.exists(orgId, id);
  }

  @Transactional(readOnly = true)
  Page<Lead> list(UUID orgId, LeadFilter filter, Sort sort, PageRequest page) {
    return new Page<>(leads.page(orgId, filter, sort, page), leads.count(orgId, filter), page);
  }

  /** Deletes the lead and its appointments; its conversations stay, without a lead. */
  @Transactional
  void delete(UUID orgId, UUID id) {
    if (!leads.delete(orgId, id)) {
      throw notFound();
    }
  }

  /**
   * Scores the draft, decides its qualification, stores it and writes the events it causes.
   *
   * @param before the lead as stored, null for a new one
   */
  private Lead settle(@Nullable Lead before, Lead draft, Intent intent) {
    ScoreCard card =
        LeadScoring.score(
            draft.metadata(),
            before == null ? Engagement.NONE : engagement.of(draft.orgId(), draft.id()),
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    int score = draft.scoreOverride() ? draft.score() : card.total();
    int threshold = properties.qualificationThreshold();
    int previousScore = before == null ? 0 : before.score();
    LeadStatus previousStatus = before == null ? null : before.status();

    Instant qualifiedAt = intent.withdraw() ? null : draft.qualifiedAt();
    boolean crossed = previousScore < threshold && score >= threshold;
    boolean statusQualified =
        draft.status() == LeadStatus.QUALIFIED && previousStatus != LeadStatus.QUALIFIED;
    boolean qualifies =
        qualifiedAt == null
            && !intent.withdraw()
            && (crossed || statusQualified || intent.qualify());
    LeadStatus status = draft.status();
    if (qualifies) {
      qualifiedAt = clock.instant();
      if (status == LeadStatus.NEW && !intent.statusGiven()) {
        status = LeadStatus.QUALIFIED;
      }
    }
    Lead scored =
        new Lead(
            draft.id(),
            draft.orgId(),
            draft.assistantId(),
            draft.name(),
            draft.email(),
            draft.phone(),
            draft.source(),
            status,
            qualifiedAt,
            score,
            card.total(),
            draft.scoreOverride(),
            card.criteria(),
            draft.metadata(),
            draft.createdAt(),
            draft.updatedAt());
    if (before != null && scored.equals(withTimes(before, scored))) {
      return before;
    }
    Lead saved = before == null ? leads.insert(scored) : leads.update(scored);
    UUID orgId = saved.orgId();
    if (before == null) {
      outbox.append(
          CrmEvents.LEAD_CREATED,
          saved.id(),
          orgId,
          new LeadCreated(
              saved.id(),
              saved.assistantId(),
              saved.name(),
              saved.email(),
              saved.source(),
              saved.status().wire(),
              saved.score()));
    } else if (previousStatus != saved.status()) {
      outbox.append(
          CrmEvents.LEAD_STATUS_CHANGED,
          saved.id(),
          orgId,
          new LeadStatusChanged(
              saved.id(),
              Objects.requireNonNull(previousStatus).wire(),
              saved.status().wire(),
              saved.score()));
    }
    if (before != null && previousScore != saved.score()) {
      outbox.append(
          CrmEvents.LEAD_SCORE_CHANGED,
          saved.id(),
          orgId,
          new LeadScoreChanged(saved.id(), previousScore, saved.score(), factors(card)));
    }
    if (qualifies) {
      outbox.append(
          CrmEvents.LEAD_QUALIFIED,
          saved.id(),
          orgId,
          new LeadQualified(saved.id(), saved.score(), card.contributing()));
    }
    return saved;
  }

  private static List<LeadScoreChanged.Factor> factors(ScoreCard card) {
    return card.criteria().stream()
        .map(c -> new LeadScoreChanged.Factor(c.criterion(), c.points(), c.maxPoints(), c.reason()))
        .toList();
  }

  /** The stored lead with the draft's timestamps, to tell whether anything changed at all. */
  private static Lead withTimes(Lead lead, Lead times) {
    return new Lead(
        lead.id(),
        lead.orgId(),
        lead.assistantId(),
        lead.name(),
        lead.email(),
        lead.phone(),
        lead.source(),
        lead.status(),
        lead.qualifiedAt(),
        lead.score(),
        lead.computedScore(),
        lead.scoreOverride(),
        lead.breakdown(),
        lead.metadata(),
        times.createdAt(),
        times.updatedAt());
  }

  private static Lead withStatus(Lead lead, LeadStatus status) {
    return new Lead(
        lead.id(),
        lead.orgId(),
        lead.assistantId(),
        lead.name(),
        lead.email(),
        lead.phone(),
        lead.source(),
        status,
        lead.qualifiedAt(),
        lead.score(),
        lead.computedScore(),
        lead.scoreOverride(),
        lead.breakdown(),
        lead.metadata(),
        lead.createdAt(),
        lead.updatedAt());
  }

  private static @Nullable LeadStatus status(@Nullable String value, Violations violations) {
    return violations.oneOf("status", "Status", value, LeadStatus.WIRE_NAMES, LeadStatus::fromWire);
  }

  private @Nullable UUID assistant(UUID orgId, @Nullable String value, Violations violations) {
    return violations.existing(
        "assistant_id", "Assistant", value, id -> assistants.exists(orgId, id));
  }

  private static ApiException notFound() {
    return ApiException.notFound("Lead");
  }

  /** Trimmed, and null when blank: an empty email or phone is no email or phone. */
  private static @Nullable String strip(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
