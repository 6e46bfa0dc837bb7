package io.dealflow.gateway.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/** What the gateway learns about a request and keeps on its exchange for later steps. */
public final class Exchanges {

  /** The request id, as sent downstream and returned to the client. */
  public static final String REQUEST_ID = "dealflow.request-id";

  /** The authenticated caller's subject, for the access log. */
  public static final String SUBJECT = "dealflow.subject";

  private Exchanges() {}

  public static @Nullable String requestId(ServerWebExchange exchange) {
    return exchange.getAttribute(REQUEST_ID);
  }

  public static @Nullable String subject(ServerWebExchange exchange) {
    return exchange.getAttribute(SUBJECT);
  }
}
