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

  public static <T> T read(String json, Class<T> type) {
    return JSON.readValue(json, type);
  }

  public static <T> T read(String json, TypeReference<T> type) {
    return JSON.readValue(json, type);
  }
}
