package io.dealflow.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracesTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String STORED = "00-" + TRACE + "-00f067aa0ba902b7-01";

  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
  private final Traces traces = traces(provider);

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void aSpanStartedFromAStoredTraceparentIsItsChildAndNamesItself() {
    String forwarded;
    try (TraceSpan span = traces.start("publish deal.won", Span.Kind.PRODUCER, STORED)) {
      forwarded = span.traceparent();
    }

    List<SpanData> spans = exported.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    SpanData publish = spans.getFirst();
    assertThat(publish.getName()).isEqualTo("publish deal.won");
    assertThat(publish.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.PRODUCER);
    assertThat(publish.getTraceId()).isEqualTo(TRACE);
    assertThat(publish.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(forwarded).isEqualTo("00-" + TRACE + "-" + publish.getSpanId() + "-01");
  }

  @Test
  void aSpanInScopeIsTheParentOfSpansStartedHere() {
    try (TraceSpan consumer = traces.start("process deal.won", Span.Kind.CONSUMER, STORED)) {
      consumer.inScope();
      assertThat(traces.currentTraceparent()).isEqualTo(consumer.traceparent());
      try (TraceSpan push = traces.startHere("socket push deal.won", Span.Kind.PRODUCER)) {
        assertThat(push.traceparent()).startsWith("00-" + TRACE + "-");
      }
    }
    assertThat(traces.currentTraceparent()).isNull();

    List<SpanData> spans = exported.getFinishedSpanItems();
    SpanData push = spans.get(0);
    SpanData consumer = spans.get(1);
    assertThat(push.getParentSpanId()).isEqualTo(consumer.getSpanId());
    assertThat(push.getTraceId()).isEqualTo(TRACE);
  }

  @Test
  void aMalformedTraceparentStartsANewTrace() {
    try (TraceSpan span = traces.start("webhook deal.won", Span.Kind.CLIENT, "00-not-a-trace")) {
      assertThat(span.traceparent()).doesNotContain(TRACE);
    }
    SpanData webhook = exported.getFinishedSpanItems().getFirst();
    assertThat(webhook.getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void offHandsTheParentBackAndRecordsNothing() {
    try (TraceSpan span = Traces.OFF.start("publish deal.won", Span.Kind.PRODUCER, STORED)) {
      span.inScope();
      assertThat(span.traceparent()).isEqualTo(STORED);
      assertThat(Traces.OFF.currentTraceparent()).isNull();
    }
    assertThat(Traces.OFF.on()).isFalse();
    assertThat(Traces.OFF.start("x", Span.Kind.CLIENT, null).traceparent()).isNull();
    assertThat(exported.getFinishedSpanItems()).isEmpty();
  }

  private static Traces traces(SdkTracerProvider provider) {
    io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    OtelTracer tracer =
        new OtelTracer(
            otel, current, event -> {}, new OtelBaggageManager(current, List.of(), List.of()));
    OtelPropagator propagator =
        new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    return new Traces(tracer, propagator);
  }
}
