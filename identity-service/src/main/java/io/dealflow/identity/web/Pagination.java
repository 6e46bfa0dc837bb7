package io.dealflow.identity.web;

import io.dealflow.identity.organization.Page;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * The paging every list of identity-service shares: {@code limit} (default 50, at most 200) and
 * {@code offset}, with the list's full size in {@code X-Total-Count}, so that the seeds' plain
 * array bodies stay unchanged.
 */
public final class Pagination {

  public static final String TOTAL_COUNT = "X-Total-Count";
  public static final String DEFAULT_LIMIT = "50";
  public static final int MAX_LIMIT = 200;

  private Pagination() {}

  public static <T> ResponseEntity<List<T>> ok(Page<T> page) {
    return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(page.total())).body(page.items());
  }
}
