package io.dealflow.playbook.sailwind;

import static io.dealflow.playbook.sailwind.CatalogueIT.assertHelloSalesError;
import static io.dealflow.playbook.sailwind.CatalogueIT.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.playbook.RunningPlaybookService;
import io.dealflow.playbook.Sailwind;
import io.dealflow.playbook.Sailwind.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** identity-service not answering: a rep assignment is refused with 503, quickly, and not made. */
class IdentityDownIT extends RunningPlaybookService {

  @DynamicPropertySource
  static void identityNowhere(DynamicPropertyRegistry registry) {
    registry.add("dealflow.playbook.identity-uri", () -> "http://127.0.0.1:" + unusedPort());
  }

  @Test
  void anAssignmentAnswers503InTheHelloSalesFormatWhenIdentityServiceIsDown() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    TestUser rep = TestUsers.create(admin.orgId(), "rep");
    Sailwind sailwind = as(admin);
    String product = created(sailwind.post("/products", Map.of("name", "Plan")));
    String client = created(sailwind.post("/clients", Map.of("name", "Acme")));

    Instant asked = Instant.now();
    Response refused =
        sailwind.post(
            "/rep-assignments",
            Map.of("userId", rep.id().toString(), "productId", product, "clientId", client));

    assertHelloSalesError(refused, 503, "SERVICE_UNAVAILABLE");
    assertThat(refused.json().get("detail").get("message").asString()).contains("identity-service");
    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(as(rep).get("/my/rep-assignments").json().size()).isZero();
  }

  private static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
