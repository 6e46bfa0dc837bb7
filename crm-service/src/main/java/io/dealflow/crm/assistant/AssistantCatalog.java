package io.dealflow.crm.assistant;

import io.dealflow.crm.assistant.AssistantRequests.AssistantChange;
import io.dealflow.crm.conversation.audio.AudioOwner;
import io.dealflow.crm.conversation.audio.AudioStore;
import io.dealflow.crm.jsonapi.Page;
import io.dealflow.crm.jsonapi.PageRequest;
import io.dealflow.crm.jsonapi.Sort;
import io.dealflow.crm.jsonapi.Violations;
import io.dealflow.platform.error.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and deleting an organization's assistants. */
@Service
class AssistantCatalog {

  private final Assistants assistants;
  private final AudioStore audio;
  private final Clock clock = Clock.systemUTC();

  AssistantCatalog(Assistants assistants, AudioStore audio) {
    this.assistants = assistants;
    this.audio = audio;
  }

  @Transactional
  Assistant create(UUID orgId, UUID userId, AssistantChange change) {
    Violations violations = new Violations("assistant");
    if (change.name() == null) {
      violations.add("name", "blank", "Name can't be blank");
    }
    change.checkVoiceSettings(violations);
    violations.throwIfAny();
    Instant now = clock.instant();
    return assistants.insert(
        new Assistant(
            UUID.randomUUID(),
            orgId,
            userId,
            Objects.requireNonNull(change.name()).strip(),
            strip(change.tone()),
            strip(change.role()),
            change.script(),
            change.voiceSettings(),
            now,
            now));
  }

  @Transactional
  Assistant update(UUID orgId, UUID id, AssistantChange change) {
    Violations violations = new Violations("assistant");
    change.checkVoiceSettings(violations);
    violations.throwIfAny();
    Assistant current = assistants.lock(orgId, id).orElseThrow(AssistantCatalog::notFound);
    VoiceSettings voice =
        change.voiceSettings() == null
            ? current.voiceSettings()
            : current.voiceSettings() == null
                ? change.voiceSettings()
                : current.voiceSettings().merge(change.voiceSettings());
    return assistants.update(
        new Assistant(
            current.id(),
            current.orgId(),
            current.userId(),
            change.name() != null ? change.name().strip() : current.name(),
            change.tone() != null ? strip(change.tone()) : current.tone(),
            change.role() != null ? strip(change.role()) : current.role(),
            change.script() != null ? change.script() : current.script(),
            voice,
            current.createdAt(),
            current.updatedAt()));
  }

  @Transactional(readOnly = true)
  Assistant get(UUID orgId, UUID id) {
    return assistants.find(orgId, id).orElseThrow(AssistantCatalog::notFound);
  }

  @Transactional(readOnly = true)
  Page<Assistant> list(UUID orgId, Sort sort, PageRequest page) {
    return new Page<>(assistants.page(orgId, sort, page), assistants.count(orgId), page);
  }

  /**
   * Deletes the assistant and its voice sample; its leads, conversations and appointments stay,
   * without an assistant.
   */
  @Transactional
  void delete(UUID orgId, UUID id) {
    if (!assistants.delete(orgId, id)) {
      throw notFound();
    }
    audio.delete(orgId, AudioOwner.ASSISTANT, id);
  }

  private static ApiException notFound() {
    return ApiException.notFound("Assistant");
  }

  private static @Nullable String strip(@Nullable String value) {
    return value == null ? null : value.strip();
  }
}
