package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.dealflow.identity.apitoken.ApiTokenRegistry;
import io.dealflow.identity.auth.Authentication;
import io.dealflow.identity.member.Members;
import io.dealflow.identity.organization.Affiliation;
import io.dealflow.identity.organization.Member;
import io.dealflow.identity.organization.Organization;
import io.dealflow.identity.organization.OrganizationId;
import io.dealflow.identity.organization.Page;
import io.dealflow.identity.organization.Workspaces;
import io.dealflow.identity.training.TrainingAnswer;
import io.dealflow.identity.training.TrainingService;
import io.dealflow.identity.user.User;
import io.dealflow.identity.user.UserDirectory;
import io.dealflow.identity.user.UserId;
import io.dealflow.identity.web.Callers;
import io.dealflow.platform.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web layer on its own: each family's success envelope and error body, field names in
 * validation errors, paging headers. The services behind the controllers are stand-ins here; the
 * integration tests run the same endpoints against Keycloak and PostgreSQL.
 */
@WebMvcTest(
    properties = {
      "dealflow.security.issuer-uri=http://keycloak.invalid/realms/dealflow",
      "logging.structured.format.console="
    })
class WireFormatsTest {

  static final UUID USER = UUID.fromString("0b6f4c1e-1f7a-4a55-9d1c-2f3e4a5b6c7d");
  static final UUID ORG = UUID.fromString("7f3c2a10-0d5e-4c8b-9a51-3e6f1d2b4c01");
  static final Instant CREATED = Instant.parse("2025-01-01T09:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  @MockitoBean Authentication authentication;
  @MockitoBean UserDirectory users;
  @MockitoBean Workspaces workspaces;
  @MockitoBean Members members;
  @MockitoBean Callers callers;
  @MockitoBean ApiTokenRegistry apiTokens;
  @MockitoBean TrainingService training;

  static User ada() {
    return new User(
        UserId.of(USER),
        "ada@example.com",
        "Ada",
        "Lovelace",
        null,
        "Engines Ltd",
        true,
        CREATED,
        CREATED,
        null,
        0);
  }

  static Affiliation adaAtEngines() {
    return new Affiliation(
        ada(),
        new Organization(OrganizationId.of(ORG), "Engines Ltd", "starter", CREATED, CREATED),
        Role.REP,
        CREATED);
  }

  static JwtRequestPostProcessor caller() {
    return jwt()
        .jwt(
            token ->
                token
                    .subject(USER.toString())
                    .claim("email", "ada@example.com")
                    .claim("org_id", ORG.toString()));
  }

  record Answer(int status, JsonNode body, MockHttpServletResponse response) {}

  Answer call(RequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String content = response.getContentAsString();
    return new Answer(
        response.getStatus(), json.readTree(content.isEmpty() ? "null" : content), response);
  }

  static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder postJson(
      String path, String body) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  // Trainer: {"detail", "error_code", "timestamp"}; validation 422.

  @Test
  void trainerRegisterWithMissingFieldsAnswers422NamingTheSnakeCaseFields() throws Exception {
    Answer answer = call(postJson("/api/v1/auth/register", "{\"email\":\"ada@example.com\"}"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("error_code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(answer.body().get("timestamp").asString()).isNotBlank();
    assertThat(answer.body().get("errors").findValuesAsString("field"))
        .contains("password", "first_name", "last_name");
  }

  @Test
  void trainerShortPasswordIsNamedWithItsRule() throws Exception {
    Answer answer =
        call(
            postJson(
                "/api/v1/auth/register",
                """
                {"email":"ada@example.com","password":"short","first_name":"Ada",
                 "last_name":"Lovelace","company":"Engines"}
                """));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("detail").asString())
        .isEqualTo("Password must be between 8 and 128 characters");
  }

  @Test
  void trainerMalformedJsonAnswers400InTrainerFormat() throws Exception {
    Answer answer = call(postJson("/api/v1/auth/login", "{\"email\": "));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("error_code").asString()).isEqualTo("MALFORMED_REQUEST");
    assertThat(answer.body().has("detail")).isTrue();
  }

  @Test
  void trainerMeWithoutTokenAnswers401InTrainerFormat() throws Exception {
    Answer answer = call(get("/api/v1/auth/me"));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("error_code").asString()).isEqualTo("AUTH_INVALID_TOKEN");
  }

  @Test
  void trainerUpdateMeWithNothingToChangeAnswers422() throws Exception {
    Answer answer = call(put("/api/v1/auth/me", "{}"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("first_name");
  }

  // Spotlight: JSON:API documents and {"errors": [...]}; validation 422.

  @Test
  void spotlightSignInWithoutTheUserWrapperPointsAtIt() throws Exception {
    Answer answer =
        call(postJson("/users/sign_in", "{\"email\":\"ada@example.com\",\"password\":\"x\"}"));

    assertThat(answer.status()).isEqualTo(422);
    JsonNode error = answer.body().get("errors").get(0);
    assertThat(error.get("status").asString()).isEqualTo("422");
    assertThat(error.get("title").asString()).isEqualTo("Validation Error");
    assertThat(error.get("source").get("pointer").asString()).isEqualTo("/data/attributes/user");
  }

  @Test
  void spotlightSignInWithBlankPasswordPointsAtThePassword() throws Exception {
    Answer answer =
        call(
            postJson(
                "/users/sign_in", "{\"user\":{\"email\":\"ada@example.com\",\"password\":\"\"}}"));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("errors").get(0).get("source").get("pointer").asString())
        .isEqualTo("/data/attributes/password");
  }

  @Test
  void spotlightCurrentUserIsAJsonApiResource() throws Exception {
    given(callers.user(any())).willReturn(ada());
    given(workspaces.affiliation(any(), eq(ORG))).willReturn(adaAtEngines());

    Answer answer = call(get("/api/v1/user").with(caller()));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode data = answer.body().get("data");
    assertThat(data.get("id").asString()).isEqualTo(USER.toString());
    assertThat(data.get("type").asString()).isEqualTo("user");
    assertThat(data.get("attributes").propertyNames())
        .containsExactlyInAnyOrder("name", "email", "company", "role", "created_at");
    assertThat(data.get("attributes").get("name").asString()).isEqualTo("Ada Lovelace");
    assertThat(data.get("attributes").get("role").asString()).isEqualTo("rep");
  }

  @Test
  void spotlightPatchWithoutTokenAnswers401InSpotlightFormat() throws Exception {
    Answer answer =
        call(patch("/api/v1/user").contentType(MediaType.APPLICATION_JSON).content("{}"));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("errors").get(0).get("title").asString())
        .isEqualTo("Authentication Error");
  }

  // HelloSales: camelCase, {"detail": {"code", "message"}}; validation 400.

  @Test
  void helloSalesProfileWithoutTrainingProgressSaysItIsUnavailable() throws Exception {
    given(callers.user(any())).willReturn(ada());
    given(training.progress(any(), any()))
        .willReturn(new TrainingAnswer.Unavailable(TrainingAnswer.UNAVAILABLE));

    Answer answer = call(get("/api/v1/profile").with(caller()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().propertyNames())
        .containsExactlyInAnyOrder("id", "email", "displayName", "skills", "progress");
    assertThat(answer.body().get("skills").isArray()).isTrue();
    assertThat(answer.body().get("skills").isEmpty()).isTrue();
    assertThat(answer.body().get("progress").propertyNames())
        .containsExactly("available", "reason");
    assertThat(answer.body().get("progress").get("available").asBoolean()).isFalse();
    assertThat(answer.body().get("progress").get("reason").asString())
        .isEqualTo("Training progress is unavailable right now");
  }

  @Test
  void helloSalesBlankDisplayNameAnswers400InHelloSalesFormat() throws Exception {
    Answer answer =
        call(
            patch("/api/v1/profile")
                .with(caller())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"  \"}"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").get("code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(answer.body().get("detail").get("message").asString()).contains("Display");
  }

  @Test
  void helloSalesOrgsRefuseALimitAbove200() throws Exception {
    Answer answer = call(get("/api/v1/orgs").param("limit", "201").with(caller()));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").get("code").asString()).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void helloSalesOrgsAreAPlainArrayWithTheTotalInAHeader() throws Exception {
    given(callers.user(any())).willReturn(ada());
    given(workspaces.affiliations(any(), eq(1), eq(0)))
        .willReturn(new Page<>(List.of(adaAtEngines()), 3));

    Answer answer = call(get("/api/v1/orgs").param("limit", "1").with(caller()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.response().getHeader("X-Total-Count")).isEqualTo("3");
    assertThat(answer.body().isArray()).isTrue();
    JsonNode org = answer.body().get(0);
    assertThat(org.propertyNames()).containsExactlyInAnyOrder("id", "orgId", "name", "role");
    assertThat(org.get("orgId").asString()).isEqualTo(ORG.toString());
  }

  // VectorOS: camelCase, {"error", "code", "details"}; validation 400.

  @Test
  void vectorosNonUuidIdAnswers404() throws Exception {
    Answer answer = call(get("/api/v1/users/not-a-uuid").with(caller()));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().get("code").asString()).isEqualTo("NOT_FOUND");
    assertThat(answer.body().has("error")).isTrue();
    assertThat(answer.body().has("details")).isTrue();
  }

  @Test
  void vectorosUnknownRoleAnswers400NamingTheField() throws Exception {
    Answer answer =
        call(
            postJson(
                    "/api/v1/users",
                    """
                    {"email":"bob@example.com","firstName":"Bob","lastName":"Builder",
                     "role":"overlord"}
                    """)
                .with(caller()));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(answer.body().get("details").get("fields").get("role").asString())
        .isEqualTo("Role must be one of admin, manager, rep, agent");
  }

  @Test
  void vectorosWithoutTokenAnswers401InVectorosFormat() throws Exception {
    Answer answer = call(get("/api/v1/workspaces/" + ORG));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("code").asString()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void vectorosMembersCarryTheTotalCountAndCamelCaseFields() throws Exception {
    given(callers.user(any())).willReturn(ada());
    given(workspaces.members(any(), eq(OrganizationId.of(ORG)), anyInt(), anyInt()))
        .willReturn(
            new Page<>(List.of(new Member(ada(), OrganizationId.of(ORG), Role.REP, CREATED)), 1));

    Answer answer = call(get("/api/v1/workspaces/" + ORG + "/members").with(caller()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.response().getHeader("X-Total-Count")).isEqualTo("1");
    assertThat(answer.body().get(0).propertyNames())
        .containsExactlyInAnyOrder(
            "userId",
            "email",
            "firstName",
            "lastName",
            "displayName",
            "role",
            "isActive",
            "joinedAt");
  }

  @Test
  void vectorosNegativeOffsetAnswers400() throws Exception {
    Answer answer =
        call(get("/api/v1/workspaces/" + ORG + "/members").param("offset", "-1").with(caller()));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("details").get("fields").has("offset")).isTrue();
  }

  static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder put(
      String path, String body) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
        .with(caller())
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }
}
