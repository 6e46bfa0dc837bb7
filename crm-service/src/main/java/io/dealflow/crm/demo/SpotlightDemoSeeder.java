package io.dealflow.crm.demo;

import io.dealflow.crm.analysis.ConversationAnalysis;
import io.dealflow.crm.analysis.ConversationAnalysis.Assessment;
import io.dealflow.crm.analysis.Keywords;
import io.dealflow.crm.analysis.SentimentLexicon;
import io.dealflow.crm.events.AppointmentScheduled;
import io.dealflow.crm.events.ConversationCompleted;
import io.dealflow.crm.events.CrmEvents;
import io.dealflow.crm.events.LeadCreated;
import io.dealflow.crm.lead.Engagement;
import io.dealflow.crm.lead.LeadDirectory;
import io.dealflow.crm.lead.LeadScoring;
import io.dealflow.crm.lead.LeadScoring.ScoreCard;
import io.dealflow.platform.events.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo organization's assistants, leads, conversations with transcripts and appointments.
 * Rows have fixed ids: running it again changes nothing, and a demo row someone has edited keeps
 * the edits. What the service computes is computed here the same way: transcript sentiment and
 * keywords, conversation scores, lead scores and qualification (one lead qualifies from its data
 * and conversations, emitting {@code lead.qualified}); new rows emit the events their creation
 * through the API would.
 */
@Component
@ConditionalOnBooleanProperty("dealflow.crm.demo.enabled")
class SpotlightDemoSeeder {

  static final UUID ORG_ID = UUID.fromString("7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01");
  static final UUID ADMIN = UUID.fromString("5d0c6a3e-8f1b-4e2a-9c47-1a2b3c4d5e01");

  static final UUID AVA = UUID.fromString("3a1f0c2e-5b6d-4e7f-8a9b-0c1d2e3f4a01");
  static final UUID MAX = UUID.fromString("3a1f0c2e-5b6d-4e7f-8a9b-0c1d2e3f4a02");
  static final UUID PRIYA = UUID.fromString("4b2e1d3f-6c7a-4f8b-9c0d-1e2f3a4b5c01");
  static final UUID MARCUS = UUID.fromString("4b2e1d3f-6c7a-4f8b-9c0d-1e2f3a4b5c02");
  static final UUID SOFIA = UUID.fromString("4b2e1d3f-6c7a-4f8b-9c0d-1e2f3a4b5c03");
  static final UUID TOM = UUID.fromString("4b2e1d3f-6c7a-4f8b-9c0d-1e2f3a4b5c04");

  private static final Logger log = LoggerFactory.getLogger(SpotlightDemoSeeder.class);

  private final DemoRows rows;
  private final LeadDirectory leads;
  private final Outbox outbox;
  private final TransactionTemplate transaction;

  SpotlightDemoSeeder(
      DemoRows rows, LeadDirectory leads, Outbox outbox, PlatformTransactionManager transactions) {
    this.rows = rows;
    this.leads = leads;
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  void seedAtStart() {
    try {
      transaction.executeWithoutResult(status -> seed(Instant.now()));
      log.info("Spotlight demo data is ready in the demo organization");
    } catch (RuntimeException e) {
      log.error("Seeding the Spotlight demo data failed: {}", e.getMessage(), e);
    }
  }

  /**
   * A transcript line of a demo conversation.
   *
   * @param speaker who says it
   * @param at seconds from the start
   * @param content what is said
   */
  record Line(String speaker, double at, String content) {}

  void seed(Instant now) {
    Instant today = now.truncatedTo(ChronoUnit.DAYS);
    rows.assistant(
        ORG_ID,
        AVA,
        ADMIN,
        "Ava — inbound qualifier",
        "friendly",
        "Hi, this is Ava from Demo Sales Co. You asked about call coaching — do you have a minute?",
        Map.of("voice_id", "kevin16", "speed", 1.0, "pitch", 1.0));
    rows.assistant(
        ORG_ID,
        MAX,
        ADMIN,
        "Max — demo booker",
        "professional",
        "Hello, I'm Max. I'd like to find a time for a 30-minute product demo.",
        Map.of("voice_id", "kevin16", "speed", 1.1, "pitch", 0.9));

    lead(
        PRIYA,
        AVA,
        "Priya Patel",
        "priya.patel@helios-analytics.example",
        "website",
        Map.of(
            "company", "Helios Analytics",
            "industry", "Software",
            "title", "VP of Sales",
            "budget", 150000,
            "pain_points",
                List.of("slow ramp-up of new reps", "no call reviews", "missed follow-ups"),
            "timeline", "next quarter"),
        now);
    lead(
        MARCUS,
        AVA,
        "Marcus Lee",
        "marcus.lee@brightline.example",
        "referral",
        Map.of(
            "company", "Brightline Logistics",
            "industry", "Logistics",
            "title", "Sales Manager",
            "budget", "40k",
            "need", "call coaching for 12 reps",
            "timeline", "next quarter"),
        now);
    lead(
        SOFIA,
        MAX,
        "Sofia Rossi",
        "sofia.rossi@verdefoods.example",
        "webinar",
        Map.of("company", "Verde Foods", "industry", "Food & Beverage", "title", "Office Manager"),
        now);
    lead(
        TOM,
        MAX,
        "Tom Becker",
        "tom.becker@nordwind.example",
        "cold_call",
        Map.of("company", "Nordwind GmbH", "industry", "Manufacturing"),
        now);

    conversation(
        UUID.fromString("5c3f2e4a-7d8b-4a9c-8d1e-2f3a4b5c6d01"),
        PRIYA,
        AVA,
        today.minus(2, ChronoUnit.DAYS).plus(Duration.ofHours(15)),
        true,
        List.of(
            new Line(
                "assistant", 0, "Hi Priya, this is Ava from Demo Sales Co. Is now a good time?"),
            new Line("human", 4, "Yes, great timing. We are really interested in call coaching."),
            new Line("assistant", 11, "Wonderful. What slows your team down today?"),
            new Line(
                "human",
                15,
                "New reps take months to ramp and nobody reviews calls. We need a fix before next quarter."),
            new Line("assistant", 27, "We can help with both. Shall I book a demo with our team?"),
            new Line("human", 31, "Please do, and send the pricing and a contract draft.")));
    conversation(
        UUID.fromString("5c3f2e4a-7d8b-4a9c-8d1e-2f3a4b5c6d02"),
        MARCUS,
        AVA,
        today.minus(1, ChronoUnit.DAYS).plus(Duration.ofHours(10)),
        true,
        List.of(
            new Line("assistant", 0, "Hello Marcus, thanks for taking my call."),
            new Line("human", 3, "Sure. Our last coaching tool was too expensive and confusing."),
            new Line("assistant", 10, "That's a common concern. Ours is priced per seat."),
            new Line("human", 16, "That could work. What would the price be for 12 seats?")));
    conversation(
        UUID.fromString("5c3f2e4a-7d8b-4a9c-8d1e-2f3a4b5c6d03"),
        SOFIA,
        MAX,
        now.minus(Duration.ofMinutes(5)),
        false,
        List.of(
            new Line("assistant", 0, "Hi Sofia, this is Max. Do you have a moment?"),
            new Line("human", 3, "I'm not sure this is for us, but go ahead.")));

    appointment(
        UUID.fromString("6d4a3f5b-8e9c-4b0d-9e2f-3a4b5c6d7e01"),
        PRIYA,
        MAX,
        today.plus(2, ChronoUnit.DAYS).plus(Duration.ofHours(14)),
        60,
        "https://meet.example/demo-helios",
        Map.of("meeting_type", "demo", "timezone", "America/New_York"));
    appointment(
        UUID.fromString("6d4a3f5b-8e9c-4b0d-9e2f-3a4b5c6d7e02"),
        MARCUS,
        AVA,
        today.plus(7, ChronoUnit.DAYS).plus(Duration.ofHours(9)),
        30,
        "https://meet.example/follow-up-brightline",
        Map.of("meeting_type", "follow_up", "timezone", "America/Chicago"));

    for (UUID lead : List.of(PRIYA, MARCUS, SOFIA, TOM)) {
      leads.engagementChanged(ORG_ID, lead);
    }
  }

  private void lead(
      UUID id,
      UUID assistant,
      String name,
      String email,
      String source,
      Map<String, Object> metadata,
      Instant now) {
    ScoreCard card =
        LeadScoring.score(metadata, Engagement.NONE, LocalDate.ofInstant(now, ZoneOffset.UTC));
    if (rows.lead(ORG_ID, id, assistant, name, email, source, metadata, card)) {
      outbox.append(
          CrmEvents.LEAD_CREATED,
          id,
          ORG_ID,
          new LeadCreated(id, assistant, name, email, source, "new", card.total()));
    }
  }

  private void conversation(
      UUID id, UUID lead, UUID assistant, Instant startedAt, boolean completed, List<Line> lines) {
    Assessment assessment =
        ConversationAnalysis.assess(
            lines.stream()
                .map(
                    l ->
                        new ConversationAnalysis.Line(
                            l.speaker(),
                            l.content(),
                            SentimentLexicon.judge(l.content()).sentiment()))
                .toList());
    int duration = (int) Math.ceil(lines.getLast().at()) + 5;
    boolean created =
        rows.conversation(
            ORG_ID,
            id,
            lead,
            assistant,
            completed ? "completed" : "in_progress",
            completed ? duration : null,
            completed ? assessment.score() : null,
            completed ? assessment.sentiment().wire() : null,
            startedAt,
            completed ? startedAt.plusSeconds(duration) : null);
    if (!created) {
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      rows.transcript(
          ORG_ID,
          UUID.nameUUIDFromBytes((id + "/" + i).getBytes(StandardCharsets.UTF_8)),
          id,
          line.speaker(),
          line.content(),
          SentimentLexicon.judge(line.content()).sentiment().wire(),
          line.at(),
          Keywords.of(line.content()));
    }
    if (completed) {
      outbox.append(
          CrmEvents.CONVERSATION_COMPLETED,
          id,
          ORG_ID,
          new ConversationCompleted(
              id, lead, assessment.score(), duration, assessment.sentiment().wire()));
    }
  }

  private void appointment(
      UUID id,
      UUID lead,
      UUID assistant,
      Instant at,
      int duration,
      String link,
      Map<String, Object> metadata) {
    if (rows.appointment(ORG_ID, id, lead, assistant, at, duration, link, metadata)) {
      outbox.append(
          CrmEvents.APPOINTMENT_SCHEDULED,
          id,
          ORG_ID,
          new AppointmentScheduled(id, lead, assistant, at, duration));
    }
  }
}
