package io.dealflow.crm.integration.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.RunningCrmService;
import io.dealflow.crm.VectorosClient;
import io.dealflow.crm.VectorosClient.Response;
import io.dealflow.platform.outbound.HostResolver;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A base URL whose name resolved to a public address when it was connected and resolves to an
 * internal one when it is synced (DNS rebinding): the sync is refused and the internal service, a
 * HubSpot fake on loopback, is never called. Private targets are not allowed here, as in
 * production.
 */
class HubSpotRebindingIT extends RunningCrmService {

  private static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
  private static final String HOST = "hubspot.rebinding.test";

  /** What {@link #HOST} resolves to now. */
  private static final AtomicReference<String> ANSWER = new AtomicReference<>("93.184.215.14");

  @TestConfiguration
  static class Dns {

    @Bean
    HostResolver rebindingDns() {
      return host ->
          host.equals(HOST)
              ? new InetAddress[] {InetAddress.getByName(ANSWER.get())}
              : InetAddress.getAllByName(host);
    }
  }

  private FakeHubSpot internal;
  private TestUser admin;

  @BeforeEach
  void internalService() {
    internal = new FakeHubSpot(TOKEN, 2);
    admin = TestUsers.inNewOrganization("admin");
    ANSWER.set("93.184.215.14");
  }

  @AfterEach
  void stop() {
    internal.close();
  }

  @Test
  void aNameThatNowResolvesToAnInternalAddressFailsTheSyncWithoutCallingIt() {
    int port = URI.create(internal.baseUrl()).getPort();
    VectorosClient client = new VectorosClient(baseUrl(), admin.token());
    Response connected =
        client.post(
            "/api/v1/workspaces/" + admin.orgId() + "/integrations",
            Map.of(
                "provider",
                "hubspot",
                "baseUrl",
                "https://" + HOST + ":" + port,
                "accessToken",
                TOKEN,
                "objects",
                List.of("deals")));
    assertThat(connected.status()).as(connected.toString()).isEqualTo(201);

    ANSWER.set("127.0.0.1");
    Response sync =
        client.post(
            "/api/v1/integrations/" + connected.json().get("id").asString() + "/sync", null);

    assertThat(sync.status()).as(sync.toString()).isEqualTo(502);
    assertThat(sync.json().get("error").asString())
        .contains("refused")
        .contains("127.0.0.1")
        .contains("internal address");
    assertThat(internal.requests()).isEmpty();
  }

  @Test
  void connectingANameThatResolvesToAnInternalAddressIsRefused() {
    ANSWER.set("10.0.0.7");
    Response refused =
        new VectorosClient(baseUrl(), admin.token())
            .post(
                "/api/v1/workspaces/" + admin.orgId() + "/integrations",
                Map.of(
                    "provider",
                    "hubspot",
                    "baseUrl",
                    "https://" + HOST,
                    "accessToken",
                    TOKEN,
                    "objects",
                    List.of("deals")));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("details").get("fields").get("baseUrl").asString())
        .isEqualTo("Base URL points at a private, loopback or link-local address");
  }
}
