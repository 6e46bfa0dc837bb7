package io.dealflow.realtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealflow.platform.outbound.HostResolver;
import io.dealflow.platform.test.KeycloakTokens;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.realtime.RunningRealtimeService;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** Managing endpoints: secrets, SSRF refusals, tenancy, roles and validation. */
@DirtiesContext
class WebhookApiIT extends RunningRealtimeService {

  /** A public address written as a literal, so that no DNS is needed to accept it. */
  private static final String PUBLIC_TARGET = "https://93.184.215.14/hooks";

  /** A name whose DNS answer the test changes, as a rebinding attacker's server would. */
  private static final String REBINDING_HOST = "rebinding.webhooks.test";

  private static final AtomicReference<String> REBINDING_ANSWER =
      new AtomicReference<>("93.184.215.14");

  @TestConfiguration
  static class Dns {

    @Bean
    HostResolver rebindingDns() {
      return host ->
          host.equals(REBINDING_HOST)
              ? new InetAddress[] {InetAddress.getByName(REBINDING_ANSWER.get())}
              : InetAddress.getAllByName(host);
    }
  }

  @Autowired private JdbcClient jdbc;

  private WebhookApi api;
  private TestUsers.TestUser admin;

  @BeforeEach
  void start() {
    api = new WebhookApi(baseUrl());
    admin = TestUsers.inNewOrganization("admin");
  }

  @Test
  void createAnswersTheSecretOnceAndNeverAgain() {
    JsonNode created =
        api.created(admin.token(), PUBLIC_TARGET, List.of("deal.won", "lead.*", "*"));
    String path = "/api/v1/webhooks/" + created.get("id").asString();

    JsonNode fetched = api.get(admin.token(), path).body();
    JsonNode listed = api.get(admin.token(), "/api/v1/webhooks?limit=10&offset=0").body();

    assertThat(created.get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(48);
    assertThat(created.get("events").valueStream().map(JsonNode::asString))
        .containsExactly("deal.won", "lead.*", "*");
    assertThat(created.get("enabled").asBoolean()).isTrue();
    assertThat(fetched.has("secret")).isFalse();
    assertThat(fetched.get("url").asString()).isEqualTo(PUBLIC_TARGET);
    assertThat(listed.get("total").asLong()).isEqualTo(1);
    assertThat(listed.get("items").get(0).has("secret")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/hooks",
        "http://localhost:8080/hooks",
        "http://10.1.2.3/hooks",
        "http://192.168.1.10/hooks",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/hooks",
        "http://[::1]/hooks",
        "http://[fd00::1]/hooks"
      })
  void internalTargetsAreRefusedAndNothingIsStored(String target) {
    WebhookApi.Answer answer = api.create(admin.token(), target, List.of("*"));

    assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.body().get("code").asString()).isEqualTo("TARGET_NOT_ALLOWED");
    assertThat(answer.body().get("error").asString()).contains("internal address");
    assertThat(api.get(admin.token(), "/api/v1/webhooks").body().get("total").asLong()).isZero();
  }

  @Test
  void endpointWhoseHostTurnsInternalIsRefusedRightBeforeTheSend() throws Exception {
    try (Receiver receiver = new Receiver()) {
      JsonNode created = api.created(admin.token(), PUBLIC_TARGET, List.of("*"));
      String path = "/api/v1/webhooks/" + created.get("id").asString();
      // What a DNS answer that changed after the endpoint was saved would do.
      jdbc.sql("UPDATE webhook_endpoint SET url = :url WHERE id = :id")
          .param("url", receiver.url("/rebound"))
          .param("id", UUID.fromString(created.get("id").asString()))
          .update();

      api.post(admin.token(), path + "/test");

      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  api.get(admin.token(), path + "/deliveries")
                      .body()
                      .toString()
                      .contains("TARGET_NOT_ALLOWED"));
      JsonNode attempt =
          api.get(admin.token(), path + "/deliveries")
              .body()
              .get("items")
              .get(0)
              .get("attempts")
              .get(0);
      assertThat(attempt.get("error").asString()).startsWith("TARGET_NOT_ALLOWED");
      assertThat(attempt.get("statusCode").isNull()).isTrue();
      assertThat(receiver.requests("/rebound")).isEmpty();
    }
  }

  @Test
  void aNameThatResolvedPublicWhenSavedAndResolvesInternalWhenSentIsNeverConnectedTo()
      throws Exception {
    try (Receiver receiver = new Receiver()) {
      REBINDING_ANSWER.set("93.184.215.14");
      String target =
          "http://" + REBINDING_HOST + ":" + URI.create(receiver.url("/")).getPort() + "/rebound";
      JsonNode created = api.created(admin.token(), target, List.of("*"));
      String path = "/api/v1/webhooks/" + created.get("id").asString();

      REBINDING_ANSWER.set("127.0.0.1");
      api.post(admin.token(), path + "/test");

      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  api.get(admin.token(), path + "/deliveries")
                      .body()
                      .toString()
                      .contains("TARGET_NOT_ALLOWED"));
      JsonNode attempt =
          api.get(admin.token(), path + "/deliveries")
              .body()
              .get("items")
              .get(0)
              .get("attempts")
              .get(0);
      assertThat(attempt.get("error").asString())
          .startsWith("TARGET_NOT_ALLOWED")
          .contains("127.0.0.1");
      assertThat(receiver.requests("/rebound")).isEmpty();
    }
  }

  @Test
  void updateToAnInternalTargetIsRefused() {
    JsonNode created = api.created(admin.token(), PUBLIC_TARGET, List.of("*"));
    String path = "/api/v1/webhooks/" + created.get("id").asString();

    WebhookApi.Answer answer =
        api.call(admin.token(), "PATCH", path, Map.of("url", "http://169.254.169.254/"));

    assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.body().get("code").asString()).isEqualTo("TARGET_NOT_ALLOWED");
    assertThat(api.get(admin.token(), path).body().get("url").asString()).isEqualTo(PUBLIC_TARGET);
  }

  @Test
  void adminUpdatesAndDeletesAnEndpoint() {
    JsonNode created = api.created(admin.token(), PUBLIC_TARGET, List.of("*"));
    String path = "/api/v1/webhooks/" + created.get("id").asString();

    WebhookApi.Answer updated =
        api.call(
            admin.token(),
            "PATCH",
            path,
            Map.of("events", List.of("deal.lost"), "description", "CRM sync", "enabled", false));
    WebhookApi.Answer deleted = api.call(admin.token(), "DELETE", path, null);

    assertThat(updated.status()).isEqualTo(HttpStatus.OK);
    assertThat(updated.body().get("events").get(0).asString()).isEqualTo("deal.lost");
    assertThat(updated.body().get("description").asString()).isEqualTo("CRM sync");
    assertThat(updated.body().get("enabled").asBoolean()).isFalse();
    assertThat(updated.body().get("url").asString()).isEqualTo(PUBLIC_TARGET);
    assertThat(deleted.status()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.get(admin.token(), path).status()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anotherOrganizationsEndpointAnswers404AndIsNeverListed() {
    JsonNode theirs = api.created(admin.token(), PUBLIC_TARGET, List.of("*"));
    String path = "/api/v1/webhooks/" + theirs.get("id").asString();
    String otherAdmin = TestUsers.inNewOrganization("admin").token();

    assertThat(api.get(otherAdmin, path).status()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.call(otherAdmin, "PATCH", path, Map.of("enabled", false)).status())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.call(otherAdmin, "DELETE", path, null).status()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.post(otherAdmin, path + "/rotate-secret").status())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.get(otherAdmin, path + "/deliveries").status()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.get(otherAdmin, "/api/v1/webhooks").body().get("total").asLong()).isZero();
    assertThat(api.get(admin.token(), path).status()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void onlyAdminsManageWebhooks() {
    String rep = TestUsers.create(admin.orgId(), "rep").token();

    assertThat(api.get(rep, "/api/v1/webhooks").status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.create(rep, PUBLIC_TARGET, List.of("*")).status())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get(KeycloakTokens.demoRep(), "/api/v1/webhooks").status())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get(admin.token(), "/api/v1/webhooks").body().get("total").asLong()).isZero();
  }

  @Test
  void unknownEventTypeAnswers400ListingTheCatalogueAndStoresNothing() {
    WebhookApi.Answer answer =
        api.create(admin.token(), PUBLIC_TARGET, List.of("deal.won", "deal.exploded"));

    assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.body().propertyNames()).contains("error", "code", "details");
    assertThat(answer.body().toString())
        .contains("deal.exploded")
        .contains("lead.qualified")
        .contains("user.registered");
    assertThat(api.get(admin.token(), "/api/v1/webhooks").body().get("total").asLong()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/hooks", "/relative/hooks", "not a url", ""})
  void badUrlAnswers400AndStoresNothing(String url) {
    WebhookApi.Answer answer = api.create(admin.token(), url, List.of("*"));

    assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.body().propertyNames()).contains("error", "code", "details");
    assertThat(answer.body().toString()).contains("url");
    assertThat(api.get(admin.token(), "/api/v1/webhooks").body().get("total").asLong()).isZero();
  }
}
