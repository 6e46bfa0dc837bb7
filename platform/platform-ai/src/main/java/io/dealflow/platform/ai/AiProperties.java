package io.dealflow.platform.ai;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * {@code dealflow.ai.*}: which OpenAI-compatible API answers, if any. With both {@code base-url}
 * and {@code model} set, that API is used; otherwise the service's offline model answers.
 *
 * @param baseUrl the API's base URL including its {@code /v1}, e.g. {@code
 *     https://api.openai.com/v1} or {@code http://localhost:11434/v1}
 * @param model the model name the API knows
 * @param apiKey sent as {@code Authorization: Bearer <key>}; give it through the environment
 *     ({@code DEALFLOW_AI_API_KEY}), never in a file in the repository. Left empty, no {@code
 *     Authorization} header is sent (self-hosted servers without keys)
 * @param connectTimeout how long connecting to the API may take
 * @param readTimeout the longest silence while waiting for the answer or between two of its
 *     streamed pieces
 * @param requestTimeout the longest one whole answer may take, streamed or not
 * @param maxRetries further attempts after a failed connection, a timeout before the answer
 *     started, 408, 409, 429 or 5xx (with the API's own back-off); a streamed answer is never
 *     retried once it started
 */
@ConfigurationProperties("dealflow.ai")
public record AiProperties(
    @Nullable String baseUrl,
    @Nullable String model,
    @Nullable String apiKey,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("2m") Duration requestTimeout,
    @DefaultValue("1") int maxRetries) {

  /** Whether an OpenAI-compatible API is configured (base URL and model both set). */
  public boolean providerConfigured() {
    return StringUtils.hasText(baseUrl) && StringUtils.hasText(model);
  }
}
