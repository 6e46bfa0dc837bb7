package io.dealflow.gateway.route;

import io.dealflow.gateway.web.ClientAddresses;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends the standard {@code X-Forwarded-For/-Proto/-Host/-Port} to the services. Spring Cloud
 * Gateway's own filter either appends to whatever the client sent or, for an untrusted client,
 * drops the headers altogether; here a service always learns the client's address, and only a
 * trusted proxy's forwarded values are passed on. Runs after the gateway has stripped the incoming
 * {@code X-Forwarded-*} headers, so it reads them from the original request.
 */
final class ForwardedHeaders implements HttpHeadersFilter, Ordered {

  private final ClientAddresses clients;

  ForwardedHeaders(ClientAddresses clients) {
    this.clients = clients;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    HttpHeaders original = request.getHeaders();
    boolean vouched = clients.isPeerTrusted(request);
    HttpHeaders headers = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          if (!name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-")) {
            headers.addAll(name, values);
          }
        });
    String forwardedFor = clients.forwardedFor(request);
    if (!forwardedFor.isEmpty()) {
      headers.set(ClientAddresses.X_FORWARDED_FOR, forwardedFor);
    }
    String scheme = request.getURI().getScheme();
    headers.set("X-Forwarded-Proto", pick(vouched, original, "X-Forwarded-Proto", scheme));
    String host = original.getFirst(HttpHeaders.HOST);
    String forwardedHost = pick(vouched, original, "X-Forwarded-Host", host);
    if (!forwardedHost.isEmpty()) {
      headers.set("X-Forwarded-Host", forwardedHost);
    }
    int port = request.getURI().getPort();
    String ownPort =
        Integer.toString(port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80);
    headers.set("X-Forwarded-Port", pick(vouched, original, "X-Forwarded-Port", ownPort));
    return headers;
  }

  private static String pick(
      boolean vouched, HttpHeaders original, String name, @Nullable String own) {
    String incoming = original.getFirst(name);
    if (vouched && incoming != null && !incoming.isBlank()) {
      return incoming;
    }
    return own == null ? "" : own;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }

  /** After the gateway's own header filters, which strip {@code X-Forwarded-*} at order 0. */
  @Override
  public int getOrder() {
    return 100;
  }
}
