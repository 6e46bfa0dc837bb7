package io.dealflow.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.deploy.Deployables;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kafka topics are the event catalogue ({@code docs/asyncapi.yaml}) and a dead-letter topic for
 * each event; production keeps three replicas with two in sync; every ACL names a topic that
 * exists.
 */
class K8sCatalogueTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void theTopicsAreTheCatalogueAndItsDeadLetterTopics(String overlay) throws IOException {
    Set<String> expected = new TreeSet<>();
    for (String event : catalogue()) {
      expected.add(event);
      expected.add(event + ".dlt");
    }
    assertThat(topics(overlay))
        .as(
            "KafkaTopics of %s against docs/asyncapi.yaml (add a new event and its .dlt to k8s/base/kafka/topics.yaml)",
            overlay)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void productionTopicsAreReplicatedThreeTimesAndNeedTwoInSync() {
    for (Map<String, Object> topic : Kustomize.overlay("production").ofKind("KafkaTopic")) {
      String name = Kustomize.Rendered.name(topic);
      assertThat(Yamls.at(topic, "spec", "replicas")).as("replicas of %s", name).isEqualTo(3);
      assertThat(Yamls.at(topic, "spec", "config", "min.insync.replicas"))
          .as("min.insync.replicas of %s", name)
          .isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyAclNamesAnExistingTopic(String overlay) {
    Set<String> topics = topics(overlay);
    for (Map<String, Object> user : Kustomize.overlay(overlay).ofKind("KafkaUser")) {
      for (Object acl : Yamls.list(user, "spec", "authorization", "acls")) {
        if ("topic".equals(Yamls.at(acl, "resource", "type"))) {
          assertThat(topics)
              .as("topic of an ACL of KafkaUser %s", Kustomize.Rendered.name(user))
              .contains(String.valueOf(Yamls.at(acl, "resource", "name")));
        }
        if ("group".equals(Yamls.at(acl, "resource", "type"))) {
          assertThat(String.valueOf(Yamls.at(acl, "resource", "name")))
              .as("consumer groups are <spring.application.name>.<subscription>")
              .startsWith(Kustomize.Rendered.name(user) + ".");
        }
      }
    }
  }

  private static Set<String> topics(String overlay) {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> topic : Kustomize.overlay(overlay).ofKind("KafkaTopic")) {
      Object topicName = Yamls.at(topic, "spec", "topicName");
      names.add(topicName != null ? String.valueOf(topicName) : Kustomize.Rendered.name(topic));
    }
    return names;
  }

  private static Set<String> catalogue() throws IOException {
    Object document =
        new Yaml()
            .load(
                Files.readString(
                    Deployables.repositoryRoot().resolve("docs").resolve("asyncapi.yaml")));
    Set<String> events = new TreeSet<>();
    for (Object channel : Yamls.map(document, "channels").values()) {
      events.add(String.valueOf(Yamls.at(channel, "address")));
    }
    assertThat(events).as("channels of docs/asyncapi.yaml").isNotEmpty();
    return events;
  }
}
