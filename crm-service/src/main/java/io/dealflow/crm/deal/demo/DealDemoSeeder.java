package io.dealflow.crm.deal.demo;

import io.dealflow.crm.deal.DealDraft;
import io.dealflow.crm.deal.DealId;
import io.dealflow.crm.deal.Pipeline;
import io.dealflow.crm.deal.Stage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * deal.won} / {@code deal.lost}), so that pipeline insights have data too; and {@value #HISTORY}
 * deals of the past six months, created, moved, won and lost at their own times (their events carry
 * those times), so that the analytics, the forecast and the insights have history on first start.
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

  /**
   * A demo deal of the past months, with the stages it went through and when.
   *
   * @param id its fixed id
   * @param draft what it is (its stage is the last of {@code stages})
   * @param stages the stages it entered, in order
   * @param at when it entered each
   */
  record HistoryDeal(DealId id, DealDraft draft, List<Stage> stages, List<Instant> at) {}

  /** How many deals the demo organization's history holds. */
  static final int HISTORY = 48;

  private static final String[] COMPANIES = {
    "Alpine Ski House",
    "Blue Yonder Airlines",
    "City Power & Light",
    "Coho Winery",
    "Consolidated Messenger",
    "Fourth Coffee",
    "Graphic Design Institute",
    "Humongous Insurance",
    "Lucerne Publishing",
    "Margie's Travel",
    "Proseware",
    "Southridge Video",
    "Trey Research",
    "Wide World Importers",
    "Wingtip Toys",
    "Woodgrove Bank"
  };

  /**
   * Six months of deals, one every few days: each walks the pipeline a stage every one to three
   * weeks and ends won, lost, or still open where it got to by {@code now}. The same {@code now}
   * gives the same history; ids are fixed by position, so seeding again changes nothing.
   */
  static List<HistoryDeal> history(Instant now) {
    List<HistoryDeal> deals = new ArrayList<>();
    Stage[] open = {Stage.LEAD, Stage.QUALIFIED, Stage.PROPOSAL, Stage.NEGOTIATION};
    for (int i = 0; i < HISTORY; i++) {
      Instant created = now.minus(Duration.ofDays(180 - i * 3L)).truncatedTo(ChronoUnit.MINUTES);
      // How far it goes (4: won, 5: lost) and how long each stage takes, varied by position.
      int reach = (i * 7) % 6;
      long stepDays = 7 + (i * 5) % 15;
      List<Stage> stages = new ArrayList<>();
      List<Instant> at = new ArrayList<>();
      Instant when = created;
      for (int s = 0; s <= Math.min(reach, 3) && !when.isAfter(now); s++) {
        stages.add(open[s]);
        at.add(when);
        when = when.plus(Duration.ofDays(stepDays));
      }
      if (reach >= 4 && !when.isAfter(now)) {
        stages.add(reach == 4 ? Stage.WON : Stage.LOST);
        at.add(when);
      }
      String company = COMPANIES[i % COMPANIES.length];
      BigDecimal value = BigDecimal.valueOf(3_000 + (i * 7_919L) % 57_000);
      deals.add(
          new HistoryDeal(
              DealId.of(
                  UUID.nameUUIDFromBytes(
                      ("dealflow-demo-history-" + i).getBytes(StandardCharsets.UTF_8))),
              new DealDraft(
                  company + " — " + (i % 3 == 0 ? "renewal" : i % 3 == 1 ? "expansion" : "pilot"),
                  value,
                  "USD",
                  stages.getLast(),
                  null,
                  i % 2 == 0 ? REP : ADMIN,
                  null,
                  company,
                  LocalDate.ofInstant(when, ZoneOffset.UTC).plusDays(30)),
              stages,
              at));
    }
    return deals;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    int created = 0;
    for (DemoDeal demo : deals(LocalDate.now())) {
      if (pipeline.ensure(demo.id(), ORG_ID, ADMIN, demo.draft())) {
        created++;
      }
    }
    int history = 0;
    for (HistoryDeal deal : history(Instant.now())) {
      if (pipeline.ensureHistory(
          deal.id(), ORG_ID, ADMIN, deal.draft(), deal.stages(), deal.at())) {
        history++;
      }
    }
    log.info("Demo deals are ready ({} new, {} of the past months new)", created, history);
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
