package io.dealflow.realtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.EventSchemas;
import org.junit.jupiter.api.Test;

/** Endpoint filters: exact types, {@code *} and prefix wildcards over the catalogue. */
class EventCatalogueTest {

  @Test
  void filtersMatchExactTypesEverythingOrAPrefix() {
    assertThat(EventCatalogue.matches("deal.won", "deal.won")).isTrue();
    assertThat(EventCatalogue.matches("deal.won", "deal.lost")).isFalse();
    assertThat(EventCatalogue.matches("*", "user.registered")).isTrue();
    assertThat(EventCatalogue.matches("deal.*", "deal.stage.changed")).isTrue();
    assertThat(EventCatalogue.matches("deal.*", "lead.created")).isFalse();
    assertThat(EventCatalogue.matches("lead.status.*", "lead.status.changed")).isTrue();
    assertThat(EventCatalogue.matches("lead.status.*", "lead.qualified")).isFalse();
  }

  @Test
  void onlyFiltersThatCanMatchACatalogueEventAreValid() {
    assertThat(EventCatalogue.isValidFilter("deal.won")).isTrue();
    assertThat(EventCatalogue.isValidFilter("org.member.added")).isTrue();
    assertThat(EventCatalogue.isValidFilter("rep.assigned")).isTrue();
    assertThat(EventCatalogue.isValidFilter("practice.*")).isTrue();
    assertThat(EventCatalogue.isValidFilter("support.*")).isTrue();
    assertThat(EventCatalogue.isValidFilter("ticket.created")).isTrue();
    assertThat(EventCatalogue.isValidFilter("insight.critical")).isTrue();
    assertThat(EventCatalogue.isValidFilter("deal.*")).isTrue();
    assertThat(EventCatalogue.isValidFilter("*")).isTrue();
    assertThat(EventCatalogue.isValidFilter("deal.exploded")).isFalse();
    assertThat(EventCatalogue.isValidFilter("invoice.*")).isFalse();
    assertThat(EventCatalogue.isValidFilter("webhook.test")).isFalse();
    assertThat(EventCatalogue.isValidFilter("")).isFalse();
  }

  @Test
  void everyEventOfTheCatalogueIncludingRealtimesOwnIsInTheAsyncApiDocument() {
    assertThat(EventSchemas.load().types()).containsAll(EventCatalogue.NAMES);
    assertThat(EventCatalogue.NAMES)
        .contains(
            "webhook.endpoint.disabled",
            "strategy.approved",
            "rep.assigned",
            "practice.session.started",
            "support.message.created",
            "support.escalated",
            "ticket.created",
            "insight.generated",
            "insight.critical",
            "lead.score.changed",
            "conversation.status.changed");
  }
}
