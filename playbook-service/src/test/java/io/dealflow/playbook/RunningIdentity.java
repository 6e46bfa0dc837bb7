package io.dealflow.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.devstack.launch.RunningStack;
import io.dealflow.devstack.launch.Stack;
import io.dealflow.devstack.launch.StackOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The real identity-service, started from its jar once per test JVM through the launcher {@code
 * ./run} uses (on a free port, stopped when the JVM exits), and organizations made through it: an
 * admin who registered and a rep the admin added, both members in identity-service's database.
 */
public final class RunningIdentity {

  private static final String PASSWORD = "Playbook-Test-42";
  private static volatile RunningStack stack;

  private RunningIdentity() {}

  /** identity-service's base URL. */
  public static synchronized String url() {
    if (stack == null) {
      StackOptions options =
          StackOptions.defaults()
              .withServices(Set.of("identity"))
              .withStreamLogs(false)
              .withLogsDir(Path.of("target", "identity-logs").toAbsolutePath());
      stack =
          Stack.start(
              options.withPort("identity", freePort()).withManagementPort("identity", freePort()));
    }
    return stack.serviceUrl("identity");
  }

  /**
   * An organization as identity-service knows it.
   *
   * @param orgId the organization
   * @param adminId its admin, who registered it
   * @param adminToken the admin's access token
   * @param repId a rep the admin added
   * @param repToken the rep's access token
   */
  public record Team(UUID orgId, UUID adminId, String adminToken, UUID repId, String repToken) {}

  /** A new organization with an admin and a rep. */
  public static Team team(String company) {
    Sailwind identity = new Sailwind(url(), null);
    String adminEmail = "playbook-" + UUID.randomUUID() + "@example.com";
    Sailwind.Response registered =
        identity.post(
            "/api/v1/auth/register",
            Map.of(
                "email", adminEmail,
                "password", PASSWORD,
                "first_name", "Ada",
                "last_name", "Admin",
                "company", company));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    JsonNode admin = registered.json();
    String adminToken = admin.get("access_token").asString();
    String repEmail = "playbook-rep-" + UUID.randomUUID() + "@example.com";
    Sailwind.Response added =
        new Sailwind(url(), adminToken)
            .post(
                "/api/v1/users",
                Map.of(
                    "email", repEmail,
                    "firstName", "Riley",
                    "lastName", "Rep",
                    "role", "rep",
                    "password", PASSWORD));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    Sailwind.Response login =
        identity.post("/api/v1/auth/login", Map.of("email", repEmail, "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return new Team(
        UUID.fromString(admin.get("user").get("tenant_id").asString()),
        UUID.fromString(admin.get("user").get("id").asString()),
        adminToken,
        UUID.fromString(added.json().get("id").asString()),
        login.json().get("access_token").asString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
