package io.dealflow.crm.deal.demo;

import io.dealflow.crm.deal.DealDraft;
import io.dealflow.crm.deal.DealId;
import io.dealflow.crm.deal.Pipeline;
import io.dealflow.crm.deal.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds a handful of deals in every stage of the demo organization's pipeline (the organization and
 * users of the realm export). The deals have fixed ids: running it again changes nothing, and a
 * demo deal someone has edited keeps the edits. Each new one emits {@code deal.created} (and {@code
 * deal.won} / {@code deal.lost}), so that pipeline insights have data too.
 */
@Component
@ConditionalOnBooleanProperty("dealflow.crm.demo.enabled")
class DealDemoSeeder {

  static final UUID ORG_ID = UUID.fromString("7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01");
  static final UUID ADMIN = UUID.fromString("5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e01");
  static final UUID REP = UUID.fromString("5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e02");

  private static final Logger log = LoggerFactory.getLogger(DealDemoSeeder.class);

  private final Pipeline pipeline;

  DealDemoSeeder(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * A demo deal.
   *
   * @param id its fixed id
   * @param draft what it is
   */
  record DemoDeal(DealId id, DealDraft draft) {}

  static List<DemoDeal> deals(LocalDate today) {
    return List.of(
        deal(
            "0e6b1d2a-3c4f-4a5b-8c6d-7e8f9a0b1c01",
            "Northwind Traders — starter plan",
            "4800",
            Stage.LEAD,
            REP,
            "Nancy Davolio",
            "Northwind Traders",
            today.plusDays(60)),
        deal(
            "0e6b1d2a-3c4f-4a5b-8c6d-7e8f9a0b1c02",
            "Contoso — sales team rollout",
            "18000",
            Stage.QUALIFIED,
            REP,
            "Kim Abercrombie",
            "Contoso Ltd",
            today.plusDays(45)),
        deal(
            "0e6b1d2a-3c4f-4a5b-8c6d-7e8f9a0b1c03",
            "Fabrikam — annual licence",
            "32500",
            Stage.PROPOSAL,
            ADMIN,
            "Jon Morris",
            "Fabrikam Inc",
            today.plusDays(30)),
        deal(
            "0e6b1d2a-3c4f-4a5b-8c6d-7e8f9a0b1c04",
            "Tailspin Toys — enterprise upgrade",
            "64000",
            Stage.NEGOTIATION,
            REP,
            "Dana Birkby",
            "Tailspin Toys",
            today.plusDays(14)),
        deal(
            "0e6b1d2a-3c4f-4a5b-8c6d-7e8f9a0b1c05",
            "Adventure Works — coaching add-on",
            "12750",
            Stage.WON,
            REP,
            "Terry Adams",
            "Adventure Works",
            today.minusDays(5)),
        deal(
            "0e6b1d2a-3c4f-4a5b-8c6d-7e8f9a0b1c06",
            "Litware — pilot",
            "9000",
            Stage.LOST,
            ADMIN,
            "Pat Coleman",
            "Litware Inc",
            today.minusDays(12)));
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    int created = 0;
    for (DemoDeal demo : deals(LocalDate.now())) {
      if (pipeline.ensure(demo.id(), ORG_ID, ADMIN, demo.draft())) {
        created++;
      }
    }
    log.info("Demo deals are ready ({} new)", created);
  }

  private static DemoDeal deal(
      String id,
      String title,
      String value,
      Stage stage,
      UUID owner,
      String contact,
      String company,
      @Nullable LocalDate close) {
    return new DemoDeal(
        DealId.of(UUID.fromString(id)),
        new DealDraft(
            title, new BigDecimal(value), "USD", stage, null, owner, contact, company, close));
  }
}
