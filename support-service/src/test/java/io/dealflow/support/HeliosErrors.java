package io.dealflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealflow.platform.test.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The HeliosCS error body: {@code {"error": {"code", "message", "details", "timestamp",
 * "request_id"}}}.
 */
public final class HeliosErrors {

  private HeliosErrors() {}

  public static JsonNode assertHeliosError(Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode error = response.json().get("error");
    assertThat(error).as(response.toString()).isNotNull();
    assertThat(error.get("code").asString()).as(response.toString()).isEqualTo(code);
    assertThat(error.get("message").isString()).isTrue();
    assertThat(error.get("details").isArray()).isTrue();
    assertThat(error.get("timestamp").asString()).isNotBlank();
    assertThat(error.has("request_id")).isTrue();
    return error;
  }
}
