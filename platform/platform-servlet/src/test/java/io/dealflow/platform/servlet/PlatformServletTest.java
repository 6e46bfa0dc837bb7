package io.dealflow.platform.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dealflow.platform.security.KeycloakRoles;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest(
    classes = ProbeApplication.class,
    properties = {
      "dealflow.security.issuer-uri=http://127.0.0.1:9/realms/dealflow",
      "dealflow.api.default-family=vectoros",
      "dealflow.api.families.trainer=/api/v1/auth/**",
      "dealflow.api.families.spotlight=/api/v1/user/**",
      "dealflow.security.public-paths=/api/v1/auth/signup",
      // identity-service, which checks API tokens, is gone: nothing listens on the discard port.
      "dealflow.services.identity.uri=http://127.0.0.1:9"
    })
@AutoConfigureMockMvc
class PlatformServletTest {

  private static final UUID ORG = UUID.randomUUID();

  @Autowired MockMvc mvc;

  private static JwtRequestPostProcessor user(String... roles) {
    return jwt()
        .jwt(
            token ->
                token
                    .subject(UUID.randomUUID().toString())
                    .claim("org_id", ORG.toString())
                    .claim("realm_access", Map.of("roles", List.of(roles))))
        .authorities(new KeycloakRoles());
  }

  @Test
  void trainerValidationErrorIs422WithWireFieldNames() throws Exception {
    mvc.perform(
            post("/api/v1/auth/signup")
                .with(user("rep"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"nope\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.error_code").value("VALIDATION_ERROR"))
        .andExpect(jsonPath("$.timestamp").isString())
        .andExpect(jsonPath("$.errors[?(@.field == 'first_name')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists());
  }

  @Test
  void spotlightValidationErrorPointsAtTheAttribute() throws Exception {
    mvc.perform(
            post("/api/v1/user/signup")
                .with(user("rep"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"first_name\":\"Ann\",\"email\":\"\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].status").value("422"))
        .andExpect(jsonPath("$.errors[0].title").value("Validation Error"))
        .andExpect(jsonPath("$.errors[0].source.pointer").value("/data/attributes/email"));
  }

  @Test
  void malformedJsonIsABadRequestInTheFamilyFormat() throws Exception {
    mvc.perform(
            post("/api/v1/signup")
                .with(user("rep"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
        .andExpect(jsonPath("$.error").isString())
        .andExpect(jsonPath("$.details").isMap());
  }

  @Test
  void missingTokenIs401InTheFamilyFormat() throws Exception {
    mvc.perform(get("/api/v1/whoami"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
    mvc.perform(get("/api/v1/auth/private"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error_code").value("AUTH_INVALID_TOKEN"));
  }

  @Test
  void anApiTokenThatCannotBeCheckedIs503NotARefusal() throws Exception {
    mvc.perform(get("/api/v1/whoami").header("X-API-Key", "dfk_" + "a".repeat(43)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
    mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer dfk_" + "a".repeat(43)))
        .andExpect(status().isServiceUnavailable());
  }

  @Test
  void anApiKeyHeaderWithoutAnApiTokenIs401() throws Exception {
    mvc.perform(get("/api/v1/whoami").header("X-API-Key", "not-a-token"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
  }

  @Test
  void publicPathIgnoresAStaleOrBrokenToken() throws Exception {
    mvc.perform(
            post("/api/v1/auth/signup")
                .header("Authorization", "Bearer expired-or-garbage")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"first_name\":\"Ann\",\"email\":\"ann@example.com\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.email").value("ann@example.com"));
  }

  @Test
  void tenantParameterCarriesTheOrganizationOfTheToken() throws Exception {
    mvc.perform(get("/api/v1/whoami").with(user("manager")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orgId").value(ORG.toString()))
        .andExpect(jsonPath("$.roles[0]").value("MANAGER"));
  }

  @Test
  void domainForbiddenIs403InTheFamilyFormat() throws Exception {
    mvc.perform(get("/api/v1/admin-only").with(user("rep")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    mvc.perform(get("/api/v1/admin-only").with(user("admin"))).andExpect(status().isOk());
  }

  @Test
  void requestIdIsEchoedWhenPlainAndGeneratedOtherwise() throws Exception {
    mvc.perform(get("/api/v1/whoami").with(user("rep")).header("X-Request-Id", "req_abc123"))
        .andExpect(header().string("X-Request-Id", "req_abc123"));
    MvcResult generated =
        mvc.perform(get("/api/v1/whoami").with(user("rep")).header("X-Request-Id", "bad id\r\n"))
            .andReturn();
    assertThat(generated.getResponse().getHeader("X-Request-Id")).hasSize(36);
  }

  @Test
  void unknownIdsAndUnknownPathsAre404() throws Exception {
    mvc.perform(get("/api/v1/things/not-a-uuid").with(user("rep")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    mvc.perform(get("/api/v1/things/" + UUID.randomUUID()).with(user("rep")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.error").value("Thing not found"));
    mvc.perform(get("/api/v1/nowhere").with(user("rep")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("NOT_FOUND"));
  }
}
