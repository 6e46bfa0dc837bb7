package io.dealflow.playbook.sailwind.demo;

import io.dealflow.playbook.sailwind.Archetype;
import io.dealflow.playbook.sailwind.ArchetypeKind;
import io.dealflow.playbook.sailwind.Catalogue;
import io.dealflow.playbook.sailwind.Client;
import io.dealflow.playbook.sailwind.Playbook;
import io.dealflow.playbook.sailwind.Product;
import io.dealflow.playbook.sailwind.RepAssignment;
import io.dealflow.playbook.sailwind.Roster;
import io.dealflow.playbook.sailwind.Strategy;
import io.dealflow.playbook.sailwind.StrategyStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo organization's playbook (the organization and users of the realm export): two
 * client and two product archetypes, three clients, two products, an approved strategy and a draft
 * one, and an assignment of the demo rep to practise the approved one. Every record has a fixed id:
 * running it again changes nothing, and a record someone has edited keeps the edits. The approved
 * strategy and the assignment emit {@code strategy.approved} and {@code rep.assigned} once, when
 * they are created.
 */
@Component
@ConditionalOnBooleanProperty("dealflow.playbook.demo.enabled")
class SailwindDemoSeeder {

  static final UUID ORG_ID = UUID.fromString("7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01");
  static final UUID ADMIN = UUID.fromString("5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e01");
  static final UUID REP = UUID.fromString("5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e02");

  static final UUID ENTERPRISE_COMMITTEE = id("a1");
  static final UUID GROWTH_FOUNDER = id("a2");
  static final UUID PLATFORM_SUBSCRIPTION = id("a3");
  static final UUID ADD_ON_SERVICE = id("a4");
  static final UUID CONTOSO = id("c1");
  static final UUID NORTHWIND = id("c2");
  static final UUID FABRIKAM = id("c3");
  static final UUID PIPELINE_ANALYTICS = id("b1");
  static final UUID COACHING_ADD_ON = id("b2");
  static final UUID CONTOSO_ANALYTICS_STRATEGY = id("d1");
  static final UUID NORTHWIND_COACHING_STRATEGY = id("d2");
  static final UUID REP_ASSIGNMENT = id("e1");

  static final String CONTOSO_ANALYTICS_TEXT =
      """
      Goal: win a 12-month Pipeline Analytics Suite pilot for Contoso's 40-person field sales \
      team, signed by the VP Sales with Finance and IT on board.

      Who decides: Dana Ruiz (VP Sales, economic buyer) owns the number and feels the forecast \
      misses: the last two quarters landed 18% and 23% under commit. Raj Patel (RevOps lead, \
      champion) builds the forecast by hand in spreadsheets every Friday. Finance signs anything \
      above $50k; IT reviews every tool that touches the CRM.

      Discovery, before any demo:
      1. "Walk me through last Friday's forecast call. Where did the numbers come from?"
      2. "Which deals slipped last quarter, and when did you first know they would?"
      3. "What does a 20% forecast miss cost you: hiring, inventory, credibility with the board?"
      4. "Who else would have to agree before a change to how you forecast goes ahead?"
      Listen for the cost of the miss in their words; write it down and use it later.

      Value to land: Contoso does not need more dashboards; it needs to see slipping deals \
      early. Tie every feature to that: stage-age alerts flag deals stuck past their norm, \
      win-probability by segment replaces gut-feel commits, and the weekly forecast builds \
      itself from the CRM, giving Raj his Fridays back. Quantify with their numbers: one \
      recovered mid-size deal a quarter pays for the pilot.

      Objections and answers:
      - "We already have CRM reports." Agree, then ask how long the Friday forecast takes and \
      how accurate it was. Reports show where deals are; the suite shows which will slip.
      - "IT won't approve another integration." Offer the read-only CRM connection and the \
      security overview up front; propose a 30-minute call with their IT lead in week one.
      - "Not this quarter." Ask what the next forecast miss costs; offer the pilot scoped to \
      one region so the spend stays under Finance's threshold.

      Next step to ask for: a 45-minute working session with Dana and Raj on last quarter's \
      slipped deals, replayed in the suite, with a mutual plan to a pilot decision within 30 \
      days. Never end a call without a date in the calendar.
      """;

  static final String NORTHWIND_COACHING_TEXT =
      """
      Goal: add AI Coaching to Northwind's existing subscription for their 12 new SDRs. \
      Open with their ramp time (currently five months) and the cost of a slow ramp; position \
      coaching as practice reps get before live calls, not as monitoring. Ask for a two-week \
      trial with three SDRs and agree the ramp metric to judge it by.
      """;

  private static final Logger log = LoggerFactory.getLogger(SailwindDemoSeeder.class);

  private final Catalogue catalogue;
  private final Playbook playbook;
  private final Roster roster;

  SailwindDemoSeeder(Catalogue catalogue, Playbook playbook, Roster roster) {
    this.catalogue = catalogue;
    this.playbook = playbook;
    this.roster = roster;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    int created = 0;
    for (Archetype archetype : archetypes(now)) {
      created += catalogue.ensureArchetype(archetype) ? 1 : 0;
    }
    for (Client client : clients(now)) {
      created += catalogue.ensureClient(client) ? 1 : 0;
    }
    for (Product product : products(now)) {
      created += catalogue.ensureProduct(product) ? 1 : 0;
    }
    for (Strategy strategy : strategies(now)) {
      created += playbook.ensure(strategy, ADMIN) ? 1 : 0;
    }
    created += roster.ensure(assignment(now), ADMIN) ? 1 : 0;
    log.info("Demo playbook is ready ({} new records)", created);
  }

  static List<Archetype> archetypes(Instant now) {
    return List.of(
        new Archetype(
            ENTERPRISE_COMMITTEE,
            ORG_ID,
            ArchetypeKind.CLIENT,
            "Enterprise buying committee",
            "500+ employees; an economic buyer, a champion, Finance and IT each hold a veto;"
                + " 3-6 month cycles; risk-averse, wants references and a pilot.",
            now,
            now),
        new Archetype(
            GROWTH_FOUNDER,
            ORG_ID,
            ArchetypeKind.CLIENT,
            "Founder-led growth company",
            "50-200 employees; the founder decides fast; values speed and upside over process;"
                + " price-sensitive, expects self-serve onboarding.",
            now,
            now),
        new Archetype(
            PLATFORM_SUBSCRIPTION,
            ORG_ID,
            ArchetypeKind.PRODUCT,
            "Platform subscription",
            "Annual per-seat licence; sold on measurable outcomes, expands by seats and modules.",
            now,
            now),
        new Archetype(
            ADD_ON_SERVICE,
            ORG_ID,
            ArchetypeKind.PRODUCT,
            "Add-on module",
            "Sold into existing customers; short cycle; the case rests on a single metric.",
            now,
            now));
  }

  static List<Client> clients(Instant now) {
    return List.of(
        new Client(
            CONTOSO, ORG_ID, "Contoso Ltd", "Manufacturing", ENTERPRISE_COMMITTEE, false, now, now),
        new Client(
            NORTHWIND,
            ORG_ID,
            "Northwind Traders",
            "Food distribution",
            GROWTH_FOUNDER,
            false,
            now,
            now),
        new Client(
            FABRIKAM, ORG_ID, "Fabrikam Inc", "Software", ENTERPRISE_COMMITTEE, false, now, now));
  }

  static List<Product> products(Instant now) {
    return List.of(
        new Product(
            PIPELINE_ANALYTICS,
            ORG_ID,
            "Pipeline Analytics Suite",
            PLATFORM_SUBSCRIPTION,
            false,
            now,
            now),
        new Product(COACHING_ADD_ON, ORG_ID, "AI Coaching", ADD_ON_SERVICE, false, now, now));
  }

  static List<Strategy> strategies(Instant now) {
    return List.of(
        new Strategy(
            CONTOSO_ANALYTICS_STRATEGY,
            ORG_ID,
            PIPELINE_ANALYTICS,
            CONTOSO,
            CONTOSO_ANALYTICS_TEXT.strip(),
            StrategyStatus.APPROVED,
            ADMIN,
            now,
            now),
        new Strategy(
            NORTHWIND_COACHING_STRATEGY,
            ORG_ID,
            COACHING_ADD_ON,
            NORTHWIND,
            NORTHWIND_COACHING_TEXT.strip(),
            StrategyStatus.DRAFT,
            ADMIN,
            now,
            now));
  }

  static RepAssignment assignment(Instant now) {
    return new RepAssignment(
        REP_ASSIGNMENT,
        ORG_ID,
        REP,
        PIPELINE_ANALYTICS,
        CONTOSO,
        CONTOSO_ANALYTICS_STRATEGY,
        60,
        0,
        ADMIN,
        now,
        now);
  }

  private static UUID id(String suffix) {
    return UUID.fromString("5a11e0d0-0000-4000-8000-0000000000" + suffix);
  }
}
