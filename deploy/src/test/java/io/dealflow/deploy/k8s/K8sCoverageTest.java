package io.dealflow.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.deploy.Deployables;
import io.dealflow.devstack.launch.ServiceDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every application that ships (devstack's Services.ALL with a module in the tree) has each of its
 * Kubernetes pieces in the production overlay: a missing one fails, naming the application and the
 * piece.
 */
class K8sCoverageTest {

  private final Kustomize.Rendered production = Kustomize.overlay("production");

  @Test
  void everyApplicationHasEachOfItsPieces() {
    List<String> missing = new ArrayList<>();
    for (ServiceDefinition service : Deployables.all()) {
      missing.addAll(missingPieces(service));
    }
    assertThat(missing).as("pieces missing in k8s/overlays/production").isEmpty();
  }

  @Test
  void everySecretTheManifestsUseHasAMaker() {
    String script = read(Kustomize.k8s().resolve("secrets").resolve("create-secrets.sh"));
    Set<String> byOperators =
        new TreeSet<>(List.of("dealflow-kafka-cluster-ca-cert", "dealflow-postgres-ca"));
    for (Map<String, Object> user : production.ofKind("KafkaUser")) {
      byOperators.add("kafka-" + Kustomize.Rendered.name(user));
    }
    Set<String> unmade = new TreeSet<>();
    for (String name : referencedSecrets()) {
      boolean made = byOperators.contains(name) || scriptMakes(script, name);
      if (!made) {
        unmade.add(name);
      }
    }
    assertThat(unmade)
        .as(
            "secrets referenced by the production overlay that neither k8s/secrets/create-secrets.sh nor an operator makes")
        .isEmpty();
  }

  private List<String> missingPieces(ServiceDefinition service) {
    String module = service.module();
    String who = service.name() + " (" + module + ")";
    List<String> missing = new ArrayList<>();
    Map<String, Object> deployment = production.find("Deployment", module).orElse(null);
    if (deployment == null) {
      missing.add(who + ": no Deployment " + module);
    } else {
      Object container = Yamls.at(deployment, "spec", "template", "spec", "containers", 0);
      String image = String.valueOf(Yamls.at(container, "image"));
      if (!image.matches("dealflow/" + module + ":[\\w.-]+")) {
        missing.add(who + ": its Deployment runs " + image + ", not dealflow/" + module + ":<tag>");
      }
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        if (!"management".equals(Yamls.at(container, probe, "httpGet", "port"))) {
          missing.add(who + ": no " + probe + " on the management port");
        }
      }
    }
    need(missing, who, "Service", module);
    production
        .find("HorizontalPodAutoscaler", module)
        .filter(hpa -> module.equals(Yamls.at(hpa, "spec", "scaleTargetRef", "name")))
        .ifPresentOrElse(
            hpa -> {},
            () -> missing.add(who + ": no HorizontalPodAutoscaler of Deployment " + module));
    need(missing, who, "PodDisruptionBudget", module);
    need(missing, who, "ServiceMonitor", module);
    production
        .find("NetworkPolicy", module)
        .filter(selects(module))
        .ifPresentOrElse(
            policy -> {},
            () -> missing.add(who + ": no NetworkPolicy " + module + " selecting its pods"));

    if (service.database() != null) {
      String database = service.database();
      boolean hasDatabase =
          production.ofKind("Database").stream()
              .anyMatch(
                  db ->
                      database.equals(Yamls.at(db, "spec", "name"))
                          && database.equals(Yamls.at(db, "spec", "owner")));
      if (!hasDatabase) {
        missing.add(who + ": no CloudNativePG Database " + database + " owned by role " + database);
      }
      boolean hasRole =
          production.ofKind("Cluster").stream()
              .flatMap(cluster -> Yamls.list(cluster, "spec", "managed", "roles").stream())
              .anyMatch(
                  role ->
                      database.equals(Yamls.at(role, "name"))
                          && ("dealflow-db-" + database)
                              .equals(Yamls.at(role, "passwordSecret", "name")));
      if (!hasRole) {
        missing.add(
            who
                + ": no managed role "
                + database
                + " (secret dealflow-db-"
                + database
                + ") in the CloudNativePG Cluster");
      }
      if (deployment != null
          && !envFromSecret(deployment, "SPRING_DATASOURCE_PASSWORD", "dealflow-db-" + database)) {
        missing.add(
            who
                + ": its Deployment does not read SPRING_DATASOURCE_PASSWORD from dealflow-db-"
                + database);
      }
    }
    if (usesKafka(service)) {
      if (production.find("KafkaUser", module).isEmpty()) {
        missing.add(who + ": no KafkaUser " + module);
      }
      if (deployment != null
          && !envFromSecret(
              deployment, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "kafka-" + module)) {
        missing.add(
            who + ": its Deployment does not read its Kafka login from secret kafka-" + module);
      }
    }
    return missing;
  }

  private void need(List<String> missing, String who, String kind, String name) {
    if (production.find(kind, name).isEmpty()) {
      missing.add(who + ": no " + kind + " " + name);
    }
  }

  /** Publishes or consumes events: its module uses platform-events. */
  static boolean usesKafka(ServiceDefinition service) {
    return read(service.moduleDir(Deployables.repositoryRoot()).resolve("pom.xml"))
        .contains("<artifactId>platform-events</artifactId>");
  }

  private static Predicate<Map<String, Object>> selects(String module) {
    return policy ->
        module.equals(
            Yamls.at(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"));
  }

  private static boolean envFromSecret(
      Map<String, Object> deployment, String variable, String secret) {
    return Yamls.list(deployment, "spec", "template", "spec", "containers", 0, "env").stream()
        .anyMatch(
            env ->
                variable.equals(Yamls.at(env, "name"))
                    && secret.equals(Yamls.at(env, "valueFrom", "secretKeyRef", "name")));
  }

  private Set<String> referencedSecrets() {
    Set<String> names = new TreeSet<>();
    collectSecretNames(production.objects(), names);
    return names;
  }

  /** Names under secretKeyRef, secret volumes, passwordSecret/usernameSecret, placeholders. */
  private static void collectSecretNames(Object node, Set<String> names) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object key = entry.getKey();
        Object value = entry.getValue();
        if (Set.of("secretKeyRef", "passwordSecret", "usernameSecret", "secret").contains(key)
            && value instanceof Map<?, ?> ref) {
          Object name = ref.get("secretName") != null ? ref.get("secretName") : ref.get("name");
          if (name != null) {
            names.add(String.valueOf(name));
          }
        }
        if ("initdb".equals(key)) {
          Object name = Yamls.at(value, "secret", "name");
          if (name != null) {
            names.add(String.valueOf(name));
          }
        }
        collectSecretNames(value, names);
      }
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectSecretNames(item, names));
    }
  }

  private static boolean scriptMakes(String script, String name) {
    if (script.contains("secret " + name + " ")) {
      return true;
    }
    // dealflow-db-<role> comes from the loop over the roles.
    return name.startsWith("dealflow-db-")
        && script
            .lines()
            .filter(line -> line.startsWith("for role in "))
            .anyMatch(
                line ->
                    List.of(line.replace("; do", "").split(" "))
                        .contains(name.substring("dealflow-db-".length())));
  }

  private static String read(java.nio.file.Path file) {
    try {
      return Files.readString(Objects.requireNonNull(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
