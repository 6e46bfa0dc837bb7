package io.dealflow.insights.chat;

import io.dealflow.insights.analytics.Conversion;
import io.dealflow.insights.analytics.Forecast;
import io.dealflow.insights.analytics.Forecast.Horizon;
import io.dealflow.insights.analytics.PipelineAnalytics;
import io.dealflow.insights.analytics.PipelineSummary;
import io.dealflow.insights.pipeline.PipelineFigures;
import io.dealflow.insights.pipeline.PipelineFigures.Stalled;
import io.dealflow.insights.rules.Grounding;
import io.dealflow.insights.rules.PipelineRules;
import io.dealflow.platform.ai.ActiveAiProvider;
import io.dealflow.platform.ai.AiProviderException;
import io.dealflow.platform.ai.Assistant;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Pipeline chat, offline: the question is matched to one of the workspace's metrics by the words it
 * uses, and the answer states that metric's figures as the analytics compute them. Nothing else is
 * said; a question about anything else is answered honestly with what it can tell.
 *
 * <table>
 *   <caption>Intents, in the order they are tried</caption>
 *   <tr><th>intent</th><th>words</th><th>answer</th></tr>
 *   <tr><td>stalled deals</td><td>stalled, stuck, stale, not moving, no movement</td>
 *       <td>open deals without a stage change for {@code dealflow.insights.stalled-after} (14 days), the most valuable
 *       three by name</td></tr>
 *   <tr><td>forecast</td><td>forecast, expect, will we close, going to close, next month, next
 *       quarter</td><td>the forecast's expected value and range for the month or quarter</td></tr>
 *   <tr><td>win rate</td><td>win rate, close rate, closing rate, win, wins, won</td>
 *       <td>won / (won + lost) over the period</td></tr>
 *   <tr><td>conversion</td><td>conversion, convert, funnel</td>
 *       <td>the funnel's stage-to-stage conversion over the period</td></tr>
 *   <tr><td>pipeline</td><td>pipeline, open deals, weighted, how much, worth, value</td>
 *       <td>open deals, their value and weighted value</td></tr>
 * </table>
 *
 * The period of win rate and conversion: "this month", "this quarter", "this year" (calendar, UTC,
 * up to now), else the last 90 days; the answer names it. Confidence: 0.9 for an answer from at
 * least 5 deals, 0.7 from fewer, 0.6 when the workspace has no figure for it yet, 0.2 for a
 * question the pipeline cannot answer.
 *
 * <p>With an OpenAI-compatible model configured ({@code dealflow.ai.*}), the model answers instead,
 * calling the same metric functions as tools ({@link PipelineTools}); its answer is kept only when
 * it called at least one and every number it states is one they returned (or the question's own),
 * with the lowest confidence of the metrics it used. Otherwise — no tool called, a number from
 * nowhere, the provider failing — the offline answer is given, and the log says why.
 */
@Service
public class PipelineChat {

  static final String CANNOT_TELL =
      "I can't tell from your pipeline. I can answer questions about your win rate, conversion,"
          + " pipeline value, forecast and stalled deals.";

  /** What the assistant says, and how sure it is that the figures answer the question. */
  public record Reply(String response, double confidence) {}

  enum Intent {
    STALLED("\\b(stall\\w*|stuck|stale|not moving|no movement)\\b"),
    FORECAST(
        "\\b(forecast\\w*|expect\\w*|will we close|going to close|next month|next quarter)\\b"),
    WIN_RATE("\\b(win(ning)? rate|clos(e|ing) rate|wins?|won)\\b"),
    CONVERSION("\\b(conver\\w*|funnel)\\b"),
    PIPELINE("\\b(pipeline|open deals|weighted|how much|worth|value)\\b");

    final Pattern words;

    Intent(String words) {
      this.words = Pattern.compile(words, Pattern.CASE_INSENSITIVE);
    }

    static @Nullable Intent of(String question) {
      for (Intent intent : values()) {
        if (intent.words.matcher(question).find()) {
          return intent;
        }
      }
      return null;
    }
  }

  static final String INSTRUCTIONS =
      "You answer a sales team's questions about its own pipeline. Call the tools for the"
          + " figures; state only numbers that a tool returned, as it wrote them, and never estimate"
          + " or compute new ones. If no tool answers the question, say: "
          + CANNOT_TELL
          + " Answer in at most three sentences.";

  private static final Logger log = LoggerFactory.getLogger(PipelineChat.class);

  private final PipelineAnalytics analytics;
  private final PipelineFigures figures;
  private final Clock clock;
  private final Assistant assistant;
  private final Duration stalledAfter;

  PipelineChat(
      PipelineAnalytics analytics,
      PipelineFigures figures,
      Clock clock,
      Assistant assistant,
      @Value("${dealflow.insights.stalled-after:14d}") Duration stalledAfter) {
    this.stalledAfter = stalledAfter;
    this.analytics = analytics;
    this.figures = figures;
    this.clock = clock;
    this.assistant = assistant;
  }

  public Reply answer(UUID workspaceId, String question) {
    Reply offline = offline(workspaceId, question);
    if (assistant.provider().kind() == ActiveAiProvider.Kind.OFFLINE) {
      return offline;
    }
    PipelineTools tools = new PipelineTools(this, workspaceId);
    String answer;
    try {
      answer =
          assistant.callWithTools(
              new Prompt(List.of(new SystemMessage(INSTRUCTIONS), new UserMessage(question))),
              tools);
    } catch (AiProviderException e) {
      log.warn("The model could not answer ({}); answering offline", e.getMessage());
      return offline;
    }
    List<Reply> used = tools.results();
    if (used.isEmpty()) {
      log.info("The model called no metric; answering offline");
      return offline;
    }
    List<String> sources = new ArrayList<>(used.stream().map(Reply::response).toList());
    sources.add(question);
    Set<String> unknown = Grounding.numbersNotIn(answer, sources);
    if (answer.isBlank() || !unknown.isEmpty()) {
      log.warn("The model stated numbers no metric returned {}; answering offline", unknown);
      return offline;
    }
    return new Reply(
        answer.strip(), used.stream().mapToDouble(Reply::confidence).min().orElseThrow());
  }

  private Reply offline(UUID workspaceId, String question) {
    Intent intent = Intent.of(question);
    if (intent == null) {
      return new Reply(CANNOT_TELL, 0.2);
    }
    return switch (intent) {
      case STALLED -> stalled(workspaceId);
      case FORECAST -> forecast(workspaceId, question);
      case WIN_RATE -> winRate(workspaceId, question);
      case CONVERSION -> conversion(workspaceId, question);
      case PIPELINE -> pipeline(workspaceId);
    };
  }

  Reply stalled(UUID workspaceId) {
    Instant before = clock.instant().minus(stalledAfter);
    Stalled stalled = figures.stalled(workspaceId, before, 3);
    if (stalled.count() == 0) {
      return new Reply(
          "No open deal has gone %s without a stage change."
              .formatted(PipelineRules.span(stalledAfter)),
          0.9);
    }
    StringBuilder text =
        new StringBuilder(
            "%d open deal%s had no stage change for %s or more"
                .formatted(
                    stalled.count(),
                    stalled.count() == 1 ? "" : "s",
                    PipelineRules.span(stalledAfter)));
    text.append(stalled.count() > 3 ? "; the most valuable: " : ": ");
    List<String> named =
        stalled.top().stream()
            .map(
                deal ->
                    "%s (%s, in %s for %s)"
                        .formatted(
                            deal.title() == null ? "deal " + deal.dealId() : deal.title(),
                            PipelineRules.money(deal.value()),
                            deal.stage().id(),
                            PipelineRules.span(Duration.between(deal.since(), clock.instant()))))
            .toList();
    text.append(String.join("; ", named)).append('.');
    return new Reply(text.toString(), 0.9);
  }

  Reply forecast(UUID workspaceId, String question) {
    Forecast forecast = analytics.forecast(workspaceId);
    boolean quarter = question.toLowerCase(Locale.ROOT).contains("quarter");
    Horizon horizon = quarter ? forecast.nextQuarter() : forecast.nextMonth();
    String span = quarter ? "the next 90 days" : "the next 30 days";
    if (horizon.deals() == 0) {
      return new Reply(
          "No open deal is expected to close in %s, so the forecast is %s."
              .formatted(span, PipelineRules.money(BigDecimal.ZERO)),
          0.6);
    }
    return new Reply(
        "For %s the forecast is %s (80%% range %s to %s) from %d open deal%s, weighted by your own win rates per stage."
            .formatted(
                span,
                PipelineRules.money(horizon.expected()),
                PipelineRules.money(horizon.low()),
                PipelineRules.money(horizon.high()),
                horizon.deals(),
                horizon.deals() == 1 ? "" : "s"),
        horizon.deals() >= 5 ? 0.9 : 0.7);
  }

  Reply winRate(UUID workspaceId, String question) {
    Period period = period(question);
    Conversion conversion = analytics.conversion(workspaceId, period.from(), period.to());
    if (conversion.winRate() == null) {
      return new Reply(
          "No deal was won or lost %s, so there is no win rate yet.".formatted(period.name()), 0.6);
    }
    long decided = conversion.won() + conversion.lost();
    return new Reply(
        "Your win rate %s is %s: %d won and %d lost."
            .formatted(
                period.name(),
                PipelineRules.percent(conversion.winRate()),
                conversion.won(),
                conversion.lost()),
        decided >= 5 ? 0.9 : 0.7);
  }

  Reply conversion(UUID workspaceId, String question) {
    Period period = period(question);
    Conversion conversion = analytics.conversion(workspaceId, period.from(), period.to());
    long created = conversion.funnel().getFirst().reached();
    if (created == 0) {
      return new Reply(
          "No deal was created %s, so there is no funnel yet.".formatted(period.name()), 0.6);
    }
    StringBuilder text =
        new StringBuilder("Of the %d deals created %s: ".formatted(created, period.name()));
    List<String> steps =
        conversion.funnel().stream()
            .skip(1)
            .map(step -> "%d reached %s".formatted(step.reached(), step.stage()))
            .toList();
    text.append(String.join(", ", steps)).append('.');
    if (conversion.winRate() != null) {
      text.append(" Win rate: %s.".formatted(PipelineRules.percent(conversion.winRate())));
    }
    return new Reply(text.toString(), created >= 5 ? 0.9 : 0.7);
  }

  Reply pipeline(UUID workspaceId) {
    PipelineSummary summary = analytics.pipeline(workspaceId);
    if (summary.open().count() == 0) {
      return new Reply("Your pipeline has no open deals.", 0.6);
    }
    return new Reply(
        "Your open pipeline holds %d deal%s worth %s, %s weighted by stage probability."
            .formatted(
                summary.open().count(),
                summary.open().count() == 1 ? "" : "s",
                PipelineRules.money(summary.open().value()),
                PipelineRules.money(summary.open().weightedValue())),
        summary.open().count() >= 5 ? 0.9 : 0.7);
  }

  record Period(String name, Instant from, Instant to) {}

  Period period(String question) {
    String text = question.toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (text.contains("this month")) {
      return new Period("this month", start(today.withDayOfMonth(1)), now);
    }
    if (text.contains("this quarter")) {
      int firstMonth = (today.getMonthValue() - 1) / 3 * 3 + 1;
      return new Period("this quarter", start(today.withMonth(firstMonth).withDayOfMonth(1)), now);
    }
    if (text.contains("this year")) {
      return new Period("this year", start(today.withDayOfYear(1)), now);
    }
    return new Period("in the last 90 days", now.minus(Duration.ofDays(90)), now);
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
