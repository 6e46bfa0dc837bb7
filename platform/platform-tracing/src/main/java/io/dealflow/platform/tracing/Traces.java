package io.dealflow.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Spans for the work that no framework instruments: the outbox relay's publish, event consumers,
 * socket pushes and webhook deliveries. Each continues a W3C {@code traceparent} that was stored or
 * carried (an outbox row, a Kafka message, a queued delivery), so the work joins the trace of the
 * request that caused it.
 *
 * <p>With tracing off (no OTLP endpoint, {@link #OFF}) nothing is recorded and {@link
 * TraceSpan#traceparent()} hands back the parent's {@code traceparent} unchanged, so whatever is
 * forwarded keeps the caller's trace.
 */
public final class Traces {

  /** No tracer: spans are no-ops. */
  public static final Traces OFF = new Traces(Tracer.NOOP, Propagator.NOOP);

  private static final Pattern TRACEPARENT =
      Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  private final Tracer tracer;
  private final Propagator propagator;
  private final boolean on;

  public Traces(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.on = tracer != Tracer.NOOP;
  }

  /** Whether spans are recorded (an OTLP endpoint is configured). */
  public boolean on() {
    return on;
  }

  /** The {@code traceparent} of the span current on this thread, or null when there is none. */
  public @Nullable String currentTraceparent() {
    if (!on) {
      return null;
    }
    Span current = tracer.currentSpan();
    return current == null || current.isNoop() ? null : traceparent(current.context());
  }

  /**
   * Starts a span that continues {@code parent} (a {@code traceparent}); a new trace when it is
   * null or malformed. The caller ends it with {@link TraceSpan#close()}.
   */
  public TraceSpan start(String name, Span.Kind kind, @Nullable String parent) {
    String valid = parent != null && TRACEPARENT.matcher(parent).matches() ? parent : null;
    if (!on) {
      return new TraceSpan(tracer, Span.NOOP, valid);
    }
    Span.Builder builder =
        valid == null
            ? tracer.spanBuilder().setNoParent()
            : propagator.extract(Map.of(TraceSpan.HEADER, valid), Map::get);
    Span span = builder.name(name).kind(kind).start();
    return new TraceSpan(tracer, span, traceparent(span.context()));
  }

  /**
   * Starts a span that is a child of the span current on this thread (a new trace when there is
   * none).
   */
  public TraceSpan startHere(String name, Span.Kind kind) {
    if (!on) {
      return new TraceSpan(tracer, Span.NOOP, null);
    }
    Span span = tracer.spanBuilder().name(name).kind(kind).start();
    return new TraceSpan(tracer, span, traceparent(span.context()));
  }

  static String traceparent(TraceContext context) {
    return "00-"
        + context.traceId()
        + "-"
        + context.spanId()
        + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
  }
}
