package io.dealflow.platform.events;

import static io.dealflow.platform.events.OutboxWhileKafkaIsDownIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.Devstack;
import io.dealflow.platform.event.EventType;
import io.dealflow.platform.events.DeadLetters.DeadLetter;
import io.dealflow.platform.events.ProbeApplication.ItemAdded;
import io.dealflow.platform.events.ProbeApplication.Items;
import io.dealflow.platform.test.EventProbe;
import io.dealflow.platform.test.KeycloakTokens;
import io.dealflow.platform.test.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A message the consumer cannot handle goes to the dead-letter topic with the reason, the others
 * flow on, and after the fix an operator replays it.
 */
@SpringBootTest(
    classes = ProbeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dealflow.events.consumer.max-attempts=3",
      "dealflow.events.consumer.backoff=50ms",
      "management.endpoints.web.exposure.include=health,deadletters"
    })
@Import(DeadLetterIT.Consumers.class)
class DeadLetterIT {

  static final EventType<ItemAdded> ADDED = EventType.of("probe.poison.added", ItemAdded.class);
  static final String CONSUMER = "poison-counter";
  static final AtomicBoolean broken = new AtomicBoolean(true);

  @Autowired Items items;
  @Autowired JdbcClient jdbc;
  @Autowired DeadLetters deadLetters;
  @Autowired KafkaSettings kafka;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry, "events");
    TestDatabases.registerSecurity(registry);
    registry.add("dealflow.events.bootstrap-servers", () -> Devstack.kafka().bootstrapServers());
  }

  @TestConfiguration
  static class Consumers {
    @Bean
    EventSubscription poisonCounter(JdbcClient jdbc) {
      EventHandler effect = ProbeApplication.recordingEffect(jdbc, CONSUMER);
      return EventSubscription.of(
          CONSUMER,
          event -> {
            int n = event.data().get("n").asInt();
            if (broken.get() && n == 13) {
              throw new IllegalStateException("cannot handle item 13");
            }
            effect.handle(event);
          },
          ADDED);
    }
  }

  @Test
  void poisonMessageIsDeadLetteredWithItsReasonAndReplayedAfterTheFix() {
    UUID org = UUID.randomUUID();
    UUID aggregate = UUID.randomUUID();
    for (int n = 1; n <= 20; n++) {
      items.add(ADDED, org, aggregate, n);
    }

    awaitTrue(
        () -> effects() == 19 && letterFor(aggregate.toString()) != null,
        Duration.ofSeconds(60),
        "19 applied and one dead letter");
    DeadLetter letter = letterFor(aggregate.toString());
    assertThat(letter).isNotNull();
    assertThat(letter.consumer()).isEqualTo("probe-events." + CONSUMER);
    assertThat(letter.topic()).isEqualTo(ADDED.topic());
    assertThat(letter.eventType()).isEqualTo(ADDED.name());
    assertThat(letter.orgId()).isEqualTo(org);
    assertThat(letter.attempts()).isEqualTo(3);
    assertThat(letter.reason()).contains("cannot handle item 13");
    try (EventProbe dlt =
        new EventProbe(Devstack.kafka().bootstrapServers(), List.of(ADDED.topic() + ".dlt"))) {
      EventProbe.Received buried =
          dlt.await(r -> r.subject().equals(aggregate.toString()), Duration.ofSeconds(30));
      assertThat(buried.data().get("n").asInt()).isEqualTo(13);
      assertThat(buried.headers())
          .containsEntry(DeadLetters.HEADER_CONSUMER, "probe-events." + CONSUMER)
          .containsEntry(DeadLetters.HEADER_TOPIC, ADDED.topic());
      assertThat(buried.headers().get(DeadLetters.HEADER_REASON)).contains("cannot handle item 13");
    }

    assertThat(actuator("GET", "/actuator/deadletters", KeycloakTokens.operator()).body())
        .contains(letter.id().toString())
        .contains("cannot handle item 13");
    HttpResponse<String> refused =
        actuator("POST", "/actuator/deadletters/" + letter.id(), KeycloakTokens.demoRep());
    assertThat(refused.statusCode()).as("a rep may not replay").isEqualTo(403);
    HttpResponse<String> notAnOperator =
        actuator("POST", "/actuator/deadletters/" + letter.id(), KeycloakTokens.demoAdmin());
    assertThat(notAnOperator.statusCode())
        .as("an organization's admin is no operator")
        .isEqualTo(403);
    assertThat(actuator("GET", "/actuator/deadletters", KeycloakTokens.demoAdmin()).statusCode())
        .isEqualTo(403);
    assertThat(deadLetters.find(letter.id()).orElseThrow().replayedAt()).isNull();

    broken.set(false);
    HttpResponse<String> replayed =
        actuator("POST", "/actuator/deadletters/" + letter.id(), KeycloakTokens.operator());
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
    assertThat(replayed.body()).contains("\"replayedAt\"");

    awaitTrue(() -> effects() == 20, Duration.ofSeconds(60), "the replayed event applied");
    assertThat(
            jdbc.sql("SELECT count(*) FROM probe_effect WHERE n = 13").query(Long.class).single())
        .isEqualTo(1);
    assertThat(deadLetters.find(letter.id()).orElseThrow().replayedAt()).isNotNull();
    assertThat(deadLetters.list(true, 50)).extracting(DeadLetter::id).doesNotContain(letter.id());
  }

  @Test
  void messageThatIsNoEventIsDeadLetteredAtOnce() {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.kafka().bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(
              ADDED.topic(), "garbage", "not json".getBytes(StandardCharsets.UTF_8)));
    }

    awaitTrue(
        () -> letterFor("garbage") != null,
        Duration.ofSeconds(60),
        "the unreadable message dead-lettered");
    DeadLetter letter = letterFor("garbage");
    assertThat(letter).isNotNull();
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(letter.eventId()).isNull();
    assertThat(letter.reason()).contains("Not JSON");
  }

  @Test
  void messageBuriedAgainIsRecordedOnceAndSentToTheDeadLetterTopicOnce() throws Exception {
    String topic = "probe.poison.twice";
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(topic, 0, 42L, "twice", "not json".getBytes(StandardCharsets.UTF_8));
    IllegalArgumentException failure = new IllegalArgumentException("Not JSON");

    boolean first =
        deadLetters.bury("probe-events.replayed", topic + ".dlt", record, null, failure, 1);
    boolean again =
        deadLetters.bury("probe-events.replayed", topic + ".dlt", record, null, failure, 1);

    assertThat(first).isTrue();
    assertThat(again).as("the second burial of the same message").isFalse();
    assertThat(
            jdbc.sql("SELECT count(*) FROM dealflow_events.dead_letter WHERE event_key = 'twice'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    awaitTrue(
        () -> {
          try {
            return ConsumerWhileDatabaseIsDownIT.messagesOn(topic + ".dlt", kafka) >= 1;
          } catch (Exception notYet) {
            return false;
          }
        },
        Duration.ofSeconds(30),
        "the dead letter on its topic");
    Thread.sleep(1000);
    assertThat(ConsumerWhileDatabaseIsDownIT.messagesOn(topic + ".dlt", kafka)).isEqualTo(1);
    try (EventProbe dlt =
        new EventProbe(Devstack.kafka().bootstrapServers(), List.of(topic + ".dlt"))) {
      EventProbe.Received buried = dlt.awaitCount(r -> true, 1, Duration.ofSeconds(30)).getFirst();
      assertThat(buried.key()).isEqualTo("twice");
      assertThat(buried.headers())
          .containsEntry(DeadLetters.HEADER_TOPIC, topic)
          .containsEntry(DeadLetters.HEADER_OFFSET, "42")
          .containsKey(DeadLetters.HEADER_ID);
    }
  }

  private @Nullable DeadLetter letterFor(String key) {
    return jdbc.sql("SELECT id FROM dealflow_events.dead_letter WHERE event_key = :key")
        .param("key", key)
        .query(UUID.class)
        .optional()
        .flatMap(deadLetters::find)
        .orElse(null);
  }

  private HttpResponse<String> actuator(String method, String path, String token) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Authorization", "Bearer " + token)
                  .method(method, HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long effects() {
    return jdbc.sql("SELECT count(*) FROM probe_effect").query(Long.class).single();
  }
}
