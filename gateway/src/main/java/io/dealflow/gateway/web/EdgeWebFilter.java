package io.dealflow.gateway.web;

import io.dealflow.platform.request.RequestIds;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;

/**
 * The first and last step of every request. Gives it a request id (the caller's, when well formed)
 * that travels downstream, comes back in the response and sits in the logging MDC of every line
 * logged for it; sets the security headers; renders any failure in the route's error format; and
 * writes one access-log line when the response is done. The line carries method, path (never the
 * query, which may hold a token), status, duration and the caller's subject.
 */
public final class EdgeWebFilter implements WebFilter, Ordered {

  private static final Logger access = LoggerFactory.getLogger("io.dealflow.gateway.access");

  /** The MDC keys Micrometer Tracing logs trace and span ids under. */
  private static final String TRACE_ID = "traceId";

  private static final String SPAN_ID = "spanId";

  private final GatewayErrors errors;

  public EdgeWebFilter(GatewayErrors errors) {
    this.errors = errors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long started = System.nanoTime();
    String requestId =
        RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    ServerWebExchange traced =
        exchange
            .mutate()
            .request(request -> request.headers(h -> h.set(RequestIds.HEADER, requestId)))
            .build();
    traced.getAttributes().put(Exchanges.REQUEST_ID, requestId);
    ServerHttpResponse response = traced.getResponse();
    response.beforeCommit(
        () -> {
          response.getHeaders().set(RequestIds.HEADER, requestId);
          SecurityHeaders.apply(response.getHeaders());
          return Mono.empty();
        });
    return chain
        .filter(traced)
        .onErrorResume(failure -> errors.handle(traced, failure))
        .doFinally(signal -> logAccess(traced, requestId, started, signal))
        .contextWrite(
            Context.of(Slf4jThreadLocalAccessor.KEY, Map.of(RequestIds.MDC_KEY, requestId)));
  }

  private static void logAccess(
      ServerWebExchange exchange, String requestId, long started, SignalType signal) {
    long millis = (System.nanoTime() - started) / 1_000_000;
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    String outcome =
        signal == SignalType.CANCEL
            ? "cancelled"
            : status == null ? "200" : Integer.toString(status.value());
    String subject = Exchanges.subject(exchange);
    MDC.put(RequestIds.MDC_KEY, requestId);
    TraceContext trace = serverSpan(exchange);
    if (trace != null) {
      MDC.put(TRACE_ID, trace.traceId());
      MDC.put(SPAN_ID, trace.spanId());
    }
    try {
      access
          .atInfo()
          .addKeyValue("method", exchange.getRequest().getMethod().name())
          .addKeyValue("path", exchange.getRequest().getPath().value())
          .addKeyValue("status", outcome)
          .addKeyValue("duration_ms", millis)
          .addKeyValue("subject", subject == null ? "-" : subject)
          .log(
              "{} {} {} {}ms subject={}",
              exchange.getRequest().getMethod().name(),
              exchange.getRequest().getPath().value(),
              outcome,
              millis,
              subject == null ? "-" : subject);
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
      MDC.remove(TRACE_ID);
      MDC.remove(SPAN_ID);
    }
  }

  /** The gateway's server span of the request, when tracing is on. */
  private static @Nullable TraceContext serverSpan(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(
            context -> {
              TracingObservationHandler.TracingContext tracing =
                  context.get(TracingObservationHandler.TracingContext.class);
              Span span = tracing == null ? null : tracing.getSpan();
              return span == null ? null : span.context();
            })
        .orElse(null);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
