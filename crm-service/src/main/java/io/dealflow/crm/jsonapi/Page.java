package io.dealflow.crm.jsonapi;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the size of the whole list.
 *
 * @param items the page's items
 * @param total how many items the whole list (all pages) holds
 * @param request the page that was asked for
 */
public record Page<T>(List<T> items, long total, PageRequest request) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total, request);
  }

  public PaginationMeta meta() {
    return PaginationMeta.of(request, total);
  }
}
