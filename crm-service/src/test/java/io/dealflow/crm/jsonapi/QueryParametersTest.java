package io.dealflow.crm.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.platform.security.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  static final Map<String, String> SORTABLE = Map.of("name", "name", "created_at", "created_at");

  @Test
  void aDateIncludesItsWholeDay() {
    assertThat(QueryParameters.from("date_from", "2025-01-31"))
        .isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
    assertThat(QueryParameters.until("date_to", "2025-01-31"))
        .isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
    assertThat(QueryParameters.from("created_after", "2025-01-31T10:00:00+02:00"))
        .isEqualTo(Instant.parse("2025-01-31T08:00:00Z"));
    assertThat(QueryParameters.from("created_after", null)).isNull();
  }

  @Test
  void anUnreadableDateIsABadRequestNamingTheParameter() {
    assertThatThrownBy(() -> QueryParameters.from("date_from", "yesterday"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
              assertThat(e.error().meta()).containsEntry("parameter", "date_from");
            });
  }

  @Test
  void anUnknownValueIsABadRequestListingTheKnownOnes() {
    assertThat(QueryParameters.oneOf("status", "Qualified", List.of("new", "qualified")))
        .isEqualTo("qualified");
    assertThatThrownBy(() -> QueryParameters.oneOf("status", "won", List.of("new", "qualified")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("new, qualified");
  }

  @Test
  void sortDefaultsToNewestFirstAndOnlyWhitelistedColumnsReachSql() {
    assertThat(Sort.of(null, null, SORTABLE, "created_at").sql())
        .isEqualTo("created_at DESC NULLS LAST, id DESC");
    assertThat(Sort.of("name", null, SORTABLE, "created_at").sql())
        .isEqualTo("name ASC NULLS LAST, id ASC");
    assertThat(Sort.of("name", "desc", SORTABLE, "created_at").descending()).isTrue();
    assertThatThrownBy(() -> Sort.of("name; DROP TABLE leads", null, SORTABLE, "created_at"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error().meta()).containsEntry("parameter", "sort"));
    assertThatThrownBy(() -> Sort.of("name", "sideways", SORTABLE, "created_at"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error().meta()).containsEntry("parameter", "order"));
  }

  @Test
  void aCallerWithoutAnOrganizationIsForbidden() {
    Tenant orphan =
        new Tenant(UUID.randomUUID(), "x@example.com", null, Set.of(), Set.of(), Map.of());

    assertThatThrownBy(() -> Callers.organization(orphan))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().kind()).isEqualTo(ErrorKind.FORBIDDEN));
  }
}
