package io.dealflow.training.call;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * {@code /internal/voice/{session_id}}: the call socket. Clients reach it only through
 * realtime-service's {@code /ws/voice/{session_id}} (the gateway routes no {@code /internal} path);
 * realtime opens it with the rep's own token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class CallSocketConfiguration implements WebSocketConfigurer {

  /** The largest message taken from realtime: an audio chunk of 256 KiB as base64, with room. */
  static final int MAX_MESSAGE_BYTES = 512 * 1024;

  private final CallSocket calls;
  private final CallHandshake handshake;
  private final CallSettings settings;

  CallSocketConfiguration(CallSocket calls, CallHandshake handshake, CallSettings settings) {
    this.calls = calls;
    this.handshake = handshake;
    this.settings = settings;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry.addHandler(calls, "/internal/voice/*").addInterceptors(handshake);
  }

  @Bean
  ServletServerContainerFactoryBean callSocketContainer() {
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
    container.setMaxSessionIdleTimeout(settings.idleTimeout().toMillis());
    return container;
  }
}
