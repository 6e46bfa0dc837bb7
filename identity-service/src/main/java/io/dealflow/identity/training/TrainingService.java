package io.dealflow.identity.training;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks training-service for a user's learning progress, with the user's own token relayed as a
 * bearer (training-service checks it like any caller's). It never fails its caller: when
 * training-service is down, slower than the timeouts, answers 5xx, refuses the token or answers
 * something unreadable, the answer is {@link TrainingAnswer.Unavailable} and a warning is logged
 * (never the token).
 */
@Component
public class TrainingService {

  static final String PROGRESS_PATH = "/api/v1/learning/progress";

  private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

  private final TrainingProperties properties;
  private final JsonMapper json;
  private final HttpClient http;

  TrainingService(TrainingProperties properties, JsonMapper json) {
    this.properties = properties;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * The caller's progress over {@code timeRange} ({@code month}, ...).
   *
   * @param bearerToken the caller's own access token (or API token), sent as {@code Authorization:
   *     Bearer}
   */
  public TrainingAnswer progress(String bearerToken, String timeRange) {
    URI uri =
        URI.create(
            properties.uri().toString().replaceAll("/+$", "")
                + PROGRESS_PATH
                + "?time_range="
                + URLEncoder.encode(timeRange, StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(properties.readTimeout())
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + bearerToken)
            .GET()
            .build();
    // The request's timeout ends at the answer's headers; this bounds the whole exchange.
    long limit = properties.connectTimeout().plus(properties.readTimeout()).toMillis();
    CompletableFuture<HttpResponse<String>> call =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response;
    try {
      response = call.get(limit, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      return unavailable(uri, "no answer within " + limit + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return unavailable(uri, describe(cause));
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      return unavailable(uri, "interrupted");
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      log.warn("training-service refused the caller's token at {}: {}", uri, status);
      return new TrainingAnswer.Unavailable(TrainingAnswer.REFUSED);
    }
    if (status != 200) {
      return unavailable(uri, "status " + status);
    }
    try {
      return new TrainingAnswer.Known(read(json.readTree(response.body()), timeRange));
    } catch (JacksonException | IllegalArgumentException e) {
      return unavailable(uri, "an unreadable answer (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static TrainingAnswer unavailable(URI uri, String what) {
    log.warn("training-service did not give the learning progress at {}: {}", uri, what);
    return new TrainingAnswer.Unavailable(TrainingAnswer.UNAVAILABLE);
  }

  private static String describe(Throwable failure) {
    return failure instanceof IOException && failure.getMessage() != null
        ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
        : failure.getClass().getSimpleName();
  }

  /** training-service's snake_case answer (the Voice Sales Trainer seed's shape). */
  static LearningProgress read(JsonNode body, String timeRange) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode overall = body.path("overall_progress");
    Map<String, LearningProgress.Skill> skills = new TreeMap<>();
    JsonNode breakdown = body.path("skill_breakdown");
    if (breakdown.isObject()) {
      for (Map.Entry<String, JsonNode> entry : breakdown.properties()) {
        JsonNode skill = entry.getValue();
        skills.put(
            entry.getKey(),
            new LearningProgress.Skill(
                entry.getKey(),
                text(skill, "current_level"),
                number(skill, "score"),
                number(skill, "sessions_practiced"),
                number(skill, "improvement")));
      }
    }
    List<LearningProgress.Achievement> achievements = new ArrayList<>();
    for (JsonNode achievement : body.path("recent_achievements")) {
      achievements.add(
          new LearningProgress.Achievement(
              text(achievement, "name"),
              text(achievement, "description"),
              text(achievement, "earned_at")));
    }
    List<String> scenarios = new ArrayList<>();
    for (JsonNode scenario : body.path("recommended_scenarios")) {
      if (scenario.isString()) {
        scenarios.add(scenario.asString());
      }
    }
    return new LearningProgress(
        timeRange,
        number(overall, "total_sessions"),
        number(overall, "hours_practiced"),
        number(overall, "average_score"),
        number(overall, "improvement_trend"),
        number(overall, "streak_days"),
        List.copyOf(skills.values()),
        List.copyOf(achievements),
        List.copyOf(scenarios));
  }

  private static @Nullable Number number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.numberValue() : null;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.asString() : null;
  }
}
