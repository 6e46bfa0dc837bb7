package io.dealflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.e2e.Accounts.Account;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input gets a clear error in the route's family format through the gateway. */
class InputErrorsIT {

  @Test
  void malformedJsonIs400InTheTrainerFormat() {
    Http.Response response = E2eStack.client().postRaw("/api/v1/auth/login", "{\"email\": ");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("detail").isString()).isTrue();
    assertThat(response.json().get("error_code").asString()).isNotBlank();
    assertThat(response.json().get("timestamp").asString()).isNotBlank();
  }

  @Test
  void missingRegistrationFieldsAre422NamingEachField() {
    Http.Response response =
        E2eStack.client().post("/api/v1/auth/register", Map.of("email", "not-an-email"));

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("error_code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(response.body()).contains("password").contains("email");
  }

  @Test
  void spotlightSignInWithoutCredentialsIsAJsonApiError() {
    Http.Response response = E2eStack.client().post("/users/sign_in", Map.of("user", Map.of()));

    assertThat(response.status()).as(response.toString()).isIn(400, 401, 422);
    JsonNode first = response.json().get("errors").get(0);
    assertThat(first.get("status").asString()).isEqualTo(Integer.toString(response.status()));
    assertThat(first.get("title").asString()).isNotBlank();
  }

  @Test
  void workspaceWithoutNameIsAVectorosValidationError() {
    Account account = Accounts.register(E2eStack.client(), "Validation Inc");

    Http.Response response =
        E2eStack.client().bearer(account.accessToken()).post("/api/v1/workspaces", Map.of());

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
    assertThat(response.json().get("details").get("fields").has("name")).isTrue();
  }
}
