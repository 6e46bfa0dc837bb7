package io.dealflow.crm.jsonapi;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a list the client asked for: {@code page} (from 1, default 1) and {@code per_page}
 * (default 25). A {@code per_page} above 100 is served as 100, as the seed's maximum says; the
 * answer's {@code meta.pagination.per_page} tells the client what it got.
 *
 * @param page the page number, from 1
 * @param perPage how many items a page holds, 1–100
 */
public record PageRequest(int page, int perPage) {

  public static final int DEFAULT_PER_PAGE = 25;
  public static final int MAX_PER_PAGE = 100;

  public PageRequest {
    if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new IllegalArgumentException("page " + page + ", per_page " + perPage);
    }
  }

  /**
   * Reads the query parameters.
   *
   * @throws io.dealflow.platform.error.ApiException 400 when either is below 1
   */
  public static PageRequest of(@Nullable Integer page, @Nullable Integer perPage) {
    int number = page == null ? 1 : page;
    int size = perPage == null ? DEFAULT_PER_PAGE : perPage;
    if (number < 1) {
      throw QueryParameters.invalid("page", "Page must be 1 or more");
    }
    if (size < 1) {
      throw QueryParameters.invalid("per_page", "Per page must be 1 or more");
    }
    return new PageRequest(number, Math.min(size, MAX_PER_PAGE));
  }

  /** How many items come before this page. */
  public long offset() {
    return (long) (page - 1) * perPage;
  }
}
