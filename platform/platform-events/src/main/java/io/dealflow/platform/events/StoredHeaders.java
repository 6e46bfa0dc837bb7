package io.dealflow.platform.events;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Kafka headers as an outbox row keeps them: a JSON array of {@code {"name", "value"}} with the
 * value's bytes in Base64, since a header's value need not be text.
 */
final class StoredHeaders {

  private StoredHeaders() {}

  static String write(List<Header> headers) {
    ArrayNode array = EventJson.MAPPER.createArrayNode();
    for (Header header : headers) {
      array
          .addObject()
          .put("name", header.key())
          .put(
              "value",
              header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
    }
    return array.toString();
  }

  static List<Header> read(@Nullable String json) {
    List<Header> headers = new ArrayList<>();
    if (json == null) {
      return headers;
    }
    for (JsonNode node : EventJson.MAPPER.readTree(json)) {
      JsonNode value = node.get("value");
      headers.add(
          new RecordHeader(
              node.get("name").asString(),
              value == null || value.isNull()
                  ? null
                  : Base64.getDecoder().decode(value.asString())));
    }
    return headers;
  }
}
