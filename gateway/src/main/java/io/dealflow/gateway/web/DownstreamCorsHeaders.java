package io.dealflow.gateway.web;

import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the CORS headers a service answers with: the gateway decides CORS for the whole API, and a
 * second {@code Access-Control-Allow-Origin} would make browsers refuse the response.
 */
final class DownstreamCorsHeaders implements HttpHeadersFilter {

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders kept = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
            kept.addAll(name, values);
          }
        });
    return kept;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.RESPONSE;
  }
}
