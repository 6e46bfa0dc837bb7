package io.dealflow.realtime.socket.hellosales;

import io.dealflow.realtime.socket.ServiceAnswer;
import io.dealflow.realtime.socket.SocketJson;
import io.dealflow.realtime.socket.voice.TrainingSettings;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speech to text for HelloSales {@code voice} turns, by training-service (which owns speech), with
 * the user's own token: {@code POST /api/v1/voice/transcribe}.
 */
@Component
class TrainingTranscriber {

  private static final Logger log = LoggerFactory.getLogger(TrainingTranscriber.class);

  private final WebClient training;
  private final Duration timeout;

  /**
   * @param builder Spring Boot's, so calls are observed and carry the trace
   */
  TrainingTranscriber(TrainingSettings settings, WebClient.Builder builder) {
    this.timeout = settings.trainingTimeout();
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) settings.trainingConnectTimeout().toMillis())
            .responseTimeout(timeout);
    this.training =
        builder
            .baseUrl(settings.trainingUri().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
  }

  /**
   * Transcribes a clip: answered 200 {@code {"transcript","confidence","duration"}}, or the
   * Trainer's error body {@code {"detail","error_code","timestamp"}}.
   */
  Mono<ServiceAnswer> transcribe(String token, String audio, String format, int sampleRate) {
    ObjectNode clip = SocketJson.object();
    clip.put("audio", audio);
    clip.put("format", format);
    clip.put("sample_rate", sampleRate);
    return ServiceAnswer.of(
        training
            .post()
            .uri("/api/v1/voice/transcribe")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .bodyValue(SocketJson.write(clip)),
        timeout.plusSeconds(1),
        failure ->
            log.warn("training-service did not answer a transcription: {}", failure.toString()));
  }
}
