package io.dealflow.training.speech;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vosk's JSON answers, gathered over one utterance: Vosk may close a segment by itself at a short
 * pause ({@code acceptWaveForm} answers true), so an utterance can be several results long.
 */
final class VoskResults {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<String> texts = new ArrayList<>();
  private final List<Double> confidences = new ArrayList<>();

  /** Adds a result: {@code {"result":[{"conf":0.98,"word":"hello",...}],"text":"hello"}}. */
  void add(String json) {
    JsonNode result = JSON.readTree(json);
    String text = result.path("text").asString("").trim();
    if (!text.isEmpty()) {
      texts.add(text);
    }
    for (JsonNode word : result.path("result")) {
      confidences.add(word.path("conf").asDouble(0));
    }
  }

  String text() {
    return String.join(" ", texts);
  }

  /** The mean word confidence; 0 when no word was heard. */
  double confidence() {
    return confidences.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /** The text so far followed by a partial answer: {@code {"partial":"hello my"}}. */
  String withPartial(String json) {
    String partial = JSON.readTree(json).path("partial").asString("").trim();
    String done = text();
    return done.isEmpty() ? partial : partial.isEmpty() ? done : done + " " + partial;
  }

  void clear() {
    texts.clear();
    confidences.clear();
  }
}
