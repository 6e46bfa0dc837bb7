package io.dealflow.realtime.socket;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON for socket frames: protocols build their messages as trees, so field order is theirs. */
public final class SocketJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SocketJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** The frame as a JSON object, or null when it is no JSON object. */
  public static @Nullable ObjectNode readObject(String text) {
    try {
      return MAPPER.readTree(text) instanceof ObjectNode object ? object : null;
    } catch (JacksonException notJson) {
      return null;
    }
  }

  /** A string field, or null when absent or not a string. */
  public static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }
}
