package io.dealflow.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** The Trainer error body: {@code {"detail", "error_code", "timestamp"}}. */
public final class TrainerErrors {

  private TrainerErrors() {}

  public static JsonNode assertTrainerError(Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.get("error_code").asString()).as(response.toString()).isEqualTo(code);
    assertThat(body.get("detail").isString()).isTrue();
    assertThat(body.get("timestamp").asString()).isNotBlank();
    return body;
  }
}
