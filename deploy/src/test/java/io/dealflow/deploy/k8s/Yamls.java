package io.dealflow.deploy.k8s;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Walks parsed YAML (maps and lists) without casts at every step. */
final class Yamls {

  private Yamls() {}

  /** The value under the keys (or list indexes), or null where the path ends early. */
  static @Nullable Object at(@Nullable Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      if (current instanceof Map<?, ?> map) {
        current = map.get(step);
      } else if (current instanceof List<?> list && step instanceof Integer index) {
        current = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return current;
  }

  static List<?> list(@Nullable Object node, Object... path) {
    return at(node, path) instanceof List<?> list ? list : List.of();
  }

  static Map<?, ?> map(@Nullable Object node, Object... path) {
    return at(node, path) instanceof Map<?, ?> map ? map : Map.of();
  }
}
