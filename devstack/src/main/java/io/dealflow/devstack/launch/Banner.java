package io.dealflow.devstack.launch;

import io.dealflow.devstack.Devstack;
import io.dealflow.devstack.Keycloak;
import io.dealflow.devstack.Source;
import io.dealflow.devstack.keycloak.KeycloakSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The box ./run prints once everything is ready: where things are and a first request to try. */
final class Banner {

  private static final String RULE = "─".repeat(76);

  private Banner() {}

  static List<String> lines(RunningStack stack, long elapsedSeconds) {
    Infrastructure infra = stack.infrastructure();
    Keycloak keycloak = infra.keycloak();
    Path secrets = Devstack.stateDir().resolve(KeycloakSecrets.FILE_NAME);
    boolean ownSecrets = keycloak.source() != Source.CONFIGURED;
    List<String> out = new ArrayList<>();
    boolean gateway = stack.isRunning("gateway");
    out.add(
        (stack.services().isEmpty() ? "Dealflow infrastructure is up" : "Dealflow is up")
            + " ("
            + elapsedSeconds
            + " s)");
    out.add("");
    if (gateway) {
      row(
          out,
          "Gateway",
          stack.gatewayUrl() + "  (management " + stack.managementUrl("gateway") + ")");
    }
    for (String service : stack.services()) {
      if (!service.equals("gateway")) {
        row(
            out,
            "Service",
            service
                + "  "
                + stack.serviceUrl(service)
                + "  (management "
                + stack.managementUrl(service)
                + ")");
      }
    }
    if (!stack.services().isEmpty()) {
      row(
          out,
          "Management",
          "/actuator on each management port: probes and Prometheus open; the rest (dead"
              + " letters, plans) needs an operator token");
      row(
          out,
          "",
          "(client credentials of " + keycloak.opsClientId() + ", secret in " + secrets + ")");
    }
    if (!stack.options().infraOnly()) {
      String notStarted =
          stack.skippedServices().keySet().stream().collect(Collectors.joining(", "));
      if (!notStarted.isEmpty()) {
        row(out, "Not started", notStarted);
      }
    }
    row(
        out,
        "Demo users",
        Keycloak.DEMO_ADMIN_EMAIL + " (admin), " + Keycloak.DEMO_REP_EMAIL + " (rep)");
    row(out, "Demo password", keycloak.demoPassword());
    row(out, "Keycloak", keycloak.adminConsoleUrl() + "  [" + keycloak.source() + "]");
    row(
        out,
        "",
        ownSecrets
            ? "admin user and password: " + secrets
            : "admin credentials: "
                + KeycloakSecrets.ADMIN_USERNAME
                + " / "
                + KeycloakSecrets.ADMIN_PASSWORD);
    row(out, "Issuer", keycloak.issuerUri());
    row(
        out,
        "PostgreSQL",
        infra.postgres().hosts()
            + " as "
            + infra.postgres().username()
            + "  ["
            + infra.postgres().source()
            + "]");
    row(
        out,
        "Redis",
        infra.redis().host() + ":" + infra.redis().port() + "  [" + infra.redis().source() + "]");
    row(out, "Kafka", infra.kafka().bootstrapServers() + "  [" + infra.kafka().source() + "]");
    row(out, "Logs", stack.options().logsDir().toString());
    row(
        out,
        "IDE runs",
        Devstack.stateDir().resolve(ServiceEnvironment.ENV_DIR)
            + "/<service>.env has each service's environment");
    out.add("");
    out.add("Try it:");
    out.addAll(firstRequest(stack, keycloak, secrets, ownSecrets));
    out.add("");
    out.add("Ctrl-C stops everything started here.");
    return out;
  }

  static void print(Console console, RunningStack stack, long elapsedSeconds) {
    console.line("╭" + RULE);
    for (String line : lines(stack, elapsedSeconds)) {
      console.line("│ " + line);
    }
    console.line("╰" + RULE);
  }

  private static List<String> firstRequest(
      RunningStack stack, Keycloak keycloak, Path secrets, boolean ownSecrets) {
    String login =
        "{\"email\":\"%s\",\"password\":\"%s\"}"
            .formatted(Keycloak.DEMO_ADMIN_EMAIL, keycloak.demoPassword());
    @Nullable String base =
        stack.isRunning("gateway")
            ? stack.gatewayUrl()
            : stack.isRunning("identity") ? stack.serviceUrl("identity") : null;
    if (base != null) {
      return List.of(
          "  curl -s -X POST " + base + "/api/v1/auth/login -H 'Content-Type: application/json' \\",
          "    -d '" + login + "'");
    }
    String secret =
        ownSecrets
            ? "\"$(sed -n 's/^keycloak.identity-client.secret=//p' " + secrets + ")\""
            : "\"$" + KeycloakSecrets.CLIENT_SECRET + "\"";
    return List.of(
        "  curl -s " + keycloak.tokenUri() + " \\",
        "    -d grant_type=password -d client_id=" + keycloak.identityClientId() + " \\",
        "    -d client_secret=" + secret + " \\",
        "    -d username="
            + Keycloak.DEMO_ADMIN_EMAIL
            + " -d password='"
            + keycloak.demoPassword()
            + "'");
  }

  private static void row(List<String> out, String label, String value) {
    out.add(String.format("%-14s %s", label, Objects.requireNonNull(value)));
  }
}
