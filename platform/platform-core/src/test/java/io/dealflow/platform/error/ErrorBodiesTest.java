package io.dealflow.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

  private static final Instant NOW = Instant.parse("2026-01-15T10:30:00.123456Z");
  private static final ApiError NAME_BLANK =
      ApiError.validation(List.of(new FieldViolation("name", "blank", "Name can't be blank")));

  @Test
  void hellosalesNestsCodeAndMessageUnderDetail() {
    Map<String, Object> body =
        ErrorBodies.render(
            ApiFamily.HELLOSALES, ApiError.of(ErrorKind.FORBIDDEN, "No access"), "r1", NOW);

    assertThat(body).containsOnlyKeys("detail");
    assertThat(body.get("detail")).isEqualTo(Map.of("code", "FORBIDDEN", "message", "No access"));
  }

  @Test
  void trainerCarriesDetailErrorCodeAndTimestamp() {
    Map<String, Object> body =
        ErrorBodies.render(
            ApiFamily.TRAINER, ApiError.of(ErrorKind.TOKEN_EXPIRED, "Token expired"), null, NOW);

    assertThat(body)
        .containsEntry("detail", "Token expired")
        .containsEntry("error_code", "AUTH_TOKEN_EXPIRED")
        .containsEntry("timestamp", "2026-01-15T10:30:00.123Z");
  }

  @Test
  void spotlightListsOneErrorPerFieldWithAPointer() {
    Map<String, Object> body = ErrorBodies.render(ApiFamily.SPOTLIGHT, NAME_BLANK, "r1", NOW);

    assertThat(body.get("errors"))
        .isEqualTo(
            List.of(
                Map.of(
                    "status", "422",
                    "title", "Validation Error",
                    "detail", "Name can't be blank",
                    "source", Map.of("pointer", "/data/attributes/name"),
                    "meta", Map.of("field", "name", "code", "blank"))));
  }

  @Test
  void spotlightPointsBelowTheResourceKeyAndKeepsNestedPaths() {
    assertThat(ErrorBodies.attributeName(new FieldViolation("name", "blank", "x")))
        .isEqualTo("name");
    assertThat(ErrorBodies.attributeName(new FieldViolation("lead.email", "invalid", "x")))
        .isEqualTo("email");
    assertThat(
            ErrorBodies.attributeName(
                new FieldViolation("assistant.voice_settings.speed", "range", "x")))
        .isEqualTo("voice_settings/speed");
    assertThat(ErrorBodies.attributeName(new FieldViolation("lead.tags[2]", "blank", "x")))
        .isEqualTo("tags/2");
  }

  @Test
  void spotlightRateLimitKeepsRetryAfterInMeta() {
    ApiError limited =
        ApiError.of(ErrorKind.RATE_LIMITED, "Too many requests. Please try again later.")
            .withMeta("retry_after", 60);

    Map<String, Object> body = ErrorBodies.render(ApiFamily.SPOTLIGHT, limited, "r1", NOW);

    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) body.get("errors")).getFirst();
    assertThat(first).containsEntry("status", "429").containsEntry("title", "Rate Limit Exceeded");
    assertThat(first.get("meta"))
        .isEqualTo(Map.of("retry_after", 60, "code", "RATE_LIMIT_EXCEEDED", "request_id", "r1"));
  }

  @Test
  void vectorosHasErrorCodeAndDetails() {
    Map<String, Object> body = ErrorBodies.render(ApiFamily.VECTOROS, NAME_BLANK, null, NOW);

    assertThat(body)
        .containsEntry("error", "Name can't be blank")
        .containsEntry("code", "VALIDATION_ERROR")
        .containsEntry("details", Map.of("fields", Map.of("name", "Name can't be blank")));
  }

  @Test
  void helioscsWrapsEverythingUnderErrorWithRequestId() {
    Map<String, Object> body = ErrorBodies.render(ApiFamily.HELIOSCS, NAME_BLANK, "req_1", NOW);

    assertThat(body).containsOnlyKeys("error");
    assertThat(body.get("error"))
        .isEqualTo(
            Map.of(
                "code", "VALIDATION_ERROR",
                "message", "Name can't be blank",
                "details", List.of(Map.of("field", "name", "message", "Name can't be blank")),
                "timestamp", "2026-01-15T10:30:00.123Z",
                "request_id", "req_1"));
  }

  @Test
  void validationStatusFollowsTheFamily() {
    assertThat(NAME_BLANK.status(ApiFamily.SPOTLIGHT)).isEqualTo(422);
    assertThat(NAME_BLANK.status(ApiFamily.TRAINER)).isEqualTo(422);
    assertThat(NAME_BLANK.status(ApiFamily.HELLOSALES)).isEqualTo(400);
    assertThat(NAME_BLANK.status(ApiFamily.VECTOROS)).isEqualTo(400);
  }

  @Test
  void specificCodeReplacesTheFamilyDefault() {
    ApiError taken = ApiError.of(ErrorKind.CONFLICT, "Email taken").withCode("EMAIL_TAKEN");

    assertThat(ErrorBodies.code(ApiFamily.HELIOSCS, taken)).isEqualTo("EMAIL_TAKEN");
  }

  @Test
  void familyResolverPicksFirstMatchingPatternElseDefault() {
    ApiFamilyResolver resolver =
        new ApiFamilyResolver(
            Map.of(ApiFamily.TRAINER, List.of("/api/v1/auth/**")), ApiFamily.VECTOROS);

    assertThat(resolver.resolve("/api/v1/auth/login")).isEqualTo(ApiFamily.TRAINER);
    assertThat(resolver.resolve("/api/v1/users/42")).isEqualTo(ApiFamily.VECTOROS);
  }
}
