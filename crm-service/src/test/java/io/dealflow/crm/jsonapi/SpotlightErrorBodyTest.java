package io.dealflow.crm.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ApiFamily;
import io.dealflow.platform.error.ErrorBodies;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Spotlight error bodies the service's own checks produce, as the seed documents them. */
class SpotlightErrorBodyTest {

  static Map<String, Object> render(ApiError error) {
    return ErrorBodies.render(ApiFamily.SPOTLIGHT, error, "req-1", Instant.EPOCH);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> errors(ApiError error) {
    return (List<Map<String, Object>>) render(error).get("errors");
  }

  @Test
  void eachInvalidAttributeIsOneErrorPointingAtItUnderDataAttributes() {
    Violations violations =
        new Violations("lead")
            .add("status", "inclusion", "Status must be one of new, qualified, proposal, closed")
            .add("assistant_id", "not_found", "Assistant does not exist");

    assertThatThrownBy(violations::throwIfAny)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              List<Map<String, Object>> errors = errors(e.error());
              assertThat(errors).hasSize(2);
              assertThat(errors.getFirst())
                  .containsEntry("status", "422")
                  .containsEntry("title", "Validation Error")
                  .containsEntry("detail", "Status must be one of new, qualified, proposal, closed")
                  .containsEntry("source", Map.of("pointer", "/data/attributes/status"))
                  .containsEntry("meta", Map.of("field", "lead.status", "code", "inclusion"));
              assertThat(errors.get(1))
                  .containsEntry("source", Map.of("pointer", "/data/attributes/assistant_id"));
            });
  }

  @Test
  void noViolationsThrowNothing() {
    Violations violations = new Violations("lead");

    violations.throwIfAny();

    assertThat(violations.isEmpty()).isTrue();
  }

  @Test
  void aBadQueryParameterIsA400WithoutPointerNamingTheParameterInMeta() {
    List<Map<String, Object>> errors =
        errors(QueryParameters.invalid("status", "Parameter status must be one of ...").error());

    assertThat(errors.getFirst())
        .containsEntry("status", "400")
        .containsEntry("title", "Bad Request")
        .doesNotContainKey("source");
    assertThat((Map<String, Object>) errors.getFirst().get("meta"))
        .containsEntry("parameter", "status")
        .containsEntry("code", "INVALID_PARAMETER")
        .containsEntry("request_id", "req-1");
  }
}
