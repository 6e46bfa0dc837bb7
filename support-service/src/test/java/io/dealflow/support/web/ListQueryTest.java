package io.dealflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dealflow.platform.error.ApiError;
import io.dealflow.platform.error.ApiException;
import io.dealflow.platform.error.ErrorKind;
import io.dealflow.support.range.TimeRange;
import io.dealflow.support.web.ListQuery.Sort;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListQueryTest {

  private static final Set<String> STATUSES = Set.of("open", "resolved");
  private static final Set<String> SORTABLE = Set.of("created_at", "priority");
  private static final Sort NEWEST_FIRST = new Sort("created_at", false);

  private static ListQuery query(String name, String value) {
    return new ListQuery(Map.of(name, value));
  }

  /** The one field a 400 {@code VALIDATION_ERROR} names. */
  private static String invalidField(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ApiException.class);
    ApiError error = ((ApiException) thrown).error();
    assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION);
    assertThat(error.violations()).hasSize(1);
    return error.violations().getFirst().field();
  }

  @Nested
  class Filters {

    @Test
    void anAllowedValueIsTakenStripped() {
      assertThat(query("filter[status]", " open ").filter("status", STATUSES)).isEqualTo("open");
    }

    @Test
    void anAbsentOrBlankFilterMatchesEverything() {
      assertThat(new ListQuery(Map.of()).filter("status", STATUSES)).isNull();
      assertThat(query("filter[status]", "  ").filter("status", STATUSES)).isNull();
    }

    @Test
    void aValueOutsideTheAllowedOnesIsRefusedNamingTheParameter() {
      assertThat(invalidField(() -> query("filter[status]", "Open").filter("status", STATUSES)))
          .isEqualTo("filter[status]");
    }

    @Test
    void otherFieldsFiltersAreNotRead() {
      assertThat(query("filter[priority]", "high").filter("status", STATUSES)).isNull();
    }
  }

  @Nested
  class Ranges {

    @Test
    void datesCoverWholeDaysTheLastOneIncluded() {
      assertThat(query("filter[created_at]", "2024-01-15..2024-01-20").range("created_at"))
          .isEqualTo(
              new TimeRange(
                  Instant.parse("2024-01-15T00:00:00Z"), Instant.parse("2024-01-21T00:00:00Z")));
    }

    @Test
    void instantsAreTakenAsGiven() {
      assertThat(
              query("filter[created_at]", "2024-01-15T10:30:00Z..2024-01-15T12:00:00.250Z")
                  .range("created_at"))
          .isEqualTo(
              new TimeRange(
                  Instant.parse("2024-01-15T10:30:00Z"),
                  Instant.parse("2024-01-15T12:00:00.250Z")));
    }

    @Test
    void datesAndInstantsMix() {
      assertThat(
              query("filter[created_at]", "2024-01-15T10:30:00Z..2024-01-16").range("created_at"))
          .isEqualTo(
              new TimeRange(
                  Instant.parse("2024-01-15T10:30:00Z"), Instant.parse("2024-01-17T00:00:00Z")));
    }

    @Test
    void eitherEndMayBeOpen() {
      assertThat(query("filter[created_at]", "2024-01-15..").range("created_at"))
          .isEqualTo(new TimeRange(Instant.parse("2024-01-15T00:00:00Z"), null));
      assertThat(query("filter[created_at]", "..2024-01-20").range("created_at"))
          .isEqualTo(new TimeRange(null, Instant.parse("2024-01-21T00:00:00Z")));
    }

    @Test
    void oneDateIsThatWholeDay() {
      assertThat(query("filter[created_at]", "2024-02-29").range("created_at"))
          .isEqualTo(
              new TimeRange(
                  Instant.parse("2024-02-29T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")));
    }

    @Test
    void oneInstantIsFromThenOn() {
      assertThat(query("filter[created_at]", "2024-02-29T10:15:00Z").range("created_at"))
          .isEqualTo(new TimeRange(Instant.parse("2024-02-29T10:15:00Z"), null));
    }

    @Test
    void noFilterIsAnOpenRange() {
      assertThat(new ListQuery(Map.of()).range("created_at")).isEqualTo(new TimeRange(null, null));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "yesterday",
          "2024-01-15..tomorrow",
          "2024-13-01",
          "2024-01-15 10:30..2024-01-16",
          "15/01/2024"
        })
    void anythingElseIsRefusedNamingTheParameter(String value) {
      assertThat(invalidField(() -> query("filter[created_at]", value).range("created_at")))
          .isEqualTo("filter[created_at]");
    }
  }

  @Nested
  class Sorting {

    @Test
    void noSortIsTheDefault() {
      assertThat(new ListQuery(Map.of()).sort(SORTABLE, NEWEST_FIRST)).isEqualTo(NEWEST_FIRST);
      assertThat(query("sort", " ").sort(SORTABLE, NEWEST_FIRST)).isEqualTo(NEWEST_FIRST);
    }

    @Test
    void aFieldWithADirection() {
      assertThat(query("sort", "priority:desc").sort(SORTABLE, NEWEST_FIRST))
          .isEqualTo(new Sort("priority", false));
      assertThat(query("sort", "created_at:ASC").sort(SORTABLE, NEWEST_FIRST))
          .isEqualTo(new Sort("created_at", true));
    }

    @Test
    void aFieldAloneIsAscending() {
      assertThat(query("sort", "priority").sort(SORTABLE, NEWEST_FIRST))
          .isEqualTo(new Sort("priority", true));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "title:asc",
          "Priority:desc",
          "priority:down",
          "priority:",
          "created_at desc",
          "created_at;DROP TABLE tickets"
        })
    void onlyASortableFieldAndAscOrDescAreAccepted(String value) {
      assertThat(invalidField(() -> query("sort", value).sort(SORTABLE, NEWEST_FIRST)))
          .isEqualTo("sort");
    }
  }

  @Nested
  class Search {

    @Test
    void isStrippedAndBlankIsNone() {
      assertThat(query("search", "  refund ").search()).isEqualTo("refund");
      assertThat(query("search", " ").search()).isNull();
      assertThat(new ListQuery(Map.of()).search()).isNull();
    }

    @Test
    void isAtMost200Characters() {
      assertThat(query("search", "x".repeat(200)).search()).hasSize(200);
      assertThat(invalidField(() -> query("search", "x".repeat(201)).search())).isEqualTo("search");
    }
  }
}
