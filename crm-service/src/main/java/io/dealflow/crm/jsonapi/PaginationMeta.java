package io.dealflow.crm.jsonapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code meta.pagination} of a list. An empty list has one (empty) page, so that {@code first} and
 * {@code last} always name a page that exists.
 *
 * @param currentPage the page served
 * @param totalPages how many pages the list has, at least 1
 * @param totalCount how many items the list has
 * @param perPage items per page, as served
 * @param prevPage the page before, null on the first page
 * @param nextPage the page after, null on the last page
 */
public record PaginationMeta(
    @JsonProperty("current_page") int currentPage,
    @JsonProperty("total_pages") int totalPages,
    @JsonProperty("total_count") long totalCount,
    @JsonProperty("per_page") int perPage,
    @JsonProperty("prev_page") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer prevPage,
    @JsonProperty("next_page") @JsonInclude(JsonInclude.Include.ALWAYS)
        @Nullable Integer nextPage) {

  public static PaginationMeta of(PageRequest request, long totalCount) {
    int totalPages = (int) Math.max(1, (totalCount + request.perPage() - 1) / request.perPage());
    int current = request.page();
    // A page past the end is answered empty; its "prev" leads back to the last real page.
    Integer prev = current > 1 ? Math.min(current - 1, totalPages) : null;
    Integer next = current < totalPages ? current + 1 : null;
    return new PaginationMeta(current, totalPages, totalCount, request.perPage(), prev, next);
  }
}
