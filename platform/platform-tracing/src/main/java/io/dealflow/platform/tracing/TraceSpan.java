package io.dealflow.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * One span started by {@link Traces}: tag it, put it in scope for the work it times (log lines then
 * carry its trace and span ids, and spans started meanwhile are its children), and close it.
 */
public final class TraceSpan implements AutoCloseable {

  /** The W3C trace context header, as on HTTP requests and Kafka messages. */
  public static final String HEADER = "traceparent";

  private final Tracer tracer;
  private final Span span;
  private final @Nullable String traceparent;
  private Tracer.@Nullable SpanInScope scope;

  TraceSpan(Tracer tracer, Span span, @Nullable String traceparent) {
    this.tracer = tracer;
    this.span = span;
    this.traceparent = traceparent;
  }

  /**
   * The {@code traceparent} that names this span, to forward to whatever the work calls; with
   * tracing off, the parent's (null when there was none).
   */
  public @Nullable String traceparent() {
    return traceparent;
  }

  public TraceSpan tag(String key, String value) {
    span.tag(key, value);
    return this;
  }

  /** Marks the span as failed. */
  public TraceSpan error(Throwable failure) {
    span.error(failure);
    return this;
  }

  /** Makes this span the current one on this thread until {@link #close()}. */
  public TraceSpan inScope() {
    if (scope == null && !span.isNoop()) {
      scope = tracer.withSpan(span);
    }
    return this;
  }

  /** Leaves the scope (if entered) and ends the span. */
  @Override
  public void close() {
    if (scope != null) {
      scope.close();
      scope = null;
    }
    span.end();
  }
}
