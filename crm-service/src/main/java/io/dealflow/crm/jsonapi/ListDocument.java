package io.dealflow.crm.jsonapi;

import java.util.List;
import java.util.Map;

/**
 * A JSON:API document whose primary data is a page of resources, with {@code meta.pagination}.
 *
 * @param data the page's resources
 * @param meta {@code {"pagination": {...}}}
 */
public record ListDocument(List<Resource> data, Map<String, Object> meta) {

  public ListDocument {
    data = List.copyOf(data);
    meta = Map.copyOf(meta);
  }

  public static ListDocument of(List<Resource> data, PaginationMeta pagination) {
    return new ListDocument(data, Map.of("pagination", pagination));
  }
}
