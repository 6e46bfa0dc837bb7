package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the gateway's Swagger UI shows. */
class ApiDocsIT extends RunningIdentityService {

  @Test
  void theDocumentIsPublicAndListsEveryFamilysPaths() {
    Api.Response docs = api().get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").propertyNames())
        .contains(
            "/api/v1/auth/register",
            "/api/v1/auth/login",
            "/api/v1/auth/refresh",
            "/api/v1/auth/logout",
            "/api/v1/auth/me",
            "/api/v1/auth/change-password",
            "/users/sign_in",
            "/api/v1/user",
            "/api/v1/profile",
            "/api/v1/orgs",
            "/api/v1/users",
            "/api/v1/users/{id}",
            "/api/v1/workspaces",
            "/api/v1/workspaces/{id}",
            "/api/v1/workspaces/{id}/members")
        .doesNotContain("/error");
    assertThat(docs.json().get("info").get("title").asString())
        .isEqualTo("Dealflow identity-service");
    assertThat(
            docs.json()
                .get("components")
                .get("securitySchemes")
                .get("bearer")
                .get("scheme")
                .asString())
        .isEqualTo("bearer");
  }

  @Test
  void theProfileSaysWhereItsSkillsAndProgressComeFrom() {
    JsonNode profile = api().get("/v3/api-docs").json().get("paths").get("/api/v1/profile");

    assertThat(profile.get("get").get("description").asString())
        .contains("skills")
        .contains("training-service")
        .contains("\"available\": false");
  }

  @Test
  void theCallerIsNotADocumentedParameter() {
    JsonNode paths = api().get("/v3/api-docs").json().get("paths");
    JsonNode me = paths.get("/api/v1/auth/me").get("get");
    JsonNode logout = paths.get("/api/v1/auth/logout").get("post");

    assertThat(me.has("parameters")).isFalse();
    assertThat(me.get("security").toString()).contains("bearer");
    assertThat(logout.has("parameters")).as(logout.toString()).isFalse();
  }
}
