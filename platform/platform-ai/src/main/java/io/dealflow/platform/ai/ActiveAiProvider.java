package io.dealflow.platform.ai;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which model answers a service's AI requests, as reported at start and in {@code /actuator/info}.
 *
 * @param kind an OpenAI-compatible API or the service's offline model
 * @param model the API's model name, or the offline model's name
 * @param baseUrl where the API is, without credentials or query; {@code null} when offline
 */
public record ActiveAiProvider(Kind kind, String model, @Nullable String baseUrl) {

  /** Where answers come from. */
  public enum Kind {
    /** An OpenAI-compatible chat-completions API (hosted or self-hosted). */
    OPENAI_COMPATIBLE,
    /** The service's offline model: deterministic, no network. */
    OFFLINE
  }

  static ActiveAiProvider openAiCompatible(String baseUrl, String model) {
    return new ActiveAiProvider(Kind.OPENAI_COMPATIBLE, model, withoutSecrets(baseUrl));
  }

  static ActiveAiProvider offline(String name) {
    return new ActiveAiProvider(Kind.OFFLINE, name, null);
  }

  /** A one-line description for logs. */
  public String describe() {
    return switch (kind) {
      case OPENAI_COMPATIBLE -> "OpenAI-compatible API at " + baseUrl + ", model " + model;
      case OFFLINE ->
          "offline model '"
              + model
              + "' (no OpenAI-compatible API configured: dealflow.ai.base-url and"
              + " dealflow.ai.model are not both set)";
    };
  }

  Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("provider", kind == Kind.OFFLINE ? "offline" : "openai-compatible");
    details.put("model", model);
    if (baseUrl != null) {
      details.put("baseUrl", baseUrl);
    }
    return details;
  }

  /** A base URL may carry user info or query parameters; neither belongs in logs. */
  private static String withoutSecrets(String baseUrl) {
    try {
      URI uri = URI.create(baseUrl.strip());
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
          .toString();
    } catch (IllegalArgumentException | URISyntaxException e) {
      return "(unparseable base URL)";
    }
  }
}
