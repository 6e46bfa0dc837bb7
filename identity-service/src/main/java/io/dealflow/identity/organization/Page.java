package io.dealflow.identity.organization;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the size of the whole list.
 *
 * @param items the items on this page
 * @param total how many items the list has
 */
public record Page<T>(List<T> items, long total) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total);
  }
}
