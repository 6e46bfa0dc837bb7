package io.dealflow.platform.ai;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.OpenAIClientAsyncImpl;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.Timeout;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;
import org.springframework.util.StringUtils;

/**
 * The HTTP clients of an OpenAI-compatible API, built from {@code dealflow.ai.*} rather than from
 * Spring AI's {@code spring.ai.openai.*}, so that one set of properties configures every service
 * and the three timeouts apply separately (the SDK's single timeout would also cap a long streamed
 * answer by its connect time).
 */
final class OpenAiCompatibleClients implements AutoCloseable {

  /** Sent instead of a key when none is configured; the interceptor removes the header. */
  private static final String NO_KEY = "dealflow-no-key";

  private final OpenAIClient sync;
  private final OpenAIClientAsync async;
  private final Timeout timeout;
  private final String model;

  OpenAiCompatibleClients(AiProperties properties, ObservationRegistry observations) {
    this.model = Objects.requireNonNull(properties.model()).strip();
    this.timeout =
        Timeout.builder()
            .connect(properties.connectTimeout())
            .read(properties.readTimeout())
            .write(properties.readTimeout())
            .request(properties.requestTimeout())
            .build();
    this.sync = new OpenAIClientImpl(options(properties, observations));
    this.async = new OpenAIClientAsyncImpl(options(properties, observations));
  }

  OpenAiChatModel chatModel(ObservationRegistry observations) {
    return OpenAiChatModel.builder()
        .openAiClient(sync)
        .openAiClientAsync(async)
        .options(OpenAiChatOptions.builder().model(model).timeout(timeout.request()).build())
        .observationRegistry(observations)
        .build();
  }

  private ClientOptions options(AiProperties properties, ObservationRegistry observations) {
    boolean keyless = !StringUtils.hasText(properties.apiKey());
    SpringAiOpenAiHttpClient.Builder http =
        SpringAiOpenAiHttpClient.builder().timeout(timeout).observationRegistry(observations);
    if (keyless) {
      http.interceptor(
          chain ->
              chain.proceed(chain.request().newBuilder().removeHeader("Authorization").build()));
    }
    return ClientOptions.builder()
        .httpClient(http.build())
        .baseUrl(Objects.requireNonNull(properties.baseUrl()).strip())
        .apiKey(keyless ? NO_KEY : Objects.requireNonNull(properties.apiKey()).strip())
        .timeout(timeout)
        .maxRetries(properties.maxRetries())
        .putHeader("User-Agent", "dealflow")
        .build();
  }

  @Override
  public void close() {
    sync.close();
    async.close();
  }
}
