package io.dealflow.realtime.socket.voice;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where training-service answers, for the Trainer's voice calls ({@code /ws/voice/*}) and the
 * HelloSales {@code voice} turns on {@code /ws}.
 *
 * @param trainingUri training-service's base URI ({@code http}: the call is relayed to {@code
 *     ws://<host>/internal/voice/{session_id}}, {@code https} to {@code wss://})
 * @param trainingConnectTimeout how long opening a call's upstream socket may take (connection and
 *     handshake) before the client gets {@code VOICE_SERVICE_UNAVAILABLE} and 1013
 * @param trainingTimeout how long a HelloSales voice transcription may take before the socket
 *     answers {@code SERVICE_UNAVAILABLE}
 * @param voiceRelayBuffer the client's messages a call holds while training-service has not taken
 *     them yet (before its socket is open, or when it reads slower than the client sends); past it
 *     the client gets {@code AUDIO_BUFFER_OVERFLOW} and the socket is closed with 1008
 */
@ConfigurationProperties("dealflow.realtime")
public record TrainingSettings(
    @DefaultValue("http://localhost:8103") URI trainingUri,
    @DefaultValue("10s") Duration trainingConnectTimeout,
    @DefaultValue("15s") Duration trainingTimeout,
    @DefaultValue("4MB") DataSize voiceRelayBuffer) {}
