package io.dealflow.support.web;

import io.dealflow.platform.error.ApiException;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * HeliosCS paging: {@code page} (from 1, default 1) and {@code size} (1-100, default 20); the body
 * is the page's items as a bare array and the headers say where it is: {@code X-Total-Count},
 * {@code X-Page-Count} and {@code X-Current-Page}.
 */
public record Paging(int page, int size) {

  public static final int MAX_SIZE = 100;

  /**
   * @throws ApiException 400 {@code VALIDATION_ERROR} for a page below 1 or a size outside 1-100
   */
  public static Paging of(int page, int size) {
    if (page < 1) {
      throw ApiException.invalid("page", "min", "must be 1 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiException.invalid("size", "range", "must be between 1 and " + MAX_SIZE);
    }
    return new Paging(page, size);
  }

  public int offset() {
    return (page - 1) * size;
  }

  public <T> ResponseEntity<List<T>> respond(List<T> items, long total) {
    long pages = total == 0 ? 0 : (total + size - 1) / size;
    return ResponseEntity.ok()
        .header("X-Total-Count", Long.toString(total))
        .header("X-Page-Count", Long.toString(pages))
        .header("X-Current-Page", Integer.toString(page))
        .body(items);
  }
}
