package io.dealflow.crm.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.crm.RunningCrmService;
import io.dealflow.crm.VectorosClient;
import io.dealflow.crm.VectorosClient.Response;
import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Connecting, listing and disconnecting integrations: wire format, roles, tenancy, secrets. */
class IntegrationsIT extends RunningCrmService {

  private static final String TOKEN = "pat-eu1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  @Autowired JdbcClient jdbc;

  VectorosClient as(TestUser user) {
    return new VectorosClient(baseUrl(), user.token());
  }

  static Map<String, Object> hubspot() {
    Map<String, Object> body = new HashMap<>();
    body.put("provider", "hubspot");
    body.put("accessToken", TOKEN);
    return body;
  }

  Response connect(TestUser user, UUID workspace, Map<String, Object> body) {
    return as(user).post("/api/v1/workspaces/" + workspace + "/integrations", body);
  }

  JsonNode listed(TestUser user) {
    Response list = as(user).get("/api/v1/workspaces/" + user.orgId() + "/integrations");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json().get("integrations");
  }

  @Test
  void anAdminConnectsHubSpotAndSeesItListedInTheVectorosShape() {
    TestUser admin = TestUsers.inNewOrganization("admin");

    Response connected = connect(admin, admin.orgId(), hubspot());

    assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
    JsonNode json = connected.json();
    String id = json.get("id").asString();
    assertThat(connected.headers().firstValue("Location")).hasValue("/api/v1/integrations/" + id);
    assertThat(json.propertyNames())
        .containsExactlyInAnyOrder(
            "id",
            "workspaceId",
            "provider",
            "name",
            "status",
            "baseUrl",
            "objects",
            "defaultCurrency",
            "credentialsStored",
            "lastSyncedAt",
            "lastStatus",
            "lastError",
            "recordsSynced",
            "connectedBy",
            "createdAt",
            "updatedAt");
    assertThat(json.get("provider").asString()).isEqualTo("hubspot");
    assertThat(json.get("name").asString()).isEqualTo("HubSpot");
    assertThat(json.get("status").asString()).isEqualTo("connected");
    assertThat(json.get("baseUrl").asString()).isEqualTo("https://api.hubapi.com");
    assertThat(json.get("objects").valueStream().map(JsonNode::asString))
        .containsExactly("contacts", "deals");
    assertThat(json.get("defaultCurrency").asString()).isEqualTo("USD");
    assertThat(json.get("credentialsStored").asBoolean()).isTrue();
    assertThat(json.get("lastSyncedAt").isNull()).isTrue();
    assertThat(json.get("recordsSynced").asInt()).isZero();
    assertThat(json.get("connectedBy").asString()).isEqualTo(admin.id().toString());
    assertThat(connected.body()).doesNotContain(TOKEN);
    JsonNode list = listed(admin);
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0)).isEqualTo(json);
  }

  @Test
  void theAccessTokenIsStoredEncryptedAndBoundToItsIntegration() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    String id = connect(admin, admin.orgId(), hubspot()).json().get("id").asString();

    String stored =
        jdbc.sql("SELECT access_token FROM integrations WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();

    assertThat(stored).startsWith("v1:").doesNotContain(TOKEN).doesNotContain("pat-eu1");
  }

  @Test
  void membersWhoAreNotAdminsSeeIntegrationsButCannotManageThem() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    TestUser rep = TestUsers.create(admin.orgId(), "rep");
    String id =
        connect(admin, admin.orgId(), Map.of("provider", "csv")).json().get("id").asString();

    Response connect = connect(rep, admin.orgId(), hubspot());
    Response sync = as(rep).postRaw("/api/v1/integrations/" + id + "/sync", csv(), "text/csv");
    Response disconnect = as(rep).delete("/api/v1/integrations/" + id);

    for (Response refused : List.of(connect, sync, disconnect)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
      assertThat(refused.json().get("code").asString()).isEqualTo("FORBIDDEN");
      assertThat(refused.json().has("error")).isTrue();
    }
    JsonNode list = listed(rep);
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).get("lastSyncedAt").isNull()).isTrue();
  }

  @Test
  void anotherOrganizationsWorkspaceAndIntegrationsAnswer404AndStayUntouched() {
    TestUser owner = TestUsers.inNewOrganization("admin");
    TestUser stranger = TestUsers.inNewOrganization("admin");
    String id = connect(owner, owner.orgId(), hubspot()).json().get("id").asString();
    VectorosClient strangers = as(stranger);

    List<Response> answers =
        List.of(
            strangers.get("/api/v1/workspaces/" + owner.orgId() + "/integrations"),
            connect(stranger, owner.orgId(), Map.of("provider", "csv")),
            strangers.delete("/api/v1/integrations/" + id),
            strangers.post("/api/v1/integrations/" + id + "/sync", null));

    for (Response answer : answers) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
      assertThat(answer.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }
    JsonNode list = listed(owner);
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).get("id").asString()).isEqualTo(id);
    assertThat(list.get(0).get("lastSyncedAt").isNull()).isTrue();
  }

  @Test
  void badConnectRequestsAreFieldErrorsAndConnectNothing() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    Map<String, Object> noToken = new HashMap<>(hubspot());
    noToken.remove("accessToken");
    Map<String, Object> internal = new HashMap<>(hubspot());
    internal.put("baseUrl", "https://169.254.169.254/latest");
    Map<String, Object> plain = new HashMap<>(hubspot());
    plain.put("baseUrl", "http://api.hubapi.com");
    Map<String, Object> objects = new HashMap<>(hubspot());
    objects.put("objects", List.of("tickets"));

    Response unknown = connect(admin, admin.orgId(), Map.of("provider", "salesforce"));
    Response missing = connect(admin, admin.orgId(), noToken);
    Response ssrf = connect(admin, admin.orgId(), internal);
    Response cleartext = connect(admin, admin.orgId(), plain);
    Response badObjects = connect(admin, admin.orgId(), objects);
    Response malformed =
        as(admin).post("/api/v1/workspaces/" + admin.orgId() + "/integrations", "{\"provider\":");

    assertThat(field(unknown, "provider")).isEqualTo("Provider must be one of hubspot, csv");
    assertThat(field(missing, "accessToken")).startsWith("Access token can't be blank");
    assertThat(field(ssrf, "baseUrl"))
        .isEqualTo("Base URL points at a private, loopback or link-local address");
    assertThat(field(cleartext, "baseUrl")).isEqualTo("Base URL must use https");
    assertThat(field(badObjects, "objects")).isEqualTo("Objects may only be contacts and deals");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    assertThat(listed(admin).size()).isZero();
  }

  @Test
  void aSecondIntegrationOfTheSameProviderIsAConflict() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    connect(admin, admin.orgId(), hubspot());

    Response again = connect(admin, admin.orgId(), hubspot());

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asString()).isEqualTo("INTEGRATION_EXISTS");
    assertThat(listed(admin).size()).isEqualTo(1);
  }

  @Test
  void disconnectingDeletesTheIntegrationAndItsTokenButKeepsSyncedDeals() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    String id =
        connect(admin, admin.orgId(), Map.of("provider", "csv")).json().get("id").asString();
    Response synced = as(admin).postRaw("/api/v1/integrations/" + id + "/sync", csv(), "text/csv");
    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);

    Response disconnected = as(admin).delete("/api/v1/integrations/" + id);

    assertThat(disconnected.status()).isEqualTo(204);
    assertThat(listed(admin).size()).isZero();
    assertThat(as(admin).delete("/api/v1/integrations/" + id).status()).isEqualTo(404);
    assertThat(as(admin).post("/api/v1/integrations/" + id + "/sync", null).status())
        .isEqualTo(404);
    JsonNode deals = as(admin).get("/api/v1/workspaces/" + admin.orgId() + "/deals").json();
    assertThat(deals.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void theApiDocumentationDescribesTheDealAndIntegrationRoutes() {
    Response docs = new VectorosClient(baseUrl(), null).get("/v3/api-docs");

    assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
    JsonNode paths = docs.json().get("paths");
    assertThat(paths.propertyNames())
        .contains(
            "/api/v1/workspaces/{workspaceId}/deals",
            "/api/v1/deals/{id}",
            "/api/v1/workspaces/{workspaceId}/integrations",
            "/api/v1/integrations/{id}",
            "/api/v1/integrations/{id}/sync");
    JsonNode schemas = docs.json().get("components").get("schemas");
    assertThat(schemas.get("Deal").get("properties").has("workspaceId")).isTrue();
    assertThat(schemas.get("Integration").get("properties").has("accessToken")).isFalse();
    assertThat(schemas.has("UpdateDealRequest")).isTrue();
    assertThat(docs.json().get("components").get("securitySchemes").has("bearer"))
        .as("the scheme the operations refer to")
        .isTrue();
    assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Dealflow crm-service");
  }

  private static String field(Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
    return response.json().get("details").get("fields").get(field).asString();
  }

  private static byte[] csv() {
    return "type,external_id,title,value\ndeal,D-1,Kept deal,100\n"
        .getBytes(StandardCharsets.UTF_8);
  }
}
