package io.dealflow.platform.reactive;

import io.dealflow.platform.request.RequestIds;
import io.dealflow.platform.request.TraceContext;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when well formed) and a W3C trace
 * context (continuing the caller's {@code traceparent}, else new), returns the id on the response,
 * and keeps both as exchange attributes and in the Reactor context under the MDC keys, so that
 * error bodies and logs carry them.
 */
public final class RequestIdWebFilter implements WebFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id =
        RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    String traceparent =
        TraceContext.continueOrStart(
            exchange.getRequest().getHeaders().getFirst(TraceContext.HEADER));
    exchange.getAttributes().put(RequestIds.MDC_KEY, id);
    exchange.getAttributes().put(TraceContext.MDC_KEY, traceparent);
    exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
    return chain
        .filter(exchange)
        .contextWrite(
            context ->
                context
                    .put(RequestIds.MDC_KEY, id)
                    .put(TraceContext.MDC_KEY, traceparent)
                    .put(TraceContext.TRACE_ID_MDC_KEY, TraceContext.traceId(traceparent)));
  }

  /** Before security, so that its refusals carry the id too. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
