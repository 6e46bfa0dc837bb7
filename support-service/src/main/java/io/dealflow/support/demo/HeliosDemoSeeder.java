package io.dealflow.support.demo;

import io.dealflow.support.knowledge.KnowledgeManagement;
import io.dealflow.support.knowledge.SourceDraft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo organization's knowledge base with a handful of support policies ({@code
 * demo/*.md}), once: an organization that already has knowledge is left as it is.
 */
@Component
@ConditionalOnBooleanProperty("dealflow.support.demo.enabled")
class HeliosDemoSeeder {

  static final UUID ORG_ID = UUID.fromString("7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01");
  static final UUID ADMIN = UUID.fromString("5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e01");

  /** File, name and category of each policy. */
  static final List<List<String>> POLICIES =
      List.of(
          List.of("returns.md", "Returns and Refunds Policy", "returns"),
          List.of("shipping.md", "Shipping Policy", "shipping"),
          List.of("support-hours.md", "Support Hours", "support"),
          List.of("account-security.md", "Account Security", "account"),
          List.of("billing.md", "Billing and Invoices", "billing"));

  private static final Logger log = LoggerFactory.getLogger(HeliosDemoSeeder.class);

  private final KnowledgeManagement knowledge;

  HeliosDemoSeeder(KnowledgeManagement knowledge) {
    this.knowledge = knowledge;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seedAtStart() {
    try {
      if (knowledge.count(ORG_ID, null, null) > 0) {
        return;
      }
      for (List<String> policy : POLICIES) {
        String file = policy.get(0);
        knowledge.add(
            ORG_ID,
            ADMIN,
            new SourceDraft(
                policy.get(1),
                "policy",
                read("demo/" + file),
                policy.get(2),
                "/policies/" + file.replace(".md", ""),
                Map.of("category", policy.get(2), "author", "support_team"),
                null));
      }
      log.info("HeliosCS demo knowledge base is ready in the demo organization");
    } catch (RuntimeException e) {
      log.error("Seeding the HeliosCS demo knowledge failed: {}", e.getMessage(), e);
    }
  }

  private static String read(String path) {
    try (var in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
