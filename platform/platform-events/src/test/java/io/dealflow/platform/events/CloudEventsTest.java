package io.dealflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

  record Sample(UUID leadId, int score) {}

  @Test
  void envelopeRoundTripsWithSnakeCaseData() {
    UUID id = UUID.randomUUID();
    UUID org = UUID.randomUUID();
    UUID lead = UUID.randomUUID();
    Instant time = Instant.parse("2026-01-02T03:04:05.678Z");
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    String json =
        CloudEvents.envelope(
                id,
                "/dealflow/crm-service",
                "lead.qualified",
                lead.toString(),
                time,
                org,
                traceparent,
                EventJson.MAPPER.valueToTree(new Sample(lead, 85)))
            .toString();
    ReceivedEvent event = CloudEvents.parse(json.getBytes(StandardCharsets.UTF_8));

    assertThat(json).contains("\"lead_id\":\"" + lead + "\"").contains("\"specversion\":\"1.0\"");
    assertThat(event.id()).isEqualTo(id);
    assertThat(event.type()).isEqualTo("lead.qualified");
    assertThat(event.source()).isEqualTo("/dealflow/crm-service");
    assertThat(event.subject()).isEqualTo(lead.toString());
    assertThat(event.orgId()).isEqualTo(org);
    assertThat(event.time()).isEqualTo(time);
    assertThat(event.traceparent()).isEqualTo(traceparent);
    assertThat(EventJson.MAPPER.treeToValue(event.data(), Sample.class))
        .isEqualTo(new Sample(lead, 85));
  }

  @Test
  void messagesThatAreNoCloudEventAreRefusedWithTheReason() {
    assertThatThrownBy(() -> CloudEvents.parse("nope".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("Not JSON");
    assertThatThrownBy(
            () -> CloudEvents.parse("{\"specversion\":\"0.3\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("specversion");
    assertThatThrownBy(
            () ->
                CloudEvents.parse(
                    ("{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"a.b\",\"source\":\"s\","
                            + "\"subject\":\"s\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":{}}")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("Malformed attribute");
  }

  @Test
  void onlyRecordsKafkaRefusesForGoodAreParked() {
    assertThat(OutboxRelay.isRetriable(new org.apache.kafka.common.errors.TimeoutException("x")))
        .isTrue();
    assertThat(OutboxRelay.isRetriable(new org.apache.kafka.common.errors.NetworkException("x")))
        .isTrue();
    assertThat(
            OutboxRelay.isRetriable(
                new org.apache.kafka.common.errors.RecordTooLargeException("x")))
        .isFalse();
    assertThat(
            OutboxRelay.isRetriable(new org.apache.kafka.common.errors.InvalidTopicException("x")))
        .isFalse();
  }
}
