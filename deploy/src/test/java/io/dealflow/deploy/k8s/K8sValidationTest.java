package io.dealflow.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay renders with {@code kubectl kustomize}, and every rendered object is valid against
 * the Kubernetes schemas and the operators' CRD schemas, offline ({@code k8s/validate}, pinned by
 * its package-lock.json; {@code npm ci} installs it when node_modules is missing). So are the
 * secrets that {@code k8s/secrets/create-secrets.sh} makes.
 */
class K8sValidationTest {

  @BeforeAll
  static void installTheValidator() {
    Path validate = Kustomize.k8s().resolve("validate");
    if (!Files.isDirectory(validate.resolve("node_modules"))) {
      Kustomize.ProcessResult install =
          Kustomize.run(List.of("npm", "ci", "--no-audit", "--no-fund"), validate, 300);
      assertThat(install.exitCode())
          .as(
              "npm ci in %s (needs node, npm and the npm registry):\n%s",
              validate, install.output())
          .isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyObjectOfTheOverlayIsValid(String overlay) throws Exception {
    String output = validate(Kustomize.overlay(overlay).yaml());
    assertThat(output).as("validation of overlay %s", overlay).startsWith("VALID:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void theOverlayHasObjectsOfEveryKindItNeeds(String overlay) {
    assertThat(Kustomize.overlay(overlay).objects())
        .extracting(object -> object.get("kind"))
        .contains(
            "Kafka",
            "KafkaNodePool",
            "KafkaTopic",
            "KafkaUser",
            "Cluster",
            "Database",
            "Keycloak",
            "KeycloakRealmImport",
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "ServiceMonitor",
            "PrometheusRule",
            "Gateway",
            "HTTPRoute",
            "ConfigMap");
  }

  @Test
  void theSecretsScriptMakesValidSecrets() throws Exception {
    Path script = Kustomize.k8s().resolve("secrets").resolve("create-secrets.sh");
    Kustomize.ProcessResult printed =
        Kustomize.run(List.of("bash", script.toString(), "--print", "--demo"), Kustomize.k8s(), 60);
    assertThat(printed.exitCode()).as(printed.output()).isZero();
    assertThat(validate(printed.output())).startsWith("VALID:");
  }

  /** Runs the validator on a YAML stream; answers its output (a failing run fails the test). */
  static String validate(String yaml) throws Exception {
    Path validate = Kustomize.k8s().resolve("validate");
    Process node =
        new ProcessBuilder("node", "validate.mjs")
            .directory(validate.toFile())
            .redirectErrorStream(true)
            .start();
    node.getOutputStream().write(yaml.getBytes(StandardCharsets.UTF_8));
    node.getOutputStream().close();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("validator finished").isTrue();
    assertThat(node.exitValue()).as("validator output:\n%s", output).isZero();
    return output;
  }
}
