package io.dealflow.playbook.sailwind;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.TestUsers;
import io.dealflow.platform.test.TestUsers.TestUser;
import io.dealflow.playbook.RunningPlaybookService;
import io.dealflow.playbook.Sailwind;
import io.dealflow.playbook.Sailwind.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sailwind archetypes, clients and products: wire format, archiving, rules and tenancy. */
class CatalogueIT extends RunningPlaybookService {

  static final List<String> CLIENT_FIELDS =
      List.of(
          "id",
          "name",
          "industry",
          "clientArchetypeId",
          "organizationId",
          "createdAt",
          "updatedAt",
          "archived");
  static final List<String> PRODUCT_FIELDS =
      List.of(
          "id",
          "name",
          "productArchetypeId",
          "organizationId",
          "createdAt",
          "updatedAt",
          "archived");

  static String created(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asString();
  }

  static void assertHelloSalesError(Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.json().propertyNames()).containsExactly("detail");
    assertThat(response.json().get("detail").get("code").asString()).isEqualTo(code);
    assertThat(response.json().get("detail").get("message").asString()).isNotBlank();
  }

  @Test
  void anAdminCreatesArchetypesAndAClientThatReadsBackInTheHelloSalesShape() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    Sailwind sailwind = as(admin);
    Response archetype =
        sailwind.post(
            "/client-archetypes",
            Map.of("name", "Enterprise buying committee", "description", "Finance holds a veto"));
    String archetypeId = created(archetype);

    Response client =
        sailwind.post(
            "/clients",
            Map.of("name", "Acme Inc", "industry", "Technology", "clientArchetypeId", archetypeId));

    String id = created(client);
    JsonNode json = client.json();
    assertThat(json.propertyNames()).containsExactlyInAnyOrderElementsOf(CLIENT_FIELDS);
    assertThat(json.get("name").asString()).isEqualTo("Acme Inc");
    assertThat(json.get("industry").asString()).isEqualTo("Technology");
    assertThat(json.get("clientArchetypeId").asString()).isEqualTo(archetypeId);
    assertThat(json.get("organizationId").asString()).isEqualTo(admin.orgId().toString());
    assertThat(json.get("archived").asBoolean()).isFalse();
    assertThat(json.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(client.headers().firstValue("Location")).hasValue("/api/v1/sailwind/clients/" + id);
    assertThat(sailwind.get("/clients/" + id).json()).isEqualTo(json);
    assertThat(sailwind.get("/clients").json().get(0)).isEqualTo(json);
    JsonNode archetypes = sailwind.get("/client-archetypes").json();
    assertThat(archetypes.size()).isEqualTo(1);
    assertThat(archetypes.get(0).propertyNames())
        .containsExactlyInAnyOrder(
            "id", "name", "description", "organizationId", "createdAt", "updatedAt");
    assertThat(archetypes.get(0).get("description").asString()).isEqualTo("Finance holds a veto");
    assertThat(archetype.json()).isEqualTo(archetypes.get(0));
  }

  @Test
  void aProductWithItsArchetypeReadsBackInTheHelloSalesShape() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    Sailwind sailwind = as(admin);
    String archetypeId =
        created(sailwind.post("/product-archetypes", Map.of("name", "Platform subscription")));

    Response product =
        sailwind.post(
            "/products", Map.of("name", "Enterprise Plan", "productArchetypeId", archetypeId));

    String id = created(product);
    assertThat(product.json().propertyNames()).containsExactlyInAnyOrderElementsOf(PRODUCT_FIELDS);
    assertThat(product.json().get("productArchetypeId").asString()).isEqualTo(archetypeId);
    assertThat(sailwind.get("/products/" + id).json()).isEqualTo(product.json());
    assertThat(sailwind.get("/product-archetypes").json().get(0).get("id").asString())
        .isEqualTo(archetypeId);
  }

  @Test
  void deletingArchivesAClientThatStaysReadableByIdAndWithIncludeArchived() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    Sailwind sailwind = as(rep);
    String kept = created(sailwind.post("/clients", Map.of("name", "Kept")));
    String gone = created(sailwind.post("/clients", Map.of("name", "Archived")));

    Response deleted = sailwind.delete("/clients/" + gone);

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(ids(sailwind.get("/clients"))).containsExactly(kept);
    assertThat(ids(sailwind.get("/clients?include_archived=false"))).containsExactly(kept);
    assertThat(ids(sailwind.get("/clients?include_archived=true")))
        .containsExactlyInAnyOrder(kept, gone);
    Response archived = sailwind.get("/clients/" + gone);
    assertThat(archived.status()).isEqualTo(200);
    assertThat(archived.json().get("archived").asBoolean()).isTrue();
    assertThat(sailwind.delete("/clients/" + gone).status()).isEqualTo(204);
  }

  @Test
  void patchArchivesAndRestoresAProductAndClearsItsArchetype() {
    TestUser admin = TestUsers.inNewOrganization("admin");
    Sailwind sailwind = as(admin);
    String archetypeId =
        created(sailwind.post("/product-archetypes", Map.of("name", "Add-on module")));
    String id =
        created(
            sailwind.post("/products", Map.of("name", "Coach", "productArchetypeId", archetypeId)));

    Response archived = sailwind.patch("/products/" + id, Map.of("archived", true));
    List<String> listedWhileArchived = ids(sailwind.get("/products"));
    Map<String, Object> restore = new HashMap<>();
    restore.put("archived", false);
    restore.put("name", "AI Coach");
    restore.put("productArchetypeId", null);
    Response restored = sailwind.patch("/products/" + id, restore);

    assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
    assertThat(archived.json().get("archived").asBoolean()).isTrue();
    assertThat(archived.json().get("productArchetypeId").asString()).isEqualTo(archetypeId);
    assertThat(listedWhileArchived).isEmpty();
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.json().get("archived").asBoolean()).isFalse();
    assertThat(restored.json().get("name").asString()).isEqualTo("AI Coach");
    assertThat(restored.json().get("productArchetypeId").isNull()).isTrue();
    assertThat(ids(sailwind.get("/products"))).containsExactly(id);
  }

  @Test
  void patchChangesOnlyTheFieldsSentAndNullClearsTheIndustry() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    Sailwind sailwind = as(rep);
    String id = created(sailwind.post("/clients", Map.of("name", "Globex", "industry", "Energy")));
    Map<String, Object> clear = new HashMap<>();
    clear.put("industry", null);

    Response renamed = sailwind.patch("/clients/" + id, Map.of("name", "Globex Corp"));
    Response cleared = sailwind.patch("/clients/" + id, clear);

    assertThat(renamed.json().get("name").asString()).isEqualTo("Globex Corp");
    assertThat(renamed.json().get("industry").asString()).isEqualTo("Energy");
    assertThat(cleared.json().get("name").asString()).isEqualTo("Globex Corp");
    assertThat(cleared.json().get("industry").isNull()).isTrue();
  }

  @Test
  void invalidInputIsRefusedInTheHelloSalesFormat() {
    TestUser rep = TestUsers.inNewOrganization("rep");
    Sailwind sailwind = as(rep);
    String id = created(sailwind.post("/clients", Map.of("name", "Valid")));

    assertHelloSalesError(sailwind.post("/clients", Map.of("name", " ")), 400, "VALIDATION_ERROR");
    assertHelloSalesError(
        sailwind.post("/clients", Map.of("name", "x".repeat(201))), 400, "VALIDATION_ERROR");
    assertHelloSalesError(sailwind.post("/products", Map.of()), 400, "VALIDATION_ERROR");
    assertHelloSalesError(sailwind.post("/clients", "{not json"), 400, "MALFORMED_REQUEST");
    assertHelloSalesError(
        sailwind.patch("/clients/" + id, Map.of("name", "")), 400, "VALIDATION_ERROR");
    assertHelloSalesError(
        sailwind.patch("/clients/" + id, Map.of("archived", "yes")), 400, "VALIDATION_ERROR");
    assertHelloSalesError(
        sailwind.patch("/clients/" + id, Map.of("clientArchetypeId", "nope")),
        400,
        "VALIDATION_ERROR");
    assertHelloSalesError(sailwind.get("/clients/not-a-uuid"), 404, "NOT_FOUND");
    assertHelloSalesError(sailwind.get("/clients/" + UUID.randomUUID()), 404, "NOT_FOUND");
    Response fields = sailwind.post("/clients", Map.of("name", ""));
    assertThat(fields.json().get("detail").get("fields").toString()).contains("name");
    assertThat(sailwind.get("/clients/" + id).json().get("name").asString()).isEqualTo("Valid");
  }

  @Test
  void onlyAdminsCreateArchetypes() {
    TestUser rep = TestUsers.inNewOrganization("rep");

    for (String path : List.of("/client-archetypes", "/product-archetypes")) {
      Response refused = as(rep).post(path, Map.of("name", "Not allowed"));
      assertHelloSalesError(refused, 403, "FORBIDDEN");
      assertThat(as(rep).get(path).json().size()).isZero();
    }
  }

  @Test
  void anotherOrganizationsRecordsAnswer404AndStayOutOfLists() {
    TestUser owner = TestUsers.inNewOrganization("admin");
    TestUser other = TestUsers.inNewOrganization("admin");
    String clientArchetype =
        created(as(owner).post("/client-archetypes", Map.of("name", "Owner's archetype")));
    String productArchetype =
        created(as(owner).post("/product-archetypes", Map.of("name", "Owner's archetype")));
    String client = created(as(owner).post("/clients", Map.of("name", "Owner's client")));
    String product = created(as(owner).post("/products", Map.of("name", "Owner's product")));
    Sailwind intruder = as(other);

    for (String path : List.of("/clients/" + client, "/products/" + product)) {
      assertHelloSalesError(intruder.get(path), 404, "NOT_FOUND");
      assertHelloSalesError(intruder.patch(path, Map.of("name", "Taken")), 404, "NOT_FOUND");
      assertHelloSalesError(intruder.delete(path), 404, "NOT_FOUND");
    }
    for (String path :
        List.of(
            "/clients?include_archived=true",
            "/products?include_archived=true",
            "/client-archetypes",
            "/product-archetypes")) {
      assertThat(intruder.get(path).json().size()).as(path).isZero();
    }
    assertHelloSalesError(
        intruder.post("/clients", Map.of("name", "X", "clientArchetypeId", clientArchetype)),
        404,
        "NOT_FOUND");
    assertHelloSalesError(
        intruder.post("/products", Map.of("name", "X", "productArchetypeId", productArchetype)),
        404,
        "NOT_FOUND");
    assertHelloSalesError(
        as(owner).post("/clients", Map.of("name", "X", "clientArchetypeId", productArchetype)),
        404,
        "NOT_FOUND");
    assertThat(as(owner).get("/clients/" + client).json().get("name").asString())
        .isEqualTo("Owner's client");
  }

  static List<String> ids(Response list) {
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json().valueStream().map(node -> node.get("id").asString()).toList();
  }
}
