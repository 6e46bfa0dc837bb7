package io.dealflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input through the whole stack: malformed JSON, missing fields, non-UUID ids. */
class InputErrorsIT extends RunningIdentityService {

  @Test
  void malformedJsonAnswers400InTheTrainerFormat() {
    Api.Response response = api().post("/api/v1/auth/register", "{\"email\": \"a@b.c\",");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error_code").asString()).isEqualTo("MALFORMED_REQUEST");
    assertThat(response.json().get("timestamp").asString()).isNotBlank();
  }

  @Test
  void missingFieldsAnswer422InTheTrainerFormat() {
    Api.Response response = api().post("/api/v1/auth/login", Map.of("email", "a@example.com"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("error_code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
  }

  @Test
  void malformedJsonAnswers400InTheVectorosFormat() {
    Registered erin = register("Malformed Co");

    Api.Response response = api().as(erin.accessToken()).post("/api/v1/workspaces", "{name:");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    assertThat(response.json().has("error")).isTrue();
    assertThat(response.json().has("details")).isTrue();
  }

  @Test
  void missingFieldsAnswer400InTheVectorosFormat() {
    Registered erin = register("Missing Co");

    Api.Response response =
        api().as(erin.accessToken()).post("/api/v1/users", Map.of("email", "x@example.com"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
    JsonNode fields = response.json().get("details").get("fields");
    assertThat(fields.has("firstName")).isTrue();
    assertThat(fields.has("lastName")).isTrue();
    assertThat(fields.has("role")).isTrue();
  }

  @Test
  void aNonUuidIdAnswers404() {
    Registered erin = register("Uuid Co");

    Api.Response response = api().as(erin.accessToken()).get("/api/v1/workspaces/42");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aPasswordKeycloakRejectsIsAFieldError() {
    Api.Response response =
        api()
            .post(
                "/api/v1/auth/register",
                Map.of(
                    "email",
                    uniqueEmail("badname"),
                    "password",
                    PASSWORD,
                    "first_name",
                    "<script>",
                    "last_name",
                    "Tester"));

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("errors").get(0).get("field").asString())
        .isEqualTo("first_name");
  }
}
