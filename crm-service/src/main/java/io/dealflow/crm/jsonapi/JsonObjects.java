package io.dealflow.crm.jsonapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code jsonb} columns that hold a client's free-form objects ({@code metadata}). */
public final class JsonObjects {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private JsonObjects() {}

  public static String write(@Nullable Object value) {
    return JSON.writeValueAsString(value == null ? Map.of() : value);
  }

  public static Map<String, Object> read(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return new LinkedHashMap<>();
    }
    return JSON.readValue(json, MAP);
  }

  /**
   * The client's object laid over the stored one: its keys replace theirs, and a key it sets to
   * null is removed.
   */
  public static Map<String, Object> merge(
      Map<String, Object> current, @Nullable Map<String, @Nullable Object> change) {
    Map<String, Object> merged = new LinkedHashMap<>(current);
    if (change != null) {
      change.forEach(
          (key, value) -> {
            if (value == null) {
              merged.remove(key);
            } else {
              merged.put(key, value);
            }
          });
    }
    return merged;
  }

  public static <T> T read(String json, Class<T> type) {
    return JSON.readValue(json, type);
  }

  public static <T> T read(String json, TypeReference<T> type) {
    return JSON.readValue(json, type);
  }
}
