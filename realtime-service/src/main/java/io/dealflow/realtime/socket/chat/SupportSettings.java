package io.dealflow.realtime.socket.chat;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where support-service answers, for the HeliosCS live chat on {@code /ws/chat/{session_id}}.
 *
 * @param supportUri support-service's base URI
 * @param supportTimeout how long checking a session or relaying an agent's message may take before
 *     the socket answers {@code SERVICE_UNAVAILABLE} (on connect: and closes with 1013)
 * @param supportAnswerTimeout how long relaying a customer's message may take: support-service
 *     answers it (the assistant's reply, with a model that may be slow) before it replies
 */
@ConfigurationProperties("dealflow.realtime")
public record SupportSettings(
    @DefaultValue("http://localhost:8106") URI supportUri,
    @DefaultValue("5s") Duration supportTimeout,
    @DefaultValue("60s") Duration supportAnswerTimeout) {}
